/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { chromiumAvailable, launchChromium, newContext, screenshot, type Language, type LaunchedBrowser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

const demoPassword = 'demo-password';
const plan_id = 'community-critical-illness';

/** The first notice day (the 7th or the 21st) after today, UTC: the demo's cycles end before it, so its cycle is due then. */
function nextNoticeDay(now: Date): string {
  for (let offset = 1; offset <= 31; offset += 1) {
    const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset));
    if (day.getUTCDate() === 7 || day.getUTCDate() === 21) return day.toISOString().slice(0, 10);
  }
  throw new Error('a notice day comes within a month');
}

/**
 * The operator's cycle and payout path on the demo server: run the next cycle and watch its job
 * to the end, open its report, requeue the demo's failed payout; an auditor sees the same pages
 * without an action. The demo is seeded by a first start at today's time; the server then starts
 * again on the same database with its clock at the next notice day (HUZHU_CLOCK_START), so the
 * plan's cycle is due, and with the background jobs every second, so the requeued payout is sent.
 */
describe.runIf(chromiumAvailable())('staff cycle and payout pages', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  let dir: string;
  const notice_day = nextNoticeDay(new Date());
  const cycle_id = `${plan_id}-${notice_day.replaceAll('-', '')}`;

  beforeAll(async () => {
    // A folder of our own: the first server must leave its database for the second.
    dir = mkdtempSync(join(tmpdir(), 'huzhu-staff-cycles-'));
    const seeding = await startServer({ dir });
    await seeding.stop();
    server = await startServer({ dir, env: { HUZHU_CLOCK_START: `${notice_day}T03:00:00.000Z`, HUZHU_JOBS_CRON: '* * * * * *' } });
    chromium = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  async function open(username: string, language: Language = 'en'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(chromium.browser, server.url, language, 'desktop');
    const login = await context.request.post('/api/auth/login', { data: { username, password: demoPassword } });
    expect(login.status(), await login.text()).toBe(200);
    return { context, page: await context.newPage() };
  }

  it('an operator runs the cycle and watches its job to the end, opens its report and requeues a failed payout', async () => {
    const { context, page } = await open('demo-operator');
    const starts: string[] = [];
    const polls: Array<{ seen: string | null; steps_done: number; status: string }> = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/plans/${plan_id}/cycles/run`)) starts.push(request.url());
    });
    page.on('response', async (response) => {
      const url = new URL(response.url());
      if (!/^\/api\/cycle-jobs\/\d+$/.test(url.pathname) || response.status() !== 200) return;
      const job = (await response.json()) as { steps_done: number; status: string };
      polls.push({ seen: url.searchParams.get('seen'), steps_done: job.steps_done, status: job.status });
    });
    await page.goto('/staff/cycles');
    await page.getByRole('heading', { level: 1, name: 'Cycles' }).waitFor();
    const form = page.locator('form[aria-labelledby="run-title"]');
    await form.getByLabel('Plan').selectOption(plan_id);
    // A double click: the button is disabled at the first, and a second request would join the same job.
    await form.getByRole('button', { name: 'Run the cycle' }).dblclick();
    const job = page.locator('.staff-cycles-job');
    await job.waitFor();
    await expect.poll(() => job.count()).toBe(1);
    expect(starts.length).toBeGreaterThanOrEqual(1);
    expect(starts.length).toBeLessThanOrEqual(2);
    await expect.poll(() => page.getByRole('progressbar').count()).toBe(1);
    expect(await page.getByRole('progressbar').getAttribute('aria-label')).toMatch(/^Cycle run progress: \d of 7 steps$/);

    // The long-polls follow the job to its end: the last answer has every step done.
    await page.getByText(`The cycle ${cycle_id} ran to the end.`).waitFor({ timeout: 240_000 });
    await expect.poll(() => page.getByTestId('job-steps').textContent()).toBe('7 of 7 steps done');
    expect(await page.getByRole('progressbar').evaluate((bar) => [(bar as HTMLProgressElement).value, (bar as HTMLProgressElement).max])).toEqual([7, 7]);
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.filter((poll) => poll.status === 'running').every((poll, index, running) => index === 0 || poll.steps_done >= running[index - 1]!.steps_done)).toBe(true);
    expect(polls.at(-1)).toMatchObject({ status: 'succeeded', steps_done: 7 });
    // Each follow-up names the state it saw: the server answers when the job moved.
    expect(polls.filter((poll) => poll.seen !== null).length).toBeGreaterThan(0);
    await screenshot(page, 'staff-cycles-run-done', 'en', 'desktop');
    expect(await axeViolations(page)).toEqual([]);

    // The job's own page shows the same job after a reload.
    await page.getByRole('link', { name: /Open this job on its own page/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Cycle job #\d+$/ }).waitFor();
    await page.reload();
    await page.getByText(`The cycle ${cycle_id} ran to the end.`).waitFor();

    // The report: the header's figures, the export and how to verify it, the public report.
    await page.getByRole('link', { name: "Open the cycle's report" }).click();
    await page.getByRole('heading', { level: 1, name: `Cycle ${cycle_id}` }).waitFor();
    await page.locator('section[aria-labelledby="report-cases"] :is(table, p.muted)').first().waitFor();
    expect(await page.getByRole('link', { name: 'Download the export (JSON Lines)' }).getAttribute('href')).toBe(`/api/public/cycles/${cycle_id}/export`);
    expect(await page.locator('.staff-cycles-command').textContent()).toContain(`huzhu verify ${cycle_id}.jsonl`);
    expect(await page.getByRole('link', { name: 'Public report' }).getAttribute('href')).toBe(`/cycles/${cycle_id}`);
    await page.locator('.staff-cycles-facts').getByText('Published').waitFor();
    await screenshot(page, 'staff-cycle-report-run', 'en', 'desktop');

    // The demo's failed payout: requeued once, with an Idempotency-Key, after a confirmation.
    await page.goto('/staff/payouts');
    await page.getByRole('heading', { level: 1, name: 'Payouts' }).waitFor();
    await page.getByLabel('Status').selectOption('failed');
    const row = page.locator('[data-payout]').first();
    await row.waitFor();
    const payout_id = await row.getAttribute('data-payout');
    await row.getByText('5 of 5 attempts').click();
    await row.getByText('refused').first().waitFor();
    await row.getByRole('button', { name: `Send again: payout ${payout_id}` }).click();
    const retried = page.waitForResponse((response) => response.url().endsWith(`/api/payouts/${payout_id}/retry`));
    await row.getByRole('button', { name: 'Yes, send it again' }).click();
    const answer = await retried;
    expect(answer.status()).toBe(200);
    expect(answer.request().headers()['idempotency-key']).toMatch(/.+/);
    expect(await answer.json()).toMatchObject({ payout: { id: payout_id, status: 'due', attempt_limit: '6' } });
    // Refetched under the "failed" filter, it is gone from the list; the background jobs then pay it.
    await expect.poll(() => page.locator(`[data-payout="${payout_id}"]`).count()).toBe(0);
    await expect
      .poll(
        async () => {
          const listed = (await (await context.request.get('/api/payouts?limit=500')).json()) as { payouts: Array<{ id: string; status: string }> };
          return listed.payouts.find((payout) => payout.id === payout_id)?.status;
        },
        { timeout: 120_000 },
      )
      .toBe('paid');
    await page.getByLabel('Status').selectOption('paid');
    await page.locator(`[data-payout="${payout_id}"]`).getByText('6 of 6 attempts').waitFor();
    await context.close();
  }, 600_000);

  it('an auditor sees the cycles, a report, the payouts and the advances without any action, and the API refuses them', async () => {
    const { context, page } = await open('demo-auditor');
    await page.goto('/staff/cycles');
    await page.locator('section[aria-labelledby="cycles-title"] table tbody tr').first().waitFor();
    expect(await page.locator('form[aria-labelledby="run-title"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Run the cycle' }).count()).toBe(0);
    await page.goto(`/staff/cycles/${cycle_id}`);
    await page.getByRole('heading', { level: 1, name: `Cycle ${cycle_id}` }).waitFor();
    await page.goto('/staff/payouts');
    await page.locator('[data-payout]').first().waitFor();
    expect(await page.getByRole('columnheader', { name: 'Action' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Send again: payout \d+$/ }).count()).toBe(0);
    await page.goto(`/staff/payouts/advances?plan=${plan_id}`);
    await page.locator('section[aria-labelledby="statement-title"] .stat').first().waitFor();
    expect(await page.getByRole('button', { name: 'Record the advance' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // On a tablet, in Chinese: the operator's payouts (with their actions) and the cycles, for a look.
    const tablet = await newContext(chromium.browser, server.url, 'zh-CN', 'tablet');
    expect((await tablet.request.post('/api/auth/login', { data: { username: 'demo-operator', password: demoPassword } })).status()).toBe(200);
    const shot = await tablet.newPage();
    await shot.goto('/staff/payouts');
    await shot.locator('[data-payout]').first().waitFor();
    await screenshot(shot, 'staff-payouts-run', 'zh-CN', 'tablet');
    expect(await axeViolations(shot)).toEqual([]);
    await shot.goto('/staff/cycles');
    await shot.locator('section[aria-labelledby="jobs-title"] table').waitFor();
    await screenshot(shot, 'staff-cycles-run', 'zh-CN', 'tablet');
    expect(await axeViolations(shot)).toEqual([]);
    await tablet.close();

    const run = await context.request.post(`/api/plans/${plan_id}/cycles/run`, { data: {} });
    expect(run.status()).toBe(403);
    const { payouts } = (await (await context.request.get('/api/payouts?limit=1')).json()) as { payouts: Array<{ id: string }> };
    const retry = await context.request.post(`/api/payouts/${payouts[0]!.id}/retry`, { headers: { 'idempotency-key': 'auditor-try' } });
    expect(retry.status()).toBe(403);
    const advance = await context.request.post(`/api/plans/${plan_id}/advances`, { headers: { 'idempotency-key': 'auditor-try' }, data: { amount_minor: '100' } });
    expect(advance.status()).toBe(403);
    await context.close();
  }, 300_000);
});
