/// <reference lib="dom" />
import type { BrowserContext, Cookie, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNationalId } from '../../src/core/members/national-id.js';
import { ApiSession } from './support/api-session.js';
import { axeViolations } from './support/axe.js';
import { chromiumAvailable, languages, launchChromium, newContext, screenshot, type LaunchedBrowser, type ViewportName } from './support/browser.js';
import { browserAdminPassword, startServer, type RunningServer } from './support/server.js';

/**
 * The member pages on the demo server, followed as people use them: a newcomer joins the post-paid
 * plan for herself and enrols her child; a prepaid member pays her first top-up at joining, tops
 * up again (a double click sends one request) and refunds part, the balance appearing when the
 * provider's webhook arrives (the server runs its jobs every second: the test waits for the page,
 * never for a time); another user cannot open their pages. Every page is photographed in both
 * languages at both sizes and checked with axe.
 */
const password = 'member-pages-password';

interface Household {
  persons: Array<{ person_id: string; name_masked: string; memberships: Array<{ membership_id: string; plan_id: string; status: string; waiting_until: string }> }>;
}

/** A valid resident ID number for the birth date (the check character computed as the server does). */
function idNumber(birth: string, sequence: number, gender: 'female' | 'male'): string {
  const [year, month, day] = birth.split('-').map(Number) as [number, number, number];
  return makeNationalId('110105', { year, month, day }, sequence, gender);
}

/** Resolves once the page shows its content: a heading, and no loading state left. */
async function loaded(page: Page): Promise<void> {
  await page.locator('main h1').waitFor();
  await page.waitForFunction(() => document.querySelector('main .loading') === null);
}

