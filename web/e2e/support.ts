import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * What every end-to-end path shares: Debian's Chromium (no browser download), the running local
 * cloud at SPIL_URL, sign-in through the local OIDC page, axe-core on every page visited, and
 * screenshots at phone and laptop width under SPIL_E2E_OUT.
 */
export const BASE = (process.env.SPIL_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
export const OUT = process.env.SPIL_E2E_OUT ?? join(process.cwd(), 'target', 'e2e');
export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1280, height: 800 };

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function launch(): Promise<Browser> {
  mkdirSync(OUT, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

export interface Visit {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions (a CSP breach shows here), which fail the path. */
  errors: string[];
}

export async function open(browser: Browser, locale = 'en-GB'): Promise<Visit> {
  const context = await browser.newContext({ viewport: LAPTOP, locale, timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 40[0-9]/.test(m.text())) {
      errors.push(`console: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.setDefaultTimeout(45_000); // a function's JVM may start on its first request
  return { context, page, errors };
}

/** Opens the app, which sends the browser to the local sign-in page; picks the demo user there. */
export async function signIn(page: Page, name: string): Promise<void> {
  await page.goto(`${BASE}/`);
  await page.waitForURL(/\/local\/oidc\/authorize/);
  await checkAccessibility(page, 'sign-in');
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/local/') && !u.search.includes('code='));
  await page.getByRole('navigation').first().waitFor();
}

/** axe-core on the page as it is: no serious or critical violation of WCAG 2 A/AA. */
export async function checkAccessibility(page: Page, what: string): Promise<void> {
  await settled(page);
  // evaluated through the DevTools protocol, so the app's Content-Security-Policy stays as it is
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  const bad = results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad, `axe on ${what}: ${JSON.stringify(bad, null, 1)}`).toEqual([]);
}

/** Screenshots of the page at laptop and phone width: <name>-laptop.png, <name>-phone.png. */
export async function screenshots(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.setViewportSize(LAPTOP);
  await page.screenshot({ path: join(OUT, `${name}-laptop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: join(OUT, `${name}-phone.png`), fullPage: true });
  await checkAccessibility(page, `${name} (phone)`);
  await page.setViewportSize(LAPTOP);
}

/** Nothing loading or busy any more (the screenshot shows the data, not a spinner). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.loading, [aria-busy="true"]'));
}

/** A demo user's ID token from the local cloud, for setting up what a path needs through the API. */
export async function token(user: string): Promise<string> {
  const r = await fetch(`${BASE}/local/token?user=${user}`);
  expect(r.status).toBe(200);
  return r.text();
}

export async function api<T>(user: string, method: string, path: string, body?: unknown): Promise<T> {
  const r = await fetch(`${BASE}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await token(user)}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  expect(r.ok, `${method} ${path}: ${r.status} ${text}`).toBe(true);
  return (text ? JSON.parse(text) : undefined) as T;
}

export function unique(): string {
  return Math.random().toString(36).slice(2, 7);
}
