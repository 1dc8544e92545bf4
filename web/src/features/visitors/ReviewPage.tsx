import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, type Schemas } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useApp } from '../../app/context';
import { formatDateTime, formatPlainDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { textOrUndefined, useFields } from '../../ui/forms';
import { Button, Dialog, Empty, Field, Loading, Notice, PageHeader, ProblemBanner, RemoveDialog, SaveCancel } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { useBlockList, useHeldVisits, VISIT_KEYS, type BlockEntry, type Visit } from './data';
import './visitors.css';

/** The office manager: visits the block list held (approve or refuse, with the reason recorded), and the block list. */
export default function ReviewPage() {
  const { t } = useI18n();
  const { site, api } = useApp();
  const queryClient = useQueryClient();
  const held = useHeldVisits(site?.id);
  const blocked = useBlockList();
  const [deciding, setDeciding] = useState<Visit | null>(null);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<BlockEntry | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = (message: string) => {
    setNotice(message);
    [...VISIT_KEYS, ['block-list']].forEach((k) => void queryClient.invalidateQueries({ queryKey: [...k] }));
  };
  return (
    <>
      <PageHeader title={t('visitors.review.title')}>
        <Button kind="primary" onClick={() => { setNotice(null); setAdding(true); }}>{t('visitors.block.add')}</Button>
      </PageHeader>
      {notice && <Notice>{notice}</Notice>}
      <section className="card" aria-labelledby="held-head">
        <h2 id="held-head">{t('visitors.review.held')}</h2>
        {held.isPending && <Loading />}
        {held.error instanceof ProblemError && <ProblemBanner problem={held.error.problem} />}
        {held.data && held.data.items.length === 0 && <Empty>{t('visitors.review.none')}</Empty>}
        <ul className="visit-list">
          {(held.data?.items ?? []).map((v) => (
            <li key={v.id} className="visit-row">
              <div className="visit-main">
                <strong>{v.visitor.name}</strong>{v.visitor.company && <span className="muted"> · {v.visitor.company}</span>}
                <div className="muted small">{formatDateTime(v.expectedAt, v.timeZone)} · {t('visitors.desk.host', { host: v.host.name })}</div>
              </div>
              <div className="visit-actions">
                <Button onClick={() => { setNotice(null); setDeciding(v); }} aria-label={t('visitors.review.decide', { name: v.visitor.name })}>
                  {t('visitors.review.open')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="block-head">
        <h2 id="block-head">{t('visitors.block.title')}</h2>
        {blocked.isPending && <Loading />}
        {blocked.error instanceof ProblemError && <ProblemBanner problem={blocked.error.problem} />}
        {blocked.data && blocked.data.items.length === 0 && <Empty>{t('visitors.block.none')}</Empty>}
        {blocked.data && blocked.data.items.length > 0 && (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('visitors.block.title')}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('visitors.block.name')}</th>
                  <th scope="col" className="hide-phone">{t('visitors.block.company')}</th>
                  <th scope="col">{t('visitors.block.reason')}</th>
                  <th scope="col">{t('visitors.block.until')}</th>
                  <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                {blocked.data.items.map((b) => (
                  <tr key={b.id}>
                    <td>{b.name}{b.email && <div className="muted small">{b.email}</div>}</td>
                    <td className="hide-phone">{b.company}</td>
                    <td>{b.reason}</td>
                    <td>{formatPlainDate(b.until)}</td>
                    <td className="row-actions">
                      <Button kind="link" onClick={() => { setNotice(null); setRemoving(b); }}
                        aria-label={t('visitors.block.remove', { name: b.name })}>✕</Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {deciding && (
        <ReviewDialog visit={deciding} onClose={() => setDeciding(null)}
          onDone={() => { const name = deciding.visitor.name; setDeciding(null); refresh(t('visitors.review.done', { name })); }} />
      )}
      {adding && <BlockEntryForm onClose={() => setAdding(false)} onAdded={(name) => { setAdding(false); refresh(t('visitors.block.added', { name })); }} />}
      {removing && (
        <RemoveDialog title={t('visitors.block.removeTitle')} explain={t('visitors.block.removeExplain', { name: removing.name })}
          remove={() => call(api.DELETE('/visitor-blocklist/{id}', { params: { path: { id: removing.id } } }))}
          onClose={() => setRemoving(null)} onRemoved={() => { setRemoving(null); refresh(t('people.removed', { name: removing.name })); }} />
      )}
    </>
  );
}

function ReviewDialog({ visit, onClose, onDone }: { visit: Visit; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const [reason, setReason] = useState('');
  const action = useAction(async (body: Schemas['VisitReview']) =>
    call(api.POST('/visits/{id}/review', { params: { path: { id: visit.id } }, body })));
  const decide = async (decision: 'approve' | 'refuse') => {
    if (await action.submit({ decision, reason: reason.trim() })) onDone();
  };
  return (
    <Dialog title={t('visitors.review.decide', { name: visit.visitor.name })} open onClose={onClose}>
      <form onSubmit={(e) => { e.preventDefault(); void decide('approve'); }} noValidate>
        <ProblemBanner problem={action.problem} shown={['reason', 'decision']} />
        <Field label={t('visitors.review.reason')} name="reason" problem={action.problem}>
          <textarea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} required />
        </Field>
        <div className="form-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button kind="danger" busy={action.busy} onClick={() => void decide('refuse')}>{t('visitors.review.refuse')}</Button>
          <Button kind="primary" type="submit" busy={action.busy}>{t('visitors.review.approve')}</Button>
        </div>
      </form>
    </Dialog>
  );
}

function BlockEntryForm({ onClose, onAdded }: { onClose: () => void; onAdded: (name: string) => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const f = useFields({ name: '', email: '', company: '', reason: '', until: '' });
  const action = useAction(async (body: Schemas['BlockEntryInput']) => call(api.POST('/visitor-blocklist', { body })));
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const v = f.values;
    const out = await action.submit({ name: v.name.trim(), email: textOrUndefined(v.email), company: textOrUndefined(v.company),
      reason: v.reason.trim(), until: v.until });
    if (out) onAdded(out.name);
  }
  return (
    <Dialog title={t('visitors.block.add')} open onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <ProblemBanner problem={action.problem} shown={['name', 'email', 'company', 'reason', 'until']} />
        <Field label={t('visitors.block.name')} name="name" problem={action.problem}><input {...f.bind('name')} maxLength={120} required /></Field>
        <div className="filter-row">
          <Field label={t('visitors.block.email')} name="email" problem={action.problem}><input type="email" {...f.bind('email')} /></Field>
          <Field label={t('visitors.block.company')} name="company" problem={action.problem}><input {...f.bind('company')} maxLength={120} /></Field>
        </div>
        <Field label={t('visitors.block.reason')} name="reason" problem={action.problem}><textarea rows={3} {...f.bind('reason')} maxLength={500} required /></Field>
        <Field label={t('visitors.block.until')} name="until" problem={action.problem}><input type="date" {...f.bind('until')} required /></Field>
        <SaveCancel onCancel={onClose} busy={action.busy} />
      </form>
    </Dialog>
  );
}
