import { describe, expect, it } from 'vitest';
import { chartSeries } from './chartSeries';
import type { Report } from './data';

const e = (amountCents: number) => ({ amountCents, currency: 'EUR' as const });
const figures = (budgetYear: number, actual: number, committed: number, runRate: number, phasing: number) => ({
  budgetYear: e(budgetYear), budgetToDate: e(budgetYear), actualToDate: e(actual), committed: e(committed),
  available: e(budgetYear - actual - committed), variance: e(budgetYear - actual),
  forecastYearEnd: { runRate: e(runRate), phasing: e(phasing) }, status: 'ok' as const,
});

describe('the budget chart\'s series', () => {
  it('gives per category, in order, the year budget, actual, committed and both forecasts in euros', () => {
    const report: Report['costCentres'][number] = {
      code: 'OPS', name: 'Operations', total: figures(0, 0, 0, 0, 0),
      categories: [
        { category: 'catering', categoryName: 'Catering', figures: figures(12_000_00, 8_123_45, 413_91, 10_500_00, 12_100_01) },
        { category: 'travel', categoryName: 'Reizen', figures: figures(800_00, 0, 0, 0, 800_00) },
      ],
    };
    expect(chartSeries(report)).toEqual({
      labels: ['Catering', 'Reizen'],
      budgetYear: [12000, 800],
      actual: [8123.45, 0],
      committed: [413.91, 0],
      forecastRunRate: [10500, 0],
      forecastPhasing: [12100.01, 800],
    });
  });
});
