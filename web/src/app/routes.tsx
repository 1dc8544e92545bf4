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
  component: LazyExoticComponent<ComponentType>;
}

const EVERYONE: readonly Role[] = ['staff', 'reception', 'office-manager', 'management'];

export const SCREENS: readonly Screen[] = [
  { path: '/book', label: 'nav.book', icon: '▦', roles: EVERYONE, group: 'me',
    component: lazy(() => import('../features/bookings/BookPage')) },
  { path: '/my-bookings', label: 'nav.myBookings', icon: '☑', roles: EVERYONE, group: 'me',
    component: lazy(() => import('../features/bookings/MyBookingsPage')) },
  // step 2 adds the office manager's screens here
];

export function screensFor(roles: readonly Role[]): Screen[] {
  return SCREENS.filter((s) => s.roles.some((r) => roles.includes(r)));
}
