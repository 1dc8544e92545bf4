import type { Schemas } from '../../api/client';
import { instantOf, isBefore, localOf, minutesOf, timeOf, weekdayOf } from './time';

export type Resource = Schemas['Resource'];
export type Booking = Schemas['Booking'];
/** A time a resource is busy, as its agenda shows everyone (the caller's own with id and title). */
export type Busy = Schemas['Busy'];
/** A busy time of one resource: what the grid needs of a booking. */
export type Taken = Busy & { resourceId: string };

/** The office hours a resource is bookable when its rules name none (the API's default). */
export const DEFAULT_HOURS = { opens: '07:00', closes: '20:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] };

export type CellState = 'free' | 'busy' | 'mine' | 'closed' | 'past';

export interface Cell {
  /** Local start of the quarter hour, "HH:mm". */
  time: string;
  state: CellState;
  bookingId?: string;
  title?: string;
}

export interface GridRow {
  resource: Resource;
  cells: Cell[];
}

export interface DayGrid {
  /** The quarter-hour starts shown, "HH:mm". */
  slots: string[];
  rows: GridRow[];
}

export interface Filters {
  type: 'room' | 'desk' | 'any';
  seats: number;
  features: readonly string[];
}

/** The resources that fit: of the type, with at least the seats, with every wanted feature. */
export function filterResources(resources: readonly Resource[], f: Filters): Resource[] {
  return resources.filter((r) => (f.type === 'any' || r.type === f.type)
    && r.capacity >= Math.max(1, f.seats || 1)
    && f.features.every((x) => r.features.includes(x)));
}

/** Every feature any resource has, sorted: the equipment filter's choices. */
export function allFeatures(resources: readonly Resource[]): string[] {
  return [...new Set(resources.flatMap((r) => r.features))].sort();
}

export function hoursOf(r: Resource): { opens: string; closes: string; days: readonly string[] } {
  return {
    opens: r.rules.opens ?? DEFAULT_HOURS.opens,
    closes: r.rules.closes ?? DEFAULT_HOURS.closes,
    days: r.rules.days ?? DEFAULT_HOURS.days,
  };
}

/**
 * The day grid of a site: one row per resource, one cell per quarter hour from the earliest
 * opening to the latest closing among the resources open that day. A cell is closed outside the
 * resource's hours, past before now, mine or busy under a booking (the agendas list active ones
 * only), else free.
 */
export function buildDayGrid(input: {
  date: string;
  zone: string;
  resources: readonly Resource[];
  bookings: readonly Taken[];
  now: string;
}): DayGrid {
  const { date, zone, resources, bookings, now } = input;
  const weekday = weekdayOf(date);
  const open = resources.map(hoursOf).filter((h) => h.days.includes(weekday));
  const first = open.length ? Math.min(...open.map((h) => minutesOf(h.opens))) : minutesOf(DEFAULT_HOURS.opens);
  const last = open.length ? Math.max(...open.map((h) => minutesOf(h.closes))) : minutesOf(DEFAULT_HOURS.closes);
  const slots: string[] = [];
  for (let m = Math.floor(first / 15) * 15; m < last; m += 15) {
    slots.push(timeOf(m));
  }
  const rows = resources.map((resource) => {
    const h = hoursOf(resource);
    const openToday = h.days.includes(weekday);
    const taken = new Map<string, Taken>();
    for (const b of bookings.filter((x) => x.resourceId === resource.id)) {
      for (const slot of quartersOf(b, date, zone)) {
        taken.set(slot, b);
      }
    }
    const cells = slots.map((time): Cell => {
      const m = minutesOf(time);
      const b = taken.get(time);
      if (b) {
        return { time, state: b.mine ? 'mine' : 'busy', bookingId: b.bookingId, title: b.title };
      }
      if (!openToday || m < minutesOf(h.opens) || m + 15 > minutesOf(h.closes)) {
        return { time, state: 'closed' };
      }
      // a quarter that has begun can no longer be booked
      if (!isBefore(now, instantOf(date, time, zone))) {
        return { time, state: 'past' };
      }
      return { time, state: 'free' };
    });
    return { resource, cells };
  });
  return { slots, rows };
}

/** The local quarter-hour starts ("HH:mm") a booking covers on the given site day. */
export function quartersOf(b: Pick<Busy, 'start' | 'end'>, date: string, zone: string): string[] {
  const s = localOf(b.start, zone);
  const e = localOf(b.end, zone);
  const from = s.date < date ? 0 : s.date > date ? 24 * 60 : minutesOf(s.time);
  const to = e.date > date ? 24 * 60 : e.date < date ? 0 : minutesOf(e.time);
  const out: string[] = [];
  for (let m = Math.floor(from / 15) * 15; m < to; m += 15) {
    out.push(timeOf(m));
  }
  return out;
}

/** Whether every quarter of [from, to) in the row is free. */
export function isFree(row: GridRow, from: string, to: string): boolean {
  const a = minutesOf(from);
  const b = minutesOf(to);
  if (b <= a) {
    return false;
  }
  const inRange = row.cells.filter((c) => minutesOf(c.time) >= a && minutesOf(c.time) < b);
  return inRange.length === (b - a) / 15 && inRange.every((c) => c.state === 'free');
}

/**
 * A selection made by clicking cells: the first click picks a start (an hour long, shorter when
 * the next quarters are not free); a click after it on the same row stretches it to that quarter.
 */
export function selectCell(
  row: GridRow,
  time: string,
  current: { resourceId: string; start: string; end: string } | null,
): { resourceId: string; start: string; end: string } | null {
  const cell = row.cells.find((c) => c.time === time);
  if (!cell || cell.state !== 'free') {
    return current;
  }
  const m = minutesOf(time);
  if (current && current.resourceId === row.resource.id && m >= minutesOf(current.end)) {
    const end = timeOf(m + 15);
    if (isFree(row, current.start, end)) {
      return { ...current, end };
    }
  }
  let end = m + 15;
  while (end < m + 60 && row.cells.find((c) => c.time === timeOf(end))?.state === 'free') {
    end += 15;
  }
  return { resourceId: row.resource.id, start: time, end: timeOf(end) };
}

/** The quarter-hour times of a day from opens to closes, for the start and end pickers. */
export function quarterTimes(from = '00:00', to = '24:00'): string[] {
  const out: string[] = [];
  for (let m = minutesOf(from); m <= minutesOf(to) && m < 24 * 60; m += 15) {
    out.push(timeOf(m));
  }
  return out;
}
