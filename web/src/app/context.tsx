import { createContext, useContext } from 'react';
import type { Api, Schemas } from '../api/client';
import type { Role, Session } from '../auth';
import type { AppConfig } from '../config';

export type Person = Schemas['Person'];
export type Site = Schemas['Site'];

/** What every screen may use: the typed API, who is signed in, the site being looked at. */
export interface AppContextValue {
  api: Api;
  config: AppConfig;
  session: Session;
  me: Person | null;
  sites: Site[];
  site: Site | null;
  setSiteId: (id: string) => void;
  signOut: () => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) {
    throw new Error('useApp outside the app');
  }
  return value;
}

export function hasRole(session: Session, ...roles: Role[]): boolean {
  return roles.some((r) => session.roles.includes(r));
}
