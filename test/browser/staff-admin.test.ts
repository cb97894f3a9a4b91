/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './support/api-session.js';
import { axeViolations } from './support/axe.js';
import { chromiumAvailable, launchChromium, newContext, screenshot, type LaunchedBrowser } from './support/browser.js';
import { browserAdminPassword, startServer, type RunningServer } from './support/server.js';

const reviewerPassword = 'reviewer-lin-password';

/**
 * The administrator's path on the demo server: create a reviewer with a password and roles, who
 * then logs in through the login page and opens the claims console; disable and enable a user
 * with a confirmation; look a person up by member code with a reason and find the lookup in the
 * audit log (and nothing shown before the lookup).
 */
describe.runIf(chromiumAvailable())('admin pages', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  let admin: ApiSession;
  let adminContext: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    chromium = await launchChromium();
    admin = await ApiSession.login(server.url, 'admin', browserAdminPassword);
    adminContext = await newContext(chromium.browser, server.url, 'zh-CN', 'desktop');
    const login = await adminContext.request.post('/api/auth/login', { data: { username: 'admin', password: browserAdminPassword } });
    expect(login.status()).toBe(200);
    page = await adminContext.newPage();
  }, 180_000);
  afterAll(async () => {
    await adminContext?.close();
    await chromium?.close();
    await server?.stop();
  });

  it('an admin creates a reviewer, who logs in and opens the claims console; disabling needs a confirmation', async () => {
    await page.goto('/staff/admin/users');
    await page.getByRole('heading', { level: 1, name: '用户与角色' }).waitFor();
    await page.locator('table.admin-users-table tbody tr').first().waitFor();

    // Checked in the page first: nothing is sent for a short password.
    await page.getByLabel('用户名', { exact: true }).fill('reviewer-lin');
    await page.getByLabel('显示名称', { exact: true }).fill('审核员 林');
    await page.getByLabel('初始密码').fill('short');
    await page.getByRole('button', { name: '新建用户' }).click();
    await page.getByText('密码至少 10 个字符。').waitFor();

    await page.getByLabel('初始密码').fill(reviewerPassword);
    // Reviewer is ticked by default; add investigator, then take it off again.
    const roles = page.locator('fieldset.admin-roles').first();
    await roles.getByLabel('调查员').check();
    await roles.getByLabel('调查员').uncheck();
    const created = page.waitForResponse((response) => response.url().endsWith('/api/users') && response.request().method() === 'POST');
    await page.getByRole('button', { name: '新建用户' }).click();
    expect((await created).status()).toBe(201);
    await page.getByText('已新建用户 reviewer-lin。').waitFor();
    const row = page.locator('table.admin-users-table tbody tr', { has: page.getByRole('rowheader', { name: 'reviewer-lin' }) });
    await row.waitFor();
    expect(await row.locator('td').nth(1).innerText()).toBe('审核员');
    await screenshot(page, 'admin-users-created', 'zh-CN', 'desktop');
    expect(await axeViolations(page)).toEqual([]);

    // The new reviewer logs in through the login page and opens the claims console.
    const reviewerContext = await newContext(chromium.browser, server.url, 'zh-CN', 'desktop');
    const reviewerPage = await reviewerContext.newPage();
    await reviewerPage.goto('/login');
    await reviewerPage.getByLabel('用户名、邮箱或手机号').fill('reviewer-lin');
    await reviewerPage.getByLabel('密码', { exact: true }).fill(reviewerPassword);
    const loggedIn = reviewerPage.waitForResponse((response) => response.url().endsWith('/api/auth/login'));
    await reviewerPage.getByRole('button', { name: '登录' }).click();
    expect((await loggedIn).status()).toBe(200);
    await reviewerPage.goto('/staff/claims');
    await reviewerPage.locator('h1').waitFor();
    expect(await reviewerPage.getByTestId('not-allowed').count()).toBe(0);
    expect((await reviewerContext.request.get('/api/claims/queue?limit=1')).status()).toBe(200);
    // The reviewer is no administrator: the users page is not theirs.
    await reviewerPage.goto('/staff/admin/users');
    await reviewerPage.getByTestId('not-allowed').waitFor();

    // Roles change with checkboxes; the change applies to the reviewer's next request.
    expect((await reviewerContext.request.get('/api/ledger/accounts')).status()).toBe(403);
    await row.getByRole('button', { name: '修改角色：reviewer-lin' }).click();
    const editor = page.locator('form.admin-roles-editor');
    await editor.getByLabel('审计员').check();
    const saved = page.waitForResponse((response) => /\/api\/users\/\d+\/roles$/.test(response.url()));
    await editor.getByRole('button', { name: '保存角色' }).click();
    expect((await saved).status()).toBe(200);
    await row.getByText('审核员、审计员').waitFor();
    expect(await page.locator('form.admin-roles-editor').count()).toBe(0);
    expect((await reviewerContext.request.get('/api/ledger/accounts')).status()).toBe(200);

    // Disabling asks first; confirmed, the reviewer's session ends.
    await row.getByRole('button', { name: '停用 reviewer-lin' }).click();
    await page.getByText('确定停用 reviewer-lin 吗？').first().waitFor();
    await page.getByRole('button', { name: '取消' }).click();
    expect((await reviewerContext.request.get('/api/auth/me')).status()).toBe(200);
    await row.getByRole('button', { name: '停用 reviewer-lin' }).click();
    const disabled = page.waitForResponse((response) => /\/api\/users\/\d+\/disable$/.test(response.url()));
    await page.getByRole('button', { name: '确定停用' }).click();
    expect((await disabled).status()).toBe(200);
    await row.getByText('已停用').waitFor();
    expect((await reviewerContext.request.get('/api/auth/me')).status()).toBe(401);
    const refused = await reviewerContext.request.post('/api/auth/login', { data: { username: 'reviewer-lin', password: reviewerPassword } });
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('AUTH_USER_DISABLED');

    await row.getByRole('button', { name: '启用 reviewer-lin' }).click();
    await page.getByRole('button', { name: '确定启用' }).click();
    await row.getByText('正常').waitFor();
    expect((await reviewerContext.request.post('/api/auth/login', { data: { username: 'reviewer-lin', password: reviewerPassword } })).status()).toBe(200);
    await reviewerContext.close();

    // The admin's own row offers no disable button, and the server refuses it anyway.
    const own = page.locator('table.admin-users-table tbody tr', { has: page.getByRole('rowheader', { name: 'admin', exact: true }) });
    expect(await own.getByRole('button', { name: /停用/ }).count()).toBe(0);
  });

  it('a person lookup needs a reason, shows the full data only after it, and appears in the audit log', async () => {
    const { memberships } = await admin.request<{ memberships: Array<{ member_code: string; person: { person_id: string } }> }>('GET', '/api/memberships?limit=1');
    const target = memberships[0]!;
    await page.goto('/staff/admin/persons');
    await page.getByRole('heading', { level: 1, name: '个人信息查询' }).waitFor();
    await page.locator('p.admin-log-empty, table.admin-log-table').first().waitFor();
    expect(await page.locator('section.admin-person').count()).toBe(0);

    await page.getByLabel('会员编号或个人 ID').fill(target.member_code);
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/admin/persons')) requests.push(request.url());
    });
    await page.getByRole('button', { name: '查询并记录' }).click();
    await page.getByText('请写明原因（至少 5 个字）。').waitFor();
    expect(requests).toEqual([]);

    const reason = '核实案件材料中的身份信息';
    await page.getByLabel('查询原因').fill(reason);
    const read = page.waitForResponse((response) => /\/api\/admin\/persons\/\d+\?/.test(response.url()));
    await page.getByRole('button', { name: '查询并记录' }).click();
    const answer = (await (await read).json()) as { person: { person_id: string; id_number: string; name: string } };
    expect(answer.person.person_id).toBe(target.person.person_id);
    const card = page.locator('section.admin-person');
    await card.getByText(answer.person.id_number).waitFor();
    await card.getByText(answer.person.name, { exact: true }).waitFor();

    const first = page.locator('table.admin-log-table tbody tr').first();
    await first.getByText(reason).waitFor();
    expect(await first.innerText()).toContain('admin');
    expect(await first.innerText()).toContain(target.member_code);
    expect(await first.innerText()).toContain(target.person.person_id);
    const log = await admin.request<{ reads: Array<{ reason: string; member_code: string | null }> }>('GET', '/api/admin/personal-data-reads?limit=1');
    expect(log.reads[0]).toMatchObject({ reason, member_code: target.member_code });
    await screenshot(page, 'admin-persons-result', 'zh-CN', 'desktop');
    expect(await axeViolations(page)).toEqual([]);

    // Cleared, the data is gone from the page; an unknown code says so.
    await card.getByRole('button', { name: '清除显示' }).click();
    await page.locator('section.admin-person').waitFor({ state: 'detached' });
    await page.getByLabel('会员编号或个人 ID').fill('MNOSUCHCODE00');
    await page.getByRole('button', { name: '查询并记录' }).click();
    await page.getByText('没有会员编号为 MNOSUCHCODE00 的会员资格。').waitFor();
  });
});
