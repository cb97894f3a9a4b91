/// <reference lib="dom" />
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLoginPassword } from '../../src/services/demo/demo-logins.js';
import { axeViolations } from './support/axe.js';
import { chromiumAvailable, launchChromium, newContext, screenshot, type Language, type LaunchedBrowser, type ViewportName } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * The server's clock starts now, or at 21:00 UTC when the test starts later than that: the closure
 * date is the server's today (a UTC date), and stays today for the few minutes the test runs.
 */
const lateHourUtc = 21;
const clockStart = (() => {
  const now = new Date();
  if (now.getUTCHours() < lateHourUtc) return now;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), lateHourUtc));
})();
const today = clockStart.toISOString().slice(0, 10);
const dayMs = 86_400_000;
/** The transfer offer's consent deadline: a week on, well before the claim window ends. */
const consentDeadline = new Date(clockStart.getTime() + 7 * dayMs).toISOString().slice(0, 10);

/** The demo's prepaid plan: demo-prepaid pays for herself and her husband in it. */
const prepaidPlan = 'community-senior-cancer';
const prepaidPlanName = 'Community senior cancer plan (demo)';
/** The demo's post-paid plan: no closure is announced for it. */
const openPlan = 'community-critical-illness';

/** Webhook delivery runs with the background jobs; every second here, so refunds settle soon after they are sent. */
const everySecond = '* * * * * *';
/** How long a poll may take for the refunds' outcomes: a generous bound, the test goes on as soon as they are in. */
const settleTimeoutMs = 60_000;

interface ClosureJson {
  readonly step: string;
  readonly last_claim_date: string;
  readonly finalise_from_date: string;
  readonly refunds: ReadonlyArray<{ refund_state: string; count: number; wallet_minor: string }>;
}

interface HouseholdJson {
  readonly persons: ReadonlyArray<{ relationship: string; memberships: ReadonlyArray<{ membership_id: string; plan_id: string; member_code: string }> }>;
}

/**
 * The orderly wind-down of the demo's prepaid plan in the browser: demo-operator announces it (the
 * operator pays the last cycles), closes it, runs the refunds until the simulated gateway has settled
 * them, settles receivables and publishes the report; a visitor reads the status and downloads the
 * report; demo-prepaid finds her refund from her membership page and her browser checks it against
 * the signed report; demo-member can neither see that line nor join the closing plan.
 */
