import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../auth';
import type { MessageKey } from '../i18n/i18n';

/**
 * Every screen: where it lives, who sees it in the navigation and may open it, and its code
 * (loaded when first opened, so the first page stays small). Visitors, mailroom and budget
 * screens are added here as their APIs land.
 */
export interface Screen {
  path: string;
  label: MessageKey;
  icon: string;
  roles: readonly Role[];
  group: 'me' | 'desk' | 'office' | 'reports';
  /** Not in the navigation (a detail page). */
  hidden?: boolean;
  /** The whole screen, without the header and navigation (the visitors' kiosk). */
  bare?: boolean;
  component: LazyExoticComponent<ComponentType>;
}

const EVERYONE: readonly Role[] = ['staff', 'reception', 'office-manager', 'management'];
const MANAGER: readonly Role[] = ['office-manager'];
const DESK: readonly Role[] = ['reception', 'office-manager'];
const HOSTS: readonly Role[] = ['staff', 'reception', 'office-manager'];
const REPORTS: readonly Role[] = ['office-manager', 'management'];

export const SCREENS: readonly Screen[] = [
  { path: '/book', label: 'nav.book', icon: '▦', roles: EVERYONE, group: 'me',
    component: lazy(() => import('../features/bookings/BookPage')) },
  { path: '/my-bookings', label: 'nav.myBookings', icon: '☑', roles: EVERYONE, group: 'me',
    component: lazy(() => import('../features/bookings/MyBookingsPage')) },
  { path: '/supplies', label: 'nav.stock', icon: '▤', roles: EVERYONE, group: 'office',
    component: lazy(() => import('../features/stock/StockPage')) },
  { path: '/supplies/:id', label: 'nav.stock', icon: '▤', roles: EVERYONE, group: 'office', hidden: true,
    component: lazy(() => import('../features/stock/StockItemPage')) },
  { path: '/day', label: 'nav.day', icon: '☀', roles: MANAGER, group: 'office',
    component: lazy(() => import('../features/bookings/DayOverviewPage')) },
  { path: '/orders', label: 'nav.orders', icon: '⇄', roles: MANAGER, group: 'office',
    component: lazy(() => import('../features/stock/OrdersPage')) },
  { path: '/stock-takes', label: 'nav.stockTakes', icon: '✓', roles: MANAGER, group: 'office',
    component: lazy(() => import('../features/stock/StockTakesPage')) },
  { path: '/vendors', label: 'nav.suppliers', icon: '⚑', roles: MANAGER, group: 'office',
    component: lazy(() => import('../features/stock/SuppliersPage')) },
  { path: '/rooms', label: 'nav.resources', icon: '⌂', roles: MANAGER, group: 'office',
    component: lazy(() => import('../features/bookings/ResourcesPage')) },
  { path: '/directory', label: 'nav.people', icon: '☺', roles: MANAGER, group: 'office',
    component: lazy(() => import('../features/directory/PeoplePage')) },
  { path: '/locations', label: 'nav.sites', icon: '◎', roles: MANAGER, group: 'office',
    component: lazy(() => import('../features/directory/SitesPage')) },
  { path: '/site-settings', label: 'nav.siteSettings', icon: '§', roles: MANAGER, group: 'office',
    component: lazy(() => import('../features/admin/SiteSettingsPage')) },
  { path: '/budget-report', label: 'nav.budgetReport', icon: '▥', roles: REPORTS, group: 'reports',
    component: lazy(() => import('../features/budget/BudgetReportPage')) },
  { path: '/budgets', label: 'nav.budgets', icon: '€', roles: MANAGER, group: 'office',
    component: lazy(() => import('../features/budget/BudgetsPage')) },
  { path: '/expenses', label: 'nav.expenses', icon: '↧', roles: MANAGER, group: 'office',
    component: lazy(() => import('../features/budget/ExpensesPage')) },
  { path: '/cost-centres', label: 'nav.costCentres', icon: '#', roles: MANAGER, group: 'office',
    component: lazy(() => import('../features/budget/CostCentresPage')) },
  { path: '/outbox', label: 'nav.notifications', icon: '✉', roles: MANAGER, group: 'office',
    component: lazy(() => import('../features/notifier/NotificationsPage')) },
  { path: '/visitors/mine', label: 'nav.myVisitors', icon: '☺', roles: HOSTS, group: 'me',
    component: lazy(() => import('../features/visitors/MyVisitorsPage')) },
  { path: '/visitors/today', label: 'nav.reception', icon: '⚐', roles: DESK, group: 'desk',
    component: lazy(() => import('../features/visitors/ReceptionPage')) },
  { path: '/visitors/on-site', label: 'nav.onSite', icon: '⚠', roles: DESK, group: 'desk',
    component: lazy(() => import('../features/visitors/OnSitePage')) },
  { path: '/kiosk', label: 'nav.kiosk', icon: '▣', roles: DESK, group: 'desk', bare: true,
    component: lazy(() => import('../features/kiosk/KioskPage')) },
  { path: '/visitors/review', label: 'nav.visitorReview', icon: '⚖', roles: MANAGER, group: 'office',
    component: lazy(() => import('../features/visitors/ReviewPage')) },
  { path: '/post/mine', label: 'nav.myPost', icon: '✉', roles: EVERYONE, group: 'me',
    component: lazy(() => import('../features/mailroom/MyPostPage')) },
  { path: '/post/desk', label: 'nav.postDesk', icon: '▥', roles: DESK, group: 'desk',
    component: lazy(() => import('../features/mailroom/PostDeskPage')) },
  { path: '/post/outgoing', label: 'nav.outgoingPost', icon: '⇢', roles: DESK, group: 'desk',
    component: lazy(() => import('../features/mailroom/OutgoingPostPage')) },
  { path: '/post/settings', label: 'nav.mailSettings', icon: '⚙', roles: MANAGER, group: 'office',
    component: lazy(() => import('../features/mailroom/MailSettingsPage')) },
  { path: '/visitors/privacy', label: 'nav.visitorPrivacy', icon: '⚿', roles: MANAGER, group: 'office',
    component: lazy(() => import('../features/visitors/VisitorPrivacyPage')) },
  { path: '/visitors/report', label: 'nav.visitorsReport', icon: '▧', roles: REPORTS, group: 'reports',
    component: lazy(() => import('../features/visitors/VisitorsReportPage')) },
];

export function screensFor(roles: readonly Role[]): Screen[] {
  return SCREENS.filter((s) => s.roles.some((r) => roles.includes(r)));
}
