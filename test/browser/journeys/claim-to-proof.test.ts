/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycleCode, nextNoticeDate, snapshotTime } from '../../../src/core/cycles/cycle-calendar.js';
import { calendarDateOf } from '../../../src/core/members/age.js';
import en from '../../../web/src/shared/i18n/en.json' with { type: 'json' };
import zhCN from '../../../web/src/shared/i18n/zh-CN.json' with { type: 'json' };
import { ApiSession } from '../support/api-session.js';
import { axeViolations } from '../support/axe.js';
import { chromiumAvailable, launchChromium, newContext, screenshot, setPageLanguage, type Language, type LaunchedBrowser, type ViewportName } from '../support/browser.js';
import { browserAdminPassword, startServer, type RunningServer } from '../support/server.js';

/**
 * Issue 11's claim journey, end to end on a real server: a covered member files a claim with a PDF
 * in the browser; staff move it to notice through the API (until the staff console exists); another
 * member objects from the notices page and the reviewer dismisses the objection; the notice ends
 * and the plan's cycle runs; the member finds the share line on /me/shares and verifies its proof
 * in the browser, and the case is in the cycle's report.
 *
 * No waiting for days: the server is stopped and started again on the same folder with the test
 * hook HUZHU_CLOCK_START, once after the notice ended (the reviewer ends it: the claim is approved
 * then) and once on the plan's next notice day (a cycle shares the claims approved before its
 * snapshot, taken at 00:00 UTC of that day; the operator runs it).
 */

const messages = { 'zh-CN': zhCN, en } as const;
const planId = 'community-critical-illness';
/** A demo juror is a covered member of the post-paid demo plan with no claim of her own (demo-member already had the plan's one aid). */
const claimantLogin = 'demo-juror-02';
const objectorLogin = 'demo-member';
const demoPassword = 'demo-password';
const staffPassword = 'journey-staff-password';
/** A minimal valid PDF: the server checks that the bytes start with "%PDF-". */
const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const objectionReason = '案例卡上的确诊日期和我了解的情况不一致，请审核员核实。';
const resolution = '已向医院核实，确诊日期无误，异议不成立。';
const hour = 3600_000;

interface Rules {
  readonly illnesses: Array<{ code: string; name_zh: string; name_en: string }>;
  readonly schedule: { notice_days_of_month: number[]; collection_days_of_month: number[] };
  readonly notice_days: number;
  readonly max_aids_per_member: number;
}
interface Transition {
  claim: { claim_id: string; case_number: string; state: string; state_changed_at: string; notice_ends_at: string | null };
}
interface CycleJob {
  job_id: string;
  status: 'running' | 'succeeded' | 'failed' | 'interrupted';
  cycle_id: string | null;
  result: { cycle_id: string } | null;
}
interface ShareLine {
  membership_id: string;
  cycle_id: string;
  share_minor: string;
  case_count: number;
}

/** A date as the member writes it on the form: `days` before today in China. */
function daysAgoInChina(days: number): string {
  return new Date(Date.now() + 8 * hour - days * 24 * hour).toISOString().slice(0, 10);
}

