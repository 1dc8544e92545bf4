import { useState } from 'react';

/** A form's values kept in one place; a failed submit leaves them as they were typed. */
export function useFields<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const bind = <K extends keyof T>(name: K) => ({
    value: values[name] as never,
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  const set = <K extends keyof T>(name: K, value: T[K]) => setValues((v) => ({ ...v, [name]: value }));
  return { values, bind, set, reset: () => setValues(initial) };
}

/** A number typed in a field, or undefined when empty (the API then takes its default). */
export function numberOrUndefined(text: unknown): number | undefined {
  const s = String(text ?? '').trim();
  return s === '' ? undefined : Number(s);
}

/** Trimmed text, or undefined when empty. */
export function textOrUndefined(text: unknown): string | undefined {
  const s = String(text ?? '').trim();
  return s === '' ? undefined : s;
}
