import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client';
import { useApp } from '../../app/context';
import { useI18n } from '../../i18n/i18n';
import { textOrUndefined, useFields } from '../../ui/forms';
import { Dialog, Field, ProblemBanner, SaveCancel } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { PURPOSES, type Visit } from './data';
import { useDebounced } from './useDebounced';

/** A visitor who was not registered: their name, the host they choose from the site's people, now. */
export function WalkInDialog({ siteId, onClose, onRegistered }: { siteId: string; onClose: () => void; onRegistered: (v: Visit) => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const f = useFields({ name: '', company: '', purpose: 'meeting', hostQuery: '' });
  const [host, setHost] = useState<{ id: string; name: string } | null>(null);
  const q = useDebounced(f.values.hostQuery.trim(), 250);
  const hosts = useQuery({
    queryKey: ['visitor-hosts', siteId, q],
    enabled: q.length >= 1 && q !== host?.name,
    queryFn: () => call(api.GET('/visitor-hosts', { params: { query: { site: siteId, q, limit: 8 } } })),
  });
  const action = useAction(async (body: Parameters<typeof register>[0], key: string) => register(body, key));
  function register(body: { name: string; company?: string; purpose: string; hostId: string }, key: string) {
    return call(api.POST('/visits', {
      params: { header: { 'Idempotency-Key': key } },
      body: { siteId, walkIn: true, hostId: body.hostId, purpose: body.purpose as Visit['purpose'],
        visitors: [{ name: body.name, company: body.company }] },
    }));
  }
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const out = await action.submit({ name: f.values.name.trim(), company: textOrUndefined(f.values.company),
      purpose: f.values.purpose, hostId: host?.id ?? '' });
    if (out?.items[0]) {
      onRegistered(out.items[0]);
    }
  }
  const suggestions = hosts.data?.items ?? [];
  return (
    <Dialog title={t('visitors.desk.registerWalkIn')} open onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <ProblemBanner problem={action.problem} shown={['visitors', 'hostId', 'purpose']} />
        <Field label={t('visitors.form.name')} name="visitors[0].name" problem={action.problem}>
          <input {...f.bind('name')} maxLength={120} required autoComplete="off" />
        </Field>
        <Field label={t('visitors.form.company')} name="visitors[0].company" problem={action.problem}>
          <input {...f.bind('company')} maxLength={120} autoComplete="off" />
        </Field>
        <Field label={t('visitors.desk.findHost')} name="hostId" problem={action.problem}>
          <input {...f.bind('hostQuery')} autoComplete="off" onInput={() => setHost(null)} />
        </Field>
        {!host && q && hosts.data && suggestions.length === 0 && <p className="muted small">{t('visitors.desk.noHost')}</p>}
        {!host && suggestions.length > 0 && (
          <ul className="suggestions" aria-label={t('visitors.form.host')}>
            {suggestions.map((p) => (
              <li key={p.id}>
                <button type="button" className="suggestion" onClick={() => { setHost(p); f.set('hostQuery', p.name); }}>
                  {p.name}{p.department && <span className="muted small"> · {p.department}</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
        <Field label={t('visitors.form.purpose')} name="purpose" problem={action.problem}>
          <select {...f.bind('purpose')}>
            {PURPOSES.map((p) => <option key={p} value={p}>{t(`visitors.purpose.${p}`)}</option>)}
          </select>
        </Field>
        <SaveCancel onCancel={onClose} busy={action.busy} label={t('visitors.form.register')} />
      </form>
    </Dialog>
  );
}
