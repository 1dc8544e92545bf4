import type { Report } from './data';

/**
 * The chart's series per category, in euros for the axis (Chart.js plots numbers; the cents stay
 * integers everywhere else and each euro value is one division of an integer).
 */
export function chartSeries(report: Report['costCentres'][number]) {
  const euros = (cents: number) => cents / 100;
  const c = report.categories;
  return {
    labels: c.map((x) => x.categoryName),
    budgetYear: c.map((x) => euros(x.figures.budgetYear.amountCents)),
    actual: c.map((x) => euros(x.figures.actualToDate.amountCents)),
    committed: c.map((x) => euros(x.figures.committed.amountCents)),
    forecastRunRate: c.map((x) => euros(x.figures.forecastYearEnd.runRate.amountCents)),
    forecastPhasing: c.map((x) => euros(x.figures.forecastYearEnd.phasing.amountCents)),
  };
}
