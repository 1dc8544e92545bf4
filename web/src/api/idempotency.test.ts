import { describe, expect, it } from 'vitest';
import { IdempotencyKeys } from './idempotency';

describe('Idempotency-Key per create form', () => {
  let n = 0;
  const keys = () => new IdempotencyKeys(() => `k${++n}`);

  it('sends the same key for the same body (a double click, a retry) and a new one for a changed body', () => {
    const k = keys();
    const first = k.keyFor({ title: 'Overleg', start: '10:00' });
    expect(k.keyFor({ title: 'Overleg', start: '10:00' })).toBe(first);
    const changed = k.keyFor({ title: 'Overleg', start: '11:00' });
    expect(changed).not.toBe(first);
    expect(k.keyFor({ title: 'Overleg', start: '11:00' })).toBe(changed);
  });

  it('starts a new thing after a success, even with the same body', () => {
    const k = keys();
    const first = k.keyFor({ title: 'Overleg' });
    k.done();
    expect(k.keyFor({ title: 'Overleg' })).not.toBe(first);
  });
});
