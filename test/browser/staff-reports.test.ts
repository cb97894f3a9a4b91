/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { chromiumAvailable, languages, launchChromium, newContext, screenshot, type LaunchedBrowser, type ViewportName } from './support/browser.js';
import { forbiddenFor, leaks } from './support/personal-data.js';
import { startServer, type RunningServer } from './support/server.js';

const demoPassword = 'demo-password';
const auditor = 'demo-auditor';

/**
 * The supervisor report page on the demo server, as the auditor: last month's tables in both
 * languages at the phone's and the desktop's size (screenshots, axe), a period of days and one plan
 * chosen through the form, the CSV and the printable page through the page's own links; neither
 * the page, the files nor the JSON shows any demo person's name, ID number, phone or birth date.
 */
describe.runIf(chromiumAvailable())('staff reports page', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  let secrets: string[];
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer();
    chromium = await launchChromium();
    secrets = await forbiddenFor(server.dir, auditor);
    expect(secrets.length).toBeGreaterThan(1000);
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
    await page.goto('/staff/reports');
    await page.locator('section[aria-labelledby="report-members"] table tbody tr').first().waitFor();
    return { context, page };
  }

  it('shows last month’s report in both languages on a phone and a desktop, accessible, naming no one', async () => {
    for (const language of languages) {
      for (const viewport of ['phone', 'desktop'] as const) {
        const { page } = await auditorPage(language, viewport);
        expect(await page.locator('section[aria-labelledby="report-members"] tbody tr').count()).toBeGreaterThan(0);
        expect(await axeViolations(page)).toEqual([]);
        expect(leaks(await page.locator('body').innerText(), secrets)).toEqual([]);
        await screenshot(page, 'staff-reports', language, viewport);
      }
    }
  });

  it('asks for a period and a plan, and downloads that report’s CSV and printable page through its links', async () => {
    const { context, page } = await auditorPage('en', 'desktop');
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Any period').check();
    await page.getByLabel('From').fill(from);
    await page.getByLabel('To (included)').fill(today);
    const plans = await page.locator('#report-plan option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter((value) => value !== ''));
    expect(plans.length).toBeGreaterThan(0);
    await page.getByLabel('Plan', { exact: true }).selectOption(plans[0]!);
    await page.getByRole('button', { name: 'Show the report' }).click();
    const csvLink = page.getByRole('link', { name: 'Download CSV' });
    await expect.poll(() => csvLink.getAttribute('href')).toBe(`/api/reports/supervisor.csv?from=${from}&to=${today}&plan_id=${plans[0]}`);
    await expect.poll(() => page.locator('#report-source').innerText()).toContain(plans[0]!);
    const csv = await context.request.get((await csvLink.getAttribute('href'))!);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toMatch(/^section,report\r\n/);
    expect(text).toContain(`\r\nsection,members\r\nplan_id,start,joined,withdrawn,lapsed,terminated,ended,end\r\n${plans[0]},`);
    expect(leaks(text, secrets)).toEqual([]);
    const printable = await page.getByRole('link', { name: 'Printable page (PDF)' }).getAttribute('href');
    expect(printable).toBe(`/api/reports/supervisor.html?from=${from}&to=${today}&plan_id=${plans[0]}&lang=en`);
    const print = await context.newPage();
    await print.goto(printable!);
    await print.locator('h1').waitFor();
    expect(await print.locator('h1').innerText()).toBe('Supervisor report');
    expect(leaks(await print.content(), secrets)).toEqual([]);
    await screenshot(print, 'staff-reports-printable', 'en', 'desktop');
    const json = await context.request.get(`/api/reports/supervisor?from=${from}&to=${today}`);
    expect(leaks(await json.text(), secrets)).toEqual([]);
  });
});
