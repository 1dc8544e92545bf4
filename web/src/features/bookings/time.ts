import { Temporal } from 'temporal-polyfill';

/**
 * Site-local days and wall-clock times ↔ instants with offset, through Temporal (correct across
 * daylight-saving changes: 10:00 on the day the clocks go forward is still 10:00).
 */
export function today(zone: string, now: Temporal.Instant = Temporal.Now.instant()): string {
  return now.toZonedDateTimeISO(zone).toPlainDate().toString();
}

/** "2027-03-29" + "10:00" in Europe/Amsterdam → "2027-03-29T10:00:00+02:00". */
export function instantOf(date: string, time: string, zone: string): string {
  const zdt = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(time) });
  return zdt.toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/** The start of the site day and of the next one, as instants with offset. */
export function dayBounds(date: string, zone: string): { from: string; to: string } {
  const d = Temporal.PlainDate.from(date);
  const from = d.toZonedDateTime({ timeZone: zone });
  const to = d.add({ days: 1 }).toZonedDateTime({ timeZone: zone });
  return { from: from.toString({ timeZoneName: 'never' }), to: to.toString({ timeZoneName: 'never' }) };
}

/** The wall-clock time ("HH:mm") and day of an instant in the site's zone. */
export function localOf(iso: string, zone: string): { date: string; time: string } {
  const z = Temporal.Instant.from(iso).toZonedDateTimeISO(zone);
  return { date: z.toPlainDate().toString(), time: z.toPlainTime().toString({ smallestUnit: 'minute' }) };
}

/** Minutes since local midnight of a "HH:mm" (or "HH:mm:ss"). */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The first quarter hour at or after now, in the site's zone. */
export function nextQuarter(zone: string, now: Temporal.Instant = Temporal.Now.instant()): { date: string; time: string } {
  let z = now.toZonedDateTimeISO(zone).round({ smallestUnit: 'minute', roundingMode: 'ceil' });
  const extra = (15 - (z.minute % 15)) % 15;
  z = z.add({ minutes: extra });
  return { date: z.toPlainDate().toString(), time: z.toPlainTime().toString({ smallestUnit: 'minute' }) };
}

export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** mon … sun of a plain date. */
export function weekdayOf(date: string): 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun' {
  return (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const)[Temporal.PlainDate.from(date).dayOfWeek - 1];
}

export function isBefore(a: string, b: string): boolean {
  return Temporal.Instant.compare(Temporal.Instant.from(a), Temporal.Instant.from(b)) < 0;
}

export function nowInstant(): string {
  return Temporal.Now.instant().toString();
}
