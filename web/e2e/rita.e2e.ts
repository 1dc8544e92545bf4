import { Temporal } from 'temporal-polyfill';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, checkAccessibility, launch, open, screenshots, signIn, unique } from './support';

/** Reception: Rita checks a visitor in by the code from the invitation (house rules accepted on screen). */
describe('Rita (reception) checks a visitor in by code and hands out a parcel', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });

  it('checks the visitor in by code; the visitor is on the on-site list', async () => {
    const desk = await api<{ siteId: string }>('rita', 'GET', '/me');
    const site = await api<{ timeZone: string }>('rita', 'GET', `/sites/${desk.siteId}`);
    const tag = unique();
    const visitorName = `Vera Bezoek ${tag}`;
    // Sam registers his visitor for a little later today at Rita's desk (at the day's last minutes: right now)
    const now = Temporal.Now.zonedDateTimeISO(site.timeZone);
    let arrival = now.add({ minutes: 10 }).round({ smallestUnit: 'minute', roundingMode: 'floor' });
    if (!arrival.toPlainDate().equals(now.toPlainDate())) {
      arrival = now.round({ smallestUnit: 'minute', roundingMode: 'floor' });
    }
    const registered = await api<{ items: { id: string; checkInCode: string }[] }>('sam', 'POST', '/visits', {
      siteId: desk.siteId, expectedAt: arrival.toString({ timeZoneName: 'never', smallestUnit: 'second' }), minutes: 60,
      purpose: 'meeting', visitors: [{ name: visitorName, company: 'Bezoek BV', language: 'en' }],
    });
    const code = registered.items[0].checkInCode;

    const { page, errors } = await open(browser, 'nl-NL');
    await signIn(page, 'Rita');
    await page.getByRole('navigation').getByRole('link', { name: 'Bezoekers vandaag' }).click();
    await page.getByText(visitorName).waitFor();
    await checkAccessibility(page, 'visitors today');
    await screenshots(page, 'rita-visitors-today');

    // the code as the visitor reads it out: lower case, with the dash
    await page.getByLabel('Incheckcode').fill(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
    await page.getByRole('button', { name: 'Verder' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Huisregels' }).waitFor();
    const accept = dialog.getByLabel('De bezoeker heeft de huisregels gelezen en accepteert ze');
    await checkAccessibility(page, 'house rules');
    await screenshots(page, 'rita-house-rules');
    if (await accept.count() > 0) {
      await accept.check();
    }
    await dialog.getByLabel('Naam zoals de bezoeker die typt').fill(visitorName);
    await dialog.getByRole('button', { name: 'Inchecken' }).dblclick();
    await page.getByRole('status').filter({ hasText: `${visitorName} is ingecheckt` }).waitFor();
    await page.getByRole('button', { name: `${visitorName} uitchecken` }).waitFor();
    // the badge PDF opens in a new tab for printing
    const [badge] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: `Badge van ${visitorName} afdrukken` }).first().click(),
    ]);
    expect(badge.url()).toMatch(/^blob:/);
    await badge.close();
    await checkAccessibility(page, 'checked in');
    await screenshots(page, 'rita-checked-in');

    await page.getByRole('navigation').getByRole('link', { name: 'Nu aanwezig' }).click();
    await page.getByRole('cell', { name: visitorName }).waitFor();
    await page.getByRole('button', { name: 'Ontruimingslijst afdrukken' }).waitFor();
    await checkAccessibility(page, 'on site');
    await screenshots(page, 'rita-on-site');

    // the kiosk: a second visitor checks in alone, then the first checks out with their code
    const kioskName = `Kees Kiosk ${tag}`;
    const second = await api<{ items: { checkInCode: string }[] }>('sam', 'POST', '/visits', {
      siteId: desk.siteId, expectedAt: arrival.toString({ timeZoneName: 'never', smallestUnit: 'second' }), minutes: 30,
      visitors: [{ name: kioskName }],
    });
    await page.getByRole('navigation').getByRole('link', { name: 'Kioskmodus' }).click();
    await page.getByRole('heading', { name: 'Welkom' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await checkAccessibility(page, 'kiosk');
    await screenshots(page, 'rita-kiosk');
    await page.getByRole('button', { name: 'Inchecken' }).click();
    await page.getByLabel('Je incheckcode').fill(second.items[0].checkInCode);
    await page.getByRole('button', { name: 'Verder' }).click();
    const rules = page.getByLabel('Ik heb de huisregels gelezen en accepteer ze');
    await rules.waitFor();
    await rules.check();
    await page.getByLabel('Typ je naam').fill(kioskName);
    await checkAccessibility(page, 'kiosk house rules');
    await page.getByRole('button', { name: 'Inchecken' }).click();
    await page.getByRole('heading', { name: `Welkom, ${kioskName}!` }).waitFor();
    await screenshots(page, 'rita-kiosk-welcome');
    await page.getByRole('button', { name: 'Opnieuw beginnen' }).click();
    await page.getByRole('button', { name: 'Uitchecken' }).click();
    await page.getByLabel('Je incheckcode').fill(code);
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByRole('heading', { name: `Tot ziens, ${visitorName}. Bedankt voor je bezoek.` }).waitFor();

    const visit = await api<{ status: string; houseRulesAccepted?: { typedName: string } }>('sam', 'GET', `/visits/${registered.items[0].id}`);
    expect(visit.status).toBe('checked-out');
    expect(visit.houseRulesAccepted?.typedName).toBe(visitorName);
    expect(errors).toEqual([]);
  });
});
