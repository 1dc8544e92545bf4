/**
 * Idempotency-Key per create form: the same body sent again (a double click, a retry after a
 * network error) carries the same key, so the API makes one thing; a changed body gets a new key
 * (the API refuses a reused key with another body), and so does the next create after a success.
 */
export class IdempotencyKeys {
  private body: string | null = null;
  private key = '';

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  keyFor(body: unknown): string {
    const text = JSON.stringify(body ?? null);
    if (text !== this.body) {
      this.body = text;
      this.key = this.newKey();
    }
    return this.key;
  }

  /** After a success: the next create is a new thing. */
  done(): void {
    this.body = null;
  }
}
