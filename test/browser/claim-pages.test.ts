/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeNationalId } from '../../src/core/members/national-id.js';
import { ApiSession } from './support/api-session.js';
import { axeViolations } from './support/axe.js';
import { chromiumAvailable, languages, launchChromium, newContext, screenshot, type Language, type LaunchedBrowser, type ViewportName } from './support/browser.js';
import { browserAdminPassword, startServer, type RunningServer } from './support/server.js';

/** A minimal valid PDF: the server checks that the bytes start with "%PDF-". */
const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const planId = 'browser-claims';
const password = 'browser-member-password';

interface Person {
  readonly name: string;
  readonly birth_date: string;
  readonly sequence: number;
  readonly gender: 'female' | 'male';
  readonly relationship: 'self' | 'spouse';
}

function personBody({ name, birth_date, sequence, gender, relationship }: Person) {
  const [year, month, day] = birth_date.split('-').map(Number) as [number, number, number];
  return { name, id_number: makeNationalId('110105', { year, month, day }, sequence, gender), birth_date, gender, province: '北京', phone: `1391234${String(sequence).padStart(4, '0')}`, relationship };
}

/** A member logged in once through the API: the cookie serves both API calls and browser contexts (logins are rate-limited). */
class Member {
  private constructor(
    private readonly baseUrl: string,
    readonly cookie: string,
  ) {}

