import { describe, expect, it, vi } from 'vitest';
import { announce, MAX_SCAN_BYTES, upload } from './upload';

describe('the photo of a label', () => {
  it('is announced with its type and size; other files are refused before anything is sent', () => {
    expect(announce({ type: 'image/jpeg', size: 2048 })).toEqual({ contentType: 'image/jpeg', bytes: 2048 });
    expect(announce({ type: 'image/jpg', size: 10 })).toEqual({ contentType: 'image/jpeg', bytes: 10 });
    expect(announce({ type: 'application/pdf', size: MAX_SCAN_BYTES })).toEqual({ contentType: 'application/pdf', bytes: MAX_SCAN_BYTES });
    expect(announce({ type: 'image/gif', size: 10 })).toEqual({ refused: 'type' });
    expect(announce({ type: 'image/png', size: MAX_SCAN_BYTES + 1 })).toEqual({ refused: 'size' });
    expect(announce({ type: 'image/png', size: 0 })).toEqual({ refused: 'size' });
  });

  it('is sent with the signed headers, leaving those the browser sets itself', async () => {
    const send = vi.fn(async () => new Response(null, { status: 200 }));
    const file = new Blob(['x'], { type: 'image/png' });
    await upload({ url: 'https://files.example/k?X-Amz-Signature=s', method: 'PUT',
      headers: { 'Content-Type': 'image/png', 'Content-Length': '1', 'x-amz-server-side-encryption': 'aws:kms' } }, file, send);
    const [url, init] = send.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://files.example/k?X-Amz-Signature=s');
    expect(init.method).toBe('PUT');
    const headers = init.headers as Headers;
    expect(headers.get('content-type')).toBe('image/png');
    expect(headers.get('x-amz-server-side-encryption')).toBe('aws:kms');
    expect(headers.has('content-length')).toBe(false);
    expect(init.body).toBe(file);
  });

  it('fails when storage refuses it', async () => {
    const send = vi.fn(async () => new Response('expired', { status: 403 }));
    await expect(upload({ url: 'https://files.example/k', method: 'PUT', headers: {} }, new Blob(['x']), send)).rejects.toThrow('403');
  });
});
