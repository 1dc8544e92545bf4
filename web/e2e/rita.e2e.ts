import { Temporal } from 'temporal-polyfill';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, checkAccessibility, launch, open, screenshots, signIn, unique } from './support';

/** A 1 × 1 PNG: the photo of a parcel's label. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/**
 * Reception: Rita checks a visitor in by the code from the invitation (house rules accepted on
 * screen), logs a parcel with a photo and hands it out with the recipient's code; the kiosk
 * checks a visitor in and one out.
 */
describe('Rita (reception) checks a visitor in by code and hands out a parcel', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });

  it('checks a visitor in by code, hands out a parcel, and the kiosk works alone', async () => {
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

    // the post desk: Rita logs a parcel for Sam with a photo of its label, then hands it out with his code
    const sender = `Webwinkel ${tag}`;
    await page.getByRole('navigation').getByRole('link', { name: 'Postbalie' }).click();
    await page.getByLabel('Ontvanger (zoals op het label)').fill('S. de Vries');
    await page.getByRole('button', { name: /^Sam de Vries/ }).click();
    await page.getByLabel('Vervoerder').selectOption('dhl');
    await page.getByLabel('Afzender').fill(sender);
    await page.getByLabel('Vak', { exact: true }).fill('B');
    await page.getByLabel('Foto van het label').setInputFiles({ name: 'label.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') });
    await checkAccessibility(page, 'post desk');
    await page.getByRole('button', { name: 'Boeken' }).dblclick();
    await page.getByRole('status').filter({ hasText: 'Geboekt voor Sam de Vries' }).waitFor();
    const row = page.getByRole('listitem').filter({ hasText: sender });
    await row.getByRole('button', { name: 'Foto van het stuk (Pakket)' }).click();
    const photo = page.getByRole('dialog').getByRole('img', { name: 'Foto van het stuk (Pakket)' });
    await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
    await page.getByRole('dialog').getByRole('button', { name: 'Sluiten' }).click();
    await screenshots(page, 'rita-post-desk');

    const waiting = await api<{ items: { id: string; sender?: string; pickupCode?: string }[] }>('sam', 'GET', '/mail?status=waiting');
    const parcels = waiting.items.filter((m) => m.sender === sender);
    expect(parcels, 'the double click logged one parcel').toHaveLength(1);
    // Sam sees it waiting, with its photo and his pickup code
    const sam = await open(browser);
    await signIn(sam.page, 'Sam de Vries');
    await sam.page.getByRole('navigation').getByRole('link', { name: 'My post' }).click();
    const mine = sam.page.getByRole('listitem').filter({ hasText: sender });
    await mine.getByText(parcels[0].pickupCode!, { exact: true }).waitFor();
    await mine.getByRole('button', { name: 'Forward to me' }).waitFor();
    await checkAccessibility(sam.page, 'my post');
    await screenshots(sam.page, 'sam-my-post');
    expect(sam.errors).toEqual([]);
    await sam.context.close();

    await row.getByRole('button', { name: 'Pakket voor Sam de Vries meegeven' }).click();
    const handOut = page.getByRole('dialog');
    await handOut.getByLabel('Ophaalcode (6 cijfers)').fill(parcels[0].pickupCode!);
    await checkAccessibility(page, 'hand out');
    await handOut.getByRole('button', { name: 'Meegeven' }).click();
    await page.getByRole('status').filter({ hasText: 'Meegegeven aan Sam de Vries.' }).waitFor();
    await expect.poll(() => row.count()).toBe(0);
    await screenshots(page, 'rita-handed-out');
    const parcel = await api<{ status: string; handedOut?: { check: string } }>('sam', 'GET', `/mail/${parcels[0].id}`);
    expect(parcel).toMatchObject({ status: 'collected', handedOut: { check: 'code' } });

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
