import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, checkAccessibility, launch, open, screenshots, signIn, unique } from './support';

type Figures = { actualToDate: { amountCents: number }; committed: { amountCents: number } };
type Report = { costCentres: { code: string; categories: { category: string; figures: Figures }[] }[] };

const euros = (cents: number) => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100).replace(/\s/g, ' ');
const spaced = (text: string | null) => (text ?? '').replace(/\s/g, ' ').trim();

/** Office manager: Olga drafts an order for what is low, sends it, receives it; the stock goes up and the budget moves. */
describe('Olga (office manager) receives a purchase order', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });

  it('drafts, sends and receives an order; the stock goes up and the budget shows it as actual', async () => {
    const me = await api<{ siteId: string }>('olga', 'GET', '/me');
    // the demo site's orders are charged to OPS / office-supplies (its purchasing defaults)
    const purchasing = await api<{ costCentre: string; category: string }>('olga', 'GET', `/stock/sites/${me.siteId}/purchasing`);
    const now = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: 'numeric' }).formatToParts(new Date());
    const year = Number(now.find((p) => p.type === 'year')!.value);
    const month = Number(now.find((p) => p.type === 'month')!.value);
    const figures = async () => {
      const r = await api<Report>('olga', 'GET', `/reports/budget?year=${year}&month=${month}&costCentre=${purchasing.costCentre}`);
      const line = r.costCentres[0]?.categories.find((c) => c.category === purchasing.category)?.figures;
      return { actual: line?.actualToDate.amountCents ?? 0, committed: line?.committed.amountCents ?? 0 };
    };
    const before = await figures();
    const tag = unique();
    const supplierName = `Papierhandel ${tag}`;
    const supplier = await api<{ id: string }>('olga', 'POST', '/suppliers', { name: supplierName, email: `orders.${tag}@example.com`, leadTimeDays: 2 });
    const item = await api<{ id: string }>('olga', 'POST', '/stock/items', {
      siteId: me.siteId, sku: `TONER-${tag}`, name: `Toner ${tag}`, unit: 'piece', quantity: 1, minimum: 4, reorderUpTo: 10,
      unitPriceCents: 4599, supplierId: supplier.id,
    });

    const { page, errors } = await open(browser, 'nl-NL');
    await signIn(page, 'Olga Jansen');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Olga');
    await page.getByRole('region', { name: 'Bijna op' }).getByRole('link', { name: `Toner ${tag}` }).waitFor();
    await checkAccessibility(page, 'dashboard');
    await screenshots(page, 'olga-dashboard');

    await page.getByRole('navigation').getByRole('link', { name: 'Inkooporders' }).click();
    await page.getByRole('button', { name: 'Orders maken voor wat bijna op is' }).click();
    await page.getByText(/order\(s\) gemaakt/).waitFor();
    const order = page.getByRole('article', { name: `Order voor ${supplierName}` });
    await order.getByText(`9 × Toner ${tag}`).waitFor();
    await checkAccessibility(page, 'orders');
    await order.getByRole('button', { name: 'Naar leverancier sturen' }).click();
    await page.getByText(`Verstuurd naar ${supplierName}.`).waitFor();
    await order.getByRole('button', { name: 'Ontvangen' }).click();

    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel(`Toner ${tag} (9 open)`).inputValue()).toBe('9');
    await checkAccessibility(page, 'receive dialog');
    await dialog.getByRole('button', { name: 'Levering boeken' }).click();
    await page.getByText('Levering geboekt; de order is compleet.').waitFor();
    await screenshots(page, 'olga-orders');

    await page.getByRole('navigation').getByRole('link', { name: 'Voorraad' }).click();
    await page.getByLabel('Zoeken').fill(tag);
    const row = page.getByRole('row', { name: new RegExp(`Toner ${tag}`) });
    await expect.poll(() => row.getByRole('cell').nth(1).textContent()).toContain('10');
    await row.getByRole('link', { name: `Toner ${tag}` }).click();
    await page.getByRole('heading', { name: 'Mutaties' }).waitFor();
    await page.getByRole('cell', { name: '+9' }).waitFor();
    await checkAccessibility(page, 'stock item');
    await screenshots(page, 'olga-stock-item');
    const stock = await api<{ quantity: number; onOrder: number }>('olga', 'GET', `/stock/items/${item.id}`);
    expect(stock).toMatchObject({ quantity: 10, onOrder: 0 });

    // the received order travels as an event to the budget: 9 × € 45,99 is actual now, and nothing of it committed
    const received = 9 * 4599;
    await expect.poll(figures, { timeout: 90_000, interval: 1_000 }).toEqual({ actual: before.actual + received, committed: before.committed });
    await page.getByRole('navigation').getByRole('link', { name: 'Budgetrapport' }).click();
    const centre = page.getByRole('region', { name: new RegExp(`^${purchasing.costCentre} · `) });
    const line = centre.locator(`tr[data-category="${purchasing.category}"]`);
    await expect.poll(async () => spaced(await line.locator('[data-figure="actual"]').textContent())).toBe(euros(before.actual + received));
    expect(spaced(await line.locator('[data-figure="committed"]').textContent())).toBe(euros(before.committed));
    await checkAccessibility(page, 'budget report');
    await screenshots(page, 'olga-budget-report');
    expect(errors).toEqual([]);
  });

  it('records an expense with its receipt, and keeps budgets, cost centres and the site\'s house rules', async () => {
    const tag = unique();
    const description = `Taart voor de verhuizing ${tag}`;
    const { page, errors } = await open(browser, 'nl-NL');
    await signIn(page, 'Olga Jansen');
    await page.getByRole('region', { name: 'Budget deze maand' }).getByText('Operations').waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Uitgaven' }).click();
    await page.getByLabel('Kostenplaats').selectOption('OPS');
    await page.getByRole('button', { name: 'Uitgave boeken' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Bedrag (€)').fill('12,50');
    await dialog.getByLabel('Leverancier').fill('Bakkerij Bolletje');
    await dialog.getByLabel('Omschrijving').fill(description);
    await dialog.getByLabel('Categorie').selectOption('catering');
    await checkAccessibility(page, 'expense dialog');
    await dialog.getByRole('button', { name: 'Uitgave boeken' }).dblclick();
    await page.getByText(/Uitgave van €\s12,50 geboekt\./).waitFor();
    // the double click recorded one expense
    await expect.poll(() => page.getByRole('row', { name: new RegExp(description) }).count()).toBe(1);

    // the receipt goes from the browser to storage by its pre-signed URL, and is checked when it is linked
    await page.getByRole('button', { name: `Bon toevoegen aan ${description}` }).click();
    await page.getByRole('dialog').getByLabel('PDF, JPEG of PNG, hoogstens 10 MB').setInputFiles({
      name: 'bon.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64'),
    });
    await page.getByRole('dialog').getByRole('button', { name: 'Uploaden' }).click();
    await page.getByText('Bon toegevoegd en gecontroleerd.').waitFor();
    await page.getByRole('button', { name: `Bon van ${description} openen` }).waitFor();
    await checkAccessibility(page, 'expenses');
    await screenshots(page, 'olga-expenses');

    await page.getByRole('navigation').getByRole('link', { name: 'Budgetten' }).click();
    await page.getByRole('button', { name: /Budget OPS · Catering & koffie wijzigen/ }).click();
    await page.getByRole('dialog').getByText('Per maand').waitFor();
    await checkAccessibility(page, 'budget dialog');
    await page.keyboard.press('Escape');
    await screenshots(page, 'olga-budgets');

    await page.getByRole('navigation').getByRole('link', { name: 'Kostenplaatsen' }).click();
    await page.getByRole('cell', { name: 'Operations', exact: true }).waitFor();
    await checkAccessibility(page, 'cost centres');

    await page.getByRole('navigation').getByRole('link', { name: 'Huisregels & inkoop' }).click();
    await page.getByLabel('Nederlandse tekst').waitFor();
    await expect.poll(() => page.getByLabel('Kostenplaats').inputValue()).toBe('OPS');
    await checkAccessibility(page, 'house rules and purchasing');
    await screenshots(page, 'olga-site-settings');
    expect(errors).toEqual([]);
  });
});

/** A 1×1 PNG: a receipt small enough to inline, with the first bytes the API checks. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
