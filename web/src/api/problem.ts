import type { Messages } from '../i18n/messages';

/** An RFC 9457 answer as the API sends it (extra members such as `conflict` or `available` kept). */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  [member: string]: unknown;
}

/** A refusal as the app shows it: a headline people understand, the API's detail, each bad field. */
export interface Problem {
  status: number;
  /** The last segment of the problem type (slot-taken, stale-version…), or '' when none. */
  kind: string;
  headline: string;
  detail: string;
  /** Field path as the API names it (start, lines[0].quantity) → message. */
  fields: Record<string, string>;
  body: ProblemBody;
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.headline);
  }
}

/** Status 0: the request never got an answer (offline, DNS, CORS). */
export const NETWORK = 0;

type T = (key: keyof Messages, params?: Record<string, string | number>) => string;

/** Maps an HTTP refusal to a {@link Problem}; `body` is the parsed problem+json, or anything else. */
export function toProblem(status: number, body: unknown, t: T): Problem {
  const b: ProblemBody = isObject(body) ? (body as ProblemBody) : {};
  const kind = typeof b.type === 'string' ? b.type.replace(/\/$/, '').split('/').pop() ?? '' : '';
  const fields: Record<string, string> = {};
  if (Array.isArray(b.errors)) {
    for (const e of b.errors) {
      if (e && typeof e.field === 'string') {
        fields[e.field] = typeof e.message === 'string' ? e.message : '';
      }
    }
  }
  const headline = headlineFor(status, kind, Object.keys(fields).length > 0, t);
  const apiDetail = typeof b.detail === 'string' ? b.detail : '';
  // an answer without problem+json (a gateway's {"message":...}) still says something useful
  const detail = apiDetail || (isObject(body) && typeof (body as { message?: unknown }).message === 'string'
    ? String((body as { message: string }).message) : '');
  return { status, kind, headline, detail, fields, body: b };
}

export function networkProblem(t: T): Problem {
  return { status: NETWORK, kind: 'network', headline: t('problem.network'), detail: '', fields: {}, body: {} };
}

const KNOWN_KINDS: Record<string, keyof Messages> = {
  'slot-taken': 'problem.slot-taken',
  'series-conflicts': 'problem.series-conflicts',
  'booking-too-long': 'problem.booking-too-long',
  'booking-too-far-ahead': 'problem.booking-too-far-ahead',
  'booking-too-soon': 'problem.booking-too-soon',
  'outside-bookable-hours': 'problem.outside-bookable-hours',
  'not-on-quarter-hours': 'problem.not-on-quarter-hours',
  'stale-version': 'problem.stale-version',
  'concurrent-change': 'problem.concurrent-change',
  'insufficient-stock': 'problem.insufficient-stock',
  'sku-taken': 'problem.sku-taken',
  'not-in-directory': 'problem.not-in-directory',
  'token-without-email': 'problem.not-in-directory',
  'too-large': 'problem.too-large',
  'unknown-code': 'problem.unknown-code',
  'visitor-see-reception': 'problem.visitor-see-reception',
  'house-rules-not-accepted': 'problem.house-rules-not-accepted',
  'already-checked-in': 'problem.already-checked-in',
  'too-many-wrong-codes': 'problem.too-many-wrong-codes',
  'wrong-code': 'problem.wrong-code',
  'wrong-code-locked': 'problem.wrong-code-locked',
  'pickup-locked': 'problem.pickup-locked',
  'no-home-address': 'problem.no-home-address',
  'scan-rejected': 'problem.scan-rejected',
  'code-required': 'problem.code-required',
  'no-forwarding-requested': 'problem.no-forwarding-requested',
  'delivery-too-large': 'problem.delivery-too-large',
  'visit-in-the-past': 'problem.visit-in-the-past',
  'visit-too-long': 'problem.visit-too-long',
  'visit-not-upcoming': 'problem.visit-not-upcoming',
};

function headlineFor(status: number, kind: string, hasFields: boolean, t: T): string {
  const known = KNOWN_KINDS[kind];
  if (known) {
    return t(known);
  }
  if (status === 400 || (status === 422 && hasFields)) {
    return hasFields ? t('problem.fields') : t('problem.invalid');
  }
  switch (status) {
    case 401:
      return t('problem.401');
    case 403:
      return t('problem.403');
    case 404:
      return t('problem.404');
    case 409:
      return t('problem.409');
    case 412:
      return t('problem.stale-version');
    case 413:
      return t('problem.too-large');
    case 422:
      return t('problem.422');
    case 429:
      return t('problem.429');
    default:
      return status >= 500 ? t('problem.5xx') : t('problem.invalid');
  }
}

/**
 * The message for a form field: the API's error for that exact path, or for a path inside it
 * (`recurrence.rule` marks the `recurrence.rule` field; `lines[2].quantity` the line's quantity).
 */
export function fieldError(problem: Problem | null | undefined, field: string): string | undefined {
  if (!problem) {
    return undefined;
  }
  if (field in problem.fields) {
    return problem.fields[field] || problem.headline;
  }
  const inside = Object.keys(problem.fields).find((f) => f.startsWith(`${field}.`) || f.startsWith(`${field}[`));
  return inside ? problem.fields[inside] || problem.headline : undefined;
}

/** The fields named in the problem that no input on the form shows: they go in the banner. */
export function unplacedFields(problem: Problem, shown: readonly string[]): string[] {
  return Object.keys(problem.fields).filter(
    (f) => !shown.some((s) => f === s || f.startsWith(`${s}.`) || f.startsWith(`${s}[`)),
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
