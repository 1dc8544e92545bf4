import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../auth';
import { useI18n } from '../i18n/i18n';
import { Loading, PageHeader } from '../ui/ui';
import { useApp } from './context';

/**
 * The home page: a card per thing a person should see today, chosen by role. Cards of later
 * domains (visitors expected, post waiting, budget status) are added to this list.
 */
interface Card {
  id: string;
  roles: readonly Role[];
  component: LazyExoticComponent<ComponentType>;
}

const CARDS: readonly Card[] = [
  { id: 'today', roles: ['office-manager'], component: lazy(() => import('./ManagerCards').then((m) => ({ default: m.TodayCard }))) },
  { id: 'my-day', roles: ['staff', 'reception', 'management', 'office-manager'],
    component: lazy(() => import('../features/bookings/MyDayCard')) },
  { id: 'visitors-expected', roles: ['office-manager'], component: lazy(() => import('../features/dashboard/VisitorsExpectedCard')) },
  { id: 'post-waiting', roles: ['office-manager', 'reception'], component: lazy(() => import('../features/dashboard/PostWaitingCard')) },
  { id: 'low-stock', roles: ['office-manager'], component: lazy(() => import('./ManagerCards').then((m) => ({ default: m.LowStockCard }))) },
  { id: 'open-orders', roles: ['office-manager'], component: lazy(() => import('./ManagerCards').then((m) => ({ default: m.OpenOrdersCard }))) },
  { id: 'budget-status', roles: ['office-manager', 'management'], component: lazy(() => import('../features/dashboard/BudgetStatusCard')) },
  { id: 'failed', roles: ['office-manager'], component: lazy(() => import('./ManagerCards').then((m) => ({ default: m.FailedNotificationsCard }))) },
];

export function Dashboard() {
  const { t } = useI18n();
  const { session, me, site } = useApp();
  const cards = CARDS.filter((c) => c.roles.some((r) => session.roles.includes(r)));
  const name = me?.name.split(' ')[0] ?? '';
  return (
    <>
      <PageHeader title={name ? t('home.hello', { name }) : t('nav.home')} />
      {site && <p className="muted lead">{t('home.site', { site: site.name })}</p>}
      <div className="cards">
        {cards.map((c) => (
          <Suspense key={c.id} fallback={<div className="card"><Loading /></div>}>
            <c.component />
          </Suspense>
        ))}
      </div>
    </>
  );
}
