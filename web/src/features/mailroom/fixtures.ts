import type { MailItem } from './data';

/** A mail item as the API answers it; a test names what matters to it. */
export function mailItem(patch: Partial<MailItem> & Pick<MailItem, 'id'>): MailItem {
  return {
    batchId: 'b1', siteId: 's1', kind: 'parcel', carrier: 'postnl', count: 1, shelf: 'A', status: 'waiting',
    recipient: { type: 'person', personId: 'p-sam', name: 'Sam de Vries' },
    receivedAt: '2027-03-29T08:00:00Z', loggedAt: '2027-03-29T08:01:00Z', scan: { status: 'none' },
    wrongCodes: 0, locked: false, reminders: 0, version: 1,
    ...patch,
  };
}
