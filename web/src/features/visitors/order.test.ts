import { describe, expect, it } from 'vitest';
import type { Visit } from './data';
import { deskOrder } from './order';

function visit(name: string, status: Visit['status'], expectedAt: string, checkedInAt?: string): Visit {
  return {
    id: name, groupId: name, siteId: 's', siteName: 'S', timeZone: 'Europe/Amsterdam', expectedAt, minutes: 60, purpose: 'meeting',
    visitor: { name, language: 'nl' }, host: { id: 'h', name: 'Host' }, status, walkIn: false, checkInCode: 'ABCDEFGH', version: 1,
    checkedInAt,
  };
}

describe("reception's day", () => {
  it('lists who is still to come by time, then who is here by arrival, then who left', () => {
    const order = deskOrder([
      visit('Anna', 'checked-out', '2027-03-29T09:00:00+02:00', '2027-03-29T08:55:00+02:00'),
      visit('Bert', 'expected', '2027-03-29T11:00:00+02:00'),
      visit('Carla', 'checked-in', '2027-03-29T10:00:00+02:00', '2027-03-29T10:20:00+02:00'),
      visit('Dirk', 'needs-review', '2027-03-29T10:30:00+02:00'),
      visit('Eva', 'checked-in', '2027-03-29T12:00:00+02:00', '2027-03-29T09:40:00+02:00'),
      visit('Frank', 'expected', '2027-03-29T10:30:00+02:00'),
    ]).map((v) => v.visitor.name);
    expect(order).toEqual(['Dirk', 'Frank', 'Bert', 'Eva', 'Carla', 'Anna']);
  });
});
