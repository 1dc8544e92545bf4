import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, type Schemas } from '../../api/client';
import { ProblemError, type Problem } from '../../api/problem';
import { useApp, type Site } from '../../app/context';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { fileSafe, saveFile } from '../../ui/download';
import { numberOrUndefined, textOrUndefined, useFields } from '../../ui/forms';
import { Button, Dialog, Empty, Field, Loading, Notice, PageHeader, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { useVisitorSettings, type VisitorSettings } from './data';
import { VisitStatus } from './VisitStatus';
import './visitors.css';

/**
 * The office manager and visitors' personal data: where invitations say to come and how long
 * visitor data is kept at a site, and on a visitor's request everything held about them
 * (export) or its erasure.
 */
export default function VisitorPrivacyPage() {
  const { t } = useI18n();
  const { site } = useApp();
  return (
    <>
      <PageHeader title={t('visitors.privacy.title')} />
      {site ? <VisitorSettingsCard key={site.id} site={site} /> : <Empty>{t('app.noSite')}</Empty>}
      <ExportCard />
      <ErasureCard />
    </>
  );
}

function VisitorSettingsCard({ site }: { site: Site }) {
  const { t } = useI18n();
  const settings = useVisitorSettings(site.id);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="visitor-settings">
      <h2 id="visitor-settings">{t('visitors.settings.title', { site: site.name })}</h2>
      {notice && <Notice>{notice}</Notice>}
      {settings.isPending && <Loading />}
      {settings.error instanceof ProblemError && <ProblemBanner problem={settings.error.problem} />}
      {settings.data && (
        <VisitorSettingsForm key={settings.data.version} siteId={site.id} settings={settings.data}
          onSaved={() => setNotice(t('visitors.settings.saved'))} onEdit={() => setNotice(null)} />
      )}
    </section>
  );
}

function VisitorSettingsForm({ siteId, settings, onSaved, onEdit }: {
  siteId: string;
  settings: VisitorSettings;
  onSaved: () => void;
  onEdit: () => void;
}) {
  const { t } = useI18n();
  const { api } = useApp();
  const queryClient = useQueryClient();
  const f = useFields({ address: settings.address ?? '', retentionDays: String(settings.retentionDays) });
  const action = useAction(async (body: Schemas['VisitorSettingsInput']) =>
    call(api.PUT('/sites/{id}/visitor-settings', { params: { path: { id: siteId } }, body })));
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    onEdit();
    const out = await action.submit({ version: settings.version, address: f.values.address.trim(), retentionDays: numberOrUndefined(f.values.retentionDays) });
    if (out) {
      // the form is keyed by the version it edits: the saved settings open a fresh one
      queryClient.setQueryData(['visitor-settings', siteId], out);
      onSaved();
    }
  }
  const p = action.problem;
  return (
    <form onSubmit={submit} noValidate>
      <ProblemBanner problem={p} shown={['address', 'retentionDays']} />
      <Field label={t('visitors.settings.address')} name="address" problem={p} hint={t('visitors.settings.addressHint')}>
        <textarea {...f.bind('address')} rows={3} maxLength={500} />
      </Field>
      <Field label={t('visitors.settings.retention')} name="retentionDays" problem={p} hint={t('visitors.settings.retentionHint')}>
        <input type="number" inputMode="numeric" min={1} max={365} {...f.bind('retentionDays')} required />
      </Field>
      <div className="form-actions">
        <Button kind="primary" type="submit" busy={action.busy}>{t('common.save')}</Button>
      </div>
    </form>
  );
}

type VisitorExport = Schemas['VisitorExport'];

