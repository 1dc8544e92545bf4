import { describe, expect, it } from 'vitest';
import { fieldError, toProblem, unplacedFields } from './problem';
import { translate } from '../i18n/i18n';

const t = (k: Parameters<typeof translate>[0], p?: Record<string, string | number>) => translate(k, p, 'en');
const tNl = (k: Parameters<typeof translate>[0], p?: Record<string, string | number>) => translate(k, p, 'nl');

describe('problem+json as people read it', () => {
  const invalid = {
    type: 'https://spil.nl/problems/invalid-request', title: 'The request is invalid', status: 400,
    detail: '2 fields are invalid',
    errors: [{ field: 'title', message: 'is required' }, { field: 'recurrence.rule', message: 'COUNT or UNTIL is required' }],
  };

  it('names every bad field and says to check them', () => {
    const p = toProblem(400, invalid, t);
    expect(p.kind).toBe('invalid-request');
    expect(p.headline).toBe('Please check the marked fields.');
    expect(p.fields).toEqual({ title: 'is required', 'recurrence.rule': 'COUNT or UNTIL is required' });
    expect(fieldError(p, 'title')).toBe('is required');
    expect(fieldError(p, 'recurrence')).toBe('COUNT or UNTIL is required');
    expect(fieldError(p, 'notes')).toBeUndefined();
    expect(unplacedFields(p, ['title'])).toEqual(['recurrence.rule']);
  });

  it('knows the kinds of refusal by their type, in both languages, and keeps extra members', () => {
    const body = {
      type: 'https://spil.nl/problems/slot-taken', title: 'Already booked', status: 409, detail: 'Rembrandt is booked',
      errors: [], conflict: { resourceId: 'r', start: '2027-03-29T10:00:00+02:00', end: '2027-03-29T10:15:00+02:00' },
    };
    expect(toProblem(409, body, t).headline).toBe('That time was just taken.');
    expect(toProblem(409, body, tNl).headline).toBe('Die tijd is net door iemand anders geboekt.');
    expect(toProblem(409, body, t).detail).toBe('Rembrandt is booked');
    expect(toProblem(409, body, t).body.conflict).toEqual(body.conflict);
    expect(toProblem(412, { type: 'https://spil.nl/problems/stale-version' }, t).headline).toContain('Someone else changed this');
  });

  it('falls back on the status, and reads a gateway answer that is not problem+json', () => {
    expect(toProblem(403, { type: 'https://spil.nl/problems/forbidden', detail: 'office-manager only' }, t).headline)
      .toBe('You are not allowed to do this.');
    const gateway = toProblem(401, { message: 'Unauthorized' }, t);
    expect(gateway.headline).toBe('Your sign-in has expired. Sign in again.');
    expect(gateway.detail).toBe('Unauthorized');
    expect(toProblem(503, 'Service Unavailable', t).headline).toContain('Something went wrong');
    expect(toProblem(422, { type: 'https://spil.nl/problems/booking-too-long', errors: [] }, t).headline)
      .toBe('That is longer than this room or desk can be booked for.');
  });
});
