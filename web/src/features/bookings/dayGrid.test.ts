import { describe, expect, it } from 'vitest';
import { buildDayGrid, filterResources, isFree, quartersOf, selectCell, type Resource, type Taken } from './dayGrid';
import { instantOf } from './time';

const ZONE = 'Europe/Amsterdam';

function resource(id: string, over: Partial<Resource> = {}): Resource {
  return {
    id, siteId: 's', timeZone: ZONE, type: 'room', name: id, floor: '1', capacity: 6, features: ['screen'],
    rules: { opens: '08:00', closes: '12:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
    version: 1, createdAt: '', updatedAt: '', ...over,
  };
}

/** A busy time as a resource's agenda answers it (someone else's: no id, no title). */
function booking(resourceId: string, date: string, from: string, to: string, over: Partial<Taken> = {}): Taken {
  return { resourceId, start: instantOf(date, from, ZONE), end: instantOf(date, to, ZONE), mine: false, ...over };
}

const MONDAY = '2027-03-29'; // the day after the clocks go forward in Amsterdam
const BEFORE = instantOf('2027-03-28', '12:00', ZONE);

describe('the day grid', () => {
  it('has a quarter-hour column from the earliest opening to the latest closing', () => {
    const grid = buildDayGrid({
      date: MONDAY, zone: ZONE, now: BEFORE, bookings: [],
      resources: [resource('a'), resource('b', { rules: { opens: '07:30', closes: '11:00' } })],
    });
    expect(grid.slots[0]).toBe('07:30');
    expect(grid.slots.at(-1)).toBe('11:45');
    expect(grid.slots).toHaveLength(18);
    expect(grid.rows[0].cells[0].state).toBe('closed'); // a opens at 08:00
    expect(grid.rows[1].cells.at(-1)!.state).toBe('closed'); // b closes at 11:00
  });

  it('marks the quarters of busy times busy, or mine with their id and title', () => {
    const grid = buildDayGrid({
      date: MONDAY, zone: ZONE, now: BEFORE,
      resources: [resource('a')],
      bookings: [
        booking('a', MONDAY, '09:00', '10:00'),
        booking('a', MONDAY, '10:30', '10:45', { mine: true, bookingId: 'b-mine', title: 'Mine' }),
      ],
    });
    const state = (t: string) => grid.rows[0].cells.find((c) => c.time === t)!.state;
    expect(state('08:45')).toBe('free');
    expect(['09:00', '09:15', '09:30', '09:45'].map(state)).toEqual(['busy', 'busy', 'busy', 'busy']);
    expect(state('10:00')).toBe('free');
    expect(state('10:30')).toBe('mine');
    expect(grid.rows[0].cells.find((c) => c.time === '10:30')!).toMatchObject({ title: 'Mine', bookingId: 'b-mine' });
    expect(grid.rows[0].cells.find((c) => c.time === '09:00')!.title).toBeUndefined();
    expect(state('11:00')).toBe('free');
  });

  it('uses wall-clock times of the site on a daylight-saving day (10:00 is 10:00, not 11:00)', () => {
    const sunday = '2027-03-28';
    const grid = buildDayGrid({
      date: sunday, zone: ZONE, now: instantOf('2027-03-27', '12:00', ZONE),
      resources: [resource('a', { rules: { opens: '08:00', closes: '12:00', days: ['sun'] } })],
      bookings: [booking('a', sunday, '10:00', '10:30')],
    });
    expect(grid.rows[0].cells.filter((c) => c.state === 'busy').map((c) => c.time)).toEqual(['10:00', '10:15']);
  });

  it('closes a resource on a day it is not bookable and marks begun quarters past', () => {
    const saturday = '2027-04-03';
    const closed = buildDayGrid({ date: saturday, zone: ZONE, now: BEFORE, resources: [resource('a')], bookings: [] });
    expect(closed.rows[0].cells.every((c) => c.state === 'closed')).toBe(true);
    const during = buildDayGrid({
      date: MONDAY, zone: ZONE, now: instantOf(MONDAY, '09:05', ZONE), resources: [resource('a')], bookings: [],
    });
    const state = (t: string) => during.rows[0].cells.find((c) => c.time === t)!.state;
    expect(state('08:45')).toBe('past');
    expect(state('09:00')).toBe('past'); // begun
    expect(state('09:15')).toBe('free');
  });

  it('counts a booking that started the day before only from midnight', () => {
    const b = booking('a', '2027-03-30', '00:00', '01:00');
    b.start = instantOf(MONDAY, '23:00', ZONE);
    expect(quartersOf(b, '2027-03-30', ZONE)).toEqual(['00:00', '00:15', '00:30', '00:45']);
  });
});

describe('filters and selection', () => {
  const rooms = [
    resource('small', { capacity: 4, features: ['screen'] }),
    resource('big', { capacity: 12, features: ['screen', 'video'] }),
    resource('desk', { type: 'desk', capacity: 1, features: [] }),
  ];

  it('keeps the resources of the type with the seats and every wanted feature', () => {
    expect(filterResources(rooms, { type: 'room', seats: 5, features: [] }).map((r) => r.id)).toEqual(['big']);
    expect(filterResources(rooms, { type: 'room', seats: 1, features: ['video'] }).map((r) => r.id)).toEqual(['big']);
    expect(filterResources(rooms, { type: 'desk', seats: 0, features: [] }).map((r) => r.id)).toEqual(['desk']);
    expect(filterResources(rooms, { type: 'any', seats: 1, features: [] })).toHaveLength(3);
  });

  it('picks an hour from a clicked free quarter, shorter before a taken one, and stretches on a later click', () => {
    const grid = buildDayGrid({
      date: MONDAY, zone: ZONE, now: BEFORE, resources: [resource('a')], bookings: [booking('a', MONDAY, '09:30', '10:00')],
    });
    const row = grid.rows[0];
    expect(selectCell(row, '08:00', null)).toEqual({ resourceId: 'a', start: '08:00', end: '09:00' });
    expect(selectCell(row, '09:00', null)).toEqual({ resourceId: 'a', start: '09:00', end: '09:30' });
    const picked = selectCell(row, '10:00', null)!;
    expect(selectCell(row, '11:30', picked)).toEqual({ resourceId: 'a', start: '10:00', end: '11:45' });
    // a taken quarter changes nothing; stretching over a taken one starts anew
    expect(selectCell(row, '09:30', picked)).toBe(picked);
    expect(selectCell(row, '08:00', { resourceId: 'a', start: '08:00', end: '08:15' })).toEqual({ resourceId: 'a', start: '08:00', end: '09:00' });
    expect(isFree(row, '08:00', '09:30')).toBe(true);
    expect(isFree(row, '08:00', '09:45')).toBe(false);
  });
});