describe.runIf(chromiumAvailable())('member pages: memberships, joining, wallet and bills', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  let admin: ApiSession;
  const cookies = new Map<string, Cookie[]>();
  const sessions = new Map<string, ApiSession>();

  /** A member account made by the admin; its session (logged in once: logins are rate-limited) is copied into each browser context. */
  async function member(username: string): Promise<void> {
    await admin.request('POST', '/api/users', { username, display_name: username, password, roles: ['member'] });
    const context = await chromium.browser.newContext({ baseURL: server.url });
    const response = await context.request.post('/api/auth/login', { data: { username, password } });
    expect(response.status()).toBe(200);
    cookies.set(username, await context.cookies());
    await context.close();
    const session = new ApiSession(server.url);
    // The API session reuses the browser's cookie instead of logging in again.
    (session as unknown as { cookie: string }).cookie = `huzhu_session=${cookies.get(username)!.find((cookie) => cookie.name === 'huzhu_session')!.value}`;
    sessions.set(username, session);
  }

  async function open(username: string, language: 'zh-CN' | 'en' = 'en', viewport: ViewportName = 'phone'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(chromium.browser, server.url, language, viewport);
    await context.addCookies(cookies.get(username)!);
    return { context, page: await context.newPage() };
  }

  /** Screenshots in both languages at both sizes, and no axe violation on any of them. */
  async function look(username: string, name: string, path: string, ready: (page: Page) => Promise<void> = loaded): Promise<void> {
    for (const language of languages) {
      for (const viewport of ['phone', 'desktop'] as const) {
        const { context, page } = await open(username, language, viewport);
        await page.goto(path);
        await ready(page);
        await screenshot(page, name, language, viewport);
        expect(await axeViolations(page), `${name} in ${language} (${viewport})`).toEqual([]);
        await context.close();
      }
    }
  }

  beforeAll(async () => {
    // The background jobs (webhook delivery among them) run every second instead of every minute.
    server = await startServer({ env: { HUZHU_JOBS_CRON: '* * * * * *' } });
    chromium = await launchChromium();
    admin = await ApiSession.login(server.url, 'admin', browserAdminPassword);
    for (const username of ['newcomer', 'prepaid', 'stranger']) await member(username);
  }, 240_000);
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  // Each test follows a path and then photographs its pages (4 each): minutes, not seconds.
  const pathTimeout = 300_000;

  it('a newcomer starts from "join a plan", joins the post-paid plan herself and enrols her child, and sees both waiting on /me', async () => {
    await look('newcomer', 'me-start', '/me', async (page) => {
      await loaded(page);
      await page.locator('#start-title').waitFor();
    });

    const { context, page } = await open('newcomer');
    const enrolments: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/api\/members\/(enrol|persons\/\d+\/join)$/.test(request.url())) enrolments.push(request.url());
    });
    await page.goto('/me');
    await page.getByRole('heading', { level: 2, name: 'Start here: join a plan' }).waitFor();
    await page.getByRole('link', { name: 'Join Critical illness mutual aid plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Join: Critical illness mutual aid plan' }).waitFor();
    await expect.poll(() => page.getByText('If you join today, it begins on').count()).toBe(1);

    // Nothing valid yet: every problem is shown next to its field and nothing is sent.
    await page.getByRole('button', { name: 'Join the plan' }).click();
    await page.getByText('Enter the real name, 2 to 50 characters.').waitFor();
    await page.getByText('An ID number has 17 digits followed by a digit or X.').waitFor();
    await page.getByText('Answer every health question.').waitFor();
    await page.getByText('Accept the plan’s rules to join.').waitFor();
    const good = idNumber('1991-04-12', 402, 'female');
    // A typing error in the check character is caught before sending.
    const typo = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    await page.getByLabel('Real name').fill('林小满');
    await page.getByLabel('Resident ID number (18 characters)').fill(typo);
    await page.getByLabel('Mobile number').fill('139 1234 5678');
    await page.getByLabel('Province').selectOption('浙江');
    for (const radio of await page.getByRole('radio', { name: 'No', exact: true }).all()) await radio.check();
    await page.getByLabel('I have read the plan’s rules, accept them, and my answers are true.').check();
    await page.getByRole('button', { name: 'Join the plan' }).click();
    await page.getByText('This ID number is not valid (its date or check character is wrong); please check for a typing error.').waitFor();
    expect(await page.getByLabel('Resident ID number (18 characters)').getAttribute('aria-invalid')).toBe('true');
    expect(enrolments).toEqual([]);

    await page.getByLabel('Resident ID number (18 characters)').fill(good);
    await page.getByText('Born 1991-04-12, female').waitFor();
    await page.getByRole('button', { name: 'Join the plan' }).click();
    await page.getByRole('heading', { level: 2, name: 'Welcome to Critical illness mutual aid plan' }).waitFor();
    await page.getByText('Nothing to pay now').waitFor();
    expect(enrolments).toHaveLength(1);

    // Her child, a new family member; then the same child again: the API's refusal is shown next to the ID number.
    const child = { name: '林朵朵', id: idNumber('2016-09-01', 514, 'male') };
    for (const attempt of ['first', 'duplicate'] as const) {
      await page.goto('/join/critical-illness');
      await page.getByRole('radio', { name: 'A new family member I pay for' }).check();
      await page.getByLabel('Real name').fill(child.name);
      await page.getByLabel('Resident ID number (18 characters)').fill(child.id);
      await page.getByLabel('Mobile number').fill('13912345678');
      await page.getByLabel('Province').selectOption('浙江');
      await page.getByLabel('Relationship to you').selectOption('child');
      for (const radio of await page.getByRole('radio', { name: 'No', exact: true }).all()) await radio.check();
      await page.getByLabel('I have read the plan’s rules, accept them, and my answers are true.').check();
      if (attempt === 'first') await screenshot(page, 'join-family-filled', 'en', 'phone');
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/members/enrol'));
      await page.getByRole('button', { name: 'Join the plan' }).click();
      if (attempt === 'first') {
        expect((await answered).status()).toBe(201);
        await page.getByRole('heading', { level: 2, name: 'Welcome to Critical illness mutual aid plan' }).waitFor();
      } else {
        expect((await answered).status()).toBe(409);
        const id_field = page.getByLabel('Resident ID number (18 characters)');
        await expect.poll(() => id_field.getAttribute('aria-invalid')).toBe('true');
        const described = (await id_field.getAttribute('aria-describedby')) ?? '';
        const errorId = described.split(' ').find((id) => id.endsWith('-error'))!;
        expect((await page.locator(`[id="${errorId}"]`).textContent()) ?? '').not.toBe('');
        await screenshot(page, 'join-api-error', 'en', 'phone');
      }
    }
    expect(enrolments).toHaveLength(3);

    // Both people, each waiting, with the day cover begins.
    await page.goto('/me');
    await page.getByRole('heading', { level: 2, name: /林\*.*\(myself\)/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: /林\*.*\(child\)/ }).waitFor();
    const household = await sessions.get('newcomer')!.request<Household>('GET', '/api/members/me');
    expect(household.persons.map((person) => person.memberships.map((membership) => membership.status))).toEqual([['waiting'], ['waiting']]);
    expect(await page.getByText('Waiting period until').count()).toBe(2);
    for (const person of household.persons) {
      const waiting = person.memberships[0]!.waiting_until;
      const shown = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${waiting}T00:00:00Z`));
      await page.locator(`time[datetime="${waiting}"]`).first().waitFor();
      expect(await page.locator(`time[datetime="${waiting}"]`).first().textContent()).toBe(shown);
    }
    await context.close();

    const membership_id = household.persons[0]!.memberships[0]!.membership_id;
    await look('newcomer', 'me', '/me');
    await look('newcomer', 'join', '/join/critical-illness');
    await look('newcomer', 'membership', `/me/memberships/${membership_id}`);
    await look('newcomer', 'bills', `/me/memberships/${membership_id}/bills`, async (page) => {
      await loaded(page);
      await page.locator('main .card').first().waitFor();
    });
    await look('newcomer', 'shares', '/me/shares');

    // Withdrawing the child's membership: a confirmation says what it means, then the status changes.
    const child_membership = household.persons[1]!.memberships[0]!.membership_id;
    const withdrawing = await open('newcomer');
    const withdrawals: string[] = [];
    withdrawing.page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/withdraw')) withdrawals.push(request.url());
    });
    await withdrawing.page.goto(`/me/memberships/${child_membership}`);
    await withdrawing.page.getByRole('button', { name: 'Withdraw this membership…' }).click();
    const dialog = withdrawing.page.getByRole('alertdialog', { name: 'Withdraw this membership?' });
    await dialog.getByText('Cover ends today').waitFor();
    await dialog.getByText('Joining again later starts a new waiting period.').waitFor();
    await screenshot(withdrawing.page, 'membership-withdraw-confirm', 'en', 'phone');
    expect(await axeViolations(withdrawing.page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Keep the membership' }).click();
    expect(withdrawals).toEqual([]);
    await withdrawing.page.getByRole('button', { name: 'Withdraw this membership…' }).click();
    await withdrawing.page.getByRole('button', { name: 'Yes, withdraw' }).click();
    await withdrawing.page.locator('.person-card .badge', { hasText: 'Withdrawn' }).waitFor();
    await withdrawing.page.getByText('Withdrawn by the member').waitFor();
    expect(withdrawals).toHaveLength(1);
    await withdrawing.context.close();
  }, pathTimeout);

  it('a prepaid member pays her first top-up when joining, tops up again (a double click pays once) and refunds part', async () => {
    const { context, page } = await open('prepaid');
    await page.goto('/join/senior-cancer');
    await page.getByRole('heading', { level: 1, name: 'Join: Senior cancer mutual aid plan' }).waitFor();
    await page.getByLabel('Real name').fill('周秀兰');
    await page.getByLabel('Resident ID number (18 characters)').fill(idNumber('1961-02-03', 622, 'female'));
    await page.getByLabel('Mobile number').fill('13712345678');
    await page.getByLabel('Province').selectOption('四川');
    for (const radio of await page.getByRole('radio', { name: 'No', exact: true }).all()) await radio.check();
    await page.getByLabel('I have read the plan’s rules, accept them, and my answers are true.').check();
    await page.getByRole('button', { name: 'Join the plan' }).click();
    await page.getByRole('heading', { level: 3, name: 'First payment: top up the wallet' }).waitFor();
    await screenshot(page, 'join-first-payment', 'en', 'phone');
    await page.getByLabel('Amount (CNY)').fill('20');
    await page.getByRole('button', { name: 'Top up' }).click();
    await page.getByText('Top-up requested:').waitFor();
    await page.getByRole('link', { name: 'Open the wallet' }).click();

    const balance = page.getByTestId('wallet-balance');
    // The provider's confirmation arrives by webhook through the server's jobs: wait for the balance.
    await expect.poll(async () => (await balance.textContent()) ?? '', { timeout: 60_000, interval: 250 }).toContain('20.00');

    const topUps: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/top-ups')) topUps.push(request.headers()['idempotency-key'] ?? '');
    });
    await page.getByLabel('Amount (CNY)', { exact: false }).first().fill('20');
    const answered = page.waitForResponse((response) => response.url().endsWith('/top-ups'));
    await page.getByRole('button', { name: 'Top up', exact: true }).dblclick();
    expect((await answered).status()).toBe(202);
    await page.getByText('Top-up requested. The balance updates when the provider confirms it.').waitFor();
    await expect.poll(async () => (await balance.textContent()) ?? '', { timeout: 60_000, interval: 250 }).toContain('40.00');
    expect(topUps).toHaveLength(1);
    expect(topUps[0]).toMatch(/^[0-9a-f-]{36}$/);

    // Refund part: it leaves the wallet at once.
    const refundAmount = page.locator('section[aria-labelledby="refund-title"]').getByLabel('Amount (CNY)');
    await refundAmount.fill('100');
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    await page.getByText('At most the balance, 40.00.').waitFor();
    await refundAmount.fill('5');
    const refunded = page.waitForResponse((response) => response.url().endsWith('/wallet-refunds'));
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    expect((await refunded).status()).toBe(202);
    await expect.poll(async () => (await balance.textContent()) ?? '', { timeout: 60_000, interval: 250 }).toContain('35.00');
    await page.getByRole('cell', { name: 'Refund to you' }).waitFor();
    await context.close();

    const household = await sessions.get('prepaid')!.request<Household>('GET', '/api/members/me');
    const membership_id = household.persons[0]!.memberships[0]!.membership_id;
    await look('prepaid', 'wallet', `/me/memberships/${membership_id}/wallet`, async (page) => {
      await loaded(page);
      await page.getByTestId('wallet-balance').waitFor();
      await page.locator('main table').waitFor();
    });
    await look('prepaid', 'me-prepaid', '/me');

    // Refunding everything leaves nothing for the next share: the low-balance notice says so.
    const again = await open('prepaid', 'zh-CN');
    await again.page.goto(`/me/memberships/${membership_id}/wallet`);
    await again.page.getByRole('button', { name: '全部退还' }).click();
    const all = again.page.waitForResponse((response) => response.url().endsWith('/wallet-refunds'));
    await again.page.getByRole('button', { name: '退款', exact: true }).click();
    expect((await all).status()).toBe(202);
    await expect.poll(async () => (await again.page.getByTestId('wallet-balance').textContent()) ?? '', { timeout: 60_000, interval: 250 }).toContain('0.00');
    await again.page.getByText('余额不足', { exact: true }).waitFor();
    await screenshot(again.page, 'wallet-low-balance', 'zh-CN', 'phone');
    expect(await axeViolations(again.page)).toEqual([]);
    await again.context.close();
  }, pathTimeout);

  it("another user cannot open the first user's membership pages: the page says so and the API refuses", async () => {
    const household = await sessions.get('newcomer')!.request<Household>('GET', '/api/members/me');
    const membership_id = household.persons[0]!.memberships[0]!.membership_id;
    const { context, page } = await open('stranger');
    for (const path of [`/me/memberships/${membership_id}`, `/me/memberships/${membership_id}/wallet`, `/me/memberships/${membership_id}/bills`]) {
      const refused = page.waitForResponse((response) => response.url().endsWith(`/api/memberships/${membership_id}`));
      await page.goto(path);
      expect((await refused).status(), path).toBe(404);
      await page.getByText('This membership cannot be shown: it does not exist, or it is not one you pay for.').waitFor();
      expect(await page.locator('main').textContent()).not.toContain('林');
    }
    for (const api of [`/api/memberships/${membership_id}`, `/api/memberships/${membership_id}/money`, `/api/memberships/${membership_id}/bills`]) {
      expect((await page.request.get(api)).status(), api).toBe(404);
    }
    const topUp = await page.request.post(`/api/memberships/${membership_id}/top-ups`, { data: { amount_minor: '2000' }, headers: { 'idempotency-key': 'stranger-top-up' } });
    expect(topUp.status()).toBe(404);
    expect((await page.request.post(`/api/memberships/${membership_id}/withdraw`, { data: {} })).status()).toBe(404);
    await context.close();
    await look('stranger', 'membership-not-yours', `/me/memberships/${membership_id}`, async (page) => {
      await page.locator('main .alert.error').waitFor();
    });
  }, pathTimeout);
});
