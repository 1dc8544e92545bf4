import { describe, expect, it } from 'vitest';
import { registration } from './RegisterVisitorsForm';

describe('a registration as the API takes it', () => {
  it("sends the site's wall-clock arrival with the offset of that day, across daylight saving", () => {
    const winter = registration('s1', 'Europe/Amsterdam', { date: '2027-03-27', time: '10:00', minutes: '45', purpose: 'interview' },
      [{ name: ' Anna de Wit ', company: '', email: 'anna@example.org', language: '' }]);
    expect(winter).toEqual({
      siteId: 's1', expectedAt: '2027-03-27T10:00:00+01:00', minutes: 45, purpose: 'interview',
      visitors: [{ name: 'Anna de Wit', company: undefined, email: 'anna@example.org', language: undefined }],
    });
    const summer = registration('s1', 'Europe/Amsterdam', { date: '2027-03-29', time: '10:00', minutes: '', purpose: 'meeting' },
      [{ name: 'Bert', company: 'ACME', email: '', language: 'en' }, { name: 'Carla', company: '', email: '', language: 'nl' }]);
    expect(summer.expectedAt).toBe('2027-03-29T10:00:00+02:00');
    expect(summer.minutes).toBeUndefined();
    expect(summer.visitors.map((v) => [v.name, v.company, v.language])).toEqual([['Bert', 'ACME', 'en'], ['Carla', undefined, 'nl']]);
  });

  it('leaves a missing day or time to the API, which names the field', () => {
    expect(registration('s1', 'Europe/Amsterdam', { date: '', time: '10:00', minutes: '60', purpose: 'meeting' },
      [{ name: 'A', company: '', email: '', language: '' }]).expectedAt).toBeUndefined();
  });
});
