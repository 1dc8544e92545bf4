import type { Visit } from './data';

const RANK: Record<Visit['status'], number> = {
  expected: 0, 'needs-review': 0, 'pending-review': 0, 'checked-in': 1, 'checked-out': 2, cancelled: 3, refused: 3,
};

/**
 * Reception's day in the order the desk works it: who is still to come by expected time, then who
 * is here by arrival, then who left; the API answers by name (its index is for the name search).
 */
export function deskOrder(visits: readonly Visit[]): Visit[] {
  const when = (v: Visit) => Date.parse(v.status === 'checked-in' || v.status === 'checked-out' ? v.checkedInAt ?? v.expectedAt : v.expectedAt);
  return [...visits].sort((a, b) => RANK[a.status] - RANK[b.status] || when(a) - when(b) || a.visitor.name.localeCompare(b.visitor.name));
}