describe.runIf(chromiumAvailable())('closure pages', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  // The database's folder, kept when the server starts again after the claim window (startServer leaves a folder it was given).
  const dir = mkdtempSync(join(tmpdir(), 'huzhu-browser-closure-'));
  const contexts: BrowserContext[] = [];

  async function as(username: string | null, language: Language = 'en', viewport: ViewportName = 'phone'): Promise<Page> {
    const context = await newContext(chromium.browser, server.url, language, viewport);
    contexts.push(context);
    if (username !== null) {
      const response = await context.request.post('/api/auth/login', { data: { username, password: demoLoginPassword } });
      expect(response.status(), await response.text()).toBe(200);
    }
    return context.newPage();
  }

  /** Another page signed in as the same user as `signedIn`, in another language or size (logins are rate limited). */
  async function sameUser(signedIn: Page, language: Language, viewport: ViewportName): Promise<Page> {
    const context = await newContext(chromium.browser, server.url, language, viewport);
    contexts.push(context);
    await context.addCookies(await signedIn.context().cookies());
    return context.newPage();
  }

  async function look(page: Page, name: string, language: Language, viewport: ViewportName): Promise<void> {
    await screenshot(page, name, language, viewport);
    const violations = await axeViolations(page);
    expect(violations, `${name} ${language} ${viewport}: ${violations.join('; ')}`).toEqual([]);
  }

  async function closureOf(page: Page, plan_id: string): Promise<ClosureJson> {
    const response = await page.request.get(`/api/public/plans/${plan_id}/closure`);
    expect(response.status(), await response.text()).toBe(200);
    return ((await response.json()) as { closure: ClosureJson }).closure;
  }

  /** Clicks a console button and waits for its POST's answer. */
  async function runStep(page: Page, button: string, path: string, status = 200): Promise<void> {
    const answered = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === path);
    await page.getByRole('button', { name: button, exact: true }).click();
    const response = await answered;
    expect(response.status(), await response.text()).toBe(status);
  }

  beforeAll(async () => {
    server = await startServer({ dir, env: { HUZHU_CLOCK_START: clockStart.toISOString(), HUZHU_JOBS_CRON: everySecond } });
    chromium = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await chromium?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows a calm state for a plan with no closure, and the console explains its steps before a plan is chosen', async () => {
    for (const language of ['zh-CN', 'en'] as const) {
      for (const viewport of ['phone', 'desktop'] as const) {
        const visitor = await as(null, language, viewport);
        await visitor.goto(`/plans/${openPlan}/closure`);
        await visitor.locator('#closure-none').waitFor();
        expect(await visitor.getByRole('alert').count()).toBe(0);
        // The title names the plan, not its id.
        await expect.poll(() => visitor.locator('h1').textContent()).not.toContain(openPlan);
        await look(visitor, 'closure-none', language, viewport);
      }
      const operator = await as('demo-operator', language, 'desktop');
      await operator.goto('/staff/closure');
      await operator.locator('#closure-intro').waitFor();
      await operator.locator('#closure-plan option').nth(1).waitFor({ state: 'attached' });
      expect(await operator.locator('#closure-intro + p + ol li').count()).toBe(5);
      await look(operator, 'closure-console-intro', language, 'desktop');
    }
  });

  it('winds the prepaid plan down: announce, close, refunds, receivables, finalise; a visitor, the member and another member see what they may', async () => {
    let operator = await as('demo-operator', 'en', 'desktop');
    const posts: Request[] = [];
    operator.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname.startsWith(`/api/plans/${prepaidPlan}/closure`)) posts.push(request);
    });
    const postsTo = (path: string) => posts.filter((request) => new URL(request.url()).pathname === `/api/plans/${prepaidPlan}/closure${path}`).length;
    await operator.goto('/staff/closure');
    await operator.locator(`#closure-plan option[value="${prepaidPlan}"]`).waitFor({ state: 'attached' });
    expect(await operator.locator(`#closure-plan option[value="${prepaidPlan}"]`).textContent()).toBe(prepaidPlanName);
    await operator.getByLabel('Plan', { exact: true }).selectOption(prepaidPlan);
    await operator.getByLabel('Closure date').fill(today);
    await operator.getByLabel('The operator (own funds)').check();
    await look(operator, 'closure-console-announce', 'en', 'desktop');

    // A double click on Announce sends one request.
    const announced = operator.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === `/api/plans/${prepaidPlan}/closure`);
    await operator.getByRole('button', { name: 'Announce', exact: true }).dblclick();
    expect((await announced).status()).toBe(201);
    await operator.getByRole('button', { name: 'End the memberships', exact: true }).waitFor();
    expect(postsTo('')).toBe(1);
    await look(operator, 'closure-console-announced', 'en', 'desktop');

    // The optional transfer offer to a successor: a double click on its button sends one request.
    await operator.getByLabel("Successor's name").fill('安康人寿保险');
    await operator.getByLabel("Product's name").fill('安康重疾保障');
    await operator.getByLabel('Description for the members').fill('A critical illness insurance for the members, without a new waiting period.');
    await operator.getByLabel("Link to the successor's terms (https://)").fill('https://ankang.example.com/terms');
    await operator.getByLabel('Consent deadline').fill(consentDeadline);
    const offered = operator.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname.endsWith('/closure/transfer-offer'));
    await operator.getByRole('button', { name: 'Make the offer', exact: true }).dblclick();
    expect((await offered).status()).toBe(201);
    await operator.getByText('The consent count and the file are ready after the deadline.').waitFor();
    expect(postsTo('/transfer-offer')).toBe(1);
    await look(operator, 'closure-console-transfer-offer', 'en', 'desktop');

    // While the plan is closing, joining it is refused with PLAN_CLOSING; the plan page says it is closing.
    let member = await as('demo-member', 'en', 'phone');
    await member.goto(`/plans/${prepaidPlan}`);
    const notice = member.getByTestId('plan-closing-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('This plan is closing.');
    expect(await notice.locator(`time[datetime="${today}"]`).count()).toBe(1);
    await look(member, 'closure-plan-closing', 'en', 'phone');
    // No page offers to join it: the plan page shows a badge, the join page a notice instead of the form.
    expect(await member.getByRole('link', { name: 'Join this plan' }).count()).toBe(0);
    await member.getByText('Closing: no new members').waitFor();
    await member.goto('/plans');
    await member.getByRole('link', { name: `Details of ${prepaidPlanName}` }).waitFor();
    expect(await member.getByRole('link', { name: `Join ${prepaidPlanName}` }).count()).toBe(0);
    await member.goto(`/join/${prepaidPlan}`);
    const notTaking = member.getByTestId('join-not-taking');
    await notTaking.waitFor();
    expect(await notTaking.textContent()).toContain('This plan is closing and takes no new members.');
    expect(await member.getByRole('button', { name: 'Join the plan', exact: true }).count()).toBe(0);
    await look(member, 'closure-join-refused', 'en', 'phone');

    // demo-prepaid's wallet tells her the balance stays hers and links her refund; she may still draw on it.
    const walletOwner = await as('demo-prepaid', 'en', 'phone');
    const ownHousehold = (await (await walletOwner.request.get('/api/members/me')).json()) as HouseholdJson;
    const walletMembership = ownHousehold.persons.flatMap((person) => person.memberships).find((membership) => membership.plan_id === prepaidPlan)!;
    const wallet_id = walletMembership.membership_id;
    const walletCode = walletMembership.member_code;
    await walletOwner.goto(`/me/memberships/${wallet_id}/wallet`);
    await walletOwner.getByTestId('wallet-closure-notice').waitFor();
    expect(await walletOwner.getByTestId('wallet-closure-link').getAttribute('href')).toBe(`/memberships/${wallet_id}/closure`);
    await walletOwner.getByRole('button', { name: 'Refund', exact: true }).waitFor();
    await look(walletOwner, 'closure-wallet-announced', 'en', 'phone');

    // She consents to the transfer for one of her memberships, on its closure page; she sees what goes to the successor.
    await walletOwner.goto(`/memberships/${wallet_id}/closure`);
    await walletOwner.getByTestId('transfer-consent-state').waitFor();
    expect(await walletOwner.getByTestId('transfer-consent-state').getAttribute('data-consent')).toBe('none');
    await walletOwner.getByLabel('I consent: give my name, mobile phone number and date of birth to 安康人寿保险.').check();
    await walletOwner.getByRole('button', { name: 'Save my answer', exact: true }).click();
    await walletOwner.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await expect.poll(() => walletOwner.getByTestId('transfer-consent-state').getAttribute('data-consent')).toBe('given');
    // Before the close there is no refund line yet: the page says so calmly.
    await walletOwner.getByTestId('refund-no-line').waitFor();
    expect(await walletOwner.locator('.alert.error').count()).toBe(0);
    for (const language of ['zh-CN', 'en'] as const) {
      for (const viewport of ['phone', 'desktop'] as const) {
        const page = await sameUser(walletOwner, language, viewport);
        await page.goto(`/memberships/${wallet_id}/closure`);
        await page.locator('[data-testid="transfer-consent-state"][data-consent="given"]').waitFor();
        await look(page, 'closure-transfer-consent', language, viewport);
      }
    }
    // Another member can neither read nor answer for her.
    expect((await member.request.get(`/api/memberships/${wallet_id}/closure/transfer-consent`)).status()).toBe(404);
    expect((await member.request.put(`/api/memberships/${wallet_id}/closure/transfer-consent`, { data: { consent: false } })).status()).toBe(404);

    // Close: the closure date is today.
    await runStep(operator, 'End the memberships', `/api/plans/${prepaidPlan}/closure/close`);
    // From the close on, the closure refunds her wallet: the page asks for no refund beside it.
    for (const language of ['zh-CN', 'en'] as const) {
      for (const viewport of ['phone', 'desktop'] as const) {
        const page = await sameUser(walletOwner, language, viewport);
        await page.goto(`/me/memberships/${wallet_id}/wallet`);
        await page.getByTestId('wallet-refund-by-closure').waitFor();
        await look(page, 'closure-wallet-closed', language, viewport);
      }
    }

    // Refunds: a double click sends one request; then the gateway's outcomes arrive (webhooks) and a
    // re-run ends the step. Bounded: a refund is tried at most 3 times, so 4 runs always end it.
    await operator.getByRole('button', { name: 'Run the refunds', exact: true }).waitFor();
    const firstRun = operator.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname.endsWith('/closure/refunds'));
    await operator.getByRole('button', { name: 'Run the refunds', exact: true }).dblclick();
    expect((await firstRun).status()).toBe(200);
    expect(postsTo('/refunds')).toBe(1);
    const maxRefundRuns = 4;
    for (let run = 1; run < maxRefundRuns && (await closureOf(operator, prepaidPlan)).step === 'closed'; run += 1) {
      await expect
        .poll(async () => (await closureOf(operator, prepaidPlan)).refunds.filter((row) => row.refund_state === 'pending' || row.refund_state === 'due').length, { timeout: settleTimeoutMs })
        .toBe(0);
      // The page follows the outcomes by itself (it reads the status again while refunds are out).
      await operator.bringToFront();
      await expect.poll(() => operator.locator('section[aria-labelledby="closure-refunds"] tbody').textContent(), { timeout: settleTimeoutMs }).not.toMatch(/Refund in progress|To refund/);
      await runStep(operator, 'Run the refunds', `/api/plans/${prepaidPlan}/closure/refunds`);
    }
    expect((await closureOf(operator, prepaidPlan)).step).toBe('refunds_done');

    await runStep(operator, 'Settle unpaid shares', `/api/plans/${prepaidPlan}/closure/receivables`);
    // Finalising waits for the claim window: the console says until when, and the refusal says so too.
    const claimWindow = await closureOf(operator, prepaidPlan);
    await expect.poll(() => operator.getByTestId('closure-finalise-from').textContent()).toContain(claimWindow.finalise_from_date);
    expect(await operator.getByTestId('closure-finalise-from').textContent()).toContain(claimWindow.last_claim_date);
    await runStep(operator, 'Publish the report', `/api/plans/${prepaidPlan}/closure/finalise`, 409);
    await operator.getByRole('alert').filter({ hasText: `the closure can be finalised from ${claimWindow.finalise_from_date}` }).waitFor();
    await look(operator, 'closure-console-claim-window', 'en', 'desktop');

    // The same database again on the day the window is over (the server's test clock).
    await server.stop();
    server = await startServer({ dir, env: { HUZHU_CLOCK_START: `${claimWindow.finalise_from_date}T09:00:00.000Z`, HUZHU_JOBS_CRON: everySecond } });
    operator = await as('demo-operator', 'en', 'desktop');
    member = await as('demo-member', 'en', 'phone');
    await operator.goto('/staff/closure');
    await operator.locator(`#closure-plan option[value="${prepaidPlan}"]`).waitFor({ state: 'attached' });
    await operator.getByLabel('Plan', { exact: true }).selectOption(prepaidPlan);
    await runStep(operator, 'Publish the report', `/api/plans/${prepaidPlan}/closure/finalise`);
    await operator.getByText('The closure is done and its report published.').waitFor();
    await operator.locator('#closure-report').waitFor();
    await look(operator, 'closure-console-finalised', 'en', 'desktop');
    // Past the consent deadline: the operator sees the count but no file; the administrator downloads it.
    await operator.getByTestId('transfer-consent-count').filter({ hasText: '1' }).waitFor();
    expect(await operator.getByTestId('transfer-csv-link').count()).toBe(0);
    const admin = await as('demo-admin', 'en', 'desktop');
    await admin.goto('/staff/closure');
    await admin.locator(`#closure-plan option[value="${prepaidPlan}"]`).waitFor({ state: 'attached' });
    await admin.getByLabel('Plan', { exact: true }).selectOption(prepaidPlan);
    await admin.getByTestId('transfer-csv-link').waitFor();
    expect(await admin.getByRole('button', { name: 'Publish the report' }).count()).toBe(0);
    await look(admin, 'closure-console-transfer-file', 'en', 'desktop');
    const file = await admin.request.get((await admin.getByTestId('transfer-csv-link').getAttribute('href'))!);
    expect(file.status(), await file.text()).toBe(200);
    const [csvHeader, ...csvRows] = (await file.text()).trimEnd().split('\r\n');
    expect(csvHeader).toBe('member_code,name,phone,birth_date,consented_at');
    expect(csvRows).toHaveLength(1);
    expect(csvRows[0]!.startsWith(`${walletCode},`)).toBe(true);

    // A visitor follows the plan page's link to the published closure and downloads the report.
    for (const language of ['zh-CN', 'en'] as const) {
      for (const viewport of ['phone', 'desktop'] as const) {
        const visitor = await as(null, language, viewport);
        await visitor.goto(`/plans/${prepaidPlan}`);
        await visitor.getByTestId('plan-closure-link').click();
        await visitor.locator('#closure-report').waitFor();
        await look(visitor, 'closure-status', language, viewport);
      }
    }
    const visitor = await as(null, 'en', 'desktop');
    await visitor.goto(`/plans/${prepaidPlan}/closure`);
    await visitor.getByRole('heading', { level: 1, name: `Closure of ${prepaidPlanName}` }).waitFor();
    const downloading = visitor.waitForEvent('download');
    await visitor.getByRole('link', { name: 'Download the closure report (JSON Lines)' }).click();
    const download = await downloading;
    const report = readFileSync(await download.path(), 'utf8');
    const [headerLine, ...memberLines] = report.trimEnd().split('\n');
    const header = JSON.parse(headerLine!) as { format: string; plan_id: string; closure_date: string; last_cycles_paid_by: string; member_count: number };
    expect(header).toMatchObject({ format: 'huzhu-closure/1', plan_id: prepaidPlan, closure_date: today, last_cycles_paid_by: 'operator' });
    expect(memberLines.length).toBe(header.member_count);

    // demo-prepaid finds her refunds from her memberships' pages; her browser checks each line.
    const prepaid = await as('demo-prepaid', 'en', 'phone');
    const household = (await (await prepaid.request.get('/api/members/me')).json()) as HouseholdJson;
    const hers = household.persons.flatMap((person) => person.memberships.filter((membership) => membership.plan_id === prepaidPlan));
    expect(hers.length).toBe(2);
    for (const membership of hers) {
      await prepaid.goto(`/me/memberships/${membership.membership_id}`);
      await prepaid.getByTestId('my-refund-link').click();
      await prepaid.getByRole('status').filter({ hasText: 'Checked: your line is in the closure report the operator signed.' }).waitFor();
      const line = JSON.parse(memberLines.find((text) => text.includes(`"member_code":"${membership.member_code}"`))!) as { refunded_minor: string; wallet_at_closure_minor: string };
      expect(line.refunded_minor).toBe(line.wallet_at_closure_minor);
      expect(await prepaid.locator('#refund-line').textContent()).toContain(membership.member_code);
    }
    const herOwn = hers[0]!;
    for (const language of ['zh-CN', 'en'] as const) {
      for (const viewport of ['phone', 'desktop'] as const) {
        const page = await sameUser(prepaid, language, viewport);
        await page.goto(`/me/memberships/${herOwn.membership_id}`);
        await page.getByTestId('my-refund-link').waitFor();
        await look(page, 'closure-membership', language, viewport);
        await page.goto(`/memberships/${herOwn.membership_id}/closure`);
        await page.locator('#refund-check').waitFor();
        expect(await page.locator('section[aria-labelledby="refund-check"] .alert').getAttribute('data-verified')).toBe('true');
        await look(page, 'closure-my-refund', language, viewport);
      }
    }

    // Another member: the API refuses her the line, and so does the page.
    const answer = await member.request.get(`/api/memberships/${herOwn.membership_id}/closure`);
    expect([403, 404]).toContain(answer.status());
    await member.goto(`/memberships/${herOwn.membership_id}/closure`);
    await member.getByRole('alert').waitFor();
    expect(await member.locator('#refund-line').count()).toBe(0);
    expect(await member.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    expect(await member.locator('main').textContent()).not.toContain(herOwn.member_code);
    await look(member, 'closure-my-refund-refused', 'en', 'phone');
  }, 300_000);
});
