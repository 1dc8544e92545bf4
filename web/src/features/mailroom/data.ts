import { useQuery } from '@tanstack/react-query';
import { all, call, type Api, type Schemas } from '../../api/client';
import { useApp } from '../../app/context';

export type MailItem = Schemas['MailItem'];
export const KINDS: readonly MailItem['kind'][] = ['letter', 'registered-letter', 'parcel', 'pallet'];
export const CARRIERS: readonly MailItem['carrier'][] = ['postnl', 'dhl', 'dpd', 'ups', 'gls', 'other'];

/** Everything a post change can move: refresh these after one. */
export const MAIL_KEYS = [['my-post'], ['shelves']] as const;

export function useMyPost(status: 'waiting' | 'done') {
  const { api } = useApp();
  return useQuery({
    queryKey: ['my-post', status],
    queryFn: () => all<MailItem>((cursor) => call(api.GET('/mail', { params: { query: { status, limit: 100, cursor } } })), status === 'done' ? 50 : 1000),
  });
}

/** A site's shelves: what waits there, by shelf. */
export function useShelves(siteId: string | undefined) {
  const { api } = useApp();
  return useQuery({
    queryKey: ['shelves', siteId],
    enabled: !!siteId,
    queryFn: () => all<MailItem>((cursor) => call(api.GET('/mail', { params: { query: { site: siteId!, limit: 200, cursor } } }))),
  });
}

/** A short-lived link to an item's photo or scan (asked for when someone opens it). */
export function scanLink(api: Api, id: string): Promise<Schemas['ReadLink']> {
  return call(api.GET('/mail/{id}/scan', { params: { path: { id } } }));
}

/** Who an item is for, as reception reads it. */
export function recipientName(item: Pick<MailItem, 'recipient'>, left: string): string {
  return item.recipient.name ?? left;
}
