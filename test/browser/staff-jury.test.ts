/// <reference lib="dom" />
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceContextFor } from '../../src/cli/cli-context.js';
import { MemoryBlobStore } from '../../src/services/blobs/memory-blob-store.js';
import { approveForNotice, objectToClaim, publishNotice, resolveObjection, startReview, submitClaim } from '../../src/services/claims/index.js';
import { fixedClock } from '../../src/services/clock.js';
import type { ServiceContext } from '../../src/services/context.js';
import { closeJury, jurorQuiz } from '../../src/services/jury/index.js';
import { activateDueMemberships, enrolMembers } from '../../src/services/members.js';
import { openStore, type Store } from '../../src/store/store.js';
import { noToAll, personBornOn } from '../support/test-context.js';
import { ApiSession } from './support/api-session.js';
import { axeViolations } from './support/axe.js';
import { chromiumAvailable, languages, launchChromium, newContext, screenshot, type LaunchedBrowser } from './support/browser.js';
import { browserAdminPassword, startServer, type RunningServer } from './support/server.js';

const day_ms = 86_400_000;
const password = 'staff-jury-browser-password';
const rightAnswers = jurorQuiz.map((question) => question.correct_index);

/**
 * The operator's jury administration on the demo server. The demo's juries are open or closed
 * already, so the scene makes a claim waiting in in_jury (as test/browser/jury-pages.test.ts does:
 * people enrolled by the services on a clock in the past, so jurors have 30 days' tenure, their
 * quiz through the API). The operator opens the jury in the browser (a double click sends one
 * request), reads the seed with the formula and its actual inputs, the eligible count and the
 * panel size, and follows the vote as a count; the close button stays disabled with the reason
 * while the window runs (the window is an hour of real time, and the test never waits for it).
 */
