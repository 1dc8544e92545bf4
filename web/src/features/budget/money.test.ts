import { describe, expect, it } from 'vitest';
import { parseCents } from '../../i18n/format';
import { centsText, csvFileName, monthCents, percent, reportMonth, spreadEvenly, sum } from './money';

describe('budget money in cents', () => {
  it('spreads a year evenly as the API does: the odd cents go to the first months', () => {
    expect(spreadEvenly(1200_00)).toEqual(Array(12).fill(100_00));
    const odd = spreadEvenly(100_05);
    expect(odd.slice(0, 9)).toEqual(Array(9).fill(834));
    expect(odd.slice(9)).toEqual(Array(3).fill(833));
    expect(sum(odd)).toBe(100_05);
    expect(spreadEvenly(7)).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
  });

  it('reads twelve typed months, empty as zero, and names the ones that are not amounts', () => {
    // "1.000" is refused rather than guessed (a thousand, or one with three decimals?)
    const texts = ['800', '800,50', '', 'x', '1.000', ...Array(7).fill('1000')];
    const { cents, bad } = monthCents(texts, parseCents);
    expect(bad).toEqual([3, 4]);
    expect(cents.slice(0, 6)).toEqual([800_00, 800_50, 0, 0, 0, 1000_00]);
  });

  it('writes cents back as a decimal people can edit, never through floating point', () => {
    expect(centsText(123456)).toBe('1234,56');
    expect(centsText(5, '.')).toBe('0.05');
    expect(centsText(-250)).toBe('-2,50');
    expect(parseCents(centsText(1999_99))).toBe(1999_99);
  });

  it('shows basis points as a percentage in the reader\'s language', () => {
    expect(percent(8125, 'en-GB')).toBe('81.3%');
    expect(percent(-1250, 'nl-NL')).toBe('-12,5%');
    expect(percent(undefined, 'nl-NL')).toBe('–');
  });

  it('reads a report up to this month this year, else the whole earlier year', () => {
    expect(reportMonth(2026, { year: 2026, month: 12 })).toBe(12);
    expect(reportMonth(2026, { year: 2026, month: 3 })).toBe(3);
    expect(reportMonth(2025, { year: 2026, month: 3 })).toBe(12);
    expect(reportMonth(2027, { year: 2026, month: 3 })).toBe(1);
  });

  it('saves the CSV under the server\'s file name', () => {
    expect(csvFileName('attachment; filename="budget-2026-11.csv"', 2026, 11)).toBe('budget-2026-11.csv');
    expect(csvFileName(null, 2026, 3, 'OPS')).toBe('budget-2026-03-OPS.csv');
  });
});