function ExportCard() {
  const { t } = useI18n();
  const { api } = useApp();
  const [email, setEmail] = useState('');
  const [result, setResult] = useState<VisitorExport | null>(null);
  const action = useAction(async (address: string) =>
    call(api.GET('/privacy/visitor-export', { params: { query: { email: address } } })));
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setResult(null);
    const out = await action.submit(email.trim());
    if (out) setResult(out);
  }
  return (
    <section className="card" aria-labelledby="visitor-export">
      <h2 id="visitor-export">{t('visitors.export.title')}</h2>
      <p className="muted">{t('visitors.export.explain')}</p>
      <form className="code-row" onSubmit={submit} noValidate>
        <ProblemBanner problem={action.problem} shown={['email']} />
        <Field label={t('visitors.privacy.email')} name="email" problem={action.problem}>
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" required />
        </Field>
        <div className="code-actions">
          <Button kind="primary" type="submit" busy={action.busy}>{t('visitors.export.find')}</Button>
        </div>
      </form>
      {result && (
        <div className="export-result">
          <p>{t('visitors.export.found', { n: result.visits.length, email: result.email })}</p>
          {result.visits.length > 0 && (
            <div className="table-scroll" tabIndex={0} role="region" aria-label={t('visitors.export.title')}>
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t('visitors.export.when')}</th>
                    <th scope="col">{t('visitors.onSite.name')}</th>
                    <th scope="col" className="hide-phone">{t('app.site')}</th>
                    <th scope="col">{t('visitors.onSite.host')}</th>
                    <th scope="col">{t('visitors.export.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.visits.map((v) => (
                    <tr key={v.id}>
                      <td>{formatDateTime(v.expectedAt, v.timeZone)}</td>
                      <td>{v.visitor.name}{v.visitor.company && <div className="muted small">{v.visitor.company}</div>}</td>
                      <td className="hide-phone">{v.siteName}</td>
                      <td>{v.host.name}</td>
                      <td><VisitStatus visit={v} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="form-actions">
            <Button onClick={() => saveFile(new Blob([JSON.stringify(result, null, 2)], { type: 'application/json' }),
              `visitor-export-${fileSafe(result.email)}.json`)}>{t('visitors.export.download')}</Button>
          </div>
        </div>
      )}
    </section>
  );
}

type Receipt = Schemas['ErasureReceipt'];

function ErasureCard() {
  const { t } = useI18n();
  const { api } = useApp();
  const f = useFields({ email: '', visitId: '' });
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState<Problem | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const action = useAction(async (body: Schemas['ErasureRequest']) => call(api.POST('/privacy/visitor-erasure', { body })));
  const body = { email: textOrUndefined(f.values.email), visitId: textOrUndefined(f.values.visitId) };
  function ask(e: React.FormEvent) {
    e.preventDefault();
    setReceipt(null);
    if (!body.email && !body.visitId) {
      setMissing({ status: 400, kind: 'erasure', headline: t('problem.fields'), detail: '', fields: { email: t('visitors.erase.whom') }, body: {} });
      return;
    }
    setMissing(null);
    action.reset();
    setConfirming(true);
  }
  async function erase() {
    const out = await action.submit(body);
    setConfirming(false);
    if (out) {
      setReceipt(out);
      f.reset();
    }
  }
  const p = missing ?? action.problem;
  return (
    <section className="card" aria-labelledby="visitor-erase">
      <h2 id="visitor-erase">{t('visitors.erase.title')}</h2>
      <p className="muted">{t('visitors.erase.explain')}</p>
      {receipt && (
        <Notice>{t('visitors.erase.done', {
          visits: receipt.visits, hits: receipt.blockListHits, mails: receipt.outboxItems, files: receipt.s3Objects,
          id: receipt.receiptId, when: formatDateTime(receipt.erasedAt),
        })}</Notice>
      )}
      <form onSubmit={ask} noValidate>
        <ProblemBanner problem={confirming ? null : p} shown={['email', 'visitId']} />
        <div className="filter-row">
          <Field label={t('visitors.privacy.email')} name="email" problem={p}>
            <input type="email" {...f.bind('email')} autoComplete="off" />
          </Field>
          <Field label={t('visitors.erase.visitId')} name="visitId" problem={p} hint={t('visitors.erase.visitIdHint')}>
            <input {...f.bind('visitId')} autoComplete="off" spellCheck={false} />
          </Field>
        </div>
        <div className="form-actions">
          <Button kind="danger" type="submit">{t('visitors.erase.button')}</Button>
        </div>
      </form>
      {confirming && (
        <Dialog title={t('visitors.erase.confirmTitle', { who: body.email ?? body.visitId ?? '' })} open onClose={() => setConfirming(false)}>
          <p>{t('visitors.erase.confirm')}</p>
          <div className="form-actions">
            <Button onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
            <Button kind="danger" busy={action.busy} onClick={() => void erase()}>{t('visitors.erase.forGood')}</Button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
