import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { call, type Schemas } from '../../api/client';
import { ProblemError, type Problem } from '../../api/problem';
import { useApp } from '../../app/context';
import { useI18n } from '../../i18n/i18n';
import { numberOrUndefined, textOrUndefined, useFields } from '../../ui/forms';
import { Button, Field, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { useDebounced } from '../visitors/useDebounced';
import { CARRIERS, KINDS, type MailItem } from './data';
import { announce, upload, type UploadLink } from './upload';

type Suggestion = Schemas['RecipientSuggestionList']['items'][number];
type Input = Schemas['MailDeliveryInput'];

/**
 * Reception logs what arrived: the recipient picked from suggestions while typing what the label
 * says, what and how it came, the shelf, and a photo from the camera — sent straight to storage
 * through the upload link the create answers with, then checked by the API.
 */
export function LogDeliveryForm({ siteId, onLogged }: { siteId: string; onLogged: (item: MailItem, name: string) => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const f = useFields({ query: '', kind: 'parcel', carrier: 'postnl', trackingNumber: '', sender: '', shelf: '', count: '1', notes: '' });
  const [recipient, setRecipient] = useState<Suggestion | null>(null);
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoProblem, setPhotoProblem] = useState<string | null>(null);
  const [pendingUpload, setPendingUpload] = useState<{ item: MailItem; name: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const q = useDebounced(f.values.query.trim(), 200);
  const suggestions = useQuery({
    queryKey: ['mail-recipients', siteId, q],
    enabled: q.length >= 2 && !recipient,
    queryFn: () => call(api.GET('/mail/recipients', { params: { query: { q, site: siteId, limit: 8 } } })),
  });
  const log = useAction(async (body: Input, key: string) =>
    call(api.POST('/mail', { params: { header: { 'Idempotency-Key': key } }, body })));
  const send = useAction(async ({ item, file }: { item: MailItem; file: File }) => {
    const link = item.scan.upload as UploadLink | undefined;
    if (link) {
      await upload(link, file).catch(() => { throw uploadProblem(t('mail.desk.uploadFailed')); });
    }
    return call(api.POST('/mail/{id}/scan', { params: { path: { id: item.id } } }));
  });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const v = f.values;
    let scan: { contentType: 'image/jpeg' | 'image/png' | 'application/pdf'; bytes: number } | undefined;
    if (photo) {
      const a = announce(photo);
      if ('refused' in a) {
        setPhotoProblem(t('problem.scan-rejected'));
        return;
      }
      scan = a;
    }
    setPhotoProblem(null);
    const body: Input = {
      siteId,
      items: [{
        kind: v.kind as MailItem['kind'], carrier: v.carrier as MailItem['carrier'], trackingNumber: textOrUndefined(v.trackingNumber),
        sender: textOrUndefined(v.sender), shelf: v.shelf.trim(), count: numberOrUndefined(v.count), notes: textOrUndefined(v.notes),
        recipient: recipient?.type === 'department' ? { department: recipient.name } : { personId: recipient?.personId },
        scan,
      }],
    };
    const out = await log.submit(body);
    const item = out?.items[0];
    if (!item) return;
    const name = recipient?.name ?? '';
    if (photo && item.scan.status === 'awaiting-upload') {
      const sent = await send.submit({ item, file: photo });
      if (!sent) {
        setPendingUpload({ item, name });
        return;
      }
    }
    finish(item, name);
  }
  function finish(item: MailItem, name: string) {
    setPendingUpload(null);
    setRecipient(null);
    setPhoto(null);
    if (fileInput.current) fileInput.current.value = '';
    f.reset();
    onLogged(item, name);
  }
  const p = log.problem;
  const items = suggestions.data?.items ?? [];
  return (
    <form onSubmit={submit} noValidate>
      <ProblemBanner problem={p} shown={['items[0].recipient', 'items[0].kind', 'items[0].carrier', 'items[0].trackingNumber', 'items[0].sender',
        'items[0].shelf', 'items[0].count', 'items[0].notes', 'items[0].scan']} />
      {pendingUpload && (
        <ProblemBanner problem={send.problem}>
          <Button busy={send.busy} onClick={async () => {
            if (photo && await send.submit({ item: pendingUpload.item, file: photo })) finish(pendingUpload.item, pendingUpload.name);
          }}>{t('mail.desk.uploadAgain')}</Button>
        </ProblemBanner>
      )}
      {recipient ? (
        <div className="field chosen-recipient">
          <span className="label-like">{t('mail.desk.recipient')}</span>
          <div>
            <strong>{t('mail.desk.chosen', { name: recipient.name })}</strong>
            {recipient.type === 'department' ? <span className="muted small"> · {t('mail.desk.department')}</span>
              : recipient.department && <span className="muted small"> · {recipient.department}</span>}
            {' '}<Button kind="link" onClick={() => setRecipient(null)}>{t('mail.desk.change')}</Button>
          </div>
        </div>
      ) : (
        <>
          <Field label={t('mail.desk.recipient')} name="items[0].recipient" problem={p}>
            <input {...f.bind('query')} autoComplete="off" maxLength={100} />
          </Field>
          {q.length >= 2 && suggestions.data && items.length === 0 && <p className="muted small">{t('mail.desk.noRecipient')}</p>}
          {items.length > 0 && (
            <ul className="suggestions" aria-label={t('mail.desk.recipient')}>
              {items.map((s) => (
                <li key={`${s.type}:${s.personId ?? s.name}`}>
                  <button type="button" className="suggestion" onClick={() => setRecipient(s)}>
                    {s.name}
                    {s.type === 'department' ? <span className="muted small"> · {t('mail.desk.department')}</span>
                      : s.department && <span className="muted small"> · {s.department}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div className="filter-row">
        <Field label={t('mail.desk.kind')} name="items[0].kind" problem={p}>
          <select {...f.bind('kind')}>{KINDS.map((k) => <option key={k} value={k}>{t(`mail.kind.${k}`)}</option>)}</select>
        </Field>
        <Field label={t('mail.desk.carrier')} name="items[0].carrier" problem={p}>
          <select {...f.bind('carrier')}>{CARRIERS.map((c) => <option key={c} value={c}>{t(`mail.carrier.${c}`)}</option>)}</select>
        </Field>
        <Field label={t('mail.desk.tracking')} name="items[0].trackingNumber" problem={p}>
          <input {...f.bind('trackingNumber')} maxLength={60} autoComplete="off" spellCheck={false} />
        </Field>
      </div>
      <div className="filter-row">
        <Field label={t('mail.desk.sender')} name="items[0].sender" problem={p}><input {...f.bind('sender')} maxLength={200} /></Field>
        <Field label={t('mail.desk.shelf')} name="items[0].shelf" problem={p} className="narrow"><input {...f.bind('shelf')} maxLength={20} required /></Field>
        <Field label={t('mail.desk.count')} name="items[0].count" problem={p} className="narrow"><input type="number" min={1} max={999} {...f.bind('count')} /></Field>
      </div>
      <Field label={t('mail.desk.notes')} name="items[0].notes" problem={p}><input {...f.bind('notes')} maxLength={500} /></Field>
      <div className={`field${photoProblem ? ' field-invalid' : ''}`}>
        <label htmlFor="mail-photo">{t('mail.desk.photo')}</label>
        <input id="mail-photo" ref={fileInput} type="file" accept="image/jpeg,image/png,application/pdf" capture="environment"
          aria-describedby="mail-photo-hint" aria-invalid={photoProblem ? true : undefined}
          onChange={(e) => { setPhoto(e.target.files?.[0] ?? null); setPhotoProblem(null); }} />
        <small id="mail-photo-hint" className={photoProblem ? 'error' : 'hint'}>{photoProblem ?? t('mail.desk.photoHint')}</small>
      </div>
      <div className="form-actions">
        <Button kind="primary" type="submit" busy={log.busy || send.busy}>
          {send.busy ? t('mail.desk.uploading') : t('mail.desk.logButton')}
        </Button>
      </div>
    </form>
  );
}

function uploadProblem(headline: string): ProblemError {
  const problem: Problem = { status: 0, kind: 'upload', headline, detail: '', fields: {}, body: {} };
  return new ProblemError(problem);
}
