/// <reference lib="dom" />
import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { chromiumAvailable, languages, launchChromium, newContext, screenshot, type LaunchedBrowser, type ViewportName } from './support/browser.js';
import { forbiddenFor, leaks } from './support/personal-data.js';
import { startServer, type RunningServer } from './support/server.js';

const demoPassword = 'demo-password';
const auditor = 'demo-auditor';

/**
 * The auditor's path on the demo server: open /staff/audit, download the ledger (one row per leg)
 * through the page's own link, and find in the file the columns the page documents and every
 * transaction balanced. The claims files are scanned for the demo's personal data.
 */
describe.runIf(chromiumAvailable())('staff audit page', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer();
    chromium = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await chromium?.close();
    await server?.stop();
  });

  async function auditorPage(language: (typeof languages)[number], viewport: ViewportName): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(chromium.browser, server.url, language, viewport);
    contexts.push(context);
    const login = await context.request.post('/api/auth/login', { data: { username: auditor, password: demoPassword } });
    expect(login.status(), await login.text()).toBe(200);
    const page = await context.newPage();
    await page.goto('/staff/audit');
    await page.locator('section#claim_audit table tbody tr').first().waitFor();
    return { context, page };
  }

  it('downloads the ledger CSV through the page: the documented columns, and the debits equal the credits in every transaction', async () => {
    const { page } = await auditorPage('en', 'desktop');
    const section = page.locator('section#ledger_transactions');
    const documented = await section.locator('tbody tr td:first-child code').allTextContents();
    expect(documented).toContain('debit_minor');
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: /Download/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^ledger_transactions-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = parse(await readFile(await download.path())) as string[][];
    expect(header).toEqual(documented);
    expect(rows.length).toBeGreaterThan(100);
    const at = (name: string) => header!.indexOf(name);
    const net = new Map<string, bigint>();
    for (const row of rows) {
      const id = row[at('transaction_id')]!;
      net.set(id, (net.get(id) ?? 0n) + BigInt(row[at('debit_minor')]!) - BigInt(row[at('credit_minor')]!));
    }
    const unbalanced = [...net].filter(([, difference]) => difference !== 0n);
    expect(unbalanced).toEqual([]);
    expect(net.size).toBeGreaterThan(10);
  });

  it('puts the chosen period and plan on the links of the tables that take them, and downloads just those rows', async () => {
    const { context, page } = await auditorPage('en', 'desktop');
    // The period starts on the day of a claim in the middle of the demo's claims (whenever the demo was seeded), in its plan.
    const [header, ...all] = parse(await (await context.request.get('/api/exports/claims.csv')).text()) as string[][];
    const column = (name: string) => header!.indexOf(name);
    const middle = [...all].sort((a, b) => a[column('submitted_at')]!.localeCompare(b[column('submitted_at')]!))[Math.floor(all.length / 2)]!;
    const from = middle[column('submitted_at')]!.slice(0, 10);
    const plan_id = middle[column('plan_id')]!;
    const expected = all.filter((row) => row[column('plan_id')] === plan_id && row[column('submitted_at')]!.slice(0, 10) >= from);
    expect(expected.length).toBeGreaterThan(0);

    await page.getByLabel('From (UTC day)').fill(from);
    await page.getByLabel('Plan', { exact: true }).selectOption(plan_id);
    await expect.poll(() => page.locator('section#claims a.button').getAttribute('href')).toBe(`/api/exports/claims.csv?from=${from}&plan_id=${plan_id}`);
    expect(await page.locator('section#ledger_transactions a.button').getAttribute('href')).toBe(`/api/exports/ledger_transactions.csv?from=${from}`);
    expect(await page.locator('section#ledger_accounts a.button').getAttribute('href')).toBe('/api/exports/ledger_accounts.csv');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('section#claims a.button').click()]);
    const [, ...rows] = parse(await readFile(await download.path())) as string[][];
    expect(rows).toEqual(expected);
  });

  it("opens at a table's section when a CsvLink points there (/staff/audit#<table>)", async () => {
    const { context } = await auditorPage('zh-CN', 'desktop');
    // A fresh load: the sections appear only after the tables' list has loaded, too late for the browser's own jump.
    const page = await context.newPage();
    await page.goto('/staff/audit#claim_audit');
    await page.locator('section#claim_audit table tbody tr').first().waitFor();
    // The last section starts inside the window only when the page scrolled to it.
    await expect
      .poll(() => page.evaluate(() => Math.round(document.getElementById('claim_audit')!.getBoundingClientRect().top)))
      .toBeLessThan(await page.evaluate(() => window.innerHeight));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
  });

  it('holds no full name, ID number, phone or evidence file name of the demo in the claims files', async () => {
    const { context } = await auditorPage('zh-CN', 'desktop');
    // Birth dates are left out of the list: the files' instants are days too, and no column holds a birth date.
    const secrets = (await forbiddenFor(server.dir, auditor)).filter((secret) => !/^\d{4}-\d{2}-\d{2}$/.test(secret));
    // Not vacuous: thousands of people's names, numbers and phones, and the claims' file names.
    expect(secrets.length).toBeGreaterThan(1000);
    for (const table of ['claims', 'claim_audit']) {
      const response = await context.request.get(`/api/exports/${table}.csv`);
      expect(response.status()).toBe(200);
      const text = await response.text();
      expect(text.split('\r\n').length, table).toBeGreaterThan(10);
      expect(leaks(text, secrets), table).toEqual([]);
    }
  });

  it('looks right in both languages on a desktop and a tablet, with no axe violation', async () => {
    for (const language of languages) {
      for (const viewport of ['desktop', 'tablet'] as const) {
        const { page } = await auditorPage(language, viewport);
        await screenshot(page, 'staff-audit-page', language, viewport);
        expect(await axeViolations(page), `${language} ${viewport}`).toEqual([]);
      }
    }
  });
});