describe.runIf(chromiumAvailable())('journey: a member’s claim, from the PDF to the verified proof of the share', () => {
  // The database's folder, kept across the server's restarts (startServer leaves a folder it was given).
  const dir = mkdtempSync(join(tmpdir(), 'huzhu-journey-claim-'));
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  let reviewer: ApiSession;
  let rules: Rules;
  let claimantMembership: string;
  let claim: { claim_id: string; case_number: string };
  let noticeEndsAt: string;
  let cycleId: string;
  let casesShared: number;

  const start = async (clock?: string) => {
    server = await startServer({ dir, env: clock === undefined ? {} : { HUZHU_CLOCK_START: clock } });
  };
  const restartAt = async (clock: string) => {
    await server.stop();
    await start(clock);
  };

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

  /** A screenshot of the step, and axe on that page state; nothing is wider than the screen, nor than its case card. */
  async function step(page: Page, name: string, language: Language, viewport: ViewportName) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${name}: the page is wider than the screen`).toBe(0);
    const cards = await page.locator('.case-card').evaluateAll((articles) => articles.filter((article) => article.scrollWidth > article.clientWidth).map((article) => article.id));
    expect(cards, `${name}: case cards whose content is wider than the card`).toEqual([]);
    await screenshot(page, `journey-claim-${name}`, language, viewport);
    expect(await axeViolations(page), `${name} ${language} ${viewport}`).toEqual([]);
  }

  /** The login page a member page sent the visitor to: log in there, and land back on the page. */
  async function logIn(page: Page, language: Language, username: string, next: string, shot?: string) {
    const text = messages[language].account;
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === next);
    await page.getByLabel(text.loginName).fill(username);
    await page.getByLabel(text.password, { exact: true }).fill(demoPassword);
    if (shot !== undefined) await step(page, shot, language, 'phone');
    await page.getByRole('button', { name: text.login, exact: true }).click();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === next);
  }

  async function newPage(language: Language, viewport: ViewportName): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(chromium.browser, server.url, language, viewport);
    return { context, page: await context.newPage() };
  }

  beforeAll(async () => {
    await start();
    chromium = await launchChromium();
    const admin = await ApiSession.login(server.url, 'admin', browserAdminPassword);
    await admin.request('POST', '/api/users', { username: 'journey-reviewer', display_name: 'Journey Reviewer', password: staffPassword, roles: ['reviewer'] });
    await admin.request('POST', '/api/users', { username: 'journey-operator', display_name: 'Journey Operator', password: staffPassword, roles: ['operator'] });
    reviewer = await ApiSession.login(server.url, 'journey-reviewer', staffPassword);
    const plan = await admin.request<{ plan: { current_version: { rules: Rules } } }>('GET', `/api/plans/${planId}`);
    rules = plan.plan.current_version.rules;
    expect(rules.notice_days).toBeGreaterThanOrEqual(1);
    expect(rules.max_aids_per_member).toBeGreaterThanOrEqual(1);
  }, 240_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the member logs in, files a claim with a PDF and sees the upload reach 100%', async () => {
    const { context, page } = await newPage('zh-CN', 'phone');
    const text = zhCN.claims.new;
    await page.goto('/me/claims/new');
    await logIn(page, 'zh-CN', claimantLogin, '/me/claims/new', 'login');
    await heading(page, text.title);
    // She has no claim yet, so the plan's aid (max_aids_per_member) is still hers to claim.
    const mine = await context.request.get('/api/claims/mine');
    expect(((await mine.json()) as { claims: unknown[] }).claims).toEqual([]);
    const household = (await (await context.request.get('/api/members/me')).json()) as { persons: Array<{ memberships: Array<{ membership_id: string; plan_id: string; status: string; waiting_until: string }> }> };
    const membership = household.persons.flatMap((person) => person.memberships).find((candidate) => candidate.plan_id === planId);
    expect(membership?.status).toBe('active');
    claimantMembership = membership!.membership_id;
    const diagnosis = daysAgoInChina(3);
    expect(diagnosis > membership!.waiting_until).toBe(true);

    await page.getByLabel(text.membership).selectOption(claimantMembership);
    await page.getByLabel(text.illness, { exact: true }).selectOption({ label: rules.illnesses[0]!.name_zh });
    await page.getByLabel(text.diagnosisDate).fill(diagnosis);
    await page.getByLabel(text.hospital).fill('昆明医科大学第一附属医院');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: text.chooseFiles, exact: true }).click();
    await (await chooser).setFiles({ name: 'pathology-report.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
    await page.getByText('pathology-report.pdf').waitFor();
    await step(page, 'claim-form', 'zh-CN', 'phone');

    const answered = page.waitForResponse((response) => response.url().endsWith('/api/claims') && response.request().method() === 'POST');
    await page.getByRole('button', { name: text.submit }).click();
    const response = await answered;
    expect(response.status()).toBe(201);
    claim = (await response.json()) as { claim_id: string; case_number: string };
    await page.getByText(text.submittedTitle.replace('{{case_number}}', claim.case_number)).waitFor();
    await expect(page.getByRole('progressbar').getAttribute('value')).resolves.toBe('100');
    await page.getByText(text.uploadProgress.replace('{{percent}}', '100')).waitFor();
    await step(page, 'claim-submitted', 'zh-CN', 'phone');
    await context.close();
  });

  it('staff move it to notice through the API; another member objects from the notices page, and the objection is dismissed', async () => {
    for (const transition of ['start-review', 'approve-for-notice']) await reviewer.request('POST', `/api/claims/${claim.claim_id}/${transition}`);
    const published = await reviewer.request<Transition>('POST', `/api/claims/${claim.claim_id}/publish-notice`);
    expect(published.claim.state).toBe('in_notice');
    noticeEndsAt = published.claim.notice_ends_at!;
    // The notice lasts the plan's notice days.
    expect(Date.parse(noticeEndsAt) - Date.parse(published.claim.state_changed_at)).toBe(rules.notice_days * 24 * hour);

    // The other member, on a desktop in English: the notice shows the case card with "I object".
    const { context, page } = await newPage('en', 'desktop');
    const text = en.notices.object;
    await page.goto('/notices');
    await heading(page, en.notices.title);
    const card = page.locator(`#card-${claim.case_number}`);
    await card.getByRole('link', { name: new RegExp(claim.case_number) }).waitFor();
    await step(page, 'notices', 'en', 'desktop');
    // Not logged in yet: "I object" goes to the login page and back to the notice.
    await card.getByRole('button', { name: text.buttonFor.replace('{{case_number}}', claim.case_number) }).click();
    await logIn(page, 'en', objectorLogin, '/notices');
    await card.getByRole('button', { name: text.buttonFor.replace('{{case_number}}', claim.case_number) }).click();
    const form = page.getByRole('form', { name: text.formLabel.replace('{{case_number}}', claim.case_number) });
    await form.getByLabel(text.membership).waitFor();
    // Her own membership of the case's plan is offered first.
    expect(await form.getByLabel(text.membership).locator('option:checked').innerText()).toContain(en.notices.membershipStatus.active);
    await form.getByLabel(text.reason).fill(objectionReason);
    await step(page, 'objection-form', 'en', 'desktop');
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith(`/api/claims/${claim.case_number}/objections`) && response.request().method() === 'POST'),
      form.getByRole('button', { name: text.send }).click(),
    ]);
    expect(answer.status()).toBe(201);
    const objection = (await answer.json()) as { objection_id: string };
    await card.getByRole('status').getByText(text.recorded.replace('{{case_number}}', claim.case_number)).waitFor();
    await step(page, 'objection-sent', 'en', 'desktop');
    expect(((await (await fetch(`${server.url}/api/public/cases/${claim.case_number}`)).json()) as { case: { state: string } }).case.state).toBe('objected');

    // The reviewer dismisses it: the notice goes on, and the card is open to objections again.
    await reviewer.request('POST', `/api/claims/${claim.claim_id}/objections/${objection.objection_id}/resolve`, { decision: 'dismiss', resolution });
    expect(((await (await fetch(`${server.url}/api/public/cases/${claim.case_number}`)).json()) as { case: { state: string } }).case.state).toBe('in_notice');
    await page.goto('/me/objections');
    const item = page.getByRole('listitem').filter({ hasText: claim.case_number });
    await item.getByText(resolution).waitFor();
    await item.getByText(objectionReason).waitFor();
    await step(page, 'objection-dismissed', 'en', 'desktop');
    await context.close();
  });

  it('after the notice the reviewer ends it, and on the plan’s next notice day the operator runs the cycle', async () => {
    // Days later (the server started again an hour after the notice ended): the claim is approved.
    const afterNotice = new Date(Date.parse(noticeEndsAt) + hour).toISOString();
    await restartAt(afterNotice);
    reviewer = await ApiSession.login(server.url, 'journey-reviewer', staffPassword);
    const ended = await reviewer.request<Transition>('POST', `/api/claims/${claim.claim_id}/end-notice`);
    expect(ended.claim.state).toBe('approved');
    expect(ended.claim.state_changed_at >= afterNotice).toBe(true);

    // The next notice day after that: its snapshot (00:00 UTC) is after the approval, so the cycle shares the case.
    const noticeDay = nextNoticeDate(rules.schedule, calendarDateOf(ended.claim.state_changed_at));
    const snapshot = snapshotTime(noticeDay);
    expect(ended.claim.state_changed_at < snapshot).toBe(true);
    const runAt = new Date(Date.parse(snapshot) + hour).toISOString();
    await restartAt(runAt);
    const operator = await ApiSession.login(server.url, 'journey-operator', staffPassword);
    const started = await operator.request<{ job: CycleJob; url: string }>('POST', `/api/plans/${planId}/cycles/run`, { at: runAt });
    let job = started.job;
    while (job.status === 'running') job = await operator.request<CycleJob>('GET', `${started.url}?wait_seconds=60`);
    expect(job.status, JSON.stringify(job)).toBe('succeeded');
    cycleId = job.result!.cycle_id;
    expect(cycleId).toBe(cycleCode(planId, noticeDay));
    const report = (await (await fetch(`${server.url}/api/public/cycles/${cycleId}`)).json()) as { cases: Array<{ card: { case_number: string } }> };
    expect(report.cases.map((entry) => entry.card.case_number)).toContain(claim.case_number);
    casesShared = report.cases.length;
  }, 240_000);

  it('the member sees her share line of the new cycle, verifies its proof in the browser, and finds her case in the cycle’s report', async () => {
    const { context, page } = await newPage('zh-CN', 'phone');
    const text = zhCN.memberships.shares;
    await page.goto('/me/shares');
    await logIn(page, 'zh-CN', claimantLogin, '/me/shares');
    await heading(page, text.title);
    const { lines } = (await (await context.request.get('/api/members/me/shares')).json()) as { lines: ShareLine[] };
    const line = lines.find((candidate) => candidate.cycle_id === cycleId && candidate.membership_id === claimantMembership);
    expect(line, JSON.stringify(lines.slice(0, 3))).toBeDefined();
    expect(line!.case_count).toBeGreaterThanOrEqual(1);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: cycleId, exact: true }) });
    await row.waitFor();
    await row.getByText(text.cases_other.replace('{{count}}', String(line!.case_count))).waitFor();
    await step(page, 'shares', 'zh-CN', 'phone');

    // Its proof link opens the verify page with her own proof, checked in the browser.
    await row.getByRole('link', { name: text.proofLabel.replace('{{cycle}}', cycleId) }).click();
    await page.waitForURL((url) => url.pathname === '/verify/share' && url.searchParams.get('membership') === claimantMembership && url.searchParams.get('cycle') === cycleId);
    const verify = zhCN.verify.share;
    await page.getByText(verify.loadedFromAccount.replace('{{cycle}}', cycleId)).waitFor();
    await page.locator('.verify-verdict').waitFor();
    expect(await page.locator('.verify-verdict').innerText()).toBe(verify.ok);
    expect(await page.locator('.verify-check.failed').count()).toBe(0);
    const proof = JSON.parse(await page.getByLabel(verify.proofLabel).inputValue()) as { cycle_id: string; share_minor: string };
    expect([proof.cycle_id, proof.share_minor]).toEqual([cycleId, line!.share_minor]);
    await step(page, 'verify-share', 'zh-CN', 'phone');
    // The same in English: OK.
    await setPageLanguage(page, 'en');
    await page.locator('.verify-verdict').waitFor();
    expect(await page.locator('.verify-verdict').innerText()).toBe(en.verify.share.ok);
    await step(page, 'verify-share', 'en', 'phone');

    // The cycle's report lists her case among the cases it shared.
    await page.goto(`/cycles/${cycleId}`);
    await page.locator(`#card-${claim.case_number}`).waitFor();
    const title = casesShared === 1 ? en.cycles.casesSharedTitle_one : en.cycles.casesSharedTitle_other;
    await page.getByRole('heading', { level: 2, name: title.replace('{{count}}', String(casesShared)) }).waitFor();
    await step(page, 'cycle-report', 'en', 'phone');

    // And her claim's page shows the notice ended and the claim approved.
    await page.goto(`/me/claims/${claim.claim_id}`);
    await page.locator('.timeline').getByText(en.claims.event.end_notice, { exact: true }).waitFor();
    await page.locator('.timeline').getByText(en.claims.event.dismiss_objection, { exact: true }).waitFor();
    await step(page, 'claim-approved', 'en', 'phone');
    await context.close();
  }, 120_000);
});
