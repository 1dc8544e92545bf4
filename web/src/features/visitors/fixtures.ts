import type { Visit } from './data';

/** A visit as the API answers it; a test names what matters to it. */
export function visit(patch: Partial<Visit> = {}): Visit {
  return {
    id: 'v1', groupId: 'g1', siteId: 's1', siteName: 'Zuidas', timeZone: 'Europe/Amsterdam', expectedAt: '2027-03-29T10:00:00+02:00',
    minutes: 60, purpose: 'meeting', visitor: { name: 'Anna de Wit', language: 'en', email: 'anna@example.org' },
    host: { id: 'h1', name: 'Sam de Vries' }, status: 'expected', walkIn: false, checkInCode: 'K7MQ2ZPX', version: 2,
    ...patch,
  };
}
