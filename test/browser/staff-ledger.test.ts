/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { chromiumAvailable, launchChromium, newContext, screenshot, type Language, type LaunchedBrowser } from './support/browser.js';
import { ApiSession } from './support/api-session.js';
import { startServer, type RunningServer } from './support/server.js';

const demoPassword = 'demo-password';
const amountTyped = '1234.56';
const amount_minor = 123456n;

/**
 * The operator's maker–checker path on the demo server: demo-operator opens an account of her
 * own and proposes a manual posting; the page shows it pending and tells her she cannot approve
 * it (the API refuses her too); demo-operator-2, in a browser of his own, approves it with a
 * double click that posts once; the balances move by the amount; the journal check is intact;
 * demo-auditor reads every page and is offered no action.
 */
describe.runIf(chromiumAvailable())('staff ledger pages', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  const contexts: BrowserContext[] = [];
  let posting_id: string;

  async function loggedIn(username: string, language: Language = 'en', viewport: 'desktop' | 'tablet' = 'desktop'): Promise<Page> {
    const context = await newContext(chromium.browser, server.url, language, viewport);
    contexts.push(context);
    const response = await context.request.post('/api/auth/login', { data: { username, password: demoPassword } });
    expect(response.status(), await response.text()).toBe(200);
    return context.newPage();
  }

  async function balanceOf(page: Page, code: string): Promise<bigint> {
    const response = await page.request.get(`/api/ledger/accounts/${code}`);
    expect(response.status()).toBe(200);
    return BigInt(((await response.json()) as { account: { balance_minor: string } }).account.balance_minor);
  }

  beforeAll(async () => {
    server = await startServer();
    chromium = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await chromium?.close();
    await server?.stop();
  });

  it('lets demo-operator propose a manual posting and not approve it herself', async () => {
    const page = await loggedIn('demo-operator');
    await page.goto('/staff/ledger/postings');
    const own = page.locator('section[aria-labelledby="ledger-own-accounts"]');
    // The demo has no operator account yet: she opens one (operator equity is the other side).
    await own.getByLabel('Code after “operator:”').fill('bank:CNY');
    await own.getByLabel('Name', { exact: true }).fill('Operating bank account');
    const opened = page.waitForResponse((response) => response.url().endsWith('/api/ledger/accounts') && response.request().method() === 'POST');
    await own.getByRole('button', { name: 'Open the account' }).click();
    expect((await opened).status()).toBe(200);
    await own.getByRole('status').filter({ hasText: 'operator:bank:CNY' }).waitFor();

    const form = page.locator('form[aria-labelledby="ledger-propose"]');
    await form.getByLabel('Debit (money goes to)').selectOption('operator:bank:CNY');
    await form.getByLabel('Credit (money comes from)').selectOption('operator_equity:CNY');
    // A malformed amount is refused on the page: three decimals are not fen.
    await form.getByLabel('Amount (CNY)').fill('12.345');
    await form.getByLabel('Reason').fill('Capital for the operating account');
    await form.getByRole('button', { name: 'Propose' }).click();
    await form.locator('.field-error').filter({ hasText: 'at most two decimals' }).waitFor();

    await form.getByLabel('Amount (CNY)').fill(amountTyped);
    const asked = page.waitForResponse((response) => response.url().endsWith('/api/ledger/transactions') && response.request().method() === 'POST');
    await form.getByRole('button', { name: 'Propose' }).click();
    const answer = await asked;
    expect(answer.status()).toBe(202);
    const sent = answer.request();
    expect(sent.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    // Yuan typed became fen exactly.
    expect((sent.postDataJSON() as { legs: Array<{ amount_minor: string }> }).legs.map((leg) => leg.amount_minor)).toEqual(['123456', '123456']);
    posting_id = ((await answer.json()) as { manual_posting: { id: string } }).manual_posting.id;

    const card = page.locator(`.ledger-pending [data-posting="${posting_id}"]`);
    await card.locator('.badge', { hasText: 'pending' }).waitFor();
    await card.locator('.ledger-own').waitFor();
    expect(await card.getByRole('button', { name: /Approve/ }).count()).toBe(0);
    // The API refuses her approval all the same.
    const self = await page.request.post(`/api/ledger/manual-postings/${posting_id}/approve`, { headers: { 'idempotency-key': 'self-approval-1' } });
    expect(self.status()).toBe(403);
    expect(((await self.json()) as { error: { code: string } }).error.code).toBe('LEDGER_SAME_APPROVER');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'staff-ledger-postings-maker', 'en', 'desktop');

    // Her audit trail page says who asked.
    await page.goto(`/staff/ledger/postings/${posting_id}`);
    await page.locator('.ledger-trail li').filter({ hasText: 'demo-operator' }).waitFor();
  }, 120_000);

  it('lets demo-operator-2 approve it with a double click that posts once, and the balances move', async () => {
    const page = await loggedIn('demo-operator-2');
    const bank_before_minor = await balanceOf(page, 'operator:bank:CNY');
    const equity_before_minor = await balanceOf(page, 'operator_equity:CNY');
    expect(bank_before_minor).toBe(0n);
    const approvals: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith(`/api/ledger/manual-postings/${posting_id}/approve`)) approvals.push(response.status());
    });

    await page.goto('/staff/ledger/postings');
    const card = page.locator(`.ledger-pending [data-posting="${posting_id}"]`);
    const approve = card.getByRole('button', { name: `Approve and post #${posting_id}` });
    const approved = page.waitForResponse((response) => response.url().endsWith(`/api/ledger/manual-postings/${posting_id}/approve`));
    await approve.dblclick();
    expect((await approved).status()).toBe(201);
    // Once approved it leaves the pending list, and the table shows the new balance.
    await card.waitFor({ state: 'detached' });
    await page.locator('td[data-account="operator:bank:CNY"]', { hasText: '1,234.56' }).waitFor();

    // The second click of the double click sent nothing: the button was busy with the first.
    expect(approvals).toEqual([201]);
    expect(await balanceOf(page, 'operator:bank:CNY')).toBe(bank_before_minor + amount_minor);
    // Equity is credit-normal: crediting it raises its balance by the same amount.
    expect(await balanceOf(page, 'operator_equity:CNY')).toBe(equity_before_minor + amount_minor);
    const manual = await page.request.get('/api/ledger/transactions?kind=manual');
    const posted = ((await manual.json()) as { transactions: Array<{ id: string; legs: unknown[] }> }).transactions;
    expect(posted.length, 'the double click posted one transaction').toBe(1);

    // The transaction page shows the legs and what made it.
    await page.goto(`/staff/ledger/transactions/${posted[0]!.id}`);
    const legs = page.locator('section[aria-labelledby="ledger-transaction-legs"] tbody tr');
    await legs.first().waitFor();
    expect(await legs.count()).toBe(2);
    await page.getByRole('link', { name: `Manual posting #${posting_id} and its audit trail` }).waitFor();

    // The account page: the newest row is this posting with the balance after it.
    await page.goto('/staff/ledger/accounts/operator%3Abank%3ACNY');
    const newest = page.locator('section[aria-labelledby="ledger-account-entries"] tbody tr').first();
    await newest.waitFor();
    expect(await newest.locator('td').last().innerText()).toContain('1,234.56');

    // The audit trail names both operators.
    await page.goto(`/staff/ledger/postings/${posting_id}`);
    await page.locator('.ledger-trail li').filter({ hasText: 'Approved and posted' }).filter({ hasText: 'demo-operator-2' }).waitFor();
  }, 120_000);

  it('lets demo-operator-2 reject a posting only with a reason, and nothing is posted', async () => {
    const maker = await ApiSession.login(server.url, 'demo-operator', demoPassword);
    const asked = await maker.request<{ manual_posting: { id: string } }>(
      'POST',
      '/api/ledger/transactions',
      {
        description: 'Typed twice by mistake',
        currency: 'CNY',
        legs: [
          { account_code: 'operator:bank:CNY', side: 'debit', amount_minor: '500' },
          { account_code: 'operator_equity:CNY', side: 'credit', amount_minor: '500' },
        ],
      },
      { 'idempotency-key': 'browser-ledger-reject-me' },
    );
    const id = asked.manual_posting.id;
    const page = await loggedIn('demo-operator-2', 'zh-CN');
    const bank_before_minor = await balanceOf(page, 'operator:bank:CNY');
    await page.goto(`/staff/ledger/postings/${id}`);
    const decision = page.locator('.ledger-decision');
    await decision.getByRole('button', { name: '驳回' }).click();
    await decision.locator('.field-error', { hasText: '请填写理由' }).waitFor();
    await decision.getByLabel('驳回理由').fill('重复提交');
    const rejected = page.waitForResponse((response) => response.url().endsWith(`/api/ledger/manual-postings/${id}/reject`));
    await decision.getByRole('button', { name: '驳回' }).click();
    expect((await rejected).status()).toBe(200);
    await page.locator('.ledger-trail li').filter({ hasText: '重复提交' }).waitFor();
    await page.locator('.badge', { hasText: '已驳回' }).waitFor();
    expect(await page.locator('.ledger-decision').count()).toBe(0);
    expect(await balanceOf(page, 'operator:bank:CNY')).toBe(bank_before_minor);
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);

  it('runs the journal check and shows it intact', async () => {
    const page = await loggedIn('demo-operator', 'zh-CN');
    await page.goto('/staff/ledger/verify');
    const ran = page.waitForResponse((response) => response.url().endsWith('/api/ledger/verify'));
    await page.getByRole('button', { name: '运行校验' }).click();
    expect((await ran).status()).toBe(200);
    await page.locator('[data-ok="true"]').waitFor();
    await page.getByText('哈希链完整').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'staff-ledger-verify-ran', 'zh-CN', 'desktop');
  }, 300_000);

  it('shows demo-auditor every ledger page with no action on it', async () => {
    for (const viewport of ['desktop', 'tablet'] as const) {
      const page = await loggedIn('demo-auditor', 'en', viewport);
      const visits: Array<[string, string]> = [
        ['/staff/ledger', 'table a.ledger-code'],
        ['/staff/ledger/postings', 'section[aria-labelledby="ledger-all-postings"] table'],
        [`/staff/ledger/postings/${posting_id}`, '.ledger-trail li'],
        ['/staff/ledger/custody', 'section[aria-labelledby^="ledger-custody-recent"] :is(table, p.muted)'],
        ['/staff/ledger/transactions', 'table tbody tr'],
      ];
      for (const [path, ready] of visits) {
        await page.goto(path);
        await page.locator(ready).first().waitFor();
        expect(await page.locator('form.ledger-form, .ledger-decision, form.ledger-reject').count(), path).toBe(0);
        expect(await page.getByRole('button', { name: /Approve|Propose|Reject|Withdraw|Open the account/ }).count(), path).toBe(0);
      }
      // The CSV downloads are on the auditor's pages.
      await page.goto('/staff/ledger/postings');
      await page.locator('a[href="/api/exports/manual_postings.csv"]').waitFor();
      await page.goto('/staff/ledger/custody');
      await page.locator('a[href="/api/exports/custody.csv"]').waitFor();
      // The API refuses an auditor's approval whatever the page shows.
      const refused = await page.request.post(`/api/ledger/manual-postings/${posting_id}/approve`, { headers: { 'idempotency-key': `auditor-${viewport}` } });
      expect(refused.status()).toBe(403);
    }
  }, 120_000);
});
