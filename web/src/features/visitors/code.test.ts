import { describe, expect, it } from 'vitest';
import { codeFromScan, formatCode, normalizeCode } from './code';

describe('check-in codes', () => {
  it('ignores case, spaces and dashes as the API does', () => {
    expect(normalizeCode('abcd-efgh')).toBe('ABCDEFGH');
    expect(normalizeCode(' 2345 6789 ')).toBe('23456789');
  });

  it('refuses look-alike characters and wrong lengths', () => {
    expect(normalizeCode('ABCD0FGH')).toBeNull(); // zero
    expect(normalizeCode('ABCDIFGH')).toBeNull(); // I
    expect(normalizeCode('ABCDUFGH')).toBeNull(); // U
    expect(normalizeCode('ABCDEFG')).toBeNull();
    expect(normalizeCode('ABCDEFGHJ')).toBeNull();
  });

  it('reads a scanned QR: the bare code or an address carrying it', () => {
    expect(codeFromScan('K7MQ2ZPX')).toBe('K7MQ2ZPX');
    expect(codeFromScan('https://spil.example.org/kiosk?code=k7mq-2zpx')).toBe('K7MQ2ZPX');
    expect(codeFromScan('https://spil.example.org/c/K7MQ2ZPX')).toBe('K7MQ2ZPX');
    expect(codeFromScan('hello world')).toBeNull();
  });

  it('shows the code in two halves', () => {
    expect(formatCode('K7MQ2ZPX')).toBe('K7MQ-2ZPX');
  });
});
