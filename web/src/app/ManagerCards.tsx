import { useState } from 'react';
import { Link } from 'react-router';
import { ProblemError } from '../api/problem';
import { DayList, useDayOverview } from '../features/bookings/DayOverviewPage';
import { today } from '../features/bookings/time';
import { FailedList, useFailedNotifications } from '../features/notifier/NotificationsPage';
import { OPEN_ORDER, useLowStock, usePurchaseOrders } from '../features/stock/data';
import { formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { Badge, Empty, Loading, Notice, ProblemBanner } from '../ui/ui';
import { useApp } from './context';

/** The office manager's cards on the dashboard: today's bookings, low stock, open orders, failed mail. */
export function TodayCard() {
  const { t } = useI18n();
  const { site } = useApp();
  const zone = site?.timeZone ?? 'Europe/Amsterdam';
  const overview = useDayOverview(site?.id, today(zone));
  return (
    <section className="card" aria-labelledby="today-title">
      <div className="section-head"><h2 id="today-title">{t('home.todayBookings')}</h2><Link to="/day">{t('home.whole')}</Link></div>
      {overview.isPending && <Loading />}
      {overview.error instanceof ProblemError && <ProblemBanner problem={overview.error.problem} />}
      {overview.data && <DayList items={overview.data.items} zone={zone} limit={5} />}
    </section>
  );
}

export function LowStockCard() {
  const { t } = useI18n();
  const { site } = useApp();
  const low = useLowStock(site?.id);
  return (
    <section className="card" aria-labelledby="low-title">
      <div className="section-head"><h2 id="low-title">{t('home.lowStock')}</h2><Link to="/orders">{t('orders.title')}</Link></div>
      {low.isPending && <Loading />}
      {low.error instanceof ProblemError && <ProblemBanner problem={low.error.problem} />}
      {low.data && low.data.length === 0 && <Empty>{t('home.noLowStock')}</Empty>}
      <ul className="plain-list">
        {(low.data ?? []).slice(0, 6).map((i) => (
          <li key={i.id}><Link to={`/supplies/${i.id}`}>{i.name}</Link>
            <span className="muted small"> {t('home.lowLine', { n: i.quantity, min: i.minimum })}{i.onOrder > 0 ? ` · ${t('home.onOrder', { n: i.onOrder })}` : ''}</span></li>
        ))}
      </ul>
    </section>
  );
}

export function OpenOrdersCard() {
  const { t } = useI18n();
  const { site } = useApp();
  const orders = usePurchaseOrders(site?.id);
  const open = (orders.data ?? []).filter((o) => OPEN_ORDER.includes(o.status));
  return (
    <section className="card" aria-labelledby="orders-title">
      <div className="section-head"><h2 id="orders-title">{t('home.openOrders')}</h2><Link to="/orders">{t('home.whole')}</Link></div>
      {orders.isPending && <Loading />}
      {orders.data && open.length === 0 && <Empty>{t('orders.noneOpen')}</Empty>}
      <ul className="plain-list">
        {open.slice(0, 5).map((o) => (
          <li key={o.id}>{o.lines.map((l) => l.name).join(', ')} <Badge>{t(`orderStatus.${o.status}`)}</Badge>
            <span className="muted small"> {formatMoney(o.total)}</span></li>
        ))}
      </ul>
    </section>
  );
}

export function FailedNotificationsCard() {
  const { t } = useI18n();
  const failed = useFailedNotifications();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="failed-title">
      <div className="section-head"><h2 id="failed-title">{t('home.failed')}</h2><Link to="/outbox">{t('home.whole')}</Link></div>
      {notice && <Notice>{notice}</Notice>}
      {failed.isPending && <Loading />}
      {failed.error instanceof ProblemError && <ProblemBanner problem={failed.error.problem} />}
      {failed.data && <FailedList items={failed.data} onRetried={setNotice} limit={3} />}
    </section>
  );
}
