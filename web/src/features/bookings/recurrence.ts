/** The repeat choices of the booking form as an RFC 5545 RRULE (the subset the API takes). */
export type Repeat = 'none' | 'daily' | 'weekdays' | 'weekly' | 'monthly';

export function ruleOf(repeat: Repeat, count: number): string | null {
  const n = Math.max(2, Math.min(60, Math.floor(count) || 2));
  switch (repeat) {
    case 'none':
      return null;
    case 'daily':
      return `FREQ=DAILY;COUNT=${n}`;
    case 'weekdays':
      return `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=${n}`;
    case 'weekly':
      return `FREQ=WEEKLY;COUNT=${n}`;
    case 'monthly':
      return `FREQ=MONTHLY;COUNT=${n}`;
  }
}
