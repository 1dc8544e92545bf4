import { useRef, useState } from 'react';
import { call, type Schemas } from '../../api/client';
import { fieldError, ProblemError, type Problem } from '../../api/problem';
import { useApp } from '../../app/context';
import { useI18n } from '../../i18n/i18n';
import { numberOrUndefined, textOrUndefined } from '../../ui/forms';
import { Button, Field, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { CARRIERS, KINDS, type MailItem } from './data';
import { RecipientPicker, type Suggestion } from './RecipientPicker';
import { announce, upload, type UploadLink } from './upload';

type Input = Schemas['MailDeliveryInput'];
type ItemInput = Input['items'][number];

/** One item of a delivery as typed; the photo is sent after the create, straight to storage. */
export interface Draft {
  key: number;
  recipient: Suggestion | null;
  kind: MailItem['kind'];
  carrier: MailItem['carrier'];
  trackingNumber: string;
  sender: string;
  shelf: string;
  count: string;
  notes: string;
  photo: File | null;
  photoProblem: string | null;
}

/** The item fields the form shows (as the API names them inside items[i]); others go in the banner. */
const ITEM_FIELDS = ['recipient', 'kind', 'carrier', 'trackingNumber', 'sender', 'shelf', 'count', 'notes', 'scan'] as const;
/** The API takes at most 25 items in one delivery. */
export const MAX_ITEMS = 25;

/** An item of the delivery as the API takes it. */
export function itemInput(d: Draft, scan?: ItemInput['scan']): ItemInput {
  return {
    kind: d.kind, carrier: d.carrier, trackingNumber: textOrUndefined(d.trackingNumber), sender: textOrUndefined(d.sender),
    shelf: d.shelf.trim(), count: numberOrUndefined(d.count), notes: textOrUndefined(d.notes),
    recipient: d.recipient?.type === 'department' ? { department: d.recipient.name } : { personId: d.recipient?.personId },
    scan,
  };
}

interface Upload { item: MailItem; file: File }

/**
 * Reception logs what arrived, one item or a whole delivery at once (all or nothing): for each item
 * the recipient picked from suggestions while typing what the label says, what and how it came,
 * the shelf, and a photo from the camera — sent straight to storage through the upload link the
 * create answers with, then checked by the API.
 */
export function LogDeliveryForm({ siteId, onLogged }: { siteId: string; onLogged: (items: MailItem[], names: string[]) => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const keys = useRef(0);
  const blank = (from?: Draft): Draft => ({
    key: keys.current++, recipient: null, kind: from?.kind ?? 'parcel', carrier: from?.carrier ?? 'postnl', trackingNumber: '',
    sender: from?.sender ?? '', shelf: from?.shelf ?? '', count: '1', notes: '', photo: null, photoProblem: null,
  });
  const [drafts, setDrafts] = useState<Draft[]>(() => [blank()]);
  const [pending, setPending] = useState<{ items: MailItem[]; names: string[]; uploads: Upload[] } | null>(null);
  const log = useAction(async (body: Input, key: string) =>
    call(api.POST('/mail', { params: { header: { 'Idempotency-Key': key } }, body })));
  const send = useAction(async ({ item, file }: Upload) => {
    const link = item.scan.upload as UploadLink | undefined;
    if (link) {
      await upload(link, file).catch(() => { throw uploadProblem(t('mail.desk.uploadFailed')); });
    }
    return call(api.POST('/mail/{id}/scan', { params: { path: { id: item.id } } }));
  });
  const change = (key: number, patch: Partial<Draft>) => setDrafts((ds) => ds.map((d) => (d.key === key ? { ...d, ...patch } : d)));

  /** Sends the photos one after the other; answers those that did not arrive. */
  async function sendAll(uploads: Upload[]): Promise<Upload[]> {
    const failed: Upload[] = [];
    for (const u of uploads) {
      if (!await send.submit(u)) failed.push(u);
    }
    return failed;
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const scans = drafts.map((d) => (d.photo ? announce(d.photo) : undefined));
    if (scans.some((s) => s && 'refused' in s)) {
      setDrafts((ds) => ds.map((d, i) => ({ ...d, photoProblem: scans[i] && 'refused' in scans[i] ? t('problem.scan-rejected') : null })));
      return;
    }
    setDrafts((ds) => ds.map((d) => ({ ...d, photoProblem: null })));
    const body: Input = {
      siteId,
      items: drafts.map((d, i) => { const s = scans[i]; return itemInput(d, s && !('refused' in s) ? s : undefined); }),
    };
    const out = await log.submit(body);
    if (!out) return;
    const names = drafts.map((d) => d.recipient?.name ?? '');
    // the answer lists the items in the order they were sent
    const due = out.items.flatMap((item, i) => {
      const file = drafts[i]?.photo;
      return file && item.scan.status === 'awaiting-upload' ? [{ item, file }] : [];
    });
    const failed = await sendAll(due);
    if (failed.length > 0) {
      setPending({ items: out.items, names, uploads: failed });
      return;
    }
    finish(out.items, names);
  }
  function finish(items: MailItem[], names: string[]) {
    setPending(null);
    setDrafts([blank()]);
    onLogged(items, names);
  }
  const p = log.problem;
  const shown = drafts.flatMap((_, i) => ITEM_FIELDS.map((f) => `items[${i}].${f}`));
  return (
    <form onSubmit={submit} noValidate>
      <ProblemBanner problem={p} shown={shown} />
      {pending && (
        <ProblemBanner problem={send.problem}>
          <Button busy={send.busy} onClick={async () => {
            const failed = await sendAll(pending.uploads);
            if (failed.length === 0) finish(pending.items, pending.names);
            else setPending({ ...pending, uploads: failed });
          }}>{t('mail.desk.uploadAgain')}</Button>
        </ProblemBanner>
      )}
      {drafts.map((d, i) => (
        <DeliveryItemFields key={d.key} siteId={siteId} index={i} draft={d} problem={p} several={drafts.length > 1}
          onChange={(patch) => change(d.key, patch)}
          onRemove={() => setDrafts((ds) => ds.filter((x) => x.key !== d.key))} />
      ))}
      <div className="form-actions">
        {drafts.length < MAX_ITEMS && (
          <Button onClick={() => setDrafts((ds) => [...ds, blank(ds[ds.length - 1])])}>{t('mail.desk.addItem')}</Button>
        )}
        <Button kind="primary" type="submit" busy={log.busy || send.busy}>
          {send.busy ? t('mail.desk.uploading') : t('mail.desk.logButton')}
        </Button>
      </div>
    </form>
  );
}

function DeliveryItemFields({ siteId, index, draft, problem, several, onChange, onRemove }: {
  siteId: string;
  index: number;
  draft: Draft;
  problem: Problem | null;
  several: boolean;
  onChange: (patch: Partial<Draft>) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const at = (f: string) => `items[${index}].${f}`;
  const bind = <K extends 'kind' | 'carrier' | 'trackingNumber' | 'sender' | 'shelf' | 'count' | 'notes'>(name: K) => ({
    value: draft[name],
    onChange: (e: { target: { value: string } }) => onChange({ [name]: e.target.value } as Partial<Draft>),
  });
  const photoId = `mail-photo-${draft.key}`;
  return (
    <fieldset className={several ? 'delivery-item' : undefined}>
      <legend className={several ? undefined : 'visually-hidden'}>{t('mail.desk.itemN', { n: index + 1 })}</legend>
      <RecipientPicker siteId={siteId} label={t('mail.desk.recipient')} name={at('recipient')} problem={problem}
        chosen={draft.recipient} onChoose={(recipient) => onChange({ recipient })} />
      <div className="filter-row">
        <Field label={t('mail.desk.kind')} name={at('kind')} problem={problem}>
          <select {...bind('kind')}>{KINDS.map((k) => <option key={k} value={k}>{t(`mail.kind.${k}`)}</option>)}</select>
        </Field>
        <Field label={t('mail.desk.carrier')} name={at('carrier')} problem={problem}>
          <select {...bind('carrier')}>{CARRIERS.map((c) => <option key={c} value={c}>{t(`mail.carrier.${c}`)}</option>)}</select>
        </Field>
        <Field label={t('mail.desk.tracking')} name={at('trackingNumber')} problem={problem}>
          <input {...bind('trackingNumber')} maxLength={60} autoComplete="off" spellCheck={false} />
        </Field>
      </div>
      <div className="filter-row">
        <Field label={t('mail.desk.sender')} name={at('sender')} problem={problem}><input {...bind('sender')} maxLength={200} /></Field>
        <Field label={t('mail.desk.shelf')} name={at('shelf')} problem={problem} className="narrow"><input {...bind('shelf')} maxLength={20} required /></Field>
        <Field label={t('mail.desk.count')} name={at('count')} problem={problem} className="narrow"><input type="number" min={1} max={999} {...bind('count')} /></Field>
      </div>
      <Field label={t('mail.desk.notes')} name={at('notes')} problem={problem}><input {...bind('notes')} maxLength={500} /></Field>
      <PhotoField id={photoId} draft={draft} problem={problem} name={at('scan')} onChange={onChange} />
      {several && <Button kind="link" onClick={onRemove}>{t('mail.desk.removeItem', { n: index + 1 })}</Button>}
    </fieldset>
  );
}

function PhotoField({ id, draft, problem, name, onChange }: {
  id: string;
  draft: Draft;
  problem: Problem | null;
  name: string;
  onChange: (patch: Partial<Draft>) => void;
}) {
  const { t } = useI18n();
  const error = draft.photoProblem ?? fieldError(problem, name);
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{t('mail.desk.photo')}</label>
      <input id={id} type="file" accept="image/jpeg,image/png,application/pdf" capture="environment"
        aria-describedby={`${id}-hint`} aria-invalid={error ? true : undefined}
        onChange={(e) => onChange({ photo: e.target.files?.[0] ?? null, photoProblem: null })} />
      <small id={`${id}-hint`} className={error ? 'error' : 'hint'}>{error ?? t('mail.desk.photoHint')}</small>
    </div>
  );
}

function uploadProblem(headline: string): ProblemError {
  const problem: Problem = { status: 0, kind: 'upload', headline, detail: '', fields: {}, body: {} };
  return new ProblemError(problem);
}
