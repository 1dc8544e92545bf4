import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client';
import { ProblemError } from '../../api/problem';
import { useApp } from '../../app/context';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { fileSafe, saveFile } from '../../ui/download';
import { Button, Empty, Loading, Notice, PageHeader, ProblemBanner } from '../../ui/ui';
import { useAction } from '../../ui/useAction';
import { MAIL_KEYS, recipientName, useForwardingList, useMailSettings, useReturnList, type MailItem } from './data';
import { MailSummary } from './MyPostPage';
import { ShipmentDialog, type Shipment } from './ShipmentDialog';
import '../visitors/visitors.css';
import './mailroom.css';

/**
 * Post that leaves again: what recipients asked to have forwarded (address labels to print, then
 * marked forwarded with the tracking number), and what waited too long or whose recipient left
 * (marked returned to its sender).
 */
export default function OutgoingPostPage() {
  const { t } = useI18n();
  const { site, api } = useApp();
  const queryClient = useQueryClient();
  const forwarding = useForwardingList(site?.id);
  const returns = useReturnList(site?.id);
  const settings = useMailSettings(site?.id);
  const [shipping, setShipping] = useState<{ item: MailItem; how: Shipment } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const labels = useAction(async (siteId: string) => {
    const blob = await call(api.GET('/mail/forwarding-labels', { params: { query: { site: siteId } }, parseAs: 'blob' })) as unknown as Blob;
    const name = `forwarding-labels-${fileSafe(site?.name ?? siteId)}.pdf`;
    saveFile(blob, name);
    return name;
  });
  if (!site) {
    return <Empty>{t('app.noSite')}</Empty>;
  }
  const left = t('mail.desk.left');
  const toForward = forwarding.data?.items ?? [];
  const toReturn = returns.data?.items ?? [];
  const open = (item: MailItem, how: Shipment) => { setNotice(null); setShipping({ item, how }); };
  return (
    <>
      <PageHeader title={t('mail.out.title')} />
      <p className="muted lead">{t('home.site', { site: site.name })}</p>
      {notice && <Notice>{notice}</Notice>}
      <section className="card" aria-labelledby="forward-head">
        <div className="section-head">
          <h2 id="forward-head">{t('mail.out.forward')}</h2>
          <Button busy={labels.busy} disabled={toForward.length === 0}
            onClick={async () => { setNotice(null); const name = await labels.submit(site.id); if (name) setNotice(t('mail.out.labelsSaved', { file: name })); }}>
            {t('mail.out.labels')}
          </Button>
        </div>
        <ProblemBanner problem={labels.problem} />
        {forwarding.isPending && <Loading />}
        {forwarding.error instanceof ProblemError && <ProblemBanner problem={forwarding.error.problem} />}
        {forwarding.data && toForward.length === 0 && <Empty>{t('mail.out.noForward')}</Empty>}
        <ul className="mail-list">
          {toForward.map((m) => {
            const name = recipientName(m, left);
            const address = m.forwarding?.address;
            return (
              <li key={m.id} className="mail-row">
                <MailSummary item={m} withRecipient={name} />
                <address className="forward-address">
                  {address ? (
                    <>{address.line1}<br />{address.line2 && <>{address.line2}<br /></>}{address.postalCode} {address.city}<br />{address.country}</>
                  ) : t('mail.out.homeAddress')}
                  {m.forwarding && <div className="muted small">{t('mail.out.askedAt', { when: formatDateTime(m.forwarding.requestedAt) })}</div>}
                </address>
                <div className="visit-actions">
                  <Button kind="primary" aria-label={t('mail.out.markForwardedFor', { kind: t(`mail.kind.${m.kind}`), name })}
                    onClick={() => open(m, 'forwarded')}>{t('mail.out.markForwarded')}</Button>
                </div>
              </li>
            );
          })}
        </ul>
      </section>
      <section className="card" aria-labelledby="return-head">
        <h2 id="return-head">{t('mail.out.return')}</h2>
        {settings.data && <p className="muted small">{t('mail.out.returnRule', {
          first: settings.data.firstReminderDays, second: settings.data.secondReminderDays, back: settings.data.returnAfterDays,
        })}</p>}
        {returns.isPending && <Loading />}
        {returns.error instanceof ProblemError && <ProblemBanner problem={returns.error.problem} />}
        {returns.data && toReturn.length === 0 && <Empty>{t('mail.out.noReturn')}</Empty>}
        <ul className="mail-list">
          {toReturn.map((m) => {
            const name = recipientName(m, left);
            return (
              <li key={m.id} className="mail-row">
                <MailSummary item={m} withRecipient={name} />
                {m.recipient.type === 'left' && <span className="muted small">{t('mail.out.recipientLeft')}</span>}
                <div className="visit-actions">
                  <Button aria-label={t('mail.out.markReturnedFor', { kind: t(`mail.kind.${m.kind}`), name })}
                    onClick={() => open(m, 'returned')}>{t('mail.out.markReturned')}</Button>
                </div>
              </li>
            );
          })}
        </ul>
      </section>
      {shipping && (
        <ShipmentDialog item={shipping.item} how={shipping.how} onClose={() => setShipping(null)}
          onDone={(out) => {
            setShipping(null);
            const name = recipientName(out, left);
            setNotice(t(shipping.how === 'forwarded' ? 'mail.out.forwardedDone' : 'mail.out.returnedDone', { name }));
            MAIL_KEYS.forEach((k) => void queryClient.invalidateQueries({ queryKey: [...k] }));
          }} />
      )}
    </>
  );
}
