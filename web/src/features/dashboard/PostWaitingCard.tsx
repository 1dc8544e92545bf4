import { Link } from 'react-router';
import { ProblemError } from '../../api/problem';
import { useApp } from '../../app/context';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Badge, Empty, Loading, ProblemBanner } from '../../ui/ui';
import { KINDS, useShelves } from '../mailroom/data';

/**
 * Post waiting at the site: what lies on its shelves, by kind, the oldest, what is to be forwarded
 * and what is locked. One list request (the post desk's own, so it shares its cache).
 */
export default function PostWaitingCard() {
  const { t } = useI18n();
  const { site } = useApp();
  const shelves = useShelves(site?.id);
  const items = shelves.data ?? [];
  const waiting = items.filter((m) => m.status === 'waiting');
  const toForward = items.filter((m) => m.status === 'forward-requested').length;
  const locked = items.filter((m) => m.locked).length;
  const oldest = waiting.reduce<string | null>((o, m) => (o === null || m.receivedAt < o ? m.receivedAt : o), null);
  const byKind = KINDS.map((k) => [k, waiting.filter((m) => m.kind === k).reduce((n, m) => n + m.count, 0)] as const).filter(([, n]) => n > 0);
  return (
    <section className="card" aria-labelledby="post-waiting-title">
      <div className="section-head">
        <h2 id="post-waiting-title">{t('home.postWaiting')}</h2>
        <Link to="/post/desk">{t('home.whole')}</Link>
      </div>
      {shelves.isPending && site && <Loading />}
      {shelves.error instanceof ProblemError && <ProblemBanner problem={shelves.error.problem} />}
      {shelves.data && waiting.length === 0 && toForward === 0 && <Empty>{t('home.noPostWaiting')}</Empty>}
      {waiting.length > 0 && (
        <>
          <p><strong>{t('home.postItems', { n: waiting.length })}</strong></p>
          <ul className="plain-list">
            {byKind.map(([k, n]) => <li key={k}>{n} × {t(`mail.kind.${k}`)}</li>)}
          </ul>
          {oldest && <p className="muted small">{t('home.postOldest', { when: formatDateTime(oldest, site?.timeZone) })}</p>}
        </>
      )}
      {(toForward > 0 || locked > 0) && (
        <p>
          {toForward > 0 && <Link to="/post/outgoing">{t('home.postToForward', { n: toForward })}</Link>}
          {locked > 0 && <> <Badge tone="bad">{t('home.postLocked', { n: locked })}</Badge></>}
        </p>
      )}
    </section>
  );
}
