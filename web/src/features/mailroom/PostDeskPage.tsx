import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { call, type Schemas } from '../../api/client';
import { ProblemError, type Problem } from '../../api/problem';
import { useApp } from '../../app/context';
import { useI18n } from '../../i18n/i18n';
import { Button, Dialog, Empty, Field, Loading, Notice, PageHeader, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { MAIL_KEYS, recipientName, useShelves, type MailItem } from './data';
import { LogDeliveryForm } from './LogDeliveryForm';
import { MailSummary } from './MyPostPage';
import { RecipientPicker, type Suggestion } from './RecipientPicker';
import { ScanPhoto } from './ScanPhoto';
import '../visitors/visitors.css';
import './mailroom.css';

/** Reception's post desk (tablet first): log what arrived with a photo, the shelves, hand out against the code. */
export default function PostDeskPage() {
  const { t } = useI18n();
  const { site, api } = useApp();
  const queryClient = useQueryClient();
  const shelves = useShelves(site?.id);
  const [query, setQuery] = useState('');
  const [handing, setHanding] = useState<MailItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const unlock = useAction(async (item: MailItem) => call(api.POST('/mail/{id}/unlock', { params: { path: { id: item.id } } })));
  const refresh = (message: string) => {
    setNotice(message);
    MAIL_KEYS.forEach((k) => void queryClient.invalidateQueries({ queryKey: [...k] }));
  };
  if (!site) {
    return <Empty>{t('app.noSite')}</Empty>;
  }
  const left = t('mail.desk.left');
  const shown = (shelves.data ?? []).filter((m) => recipientName(m, left).toLowerCase().includes(query.trim().toLowerCase()));
  const byShelf = new Map<string, MailItem[]>();
  shown.forEach((m) => byShelf.set(m.shelf, [...(byShelf.get(m.shelf) ?? []), m]));

  return (
    <>
      <PageHeader title={t('mail.desk.title')} />
      {notice && <Notice>{notice}</Notice>}
      <ProblemBanner problem={unlock.problem} />
      <div className="desk-columns">
        <section className="card" aria-labelledby="log-head">
          <h2 id="log-head">{t('mail.desk.log')}</h2>
          <LogDeliveryForm siteId={site.id} onLogged={(items, names) => refresh(items.length === 1
            ? t('mail.desk.logged', { name: names[0] })
            : t('mail.desk.loggedMany', { n: items.length, names: [...new Set(names)].join(', ') }))} />
        </section>
        <section className="card" aria-labelledby="shelves-head">
          <h2 id="shelves-head">{t('mail.desk.shelves')}</h2>
          <div className="field search">
            <label htmlFor="shelf-search">{t('mail.desk.search')}</label>
            <input id="shelf-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
          </div>
          {shelves.isPending && <Loading />}
          {shelves.error instanceof ProblemError && <ProblemBanner problem={shelves.error.problem} />}
          {shelves.data && shown.length === 0 && <Empty>{t('mail.desk.none')}</Empty>}
          {[...byShelf.entries()].map(([shelf, items]) => (
            <div key={shelf} className="shelf">
              <h3>{t('mail.mine.shelf', { shelf })}</h3>
              <ul className="mail-list">
                {items.map((m) => {
                  const name = recipientName(m, left);
                  return (
                    <li key={m.id} className="mail-row">
                      <MailSummary item={m} withRecipient={name} />
                      <div className="visit-actions">
                        <ScanPhoto item={m} />
                        {m.locked ? (
                          <Button busy={unlock.busy} onClick={async () => { if (await unlock.submit(m)) refresh(t('mail.desk.unlocked')); }}>
                            {t('mail.desk.unlock')}
                          </Button>
                        ) : m.status === 'waiting' && (
                          <Button kind="primary" aria-label={t('mail.desk.handOutTo', { kind: t(`mail.kind.${m.kind}`), name })}
                            onClick={() => { setNotice(null); setHanding(m); }}>{t('mail.desk.handOut')}</Button>
                        )}
                      </div>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </section>
      </div>
      {handing && (
        <HandOutDialog item={handing} onClose={() => setHanding(null)}
          onHandedOut={(out) => { setHanding(null); refresh(t('mail.desk.handedOut', { name: out.handedOut?.collectorName ?? recipientName(out, left) })); }}
          onLocked={() => MAIL_KEYS.forEach((k) => void queryClient.invalidateQueries({ queryKey: [...k] }))} />
      )}
    </>
  );
}

function HandOutDialog({ item, onClose, onHandedOut, onLocked }: {
  item: MailItem;
  onClose: () => void;
  onHandedOut: (item: MailItem) => void;
  onLocked: () => void;
}) {
  const { t } = useI18n();
  const { api } = useApp();
  const [code, setCode] = useState('');
  const [identity, setIdentity] = useState(false);
  // a department's post is collected by one of its people; a person's by a colleague with the code
  const department = item.recipient.type === 'department';
  const [byColleague, setByColleague] = useState(false);
  const [collector, setCollector] = useState<Suggestion | null>(null);
  const [missing, setMissing] = useState<Problem | null>(null);
  const naming = department || byColleague;
  const action = useAction(async (body: Schemas['PickupInput']) =>
    call(api.POST('/mail/{id}/pickup', { params: { path: { id: item.id } }, body })));
  const name = recipientName(item, t('mail.desk.left'));
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (byColleague && !collector) {
      setMissing({ status: 400, kind: 'collector', headline: t('problem.fields'), detail: '', fields: { collectorId: t('mail.desk.pickCollector') }, body: {} });
      return;
    }
    setMissing(null);
    const checked = identity && !byColleague;
    const body: Schemas['PickupInput'] = checked ? { identityChecked: true } : { code: code.replace(/\s/g, '') };
    if (naming && collector?.personId) body.collectorId = collector.personId;
    const out = await action.submit(body);
    if (out) onHandedOut(out);
  }
  const locked = action.problem?.kind === 'wrong-code-locked';
  const lockedCallback = useRef(onLocked);
  lockedCallback.current = onLocked;
  useEffect(() => {
    if (locked) lockedCallback.current(); // the shelf shows the item locked
  }, [locked]);
  const problem = missing ?? action.problem;
  return (
    <Dialog title={t('mail.desk.handOutTo', { kind: t(`mail.kind.${item.kind}`), name })} open onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <ProblemBanner problem={problem} shown={['code', 'identityChecked', 'collectorId']} />
        {!department && (
          <label className="accept-box">
            <input type="checkbox" checked={byColleague} onChange={(e) => { setByColleague(e.target.checked); setCollector(null); }} />
            <span>{t('mail.desk.byColleague')}</span>
          </label>
        )}
        {naming && (
          <RecipientPicker siteId={item.siteId} label={department ? t('mail.desk.collectorOf', { name }) : t('mail.desk.collector')}
            name="collectorId" problem={problem} chosen={collector} onChoose={setCollector} peopleOnly />
        )}
        <Field label={t('mail.desk.code')} name="code" problem={problem}>
          <input className="code-input" inputMode="numeric" pattern="[0-9]*" maxLength={6} autoComplete="off" value={code}
            disabled={identity && !byColleague} onChange={(e) => setCode(e.target.value)} />
        </Field>
        {!byColleague && (
          <label className="accept-box">
            <input type="checkbox" checked={identity} onChange={(e) => setIdentity(e.target.checked)} />
            <span>{department ? t('mail.desk.identityDepartment') : t('mail.desk.identity')}</span>
          </label>
        )}
        <div className="form-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button kind="primary" type="submit" busy={action.busy}>{t('mail.desk.handOut')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
