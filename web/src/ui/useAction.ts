import { useCallback, useRef, useState } from 'react';
import { ProblemError, type Problem } from '../api/problem';
import { IdempotencyKeys } from '../api/idempotency';

/**
 * Runs one action of a form (a create, a change, a check-in): shows progress, keeps the refusal
 * as a {@link Problem} for the form to mark its fields, and never runs twice at once (a double click
 * sends one request, and only the first press acts on its answer). Creates get an Idempotency-Key tied to the body they send.
 */
export function useAction<I, O>(run: (input: I, idempotencyKey: string) => Promise<O>) {
  const keys = useRef(new IdempotencyKeys());
  const running = useRef<Promise<O | undefined> | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = useCallback((input: I): Promise<O | undefined> => {
    if (running.current) {
      // a second press while the first runs sends nothing; only the first press acts on the answer
      return Promise.resolve(undefined);
    }
    setBusy(true);
    setProblem(null);
    const key = keys.current.keyFor(input);
    const p = run(input, key)
      .then((out) => {
        keys.current.done();
        return out;
      })
      .catch((e: unknown) => {
        if (e instanceof ProblemError) {
          setProblem(e.problem);
          return undefined;
        }
        throw e;
      })
      .finally(() => {
        running.current = null;
        setBusy(false);
      });
    running.current = p;
    return p;
  }, [run]);

  const reset = useCallback(() => setProblem(null), []);
  return { submit, busy, problem, reset };
}
