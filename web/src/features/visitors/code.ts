import type { Problem } from '../../api/problem';

/**
 * Check-in codes as people type or scan them: 8 characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L, U), case, spaces and dashes ignored — the same rule as the API's.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 8;

/** The code in a typed or scanned text, or null when it cannot be one. */
export function normalizeCode(text: string): string | null {
  const s = text.replace(/[\s-]/g, '').toUpperCase();
  if (s.length !== CODE_LENGTH) {
    return null;
  }
  for (const c of s) {
    if (!CODE_ALPHABET.includes(c)) {
      return null;
    }
  }
  return s;
}

/** What a QR code holds: the bare code, or an address whose last part or `code` parameter is the code. */
export function codeFromScan(text: string): string | null {
  const direct = normalizeCode(text.trim());
  if (direct) {
    return direct;
  }
  try {
    const url = new URL(text.trim());
    const param = url.searchParams.get('code');
    return normalizeCode(param ?? url.pathname.split('/').filter(Boolean).pop() ?? '');
  } catch {
    return null;
  }
}

/** Shown as people read it on the invitation: ABCD-EFGH. */
export function formatCode(code: string): string {
  return code.length === CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** A typed code that cannot be one, marked on the code field before anything is sent. */
export function notACode(headline: string, message: string): Problem {
  return { status: 400, kind: 'code', headline, detail: '', fields: { code: message }, body: {} };
}
