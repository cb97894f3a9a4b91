/// <reference lib="dom" />
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
import { chromiumAvailable, languages, launchChromium, newContext, screenshot, type Language, type LaunchedBrowser, type ViewportName } from './support/browser.js';
import { browserAdminPassword, startServer, type RunningServer } from './support/server.js';

const day_ms = 86_400_000;
const password = 'jury-browser-password';
const rightAnswers = jurorQuiz.map((question) => question.correct_index);
const resultStats = 'section[aria-labelledby="jury-result"] .stat';
const zh = (question: number, option: number) => jurorQuiz[question]!.options[option]!.zh;

/**
 * The juror's path on the demo server: pass the quiz (after a failed attempt and its retry), see
 * the panel one was drawn for, vote in secret and keep the receipt, be refused a second vote with
 * the API's message, and read the result once the operator closed the vote.
 *
 * The scene: jurors must have paid for 30 days, and no demo membership has an account holder, so
 * the people and their claim are written into the server's own database by the services with a
 * clock in the past (as the demo seeding does). The operator opens the jury through the API. The
 * voting window is at least an hour of real time and the test never waits, so the API's close is
 * shown refusing (JURY_WINDOW_NOT_OVER) and the close itself runs closeJury, the service the
 * route calls, on a clock at the window's end; test/http/jury-mine-routes.test.ts closes through
 * the route.
 */
