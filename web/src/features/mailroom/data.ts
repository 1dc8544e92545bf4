import { useQuery } from '@tanstack/react-query';
import { all, call, type Api, type Schemas } from '../../api/client';
import { useApp } from '../../app/context';

export type MailItem = Schemas['MailItem'];
export type MailSettings = Schemas['MailSettings'];
export type Carrier = MailItem['carrier'];
export const KINDS: readonly MailItem['kind'][] = ['letter', 'registered-letter', 'parcel', 'pallet'];
export const CARRIERS: readonly Carrier[] = ['postnl', 'dhl', 'dpd', 'ups', 'gls', 'other'];

/** Everything a post change can move: refresh these after one. */
export const MAIL_KEYS = [['my-post'], ['shelves'], ['forwarding-list'], ['return-list']] as const;

export function useMyPost(status: 'waiting' | 'done') {
  const { api } = useApp();
  return useQuery({
    queryKey: ['my-post', status],
    queryFn: () => all<MailItem>((cursor) => call(api.GET('/mail', { params: { query: { status, limit: 100, cursor } } })), status === 'done' ? 50 : 1000),
  });
}

/** The shared post of my department at my site, waiting (empty for someone without a department). */
export function useDepartmentPost() {
  const { api } = useApp();
  return useQuery({
    queryKey: ['my-post', 'department'],
    queryFn: () => all<MailItem>((cursor) => call(api.GET('/mail', { params: { query: { scope: 'department', limit: 100, cursor } } }))),
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

/** What recipients asked to have sent on from a site, oldest request first, with the addresses. */
export function useForwardingList(siteId: string | undefined) {
  const { api } = useApp();
  return useQuery({
    queryKey: ['forwarding-list', siteId],
    enabled: !!siteId,
    queryFn: () => call(api.GET('/mail/forwarding-list', { params: { query: { site: siteId! } } })),
  });
}

/** What waited too long at a site (or whose recipient left): to go back to its senders. */
export function useReturnList(siteId: string | undefined) {
  const { api } = useApp();
  return useQuery({
    queryKey: ['return-list', siteId],
    enabled: !!siteId,
    queryFn: () => call(api.GET('/mail/return-list', { params: { query: { site: siteId! } } })),
  });
}

/** A site's reminder, return and keeping days (the defaults when none were set). */
export function useMailSettings(siteId: string | undefined) {
  const { api } = useApp();
  return useQuery({
    queryKey: ['mail-settings', siteId],
    enabled: !!siteId,
    queryFn: () => call(api.GET('/mail/settings/{siteId}', { params: { path: { siteId: siteId! } } })),
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
