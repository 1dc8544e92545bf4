import {
  cloneElement, isValidElement, useEffect, useId, useRef, type ButtonHTMLAttributes, type ReactElement, type ReactNode,
} from 'react';
import { fieldError, unplacedFields, type Problem } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { useAction } from './useAction';

/** A spinner with words for screen readers; shown on anything slow. */
export function Spinner({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <span className="spinner" role="status">
      <span className="spinner-dot" aria-hidden="true" />
      <span className="visually-hidden">{label ?? t('common.loading')}</span>
    </span>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="loading">
      <Spinner label={label} /> <span aria-hidden="true">{label ?? t('common.loading')}</span>
    </div>
  );
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { busy?: boolean; kind?: 'primary' | 'secondary' | 'danger' | 'link' };

/** A button that shows progress and cannot be pressed again while its action runs. */
export function Button({ busy, kind = 'secondary', children, disabled, className, type, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type ?? 'button'}
      className={`btn btn-${kind}${className ? ` ${className}` : ''}`}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy && <span className="spinner-dot" aria-hidden="true" />}
      {children}
    </button>
  );
}

interface FieldProps {
  label: string;
  /** The API's name for the value (as in problem+json `errors[].field`). */
  name: string;
  problem?: Problem | null;
  hint?: string;
  children: ReactElement<Record<string, unknown>>;
  className?: string;
}

/**
 * A labelled input; when the API's answer names this field, the field is marked (aria-invalid)
 * and its message shown under it and read out with it.
 */
export function Field({ label, name, problem, hint, children, className }: FieldProps) {
  const id = useId();
  const error = fieldError(problem, name);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const control = isValidElement(children)
    ? cloneElement(children, {
      id,
      name,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy,
      'data-field': name,
    })
    : children;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {control}
      {hint && !error && <small id={`${id}-hint`} className="hint">{hint}</small>}
      {error && <small id={`${id}-error`} className="error">{error}</small>}
    </div>
  );
}

/** The refusal above a form: a headline, the API's detail, and fields no input shows. */
export function ProblemBanner({ problem, shown = [], children }: { problem: Problem | null | undefined; shown?: readonly string[]; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) {
      // the first marked field gets focus; else the banner is read out
      const form = ref.current?.closest('form');
      const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
      (invalid ?? ref.current)?.focus();
    }
  }, [problem]);
  if (!problem) {
    return null;
  }
  const extra = unplacedFields(problem, shown);
  return (
    <div className="problem" role="alert" tabIndex={-1} ref={ref}>
      <strong>{problem.headline}</strong>
      {problem.detail && problem.detail !== problem.headline && <p>{problem.detail}</p>}
      {extra.length > 0 && (
        <ul>
          {extra.map((f) => <li key={f}><code>{f}</code>: {problem.fields[f]}</li>)}
        </ul>
      )}
      {children}
    </div>
  );
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Spil`;
  }, [title]);
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {children && <div className="page-actions">{children}</div>}
    </header>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** A modal dialog (the browser's own <dialog>: focus kept inside, Escape closes). */
export function Dialog({ title, open, onClose, children, wide }: { title: string; open: boolean; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const { t } = useI18n();
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) {
      return;
    }
    if (open && !d.open) {
      if (typeof d.showModal === 'function') {
        d.showModal();
      } else {
        d.setAttribute('open', '');
      }
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);
  return (
    <dialog ref={ref} className={`dialog${wide ? ' dialog-wide' : ''}`} aria-labelledby={id} onClose={onClose}
      onCancel={(e) => { e.preventDefault(); onClose(); }}>
      {open && (
        <>
          <div className="dialog-head">
            <h2 id={id}>{title}</h2>
            <button type="button" className="btn btn-link dialog-close" onClick={onClose} aria-label={t('common.close')}>✕</button>
          </div>
          <div className="dialog-body">{children}</div>
        </>
      )}
    </dialog>
  );
}

/** A short message that a screen reader announces (after a save, a check-in…). */
export function Notice({ children, kind = 'success' }: { children: ReactNode; kind?: 'success' | 'info' }) {
  return <div className={`notice notice-${kind}`} role="status">{children}</div>;
}

export function Badge({ children, tone = 'neutral' }: { children: ReactNode; tone?: 'neutral' | 'good' | 'warn' | 'bad' }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

/** Cancel and Save at the foot of a form (Save shows progress while the form's action runs). */
export function SaveCancel({ onCancel, busy, label }: { onCancel: () => void; busy: boolean; label?: string }) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button kind="primary" type="submit" busy={busy}>{label ?? t('common.save')}</Button>
    </div>
  );
}

/** "Remove X?": what removing means, then the API's answer if it refuses. */
export function RemoveDialog({ title, explain, remove, onClose, onRemoved }: {
  title: string;
  explain: string;
  remove: () => Promise<unknown>;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction(async (_: null) => remove().then(() => true));
  return (
    <Dialog title={title} open onClose={onClose}>
      <ProblemBanner problem={action.problem} />
      <p>{explain}</p>
      <div className="form-actions">
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button kind="danger" busy={action.busy} onClick={async () => { if (await action.submit(null)) onRemoved(); }}>{t('people.remove')}</Button>
      </div>
    </Dialog>
  );
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = typeof WEEKDAYS[number];

/** The days of the week as toggles (working hours, bookable days). */
export function WeekdayChips({ days, onChange }: { days: readonly Weekday[]; onChange: (days: Weekday[]) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="chips">
      <legend>{t('sites.days')}</legend>
      {WEEKDAYS.map((d) => (
        <label key={d} className={days.includes(d) ? 'checked' : ''}>
          <input type="checkbox" checked={days.includes(d)}
            onChange={(e) => onChange(WEEKDAYS.filter((x) => (x === d ? e.target.checked : days.includes(x))))} />
          {t(`day.${d}`)}
        </label>
      ))}
    </fieldset>
  );
}