describe.runIf(chromiumAvailable())('juror pages', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  let store: Store;
  let context: ServiceContext & { clock: ReturnType<typeof fixedClock> };
  let claim_id: string;
  let case_number: string;
  let codes: { self: string; spouse: string; other: string };
  let memberships: { self: string; spouse: string; other: string };
  let operator: ApiSession;
  let closes_at: string;
  /** The juror's browser that voted: it keeps the receipt in its storage for the result page. */
  let voter: { browserContext: BrowserContext; page: Page } | undefined;
  let receipt_hex: string;
  let jurorSession: string;

  beforeAll(async () => {
    server = await startServer();
    chromium = await launchChromium();
    const admin = await ApiSession.login(server.url, 'admin', browserAdminPassword);
    const user = async (username: string, display_name: string, roles: string[]) =>
      BigInt((await admin.request<{ user: { id: string } }>('POST', '/api/users', { username, display_name, password, roles })).user.id);
    const claimant = await user('claimant-li', 'Claimant', ['member']);
    const juror = await user('juror-wu', 'Juror Wu', ['member']);
    const other = await user('juror-zhang', 'Juror Zhang', ['member']);
    await user('operator-olga', 'Operator', ['operator']);
    operator = await ApiSession.login(server.url, 'operator-olga', password);

    const database = `sqlite:${join(server.dir, 'huzhu.db')}`;
    store = openStore(database);
    const now = Date.now();
    const clock = fixedClock(new Date(now - 130 * day_ms));
    context = { ...serviceContextFor(store, { ...process.env, DATABASE_URL: database, HUZHU_ENV: '' }, { clock }), clock };
    const people = [
      { payer: claimant, born: '1986-04-02', relationship: 'self' as const },
      { payer: juror, born: '1984-06-11', relationship: 'self' as const },
      { payer: juror, born: '1985-09-23', relationship: 'spouse' as const },
      { payer: other, born: '1979-01-30', relationship: 'self' as const },
    ];
    const enrolled = await enrolMembers(
      context,
      people.map((person, index) => ({
        plan_id: 'critical-illness',
        payer_user_id: person.payer,
        person: personBornOn(person.born, 9001 + index, { name: ['李思远', '吴晓漫', '陈雨欣', '张伟强'][index]!, relationship: person.relationship }),
        answers: noToAll,
      })),
    );
    const rows = enrolled.map((result) => {
      if (!result.ok) throw new Error(result.rejection.code);
      return result.value;
    });
    codes = { self: rows[1]!.member_code, spouse: rows[2]!.member_code, other: rows[3]!.member_code };
    memberships = { self: rows[1]!.membership_id.toString(), spouse: rows[2]!.membership_id.toString(), other: rows[3]!.membership_id.toString() };
    clock.set(new Date(now - 35 * day_ms));
    await activateDueMemberships(context);
    clock.set(new Date(now - 2 * 3_600_000));
    const pdf = { bytes: Buffer.from('%PDF-1.7\nreport\n%%EOF'), content_type: 'application/pdf', file_name: '李思远_诊断证明.pdf' };
    const diagnosis_date = new Date(now - 5 * day_ms).toISOString().slice(0, 10);
    const claim = await submitClaim(
      context,
      { membership_id: rows[0]!.membership_id, submitted_by_user_id: claimant, illness_code: 'CI-01', diagnosis_date, hospital: '四川大学华西医院', files: [pdf] },
      new MemoryBlobStore(),
    );
    claim_id = claim.claim_id.toString();
    case_number = claim.case_number;
    await startReview(context, claim.claim_id, 'user:reviewer');
    await approveForNotice(context, claim.claim_id, 'user:reviewer');
    await publishNotice(context, claim.claim_id, 'user:reviewer');
    const objection = await objectToClaim(context, claim.claim_id, rows[3]!.membership_id, 'The diagnosis date looks wrong.');
    await resolveObjection(context, objection.id, 'refer_to_jury', 'The members decide.', 'user:reviewer');

    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'juror-wu', password }) });
    expect(login.status).toBe(200);
    jurorSession = /huzhu_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')![1]!;
    // The spouse's and the other juror's quiz through the API; juror Wu's own one in the browser.
    const wu = await ApiSession.login(server.url, 'juror-wu', password);
    await wu.request('POST', '/api/jury/quiz', { membership_id: memberships.spouse, answers: rightAnswers });
    const zhang = await ApiSession.login(server.url, 'juror-zhang', password);
    await zhang.request('POST', '/api/jury/quiz', { membership_id: memberships.other, answers: rightAnswers });
  }, 300_000);

  afterAll(async () => {
    await voter?.browserContext.close();
    await store?.close();
    await chromium?.close();
    await server?.stop();
  });

  async function loggedIn(language: Language, viewport: ViewportName = 'phone'): Promise<{ browserContext: BrowserContext; page: Page }> {
    const browserContext = await newContext(chromium.browser, server.url, language, viewport);
    // One login for the whole file (logins are rate limited): every context gets its cookie.
    await browserContext.addCookies([{ name: 'huzhu_session', value: jurorSession, url: server.url, httpOnly: true, sameSite: 'Strict' }]);
    return { browserContext, page: await browserContext.newPage() };
  }

  /** Screenshots in both languages at both sizes, each page axe-clean. */
  async function everyView(name: string, path: string, ready: (page: Page) => Promise<void>): Promise<void> {
    for (const language of languages) {
      for (const viewport of ['phone', 'desktop'] as const) {
        const { browserContext, page } = await loggedIn(language, viewport);
        await page.goto(path);
        await ready(page);
        await screenshot(page, name, language, viewport);
        expect(await axeViolations(page), `${name} ${language} ${viewport}`).toEqual([]);
        await browserContext.close();
      }
    }
  }

  it('a member fails the quiz, retries and qualifies', async () => {
    const { browserContext, page } = await loggedIn('zh-CN');
    await page.goto('/jury');
    await page.getByRole('heading', { level: 1, name: '会员评议' }).waitFor();
    await expect.poll(() => page.getByText('尚未取得资格').count()).toBe(1);
    await page.getByRole('link', { name: '参加资格测验' }).click();
    await page.getByRole('heading', { level: 1, name: '评议员资格测验' }).waitFor();
    await expect.poll(() => page.getByLabel('要取得资格的会员').inputValue()).toBe(memberships.self);

    // Sending nothing is caught before any request: each question says so.
    await page.getByRole('button', { name: '提交答案' }).click();
    await expect.poll(() => page.getByText('请为这道题选择一个答案。').count()).toBe(5);

    // Three right, two wrong: 3 of 5 does not qualify.
    for (let question = 0; question < 5; question += 1) {
      const option = question < 3 ? rightAnswers[question]! : (rightAnswers[question]! + 1) % 4;
      await page.getByRole('radio', { name: zh(question, option) }).check();
    }
    const failed = page.waitForResponse((response) => response.url().endsWith('/api/jury/quiz') && response.request().method() === 'POST');
    await page.getByRole('button', { name: '提交答案' }).click();
    expect((await (await failed).json()) as unknown).toMatchObject({ correct_answers: 3, passed: false });
    await page.getByRole('heading', { name: '这次未通过' }).waitFor();
    expect(await page.getByText('您答对了 5 道题中的 3 道（需要答对 4 道）。').count()).toBe(1);
    await screenshot(page, 'jury-quiz-failed', 'zh-CN', 'phone');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '重新测验' }).click();
    for (let question = 0; question < 5; question += 1) await page.getByRole('radio', { name: zh(question, rightAnswers[question]!) }).check();
    await page.getByRole('button', { name: '提交答案' }).click();
    await page.getByRole('heading', { name: '已取得资格' }).waitFor();
    expect(await page.getByText('您答对了 5 道题中的 5 道（需要答对 4 道）。').count()).toBe(1);
    await page.getByRole('link', { name: '返回我的评议' }).click();
    await page.getByRole('heading', { level: 1, name: '会员评议' }).waitFor();
    await expect.poll(() => page.getByText('合格评议员').count()).toBe(2);
    await browserContext.close();

    await everyView('jury-quiz', '/jury/quiz', (view) => view.getByRole('radio').first().waitFor());
  });

  it('a juror drawn on the panel votes in secret, keeps the receipt, and is refused a second vote', async () => {
    const record = await operator.request<{ eligible_count: number; panel: string[]; window: { closes_at: string } }>('POST', `/api/claims/${claim_id}/jury/open`, { window_hours: 1 });
    // Only memberships with an account holder can serve; the claimant's household never does.
    expect(record.eligible_count).toBe(3);
    expect([...record.panel].sort()).toEqual([codes.self, codes.spouse, codes.other].sort());
    closes_at = record.window.closes_at;

    voter = await loggedIn('zh-CN');
    const { browserContext, page } = voter;
    await page.goto('/jury');
    await page.getByRole('link', { name: '查看案件并投票' }).click();
    await page.getByRole('heading', { level: 1, name: `案件 ${case_number} 的评议` }).waitFor();
    // A second tab opened before the vote: it still offers the same seat.
    const stale = await browserContext.newPage();
    await stale.goto(`/jury/panels/${claim_id}`);
    await stale.getByRole('button', { name: '投出我的秘密票' }).waitFor();

    await page.getByRole('button', { name: '投出我的秘密票' }).click();
    await page.getByText('请选择同意或反对。').waitFor();
    await page.getByLabel('以哪个会员编号投票').selectOption(codes.self);
    await page.getByRole('radio', { name: '同意申请' }).check();
    const cast = page.waitForResponse((response) => response.url().endsWith(`/api/claims/${claim_id}/votes`));
    await page.getByRole('button', { name: '投出我的秘密票' }).click();
    const answer = (await (await cast).json()) as { member_code: string; receipt_hex: string };
    expect(answer.member_code).toBe(codes.self);
    receipt_hex = answer.receipt_hex;
    await page.getByRole('heading', { name: '已收到您的投票' }).waitFor();
    expect(await page.locator('.jury-receipt .jury-receipt-code').textContent()).toBe(answer.receipt_hex);
    // The spouse's seat can still vote; the voted one is gone from the choice.
    expect(await page.getByLabel('以哪个会员编号投票').locator('option').allTextContents()).toEqual([codes.spouse]);
    await screenshot(page, 'jury-panel-voted', 'zh-CN', 'phone');
    expect(await axeViolations(page)).toEqual([]);

    await stale.getByLabel('以哪个会员编号投票').selectOption(codes.self);
    await stale.getByRole('radio', { name: '反对申请' }).check();
    const refused = stale.waitForResponse((response) => response.url().endsWith(`/api/claims/${claim_id}/votes`));
    await stale.getByRole('button', { name: '投出我的秘密票' }).click();
    expect((await refused).status()).toBe(409);
    await stale.getByRole('alert').filter({ hasText: '这位评议员已经投过票：每个席位只能投一次。' }).waitFor();
    await stale.close();

    await everyView('jury-home', '/jury', (view) => view.getByRole('heading', { level: 2 }).nth(1).waitFor().then(() => view.locator('.jury-list').nth(1).waitFor()));
    await everyView('jury-panel-open', `/jury/panels/${claim_id}`, (view) => view.getByRole('radio').first().waitFor());
  });

  it('shows the counts, the verdict and the counted receipt once the operator closes the vote', async () => {
    // The window is real time: the API refuses to close it early.
    await expect(operator.request('POST', `/api/claims/${claim_id}/jury/close`)).rejects.toThrow(/409.*JURY_WINDOW_NOT_OVER/);
    context.clock.set(closes_at);
    await closeJury(context, BigInt(claim_id), 'user:operator-olga');

    // The browser that voted kept the receipt: the check is filled in and finds it counted.
    const { page } = voter!;
    await page.reload();
    await page.getByRole('heading', { name: '投票结果' }).waitFor();
    expect(await page.locator(resultStats).allTextContents()).toEqual(['评议团通过了申请', '1', '0', '1']);
    expect(await page.getByLabel('回执（32 个字符）').inputValue()).toBe(receipt_hex);
    await page.getByRole('button', { name: '核对我的回执' }).click();
    await page.getByText('已计入：您的选票在公布的选票之中。').waitFor();
    await screenshot(page, 'jury-panel-counted', 'zh-CN', 'phone');

    const { browserContext: english, page: result } = await loggedIn('en');
    await result.goto(`/jury/panels/${claim_id}`);
    await result.getByRole('heading', { name: 'Result of the vote' }).waitFor();
    expect(await result.locator(resultStats).allTextContents()).toEqual(['The jury approved the claim', '1', '0', '1']);
    // A receipt typed in by hand: a wrong one is not found, the real one is counted.
    await result.getByLabel('Receipt (32 characters)').fill('nonsense');
    await result.getByRole('button', { name: 'Check my receipt' }).click();
    await result.getByText('A receipt is 32 characters, digits and the letters a–f.').waitFor();
    await result.getByLabel('Receipt (32 characters)').fill('0'.repeat(32));
    await result.getByRole('button', { name: 'Check my receipt' }).click();
    await result.getByText('Not found among the counted ballots.', { exact: false }).waitFor();
    await result.getByLabel('Receipt (32 characters)').fill(receipt_hex.toUpperCase());
    await result.getByRole('button', { name: 'Check my receipt' }).click();
    await result.getByText('Counted: your ballot is among the published ones.').waitFor();
    await english.close();

    await everyView('jury-panel-closed', `/jury/panels/${claim_id}`, (view) => view.locator(resultStats).first().waitFor());
    await everyView('jury-home-closed', '/jury', (view) => view.locator('.jury-list').nth(1).waitFor());
  });
});
