import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, launch, open, screenshots, signIn } from './support';

/** Management: Max sees the budget on his dashboard, opens the report with its chart, and downloads the CSV. */
describe('Max (management) reads the budget report', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });

  it('opens the report per cost centre and downloads it as CSV', async () => {
    const { page, errors } = await open(browser);
    await signIn(page, 'Max Visser');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Max');
    const card = page.getByRole('region', { name: 'Budget this month' });
    await card.getByText('Operations').waitFor();
    await checkAccessibility(page, 'dashboard');
    await screenshots(page, 'max-dashboard');

    await page.getByRole('navigation').getByRole('link', { name: 'Budget report' }).click();
    const ops = page.getByRole('region', { name: 'OPS · Operations' });
    await ops.getByRole('img', { name: /Budget, actual, committed and forecast per category of OPS/ }).waitFor();
    const catering = ops.getByRole('row', { name: /Catering & koffie/ });
    await catering.waitFor();
    // the demo data spends on catering every month: some actual, and a status in words
    expect(await catering.locator('[data-figure="actual"]').textContent()).toMatch(/€\s?[1-9]/);
    expect(await catering.getByText(/on track|watch|over/).count()).toBe(1);
    await page.getByRole('region', { name: 'MGT · Directie' }).waitFor();
    await checkAccessibility(page, 'budget report');
    await screenshots(page, 'max-budget-report');

    await page.getByLabel('Cost centre').selectOption('OPS');
    await expect.poll(() => page.getByRole('region', { name: 'MGT · Directie' }).count()).toBe(0);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    const csv = readFileSync((await file.path())!, 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toContain('Cost centre');
    expect(lines.some((l) => l.includes('OPS') && l.includes('catering'))).toBe(true);
    expect(lines.some((l) => l.includes('MGT'))).toBe(false);
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    await page.getByText(`${file.suggestedFilename()} downloaded.`).waitFor();

    const semicolon = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV for Dutch Excel (;)' }).click();
    const nl = readFileSync((await (await semicolon).path())!, 'utf8');
    expect(nl.split('\r\n')[0].split(';').length).toBeGreaterThan(5);
    expect(errors).toEqual([]);
  });
});
