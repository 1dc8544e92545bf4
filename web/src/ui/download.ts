/**
 * Saves what the API answered (a PDF, a CSV, an export) as a file: the answer came with the
 * person's token, so the browser cannot fetch it by link; it is saved from memory instead.
 */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A name safe for a file: letters and digits kept, the rest one dash. */
export function fileSafe(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
}
