/**
 * The photo of a label: what the API is told before (type and size, so it can sign the upload),
 * and the upload itself, a PUT straight to storage with exactly the headers the API signed.
 */
export const SCAN_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type ScanType = typeof SCAN_TYPES[number];
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;

export interface UploadLink {
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
}

/** The announcement for the create, or the reason the file cannot be sent. */
export function announce(file: Pick<File, 'type' | 'size'>): { contentType: ScanType; bytes: number } | { refused: 'type' | 'size' } {
  const type = file.type === 'image/jpg' ? 'image/jpeg' : file.type;
  if (!(SCAN_TYPES as readonly string[]).includes(type)) {
    return { refused: 'type' };
  }
  if (file.size < 1 || file.size > MAX_SCAN_BYTES) {
    return { refused: 'size' };
  }
  return { contentType: type as ScanType, bytes: file.size };
}

/**
 * Sends the file as signed. Headers the browser sets itself (Content-Length, Host) are left to it:
 * setting them is forbidden in fetch, and the browser sends the same values.
 */
export async function upload(link: UploadLink, file: Blob, send: typeof fetch = fetch): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(link.headers)) {
    if (!FORBIDDEN.has(name.toLowerCase())) {
      headers.set(name, value);
    }
  }
  const answer = await send(link.url, { method: link.method, headers, body: file });
  if (!answer.ok) {
    throw new Error(`upload answered ${answer.status}`);
  }
}

const FORBIDDEN = new Set(['content-length', 'host', 'connection', 'expect']);
