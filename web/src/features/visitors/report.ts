import type { VisitorsReport } from './data';

export interface ReportSummary {
  /** Arrivals per local hour, 0 to 23, over all days. */
  byHour: number[];
  byPurpose: [string, number][];
  byDepartment: [string, number][];
  /** Average minutes on site per arrival, or null with no arrivals. */
  averageMinutes: number | null;
}

/** The report's days added up: per hour, per purpose and per department (most first). */
export function summarize(report: Pick<VisitorsReport, 'days' | 'arrived'>): ReportSummary {
  const byHour = Array.from({ length: 24 }, () => 0);
  const purposes = new Map<string, number>();
  const departments = new Map<string, number>();
  let minutes = 0;
  for (const day of report.days) {
    for (const [hour, n] of Object.entries(day.byHour)) {
      const h = Number(hour);
      if (h >= 0 && h < 24) byHour[h] += n;
    }
    for (const [p, n] of Object.entries(day.byPurpose)) purposes.set(p, (purposes.get(p) ?? 0) + n);
    for (const [d, n] of Object.entries(day.byDepartment)) departments.set(d, (departments.get(d) ?? 0) + n);
    minutes += day.minutesOnSite;
  }
  const most = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    byHour, byPurpose: most(purposes), byDepartment: most(departments),
    averageMinutes: report.arrived > 0 ? Math.round(minutes / report.arrived) : null,
  };
}