describe.runIf(chromiumAvailable())('staff jury pages', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  let store: Store;
  let claim_id: string;
  let case_number: string;
  /** A second claim in in_jury: its jury closes with no vote, below the quorum, and the operator decides. */
  let missed: { claim_id: string; case_number: string };
  let context: ServiceContext & { clock: ReturnType<typeof fixedClock> };
  let jurors: Map<string, ApiSession>;
  let operatorContext: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    chromium = await launchChromium();
    const admin = await ApiSession.login(server.url, 'admin', browserAdminPassword);
    const user = async (username: string, roles: string[]) =>
      BigInt((await admin.request<{ user: { id: string } }>('POST', '/api/users', { username, display_name: username, password, roles })).user.id);
    const claimant = await user('jury-claimant', ['member']);
    const payers = [await user('jury-juror-a', ['member']), await user('jury-juror-b', ['member'])];
    await user('jury-operator', ['operator']);

    const database = `sqlite:${join(server.dir, 'huzhu.db')}`;
    store = openStore(database);
    const now = Date.now();
    const clock = fixedClock(new Date(now - 130 * day_ms));
    context = { ...serviceContextFor(store, { ...process.env, DATABASE_URL: database, HUZHU_ENV: '' }, { clock }), clock };
    const people = [
      { payer: claimant, born: '1983-05-02' },
      { payer: payers[0]!, born: '1981-07-11' },
      { payer: payers[1]!, born: '1977-02-19' },
      { payer: claimant, born: '1985-10-08' },
    ];
    const enrolled = await enrolMembers(
      context,
      people.map((person, index) => ({
        plan_id: 'critical-illness',
        payer_user_id: person.payer,
        person: personBornOn(person.born, 9101 + index, { name: ['赵明轩', '孙雅琴', '周建国', '吴佳怡'][index]! }),
        answers: noToAll,
      })),
    );
    const rows = enrolled.map((result) => {
      if (!result.ok) throw new Error(result.rejection.code);
      return result.value;
    });
    clock.set(new Date(now - 35 * day_ms));
    await activateDueMemberships(context);
    clock.set(new Date(now - 2 * 3_600_000));
    const pdf = { bytes: Buffer.from('%PDF-1.7\nreport\n%%EOF'), content_type: 'application/pdf', file_name: '赵明轩_诊断证明.pdf' };
    const claim = await submitClaim(
      context,
      { membership_id: rows[0]!.membership_id, submitted_by_user_id: claimant, illness_code: 'CI-01', diagnosis_date: new Date(now - 5 * day_ms).toISOString().slice(0, 10), hospital: '浙江大学医学院附属第一医院', files: [pdf] },
      new MemoryBlobStore(),
    );
    claim_id = claim.claim_id.toString();
    case_number = claim.case_number;
    await startReview(context, claim.claim_id, 'user:reviewer');
    await approveForNotice(context, claim.claim_id, 'user:reviewer');
    await publishNotice(context, claim.claim_id, 'user:reviewer');
    const objection = await objectToClaim(context, claim.claim_id, rows[2]!.membership_id, 'The hospital report looks altered.');
    await resolveObjection(context, objection.id, 'refer_to_jury', 'The members decide.', 'user:reviewer');
    const second = await submitClaim(
      context,
      { membership_id: rows[3]!.membership_id, submitted_by_user_id: claimant, illness_code: 'CI-02', diagnosis_date: new Date(now - 4 * day_ms).toISOString().slice(0, 10), hospital: '复旦大学附属华山医院', files: [pdf] },
      new MemoryBlobStore(),
    );
    missed = { claim_id: second.claim_id.toString(), case_number: second.case_number };
    await startReview(context, second.claim_id, 'user:reviewer');
    await approveForNotice(context, second.claim_id, 'user:reviewer');
    await publishNotice(context, second.claim_id, 'user:reviewer');
    const objected = await objectToClaim(context, second.claim_id, rows[1]!.membership_id, 'The diagnosis predates the membership.');
    await resolveObjection(context, objected.id, 'refer_to_jury', 'The members decide.', 'user:reviewer');

    jurors = new Map();
    for (const [index, username] of ['jury-juror-a', 'jury-juror-b'].entries()) {
      const juror = await ApiSession.login(server.url, username, password);
      await juror.request('POST', '/api/jury/quiz', { membership_id: rows[index + 1]!.membership_id.toString(), answers: rightAnswers });
      jurors.set(rows[index + 1]!.member_code, juror);
    }

    operatorContext = await newContext(chromium.browser, server.url, 'zh-CN', 'desktop');
    const login = await operatorContext.request.post('/api/auth/login', { data: { username: 'jury-operator', password } });
    expect(login.status()).toBe(200);
    page = await operatorContext.newPage();
  }, 300_000);

  afterAll(async () => {
    await operatorContext?.close();
    await store?.close();
    await chromium?.close();
    await server?.stop();
  });

  it('an operator opens a jury once, sees the seed and how it was derived, and follows the vote as a count', async () => {
    await page.goto('/staff/jury');
    await page.getByRole('heading', { level: 1, name: '评议团管理' }).waitFor();
    await page.getByLabel('按阶段筛选').selectOption('to_open');
    const row = page.locator('table.staff-jury-table tbody tr', { has: page.getByRole('link', { name: case_number }) });
    await row.getByText('待组建评议团').waitFor();
    await row.getByRole('link', { name: case_number }).click();
    await page.getByRole('heading', { level: 1, name: `案件 ${case_number} 的评议团` }).waitFor();

    // Nothing is sent for a window the plan does not allow.
    await page.getByLabel('投票时长（小时）').fill('0');
    await page.getByRole('button', { name: '组建评议团并开始投票' }).click();
    await page.getByText('请填写 1 至 720 之间的整数小时数。').waitFor();

    const opens: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/claims/${claim_id}/jury/open`)) opens.push(request.url());
    });
    await page.getByLabel('投票时长（小时）').fill('1');
    const opened = page.waitForResponse((response) => response.url().endsWith(`/api/claims/${claim_id}/jury/open`));
    await page.getByRole('button', { name: '组建评议团并开始投票' }).dblclick();
    expect((await opened).status()).toBe(201);

    const seed = page.locator('section[aria-labelledby="staff-jury-seed"]');
    await seed.getByText('本页在浏览器中重新计算的结果与种子一致。').waitFor();
    expect(opens).toHaveLength(1);
    const record = await (await operatorContext.request.get(`/api/claims/${case_number}/jury`)).json() as {
      seed_hex: string;
      seed_inputs: { case_number: string; ledger_seq: string; ledger_hash_hex: string };
      eligible_count: number;
      panel_size: number;
      panel: string[];
    };
    // The formula with its actual inputs, and the seed it gives.
    expect(createHash('sha256').update(`${case_number}|${record.seed_inputs.ledger_hash_hex}`).digest('hex')).toBe(record.seed_hex);
    const seedText = await seed.innerText();
    expect(seedText).toContain('seed_hex = SHA-256(case_number + "|" + ledger_hash_hex)');
    expect(seedText).toContain(`SHA-256("${case_number}|${record.seed_inputs.ledger_hash_hex}")`);
    expect(seedText).toContain(`= ${record.seed_hex}`);
    expect(seedText).toContain(record.seed_inputs.ledger_seq);
    // Only these two jurors can serve (the demo's memberships have no account holder or tenure of their own here).
    expect(record.eligible_count).toBeGreaterThanOrEqual(2);
    const draw = page.locator('section[aria-labelledby="staff-jury-draw"]');
    expect(await draw.locator('.stat').allInnerTexts()).toEqual([String(record.eligible_count), String(record.panel_size), expect.any(String)]);

    const votes = page.getByTestId('staff-jury-votes');
    expect(await votes.innerText()).toBe(`0 / ${record.panel_size} 席已投票`);
    const close = page.getByRole('button', { name: '结束投票并计票' });
    expect(await close.isDisabled()).toBe(true);
    expect(await page.locator(`#${await close.getAttribute('aria-describedby')}`).innerText()).toMatch(/^投票进行到 .+，之后才能结束。$/);
    await screenshot(page, 'staff-jury-opened', 'zh-CN', 'desktop');
    expect(await axeViolations(page)).toEqual([]);

    // A juror of ours on the panel votes; the page shows the count and nothing about who or how.
    const seated = record.panel.find((code) => jurors.has(code));
    expect(seated, 'one of the scene’s jurors is on the panel').toBeDefined();
    await jurors.get(seated!)!.request('POST', `/api/claims/${claim_id}/votes`, { vote: 'approve', member_code: seated });
    const overview = page.waitForResponse((response) => response.url().endsWith(`/api/juries/${claim_id}`));
    await page.reload();
    const body = await (await overview).text();
    expect(JSON.parse(body)).toMatchObject({ phase: 'voting', votes_cast: 1, panel_size: record.panel_size, verdict: null });
    for (const code of record.panel) expect(body).not.toContain(code);
    expect(body).not.toContain('approve"');
    await votes.getByText(`1 / ${record.panel_size} 席已投票`).waitFor();

    // The list shows it voting, with its count.
    await page.goto('/staff/jury');
    await page.getByLabel('按阶段筛选').selectOption('voting');
    const listed = page.locator('table.staff-jury-table tbody tr', { has: page.getByRole('link', { name: case_number }) });
    await listed.getByText(`1 / ${record.panel_size} 席已投票`).waitFor();

    for (const language of languages) {
      const view = await newContext(chromium.browser, server.url, language, 'tablet');
      await view.addCookies(await operatorContext.cookies());
      const tab = await view.newPage();
      await tab.goto(`/staff/jury/${claim_id}`);
      await tab.locator('section[aria-labelledby="staff-jury-seed"] [role="status"]').waitFor();
      await screenshot(tab, 'staff-jury-voting', language, 'tablet');
      expect(await axeViolations(tab), language).toEqual([]);
      await view.close();
    }
  });

  it('a jury that missed its quorum leaves the decision to the operator, who decides once', async () => {
    const operator = await ApiSession.login(server.url, 'jury-operator', password);
    const record = await operator.request<{ window: { closes_at: string }; quorum: number }>('POST', `/api/claims/${missed.claim_id}/jury/open`, { window_hours: 1 });
    expect(record.quorum).toBeGreaterThan(0);
    // Nobody votes. The close is the service the route calls, on a clock at the window's end (the test never waits an hour).
    context.clock.set(new Date(record.window.closes_at));
    await closeJury(context, BigInt(missed.claim_id), 'user:operator');

    await page.goto(`/staff/jury/${missed.claim_id}`);
    await page.getByRole('heading', { level: 1, name: `案件 ${missed.case_number} 的评议团` }).waitFor();
    await page.locator('.badge', { hasText: '待运营方决定' }).waitFor();
    const result = page.locator('section[aria-labelledby="staff-jury-result"]');
    await result.getByText('未达法定票数，待运营方决定').waitFor();
    expect(await result.innerText()).toContain('支持 0 票，反对 0 票，共 0 票');
    expect(await page.getByRole('button', { name: '结束投票并计票' }).count()).toBe(0);

    const form = page.locator('section[aria-labelledby="staff-jury-decision"]');
    await form.getByRole('button', { name: '提交决定' }).click();
    await form.getByText('请选择给付或驳回。').waitFor();
    await form.getByText('请写明决定原因。').waitFor();
    await screenshot(page, 'staff-jury-decision', 'zh-CN', 'desktop');
    expect(await axeViolations(page)).toEqual([]);

    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/claims/${missed.claim_id}/jury/decision`)) sent.push(request.postData() ?? '');
    });
    await form.getByLabel('驳回申请').check();
    await form.getByLabel('决定原因').fill('诊断早于入会，评议团未达法定票数，按计划规则由运营方驳回。');
    const decided = page.waitForResponse((response) => response.url().endsWith(`/api/claims/${missed.claim_id}/jury/decision`));
    await form.getByRole('button', { name: '提交决定' }).dblclick();
    expect((await decided).status()).toBe(200);
    await result.getByText('未达法定票数，运营方决定驳回').waitFor();
    await result.getByText('案件现在的状态：最终未通过').waitFor();
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]!)).toEqual({ decision: 'reject', reason: '诊断早于入会，评议团未达法定票数，按计划规则由运营方驳回。' });
    expect(await page.locator('section[aria-labelledby="staff-jury-decision"]').count()).toBe(0);
  });
});
