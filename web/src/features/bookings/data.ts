import { useQueries, useQuery } from '@tanstack/react-query';
import { all, call } from '../../api/client';
import { useApp } from '../../app/context';
import type { Busy, Resource, Taken } from './dayGrid';
import { dayBounds } from './time';

/** Every room and desk of a site. */
export function useResources(siteId: string | undefined) {
  const { api } = useApp();
  return useQuery({
    queryKey: ['resources', siteId],
    enabled: !!siteId,
    queryFn: () => all<Resource>((cursor) => call(api.GET('/resources', {
      params: { query: { site: siteId!, limit: 200, cursor } },
    }))),
  });
}

/** When each resource is busy on a site day (its agenda), fetched side by side and tagged with the resource. */
export function useDayAgendas(resources: readonly Resource[], date: string, zone: string) {
  const { api } = useApp();
  const { from, to } = dayBounds(date, zone);
  return useQueries({
    queries: resources.map((r) => ({
      queryKey: ['agenda', r.id, date],
      queryFn: async (): Promise<Taken[]> => (await all<Busy>((cursor) => call(api.GET('/resources/{id}/agenda', {
        params: { path: { id: r.id }, query: { from, to, limit: 200, cursor } },
      })))).map((b) => ({ ...b, resourceId: r.id })),
    })),
    combine: (results) => ({
      bookings: results.flatMap((q) => q.data ?? []),
      pending: results.some((q) => q.isPending),
      error: results.find((q) => q.error)?.error ?? null,
    }),
  });
}

/** Query keys to refresh after anything changes a booking. */
export const BOOKING_KEYS = [['agenda'], ['availability'], ['my-bookings'], ['day-overview']] as const;
