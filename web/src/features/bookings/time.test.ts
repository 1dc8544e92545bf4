import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { parseCents } from '../../i18n/format';
import { ruleOf } from './recurrence';
import { dayBounds, instantOf, localOf, nextQuarter } from './time';

describe('site times', () => {
  it('turns a site-local day and time into an instant with the offset of that day', () => {
    expect(instantOf('2027-03-27', '10:00', 'Europe/Amsterdam')).toBe('2027-03-27T10:00:00+01:00');
    expect(instantOf('2027-03-29', '10:00', 'Europe/Amsterdam')).toBe('2027-03-29T10:00:00+02:00');
    expect(localOf('2027-03-29T08:00:00Z', 'Europe/Amsterdam')).toEqual({ date: '2027-03-29', time: '10:00' });
  });

  it('knows a site day is 23 hours when the clocks go forward', () => {
    const { from, to } = dayBounds('2027-03-28', 'Europe/Amsterdam');
    expect(from).toBe('2027-03-28T00:00:00+01:00');
    expect(to).toBe('2027-03-29T00:00:00+02:00');
    expect(Temporal.Instant.from(to).since(Temporal.Instant.from(from)).total('hours')).toBe(23);
  });

  it('rounds up to the next quarter hour in the site zone, across midnight', () => {
    const at = (iso: string) => nextQuarter('Europe/Amsterdam', Temporal.Instant.from(iso));
    expect(at('2027-03-29T08:00:00Z')).toEqual({ date: '2027-03-29', time: '10:00' });
    expect(at('2027-03-29T08:01:30Z')).toEqual({ date: '2027-03-29', time: '10:15' });
    expect(at('2027-03-29T21:50:00Z')).toEqual({ date: '2027-03-30', time: '00:00' });
  });
});

describe('form values', () => {
  it('reads money as people type it, in integer cents', () => {
    expect(parseCents('12,50')).toBe(1250);
    expect(parseCents('12.5')).toBe(1250);
    expect(parseCents('€ 7')).toBe(700);
    expect(parseCents('0,05')).toBe(5);
    expect(parseCents('1.234,50')).toBeNull();
    expect(parseCents('twelve')).toBeNull();
  });

  it('writes the repeat choice as the RRULE subset the API takes, 2 to 60 times', () => {
    expect(ruleOf('none', 5)).toBeNull();
    expect(ruleOf('weekly', 8)).toBe('FREQ=WEEKLY;COUNT=8');
    expect(ruleOf('weekdays', 10)).toBe('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=10');
    expect(ruleOf('monthly', 500)).toBe('FREQ=MONTHLY;COUNT=60');
    expect(ruleOf('daily', 1)).toBe('FREQ=DAILY;COUNT=2');
  });
});