  static async login(baseUrl: string, username: string): Promise<Member> {
    const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    expect(response.status, await response.clone().text()).toBe(200);
    return new Member(baseUrl, (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '');
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many routes, read by the test's own expectations
  async request(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text === '' ? undefined : JSON.parse(text) };
  }
}

describe.runIf(chromiumAvailable())('the member’s claim pages', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  let admin: ApiSession;
  let reviewer: ApiSession;
  let claimant: Member;
  let objector: Member;
  let outsider: Member;
  let selfMembership: { membership_id: string; waiting_until: string };
  let objectorMembership: string;
  let firstIllness: { code: string; name_zh: string; name_en: string };
  let secondIllness: { code: string; name_zh: string; name_en: string };
  let firstClaim: { claim_id: string; case_number: string };
  let secondClaim: { claim_id: string; case_number: string };

  /** Opens a page as this member in a fresh context of the language and size. */
  async function open(member: Member, path: string, language: Language = 'zh-CN', viewport: ViewportName = 'phone') {
    const context = await newContext(chromium.browser, server.url, language, viewport);
    const [name, value] = member.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Strict' }]);
    const page = await context.newPage();
    await page.goto(path);
    return { context, page };
  }

  /** Screenshots in both languages at both sizes, and axe in both languages, once the page is ready. */
  async function capture(member: Member, path: string, name: string, ready: (page: Page, language: Language) => Promise<void>) {
    for (const language of languages) {
      for (const viewport of ['phone', 'desktop'] as const) {
        const { context, page } = await open(member, path, language, viewport);
        await ready(page, language);
        await screenshot(page, name, language, viewport);
        if (viewport === 'phone') expect(await axeViolations(page), `${name} ${language}`).toEqual([]);
        else expect(await axeViolations(page), `${name} ${language} desktop`).toEqual([]);
        await context.close();
      }
    }
  }

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

  /** Picks files the way a person does: the page's button opens the browser's file chooser. */
  async function chooseFiles(page: Page, button: string, file: { name: string; mimeType: string; buffer: Buffer }) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: button, exact: true }).click();
    await (await chooser).setFiles(file);
  }

  async function fileClaim(page: Page, options: { membership: RegExp; illness: string; diagnosis_date: string; hospital: string }) {
    await heading(page, '申请互助金');
    const whom = page.getByLabel('为谁申请');
    await whom.selectOption((await whom.locator('option', { hasText: options.membership }).getAttribute('value')) ?? '');
    await page.getByLabel('疾病', { exact: true }).selectOption({ label: options.illness });
    await page.getByLabel('确诊日期').fill(options.diagnosis_date);
    await page.getByLabel('确诊医院').fill(options.hospital);
    await chooseFiles(page, '选择文件', { name: 'pathology-report.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
  }

  beforeAll(async () => {
    // Background passes every second, so the memberships' cover starts as soon as they are due.
    server = await startServer({ env: { HUZHU_JOBS_CRON: '* * * * * *' } });
    chromium = await launchChromium();
    admin = await ApiSession.login(server.url, 'admin', browserAdminPassword);
    // A post-paid plan with the sample plan's rules and no waiting period: members are covered from the day they join.
    const sample = await admin.request<{ plan: { current_version: { rules: Record<string, unknown> & { illnesses: Array<{ code: string; name_zh: string; name_en: string }>; health_questions: Array<{ code: string }> } } } }>('GET', '/api/plans/critical-illness');
    const rules = { ...sample.plan.current_version.rules, waiting_days: 0 };
    await admin.request('POST', '/api/plans', { id: planId, name_zh: '浏览器测试互助计划', name_en: 'Browser test aid plan', rules });
    [firstIllness, secondIllness] = rules.illnesses as [typeof firstIllness, typeof secondIllness];
    const answers = Object.fromEntries(rules.health_questions.map((question) => [question.code, false]));
    for (const [username, display_name, roles] of [
      ['clara', 'Clara', ['member']],
      ['otto', 'Otto', ['member']],
      ['uma', 'Uma', ['member']],
      ['rita', 'Reviewer Rita', ['reviewer']],
    ] as const) {
      await admin.request('POST', '/api/users', { username, display_name, password, roles });
    }
    reviewer = await ApiSession.login(server.url, 'rita', password);
    claimant = await Member.login(server.url, 'clara');
    objector = await Member.login(server.url, 'otto');
    outsider = await Member.login(server.url, 'uma');
    const enrol = async (member: Member, person: Person) => {
      const response = await member.request('POST', '/api/members/enrol', { plan_id: planId, person: personBody(person), answers });
      expect(response.status, JSON.stringify(response.json)).toBe(201);
      return response.json as { membership_id: string; waiting_until: string };
    };
    selfMembership = await enrol(claimant, { name: '林晓雨', birth_date: '1990-04-12', sequence: 11, gender: 'female', relationship: 'self' });
    const spouse = (await enrol(claimant, { name: '周建国', birth_date: '1988-09-30', sequence: 12, gender: 'male', relationship: 'spouse' })).membership_id;
    objectorMembership = (await enrol(objector, { name: '赵明辉', birth_date: '1985-01-20', sequence: 13, gender: 'male', relationship: 'self' })).membership_id;
    await enrol(outsider, { name: '钱思嘉', birth_date: '1992-06-02', sequence: 14, gender: 'female', relationship: 'self' });
    // The background job starts cover (waiting → active) on its next pass: wait until the server
    // reports it for every membership of the scene, however long the pass takes.
    const status = async (member: Member, membership_id: string) => (await member.request('GET', `/api/memberships/${membership_id}`)).json.membership.status as string;
    await vi.waitFor(
      async () => {
        expect([await status(claimant, selfMembership.membership_id), await status(claimant, spouse), await status(objector, objectorMembership)]).toEqual(['active', 'active', 'active']);
      },
      { timeout: 240_000, interval: 250 },
    );
  }, 300_000);
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it('a member checks the files before sending, files a claim with a PDF, sees the upload reach 100% and the claim in the list', async () => {
    const { context, page } = await open(claimant, '/me/claims/new');
    await fileClaim(page, { membership: /林\*雨/, illness: firstIllness.name_zh, diagnosis_date: selfMembership.waiting_until, hospital: '北京协和医院' });
    // A text file is refused in the page, before anything is sent.
    await chooseFiles(page, '继续添加文件', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    let sent = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/claims') && request.method() === 'POST') sent += 1;
    });
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('请移除下面标出的文件').waitFor();
    await expect(page.getByText('不是 PDF、JPEG 或 PNG 文件').isVisible()).resolves.toBe(true);
    expect(sent).toBe(0);
    await screenshot(page, 'claims-flow-claims-new-refused-file', 'zh-CN', 'phone');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '移除 notes.txt' }).click();

    const answered = page.waitForResponse((response) => response.url().endsWith('/api/claims') && response.request().method() === 'POST');
    await page.getByRole('button', { name: '提交申请' }).click();
    const response = await answered;
    expect(response.status()).toBe(201);
    firstClaim = await response.json();
    await page.getByText(`申请已受理：案件 ${firstClaim.case_number}`).waitFor();
    const bar = page.getByRole('progressbar');
    await expect(bar.getAttribute('value')).resolves.toBe('100');
    await page.getByText('上传进度：100%').waitFor();
    expect(sent).toBe(1);
    await screenshot(page, 'claims-flow-claims-new-submitted', 'zh-CN', 'phone');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: '我的互助申请' }).click();
    await heading(page, '我的互助申请');
    const card = page.getByRole('listitem').filter({ hasText: `案件 ${firstClaim.case_number}` });
    await card.getByText('已提交').waitFor();
    await card.getByText(firstIllness.name_zh).waitFor();
    await context.close();
  });

  it('the claimant sees the timeline move as staff put the claim in notice, a member objects and the objection is dismissed', async () => {
    for (const step of ['start-review', 'approve-for-notice', 'publish-notice']) await reviewer.request('POST', `/api/claims/${firstClaim.claim_id}/${step}`);
    const { context, page } = await open(claimant, `/me/claims/${firstClaim.claim_id}`);
    await heading(page, `案件 ${firstClaim.case_number}`);
    const timeline = page.locator('.timeline');
    for (const step of ['提交申请', '开始审核', '审核通过，进入公示', '开始公示']) await timeline.getByText(step, { exact: true }).waitFor();
    await page.getByRole('status').getByText('公示中').waitFor();
    expect(await page.getByRole('link', { name: '查看公开的案例卡' }).getAttribute('href')).toBe(`/cases/${firstClaim.case_number}`);

    const objection = await objector.request('POST', `/api/claims/${firstClaim.case_number}/objections`, { membership_id: objectorMembership, reason: '我在公示前见过这位会员参加马拉松。' });
    expect(objection.status, JSON.stringify(objection.json)).toBe(201);
    await page.reload();
    await page.getByRole('status').getByText('有异议').waitFor();
    await timeline.getByText('有会员提出异议', { exact: true }).waitFor();
    await reviewer.request('POST', `/api/claims/${firstClaim.claim_id}/objections/${objection.json.objection_id}/resolve`, { decision: 'dismiss', resolution: '照片拍摄于 2019 年，与本次诊断无关。' });
    await page.reload();
    await timeline.getByText('异议不成立', { exact: true }).waitFor();
    await page.getByRole('status').getByText('公示中').waitFor();
    await context.close();

    const seen = await open(objector, '/me/objections');
    await heading(seen.page, '我的异议');
    const item = seen.page.getByRole('listitem').filter({ hasText: `案件 ${firstClaim.case_number}` });
    await item.getByText('不成立', { exact: true }).waitFor();
    await item.getByText('照片拍摄于 2019 年，与本次诊断无关。').waitFor();
    await item.getByText('我在公示前见过这位会员参加马拉松。').waitFor();
    await seen.context.close();
  });

  it('a rejected claim is appealed from its page, with the reason checked first', async () => {
    const { context, page } = await open(claimant, '/me/claims/new');
    await fileClaim(page, { membership: /周\*国/, illness: secondIllness.name_zh, diagnosis_date: selfMembership.waiting_until, hospital: '上海瑞金医院' });
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/claims') && response.request().method() === 'POST');
    await page.getByRole('button', { name: '提交申请' }).click();
    const response = await answered;
    expect(response.status()).toBe(201);
    secondClaim = await response.json();
    await reviewer.request('POST', `/api/claims/${secondClaim.claim_id}/start-review`);
    await reviewer.request('POST', `/api/claims/${secondClaim.claim_id}/reject`, { reason_code: 'INSUFFICIENT_EVIDENCE', reason_text: '缺少病理报告。' });

    await page.goto(`/me/claims/${secondClaim.claim_id}`);
    await heading(page, `案件 ${secondClaim.case_number}`);
    await page.getByText('证明材料不足，无法确认诊断。').waitFor();
    await page.getByText('缺少病理报告。').waitFor();
    await capture(claimant, `/me/claims/${secondClaim.claim_id}`, 'claims-flow-claim-rejected', async (shot, language) => {
      await shot.getByRole('heading', { level: 2, name: language === 'en' ? 'Appeal this decision' : '对决定提出申诉' }).waitFor();
    });

    await page.getByRole('button', { name: '提交申诉' }).click();
    await page.getByText('请写下申诉理由。').waitFor();
    await page.getByLabel('申诉理由').fill('病理报告已补充，请重新审议。');
    const appealed = page.waitForResponse((answer) => answer.url().endsWith(`/api/claims/${secondClaim.claim_id}/appeal`));
    await page.getByRole('button', { name: '提交申诉' }).click();
    expect((await appealed).status()).toBe(200);
    await page.getByRole('status').getByText('申诉中').waitFor();
    await page.locator('.timeline').getByText('你提出了申诉', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '提交申诉' }).count()).toBe(0);
    await context.close();
  }, 180_000);

  it('shows the messages in the current language, unread ones marked, and marks one read', async () => {
    const { context, page } = await open(claimant, '/me/notifications', 'en');
    await heading(page, 'Messages');
    const unread = page.locator('.notification.unread');
    await unread.first().waitFor();
    const before = await unread.count();
    expect(before).toBeGreaterThanOrEqual(2);
    const first = unread.filter({ hasText: `Case ${secondClaim.case_number} is received` });
    await first.getByText('Claim received').waitFor();
    await first.getByText('New', { exact: true }).waitFor();
    const marked = page.waitForResponse((response) => /\/api\/notifications\/\d+\/read$/.test(response.url()));
    await first.getByRole('button', { name: 'Mark as read: Claim received' }).click();
    expect((await marked).status()).toBe(200);
    await expect.poll(() => unread.count()).toBe(before - 1);
    await page.getByText(`Unread messages: ${before - 1}.`).waitFor();
    const read = page.locator('.notification:not(.unread)').filter({ hasText: `Case ${secondClaim.case_number} is received` });
    await read.waitFor();
    expect(await read.getByRole('button').count()).toBe(0);
    await page.reload();
    await page.locator('.notification:not(.unread)').filter({ hasText: `Case ${secondClaim.case_number} is received` }).waitFor();
    // In Chinese the same message reads in Chinese.
    await page.getByRole('button', { name: 'Switch language: 中文' }).click();
    await page.getByRole('heading', { level: 2, name: /互助申请已受理/ }).first().waitFor();
    await context.close();
  });

  it('another member can neither open the claim’s page nor act on it through the API', async () => {
    const { context, page } = await open(outsider, `/me/claims/${firstClaim.claim_id}`);
    await heading(page, '找不到这个申请');
    expect(await page.getByText(firstClaim.case_number).count()).toBe(0);
    await context.close();
    expect((await outsider.request('GET', `/api/claims/${firstClaim.claim_id}`)).status).toBe(403);
    expect((await outsider.request('GET', '/api/claims/mine')).json).toEqual({ claims: [] });
    const appeal = await outsider.request('POST', `/api/claims/${secondClaim.claim_id}/appeal`, { reason: 'not mine' });
    expect([appeal.status, appeal.json.error.code]).toEqual([404, 'CLAIM_NOT_FOUND']);
    expect((await outsider.request('GET', '/api/objections/mine')).json).toEqual({ objections: [] });
  });

  it('every page has no accessibility violations in both languages, with screenshots at both sizes', async () => {
    await capture(claimant, '/me/claims', 'claims-flow-claims-list', async (page, language) => {
      await page.getByRole('link', { name: language === 'en' ? `Case ${firstClaim.case_number}` : `案件 ${firstClaim.case_number}` }).waitFor();
    });
    await capture(claimant, '/me/claims/new', 'claims-flow-claims-new', async (page, language) => {
      await page.getByRole('option', { name: language === 'en' ? firstIllness.name_en : firstIllness.name_zh }).waitFor({ state: 'attached' });
    });
    await capture(claimant, `/me/claims/${firstClaim.claim_id}`, 'claims-flow-claim-in-notice', async (page, language) => {
      await page.getByRole('link', { name: language === 'en' ? 'See the public case card' : '查看公开的案例卡' }).waitFor();
    });
    await capture(outsider, `/me/claims/${firstClaim.claim_id}`, 'claims-flow-claim-not-found', async (page, language) => {
      await heading(page, language === 'en' ? 'Claim not found' : '找不到这个申请');
    });
    await capture(objector, '/me/objections', 'claims-flow-objections', async (page, language) => {
      await page.getByText(language === 'en' ? 'Dismissed' : '不成立', { exact: true }).waitFor();
    });
    await capture(claimant, '/me/notifications', 'claims-flow-notifications', async (page, language) => {
      await page.getByRole('heading', { level: 1, name: language === 'en' ? 'Messages' : '消息' }).waitFor();
      await page.locator('.notification').first().waitFor();
    });
    await capture(outsider, '/me/notifications', 'claims-flow-notifications-empty', async (page, language) => {
      await page.getByText(language === 'en' ? 'No messages yet' : '还没有消息', { exact: false }).waitFor();
    });
  }, 600_000);
});
