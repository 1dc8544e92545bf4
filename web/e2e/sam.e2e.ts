import { Temporal } from 'temporal-polyfill';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { api, checkAccessibility, LAPTOP, launch, open, OUT, PHONE, screenshots, signIn, unique } from './support';

/** Staff: Sam finds a free room, books it, and checks in from "My bookings". */
describe('Sam (staff) books a room and checks in', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });

  it('books the room from the free list and checks in', async () => {
    const zone = 'Europe/Amsterdam';
    const me = await api<{ siteId: string }>('sam', 'GET', '/me');
    const tag = unique();
    const roomName = `Zaal E2E ${tag}`;
    const title = `Kwartaaloverleg ${tag}`;
    // a room bookable all day every day, with check-in open from 4 hours before, so the path runs at any hour
    await api('olga', 'POST', '/resources', {
      siteId: me.siteId, type: 'room', name: roomName, floor: '3', capacity: 6, features: ['screen', 'video'],
      rules: { opens: '00:00', closes: '23:45', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
        checkInBeforeMinutes: 240, checkInAfterMinutes: 60, maxMinutes: 240, horizonDays: 30 },
    });
    let start = Temporal.Now.zonedDateTimeISO(zone).add({ minutes: 20 }).round({ smallestUnit: 'minute', roundingMode: 'ceil' });
    start = start.add({ minutes: (15 - (start.minute % 15)) % 15 });
    if (start.hour === 23 && start.minute > 0) {
      start = start.add({ days: 1 }).with({ hour: 0, minute: 0 });
    }
    const end = start.add({ minutes: 30 });
    const date = start.toPlainDate().toString();
    const from = start.toPlainTime().toString({ smallestUnit: 'minute' });
    const to = end.toPlainTime().toString({ smallestUnit: 'minute' });

    const { page, errors } = await open(browser);
    await signIn(page, 'Sam de Vries');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Sam');
    await checkAccessibility(page, 'dashboard');
    await screenshots(page, 'sam-dashboard');
    // on a phone the navigation is behind the menu button
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'My bookings' }).waitFor();
    await checkAccessibility(page, 'menu (phone)');
    await page.screenshot({ path: join(OUT, 'sam-menu-phone.png') });
    await page.keyboard.press('Escape');
    await page.setViewportSize(LAPTOP);

    await page.getByRole('navigation').getByRole('link', { name: 'Book a room or desk' }).click();
    await page.getByLabel('Day', { exact: true }).fill(date);
    await page.getByLabel('From', { exact: true }).selectOption(from);
    await page.getByLabel('Until', { exact: true }).selectOption(to);
    await page.getByRole('group', { name: 'Equipment' }).getByRole('checkbox', { name: 'video' }).check();
    const book = page.getByRole('button', { name: `Book ${roomName}, ${from}–${to}` });
    await book.waitFor();
    await checkAccessibility(page, 'book');
    await screenshots(page, 'sam-book');
    await book.click();

    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title', { exact: true }).fill(title);
    await dialog.getByLabel('Preparation notes').fill('Koffie en thee voor 6');
    await checkAccessibility(page, 'booking dialog');
    await dialog.getByRole('button', { name: 'Book' }).dblclick();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Booked:' }).count()).toBe(1);
    await screenshots(page, 'sam-booked');

    await page.getByRole('link', { name: 'See my bookings' }).click();
    const checkIn = page.getByRole('button', { name: `Check in to ${title}` });
    await checkIn.waitFor();
    // the double click made one booking
    expect(await page.getByText(title, { exact: true }).count()).toBe(1);
    await checkIn.click();
    await page.getByText(`Checked in to ${title}.`).waitFor();
    await page.getByText('checked in', { exact: true }).first().waitFor();
    await checkAccessibility(page, 'my bookings');
    await screenshots(page, 'sam-checked-in');
    expect(errors).toEqual([]);
  });
});
