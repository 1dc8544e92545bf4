/**
 * Where this deployment's API and sign-in live, read once at start from /config.json: the same
 * build runs on the local cloud (which serves the file itself) and on AWS (where the deploy step
 * writes it from the stack's outputs), so nothing is baked into the bundle.
 */
export interface AppConfig {
  /** Base URL of the HTTP API; "" for the same origin (the local cloud). */
  apiUrl: string;
  /** The OIDC authority: Cognito's issuer URL on AWS, the local cloud's /local/oidc locally. */
  authority: string;
  clientId: string;
  /** Where sign-out sends the browser (Cognito's hosted UI /logout, or the local page). */
  logoutUrl: string;
  /** True on the local cloud (its sign-in page lists the demo users). */
  local?: boolean;
}

export function parseConfig(value: unknown): AppConfig {
  if (typeof value !== 'object' || value === null) {
    throw new Error('config.json is not an object');
  }
  const v = value as Record<string, unknown>;
  for (const key of ['authority', 'clientId', 'logoutUrl'] as const) {
    if (typeof v[key] !== 'string' || v[key] === '') {
      throw new Error(`config.json lacks ${key}`);
    }
  }
  return {
    apiUrl: typeof v.apiUrl === 'string' ? v.apiUrl.replace(/\/$/, '') : '',
    authority: v.authority as string,
    clientId: v.clientId as string,
    logoutUrl: v.logoutUrl as string,
    local: v.local === true,
  };
}

export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`config.json: HTTP ${response.status}`);
  }
  return parseConfig(await response.json());
}
