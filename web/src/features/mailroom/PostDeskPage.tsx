import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { call, type Schemas } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useApp } from '../../app/context';
import { useI18n } from '../../i18n/i18n';
import { Button, Dialog, Empty, Field, Loading, Notice, PageHeader, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { MAIL_KEYS, recipientName, useShelves, type MailItem } from './data';
import { LogDeliveryForm } from './LogDeliveryForm';
import { MailSummary } from './MyPostPage';
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
          <LogDeliveryForm siteId={site.id} onLogged={(_, name) => refresh(t('mail.desk.logged', { name }))} />
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
  const action = useAction(async (body: Schemas['PickupInput']) =>
    call(api.POST('/mail/{id}/pickup', { params: { path: { id: item.id } }, body })));
  const name = recipientName(item, t('mail.desk.left'));
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const out = await action.submit(identity ? { identityChecked: true } : { code: code.replace(/\s/g, '') });
    if (out) onHandedOut(out);
  }
  const locked = action.problem?.kind === 'wrong-code-locked';
  const lockedCallback = useRef(onLocked);
  lockedCallback.current = onLocked;
  useEffect(() => {
    if (locked) lockedCallback.current(); // the shelf shows the item locked
  }, [locked]);
  return (
    <Dialog title={t('mail.desk.handOutTo', { kind: t(`mail.kind.${item.kind}`), name })} open onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <ProblemBanner problem={action.problem} shown={['code', 'identityChecked']} />
        <Field label={t('mail.desk.code')} name="code" problem={action.problem}>
          <input className="code-input" inputMode="numeric" pattern="[0-9]*" maxLength={6} autoComplete="off" value={code}
            disabled={identity} onChange={(e) => setCode(e.target.value)} />
        </Field>
        <label className="accept-box">
          <input type="checkbox" checked={identity} onChange={(e) => setIdentity(e.target.checked)} />
          <span>{t('mail.desk.identity')}</span>
        </label>
        <div className="form-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button kind="primary" type="submit" busy={action.busy}>{t('mail.desk.handOut')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
