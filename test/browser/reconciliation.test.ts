/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { chromiumAvailable, launchChromium, newContext, screenshot, type Language, type LaunchedBrowser, type ViewportName } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * The server's clock starts now, or late in the evening at 21:00 UTC: the test's statement is of the
 * server's today, and its break is 0 days old, however close to midnight the test starts (the clock
 * runs on for the few minutes of the test; sessions last 12 hours, so the cookies stay valid).
 */
const lateHourUtc = 21;
const clockStart = (() => {
  const now = new Date();
  if (now.getUTCHours() < lateHourUtc) return now;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), lateHourUtc));
})();

const demoPassword = 'demo-password';

interface StatementJson {
  readonly last_on: string;
  readonly closing_balance_minor: string;
}

/** A generic-layout statement of one line: a bank fee on `on` the ledger has not booked. */
function feeStatement(on: string, opening_minor: bigint, fee_minor: bigint): string {
  const money = (value: bigint) => `${value < 0n ? '-' : ''}${(value < 0n ? -value : value) / 100n}.${String((value < 0n ? -value : value) % 100n).padStart(2, '0')}`;
  return ['date,value_date,reference,description,amount,currency,balance', `${on},,BANK-FEE-TEST,Card fee,${money(-fee_minor)},CNY,${money(opening_minor - fee_minor)}`].join('\n');
}

/**
 * The auditor's path on the demo server: the demo's statement and its old bank-fee break are on
 * the page; demo-auditor uploads the next day's statement with a fee the ledger has not booked,
 * sees the new break (0 days old) beside the old one (marked overdue), reconciles the day (it
 * differs), resolves both breaks with a note in the dialog, and the day then reconciles.
 */
describe.runIf(chromiumAvailable())('reconciliation page', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  const contexts: BrowserContext[] = [];

  async function auditorPage(language: Language, viewport: ViewportName, username = 'demo-auditor'): Promise<Page> {
    const context = await newContext(chromium.browser, server.url, language, viewport);
    contexts.push(context);
    const login = await context.request.post('/api/auth/login', { data: { username, password: demoPassword } });
    expect(login.status(), await login.text()).toBe(200);
    const page = await context.newPage();
    await page.goto('/staff/reconciliation');
    await page.locator('table.recon-days tbody tr').first().waitFor();
    return page;
  }

  beforeAll(async () => {
    server = await startServer({ env: { HUZHU_CLOCK_START: clockStart.toISOString() } });
    chromium = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await chromium?.close();
    await server?.stop();
  });

  it('shows the demo’s days, its old break and its statement on a phone and a desktop, in both languages, with no accessibility violation', async () => {
    for (const language of ['zh-CN', 'en'] as const) {
      for (const viewport of ['phone', 'desktop'] as const) {
        const page = await auditorPage(language, viewport);
        await page.locator('table.recon-days tbody tr').first().waitFor();
        await screenshot(page, 'reconciliation', language, viewport);
        const violations = await axeViolations(page);
        expect(violations, `${language} ${viewport}: ${violations.join('; ')}`).toEqual([]);
      }
    }
  });

  it('lets an admin change the alert age, and the overdue mark follows it; an auditor only reads it', async () => {
    const auditor = await auditorPage('en', 'desktop');
    await auditor.locator('table.recon-breaks tbody tr').first().waitFor();
    expect(await auditor.getByRole('heading', { name: 'Alert age' }).count()).toBe(0);
    const page = await auditorPage('en', 'desktop', 'demo-admin');
    const demoFee = page.locator('table.recon-breaks tbody tr').filter({ hasText: 'BANK-FEE-DEMO' });
    await demoFee.waitFor();
    expect(await demoFee.textContent()).toMatch(/15 days.*Overdue/);
    const setAge = async (days: string, saved: string) => {
      await page.getByLabel('Alert on an open break after (days)').fill(days);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('status').filter({ hasText: saved }).waitFor();
    };
    await setAge('20', 'Saved: an alert after 20 days.');
    await page.getByRole('table', { name: 'Breaks (an alert after 20 days)' }).waitFor();
    expect(await demoFee.textContent()).not.toMatch(/Overdue/);
    await screenshot(page, 'reconciliation-alert-age', 'en', 'desktop');
    expect(await axeViolations(page)).toEqual([]);
    await setAge('3', 'Saved: an alert after 3 days.');
    await expect.poll(async () => demoFee.textContent()).toMatch(/Overdue/);
  });

  it('uploads a statement with a seeded break, shows it with its age, resolves it, and the day reconciles', async () => {
    const page = await auditorPage('en', 'desktop');
    const breaks = page.locator('table.recon-breaks tbody tr');
    const demoFee = breaks.filter({ hasText: 'BANK-FEE-DEMO' });
    await expect.poll(() => demoFee.count()).toBe(1);
    expect(await demoFee.textContent()).toMatch(/Unknown to the ledger.*15 days.*Overdue/);

    const listed = (await (await page.request.get('/api/reconciliation/statements')).json()) as { statements: StatementJson[] };
    const demo = listed.statements[0]!;
    // The statement is of the server's today, after the demo's.
    const today = clockStart.toISOString().slice(0, 10);
    expect(demo.last_on < today).toBe(true);
    const csv = feeStatement(today, BigInt(demo.closing_balance_minor), 800n);

    await page.getByLabel('Bank layout').selectOption('generic');
    await page.getByLabel('CSV file').setInputFiles({ name: 'statement.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Imported. New lines: 1 · matched: 0 · breaks found: 1.' }).waitFor();
    const seeded = breaks.filter({ hasText: 'BANK-FEE-TEST' });
    await seeded.waitFor();
    expect(await seeded.textContent()).toMatch(/Unknown to the ledger.*0 days/);
    expect(await seeded.textContent()).not.toMatch(/Overdue/);

    const days = page.locator('table.recon-days tbody tr');
    const reconcileToday = async () => {
      await page.getByLabel('From').fill(today);
      await page.getByLabel('To', { exact: true }).fill(today);
      const ran = page.waitForResponse((response) => response.url().endsWith('/api/reconciliation/run'));
      await page.getByRole('button', { name: 'Reconcile these days' }).click();
      expect((await ran).status()).toBe(200);
    };
    await reconcileToday();
    await expect.poll(() => days.first().getAttribute('data-status')).toBe('differs');

    const resolve = async (row: typeof seeded, note: string, shot = false) => {
      await row.getByRole('button', { name: 'Resolve' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Explained').check();
      await dialog.getByLabel('Note (what happened)').fill(note);
      if (shot) {
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'reconciliation-resolve', 'en', 'desktop');
      }
      await dialog.getByRole('button', { name: 'Resolve' }).click();
      await dialog.waitFor({ state: 'detached' });
    };
    await resolve(seeded, 'Card fee of the custodian bank, booked with the next fee run', true);
    await seeded.waitFor({ state: 'detached' });
    await reconcileToday();
    // The demo's older fee is still open: the day still differs, by that fee.
    await expect.poll(() => days.first().getAttribute('data-status')).toBe('differs');
    await resolve(demoFee, 'Monthly account fee of the custodian bank');
    await reconcileToday();
    await expect.poll(() => days.first().getAttribute('data-status')).toBe('reconciled');
    await page.getByText('Every day with a statement reconciles.').waitFor();

    // The resolved breaks keep their trail.
    await page.getByLabel('State', { exact: true }).selectOption('resolved');
    await breaks.filter({ hasText: 'BANK-FEE-TEST' }).filter({ hasText: 'Card fee of the custodian bank' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
