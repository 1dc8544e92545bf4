import { describe, expect, it } from 'vitest';
import { receiptRefusal, RECEIPT_MAX_BYTES } from './Receipt';

describe('a receipt before it is uploaded', () => {
  it('takes PDF, JPEG and PNG up to 10 MB and says what is wrong with anything else', () => {
    expect(receiptRefusal({ type: 'application/pdf', size: 120_000 })).toBeNull();
    expect(receiptRefusal({ type: 'image/png', size: RECEIPT_MAX_BYTES })).toBeNull();
    expect(receiptRefusal({ type: 'image/heic', size: 1_000 })).toBe('receipt.wrongType');
    expect(receiptRefusal({ type: '', size: 1_000 })).toBe('receipt.wrongType');
    expect(receiptRefusal({ type: 'image/jpeg', size: RECEIPT_MAX_BYTES + 1 })).toBe('receipt.tooLarge');
    expect(receiptRefusal({ type: 'image/jpeg', size: 0 })).toBe('receipt.empty');
  });
});
