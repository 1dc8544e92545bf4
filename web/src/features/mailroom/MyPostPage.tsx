import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, type Schemas } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useApp } from '../../app/context';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { textOrUndefined, useFields } from '../../ui/forms';
import { Badge, Button, Dialog, Empty, Field, Loading, Notice, PageHeader, ProblemBanner, SaveCancel } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { MAIL_KEYS, useDepartmentPost, useMyPost, type MailItem } from './data';
import { ScanPhoto } from './ScanPhoto';
import '../visitors/visitors.css';
import './mailroom.css';

/** My post and parcels: what waits for me (with its photo and my pickup code), what I had lately; ask for forwarding home. */
export default function MyPostPage() {
  const { t } = useI18n();
  const waiting = useMyPost('waiting');
  const done = useMyPost('done');
  const queryClient = useQueryClient();
  const [forwarding, setForwarding] = useState<MailItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('mail.mine.title')} />
      {notice && <Notice>{notice}</Notice>}
      <section className="card" aria-labelledby="post-waiting">
        <h2 id="post-waiting">{t('mail.mine.waiting')}</h2>
        {waiting.isPending && <Loading />}
        {waiting.error instanceof ProblemError && <ProblemBanner problem={waiting.error.problem} />}
        {waiting.data && waiting.data.length === 0 && <Empty>{t('mail.mine.none')}</Empty>}
        <ul className="mail-list">
          {(waiting.data ?? []).map((m) => (
            <li key={m.id} className="mail-row">
              <MailSummary item={m} />
              {m.pickupCode && m.status === 'waiting' && (
                <div className="pickup-code">
                  <span className="muted small">{t('mail.mine.code')}</span>
                  <strong>{m.pickupCode}</strong>
                </div>
              )}
              <div className="visit-actions">
                <ScanPhoto item={m} />
                {m.status === 'waiting' && m.recipient.type === 'person' && m.kind !== 'pallet' && (
                  <Button onClick={() => { setNotice(null); setForwarding(m); }}>{t('mail.mine.forward')}</Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
      <DepartmentPost />
      <section className="card" aria-labelledby="post-done">
        <h2 id="post-done">{t('mail.mine.done')}</h2>
        {done.isPending && <Loading />}
        {done.data && done.data.length === 0 && <Empty>{t('mail.mine.noneDone')}</Empty>}
        <ul className="mail-list">
          {(done.data ?? []).map((m) => (
            <li key={m.id} className="mail-row">
              <MailSummary item={m} />
              <div className="muted small">
                {m.handedOut && t('mail.mine.collectedAt', { when: formatDateTime(m.handedOut.at) })}
                {m.forwarding?.trackingNumber && t('mail.mine.forwardedWith', { carrier: m.forwarding.carrier ?? '', tracking: m.forwarding.trackingNumber })}
              </div>
            </li>
          ))}
        </ul>
      </section>
      {forwarding && (
        <ForwardDialog item={forwarding} onClose={() => setForwarding(null)}
          onAsked={() => {
            setForwarding(null);
            setNotice(t('mail.mine.forwardAsked'));
            MAIL_KEYS.forEach((k) => void queryClient.invalidateQueries({ queryKey: [...k] }));
          }} />
      )}
    </>
  );
}

/** My department's shared post at my site: shown when there is some (anyone of it may collect it, with its code). */
function DepartmentPost() {
  const { t } = useI18n();
  const post = useDepartmentPost();
  if (post.error instanceof ProblemError) {
    return <ProblemBanner problem={post.error.problem} />;
  }
  if (!post.data || post.data.length === 0) {
    return null;
  }
  return (
    <section className="card" aria-labelledby="post-department">
      <h2 id="post-department">{t('mail.mine.department', { department: post.data[0].recipient.name ?? '' })}</h2>
      <p className="muted small">{t('mail.mine.departmentExplain')}</p>
      <ul className="mail-list">
        {post.data.map((m) => (
          <li key={m.id} className="mail-row">
            <MailSummary item={m} />
            {m.pickupCode && (
              <div className="pickup-code">
                <span className="muted small">{t('mail.mine.code')}</span>
                <strong>{m.pickupCode}</strong>
              </div>
            )}
            <div className="visit-actions"><ScanPhoto item={m} /></div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function MailSummary({ item, withRecipient }: { item: MailItem; withRecipient?: string }) {
  const { t } = useI18n();
  return (
    <div className="mail-main">
      <strong>{item.count > 1 ? `${item.count} × ` : ''}{t(`mail.kind.${item.kind}`)}</strong>
      {withRecipient && <> · {withRecipient}</>}
      {' '}<Badge tone={item.status === 'waiting' ? 'warn' : 'neutral'}>{t(`mail.status.${item.status}`)}</Badge>
      {item.locked && <> <Badge tone="bad">{t('mail.desk.locked')}</Badge></>}
      <div className="muted small">
        {t(`mail.carrier.${item.carrier}`)}{item.trackingNumber && <> {item.trackingNumber}</>}
        {item.sender && <> · {t('mail.mine.from', { sender: item.sender })}</>}
        {' · '}{t('mail.mine.shelf', { shelf: item.shelf })}
        {' · '}{t('mail.mine.arrived', { when: formatDateTime(item.receivedAt) })}
      </div>
      {item.notes && <div className="muted small">{item.notes}</div>}
    </div>
  );
}

type ForwardInput = Schemas['ForwardRequestInput'];

function ForwardDialog({ item, onClose, onAsked }: { item: MailItem; onClose: () => void; onAsked: () => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const [to, setTo] = useState<'home' | 'address'>('home');
  const f = useFields({ line1: '', line2: '', postalCode: '', city: '', country: 'NL' });
  const action = useAction(async (body: ForwardInput) =>
    call(api.POST('/mail/{id}/forward-request', { params: { path: { id: item.id } }, body })));
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const v = f.values;
    const body: ForwardInput = to === 'home' ? { to } : {
      to, address: { line1: v.line1.trim(), line2: textOrUndefined(v.line2), postalCode: v.postalCode.trim(), city: v.city.trim(), country: v.country.trim().toUpperCase() },
    };
    if (await action.submit(body)) onAsked();
  }
  const p = action.problem;
  return (
    <Dialog title={t('mail.mine.forwardTitle', { kind: t(`mail.kind.${item.kind}`) })} open onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <ProblemBanner problem={p} shown={['to', 'address']} />
        <fieldset className="radios">
          <legend className="visually-hidden">{t('mail.mine.forward')}</legend>
          <label><input type="radio" name="to" checked={to === 'home'} onChange={() => setTo('home')} />{t('mail.mine.forwardHome')}</label>
          <label><input type="radio" name="to" checked={to === 'address'} onChange={() => setTo('address')} />{t('mail.mine.forwardAddress')}</label>
        </fieldset>
        {to === 'address' && (
          <>
            <Field label={t('mail.address.line1')} name="address.line1" problem={p}><input {...f.bind('line1')} maxLength={120} autoComplete="address-line1" /></Field>
            <Field label={t('mail.address.line2')} name="address.line2" problem={p}><input {...f.bind('line2')} maxLength={120} autoComplete="address-line2" /></Field>
            <div className="filter-row">
              <Field label={t('mail.address.postalCode')} name="address.postalCode" problem={p}><input {...f.bind('postalCode')} maxLength={16} autoComplete="postal-code" /></Field>
              <Field label={t('mail.address.city')} name="address.city" problem={p}><input {...f.bind('city')} maxLength={80} autoComplete="address-level2" /></Field>
              <Field label={t('mail.address.country')} name="address.country" problem={p} className="narrow"><input {...f.bind('country')} maxLength={2} autoComplete="country" /></Field>
            </div>
          </>
        )}
        <SaveCancel onCancel={onClose} busy={action.busy} label={t('mail.mine.forwardButton')} />
      </form>
    </Dialog>
  );
}
