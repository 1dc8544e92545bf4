import { useQuery } from '@tanstack/react-query';
import { call, type Api, type Schemas } from '../../api/client';
import { useApp } from '../../app/context';

export type Visit = Schemas['Visit'];
export type HouseRules = Schemas['HouseRules'];
export type BlockEntry = Schemas['BlockEntry'];
export type Purpose = Schemas['Purpose'];
export const PURPOSES: readonly Purpose[] = ['meeting', 'interview', 'delivery', 'maintenance', 'event', 'other'];

/** Everything a visit change can move: refresh these after one. */
export const VISIT_KEYS = [['visit-day'], ['my-visits'], ['on-site'], ['visits-held']] as const;

/** Reception's day at a site: the visits expected (every page), optionally by name. */
export function useVisitDay(siteId: string | undefined, q: string) {
  const { api } = useApp();
  return useQuery({
    queryKey: ['visit-day', siteId, q],
    enabled: !!siteId,
    placeholderData: (previous) => previous,
    queryFn: async () => {
      const items: Visit[] = [];
      let cursor: string | undefined;
      let day: Schemas['VisitDay'];
      do {
        day = await call(api.GET('/visits', { params: { query: { site: siteId!, q: q.trim() || undefined, limit: 200, cursor } } }));
        items.push(...day.items);
        cursor = day.nextCursor;
      } while (cursor && items.length < 1000);
      return { ...day, items };
    },
  });
}

export function useMyVisits() {
  const { api } = useApp();
  return useQuery({ queryKey: ['my-visits'], queryFn: () => call(api.GET('/visits/mine')) });
}

export function useOnSite(siteId: string | undefined) {
  const { api } = useApp();
  return useQuery({
    queryKey: ['on-site', siteId],
    enabled: !!siteId,
    refetchInterval: 60_000,
    queryFn: () => call(api.GET('/sites/{id}/on-site', { params: { path: { id: siteId! } } })) as Promise<Schemas['OnSite']>,
  });
}

export function useHouseRules(siteId: string | undefined) {
  const { api } = useApp();
  return useQuery({
    queryKey: ['house-rules', siteId],
    enabled: !!siteId,
    queryFn: () => call(api.GET('/sites/{id}/house-rules', { params: { path: { id: siteId! } } })),
  });
}

export function useHeldVisits(siteId: string | undefined) {
  const { api } = useApp();
  return useQuery({
    queryKey: ['visits-held', siteId],
    enabled: !!siteId,
    queryFn: () => call(api.GET('/visits/needs-review', { params: { query: { site: siteId! } } })),
  });
}

export function useBlockList() {
  const { api } = useApp();
  return useQuery({ queryKey: ['block-list'], queryFn: () => call(api.GET('/visitor-blocklist')) });
}

/** The badge PDF, opened in a new tab for printing (a download where pop-ups are blocked). */
export async function openBadge(api: Api, visit: Pick<Visit, 'id' | 'visitor'>): Promise<void> {
  const blob = await call(api.GET('/visits/{id}/badge', { params: { path: { id: visit.id } }, parseAs: 'blob' })) as Blob;
  const url = URL.createObjectURL(blob);
  const opened = window.open(url, '_blank');
  if (!opened) {
    const a = document.createElement('a');
    a.href = url;
    a.download = `badge-${visit.visitor.name.replace(/[^\p{L}\p{N}]+/gu, '-')}.pdf`;
    a.click();
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The house rules' text in a language, else in the other one, else empty. */
export function rulesText(rules: HouseRules | undefined, lang: 'nl' | 'en'): string {
  const texts = rules?.texts ?? {};
  return texts[lang] ?? texts[lang === 'nl' ? 'en' : 'nl'] ?? '';
}

export type VisitorSettings = Schemas['VisitorSettings'];
export type VisitorsReport = Schemas['VisitorsReport'];

/** A site's address for invitations and how long visitor data is kept. */
export function useVisitorSettings(siteId: string | undefined) {
  const { api } = useApp();
  return useQuery({
    queryKey: ['visitor-settings', siteId],
    enabled: !!siteId,
    queryFn: () => call(api.GET('/sites/{id}/visitor-settings', { params: { path: { id: siteId! } } })),
  });
}

/** Visits per day, hour, purpose and department of a site (day counters, no personal data). */
export function useVisitorsReport(siteId: string | undefined, from: string, to: string) {
  const { api } = useApp();
  return useQuery({
    queryKey: ['visitors-report', siteId, from, to],
    enabled: !!siteId && !!from && !!to,
    queryFn: () => call(api.GET('/reports/visitors', { params: { query: { site: siteId!, from, to } } })),
  });
}
