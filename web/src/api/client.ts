import createClient from 'openapi-fetch';
import type { paths, components } from './schema';
import { networkProblem, ProblemError, toProblem } from './problem';
import { translate, currentLanguage } from '../i18n/i18n';

export type Schemas = components['schemas'];
export type Api = ReturnType<typeof createClient<paths>>;

export interface ApiDeps {
  baseUrl: string;
  idToken: () => Promise<string | null>;
  /** Called when the API says the token is no longer good (401). */
  onUnauthorized: () => void;
}

/** The typed client: every path, parameter and body checked against docs/openapi.yaml at build time. */
export function createApi(deps: ApiDeps): Api {
  const client = createClient<paths>({ baseUrl: deps.baseUrl || window.location.origin });
  client.use({
    async onRequest({ request }) {
      const token = await deps.idToken();
      if (token) {
        request.headers.set('Authorization', `Bearer ${token}`);
      }
      request.headers.set('Accept-Language', currentLanguage());
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) {
        deps.onUnauthorized();
      }
      return response;
    },
  });
  return client;
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

/**
 * The data of an answer, or a {@link ProblemError} people can read: the API's problem+json mapped
 * to a headline and field messages, or "cannot reach Spil" when no answer came.
 */
export async function call<T>(request: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await request;
  } catch {
    throw new ProblemError(networkProblem(translate));
  }
  if (answer.response.ok) {
    return answer.data as T;
  }
  throw new ProblemError(toProblem(answer.response.status, answer.error, translate));
}

/** Every page of a list (for the small lists a screen shows whole: sites, resources, suppliers). */
export async function all<T>(page: (cursor?: string) => Promise<{ items: T[]; nextCursor?: string }>, max = 1000): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    out.push(...p.items);
    cursor = p.nextCursor;
  } while (cursor && out.length < max);
  return out;
}
