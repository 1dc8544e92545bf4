import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { AppConfig } from './config';

/**
 * Sign-in with oidc-client-ts: authorization code + PKCE against Cognito's hosted UI on AWS, and
 * against the local cloud's sign-in page locally (same code, other authority). The API wants the
 * ID token (it carries the e-mail and the cognito:groups roles).
 */
export interface Session {
  idToken: string;
  email: string;
  roles: Role[];
  expiresAt: number;
}

export type Role = 'staff' | 'reception' | 'office-manager' | 'management';
const ROLES: readonly Role[] = ['staff', 'reception', 'office-manager', 'management'];

const SIGNED_OUT = 'spil.signedOut';

export function rolesOf(profile: Record<string, unknown>): Role[] {
  const groups = profile['cognito:groups'];
  const list = Array.isArray(groups) ? groups : typeof groups === 'string' ? groups.split(',') : [];
  return ROLES.filter((r) => list.includes(r));
}

export class Auth {
  readonly manager: UserManager;
  private listeners = new Set<(s: Session | null) => void>();

  constructor(private readonly config: AppConfig) {
    const origin = window.location.origin;
    this.manager = new UserManager({
      authority: config.authority,
      client_id: config.clientId,
      redirect_uri: `${origin}/`,
      post_logout_redirect_uri: `${origin}/`,
      response_type: 'code',
      scope: 'openid email profile',
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      automaticSilentRenew: true,
      // Cognito's ID token is the credential; its claims need no userinfo round trip
      loadUserInfo: false,
    });
    this.manager.events.addUserLoaded((u) => this.emit(toSession(u)));
    this.manager.events.addUserUnloaded(() => this.emit(null));
  }

  onChange(listener: (s: Session | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(s: Session | null) {
    this.listeners.forEach((l) => l(s));
  }

  /** Finishes a sign-in when the address carries its answer; else the stored session, if still valid. */
  async start(): Promise<Session | null> {
    const url = new URL(window.location.href);
    if (url.searchParams.has('code') && url.searchParams.has('state')) {
      const user = await this.manager.signinRedirectCallback();
      const back = typeof user.state === 'string' && user.state.startsWith('/') ? user.state : '/';
      window.history.replaceState(null, '', back);
      sessionStorage.removeItem(SIGNED_OUT);
      return toSession(user);
    }
    if (url.searchParams.has('error')) {
      throw new Error(url.searchParams.get('error_description') ?? url.searchParams.get('error') ?? 'sign-in failed');
    }
    const user = await this.manager.getUser();
    if (user && !user.expired) {
      return toSession(user);
    }
    if (user?.refresh_token) {
      try {
        return toSession(await this.manager.signinSilent());
      } catch {
        await this.manager.removeUser();
      }
    }
    return null;
  }

  /** Whether the person signed out in this tab (then the app waits for a click, no redirect loop). */
  signedOutHere(): boolean {
    return sessionStorage.getItem(SIGNED_OUT) === '1';
  }

  signIn(returnTo = window.location.pathname + window.location.search): Promise<void> {
    return this.manager.signinRedirect({ state: returnTo });
  }

  /** A valid ID token, renewed first when it is about to expire; null when signed out. */
  async idToken(): Promise<string | null> {
    let user = await this.manager.getUser();
    if (user && (user.expires_in ?? 0) < 30 && user.refresh_token) {
      try {
        user = await this.manager.signinSilent();
      } catch {
        user = null;
      }
    }
    return user && !user.expired ? user.id_token ?? null : null;
  }

  async signOut(): Promise<void> {
    await this.manager.removeUser();
    sessionStorage.setItem(SIGNED_OUT, '1');
    const logout = new URL(this.config.logoutUrl, window.location.href);
    logout.searchParams.set('client_id', this.config.clientId);
    logout.searchParams.set('logout_uri', `${window.location.origin}/`);
    window.location.assign(logout.toString());
  }
}

function toSession(user: User | null): Session | null {
  if (!user || !user.id_token) {
    return null;
  }
  const profile = user.profile as Record<string, unknown>;
  return {
    idToken: user.id_token,
    email: String(profile.email ?? ''),
    roles: rolesOf(profile),
    expiresAt: (user.expires_at ?? 0) * 1000,
  };
}
