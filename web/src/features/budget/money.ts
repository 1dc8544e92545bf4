/**
 * Budget arithmetic in integer cents, as the API keeps it: the even spread of a year over its
 * months, the months' sum against the year, and amounts typed per month. Nothing here uses
 * floating point on money.
 */
export type Euro = { amountCents: number; currency: 'EUR' | string };

export const euro = (amountCents: number): { amountCents: number; currency: 'EUR' } => ({ amountCents, currency: 'EUR' });

/** The API's even spread: the cents that do not divide by twelve go to the first months. */
export function spreadEvenly(yearCents: number): number[] {
  const base = Math.floor(yearCents / 12);
  const rest = yearCents - base * 12;
  return Array.from({ length: 12 }, (_, m) => base + (m < rest ? 1 : 0));
}

export function sum(cents: readonly number[]): number {
  return cents.reduce((a, b) => a + b, 0);
}

/** Twelve typed month amounts → cents, with the index of each month that is not an amount. */
export function monthCents(texts: readonly string[], parse: (t: string) => number | null): { cents: number[]; bad: number[] } {
  const cents: number[] = [];
  const bad: number[] = [];
  texts.forEach((t, m) => {
    const c = t.trim() === '' ? 0 : parse(t);
    if (c === null) {
      bad.push(m);
      cents.push(0);
    } else {
      cents.push(c);
    }
  });
  return { cents, bad };
}

/** Cents as the plain decimal a person types back ("1234.5" is not written: "1234.50"). */
export function centsText(cents: number, decimal: ',' | '.' = ','): string {
  const sign = cents < 0 ? '-' : '';
  const a = Math.abs(cents);
  return `${sign}${Math.floor(a / 100)}${decimal}${String(a % 100).padStart(2, '0')}`;
}

/** Basis points (1250 = 12.50 %) as a percentage with at most one decimal, in the reader's language. */
export function percent(basisPoints: number | undefined, locale: string): string {
  if (basisPoints === undefined) {
    return '–';
  }
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(basisPoints / 10000);
}

/** Where a report's month sits: this month this year, else December of an earlier year, January of a later one. */
export function reportMonth(year: number, now: { year: number; month: number }): number {
  if (year === now.year) return now.month;
  return year < now.year ? 12 : 1;
}

/** The file name the CSV is saved under: the server's Content-Disposition, else one made from the report's terms. */
export function csvFileName(disposition: string | null, year: number, month: number, costCentre?: string): string {
  const m = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  if (m) {
    return decodeURIComponent(m[1]);
  }
  return `budget-${year}-${String(month).padStart(2, '0')}${costCentre ? `-${costCentre}` : ''}.csv`;
}
