/**
 * What the screens' tests share: an API client whose answers the test gives (every request kept
 * to assert on), and a screen rendered inside the app's context, a router and React Query.
 * Only tests import this.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import createClient from 'openapi-fetch';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import type { Api } from './api/client';
import type { paths } from './api/schema';
import { AppContext, type AppContextValue, type Site } from './app/context';
import type { Role } from './auth';

export const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': type },
});

export const problem = (status: number, body: object) => json(status, body, 'application/problem+json');

/** A 400 naming fields, as the API sends it. */
export const badFields = (errors: { field: string; message: string }[], status = 400) => problem(status, {
  type: 'https://spil.nl/problems/invalid-request', title: 'The request is invalid', status, detail: 'Invalid', errors,
});

export interface Sent {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

/** A client whose every request is kept in `sent` and answered by `answer` (a 404 when it gives none). */
export function fakeApi(answer: (r: Sent) => Response | undefined | Promise<Response | undefined>): { api: Api; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch = vi.fn(async (input: Request) => {
    const url = new URL(input.url);
    const text = await input.clone().text();
    const r: Sent = { method: input.method, path: url.pathname, query: url.searchParams, headers: input.headers, body: text ? JSON.parse(text) : undefined };
    sent.push(r);
    return (await answer(r)) ?? problem(404, { title: 'Not found', status: 404 });
  });
  return { api: createClient<paths>({ baseUrl: 'http://api.test', fetch }), sent };
}

export const SITE: Site = {
  id: 's1', name: 'Zuidas', timeZone: 'Europe/Amsterdam',
} as Site;

/** Renders a screen as the app shows it, for someone with `roles` looking at `site`. */
export function renderScreen(ui: ReactNode, { api, roles = ['office-manager'], site = SITE }: { api: Api; roles?: Role[]; site?: Site | null }) {
  const value = {
    api, site, sites: site ? [site] : [], me: null, setSiteId: () => undefined, signOut: () => undefined,
    session: { idToken: 't', email: 'someone@spil.test', roles, expiresAt: 0 },
    config: { apiUrl: '', authority: 'x', clientId: 'c', logoutUrl: 'x' },
  } as unknown as AppContextValue;
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter>
        <AppContext.Provider value={value}>{ui}</AppContext.Provider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}
