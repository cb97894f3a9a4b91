/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../web/src/shared/format/money.js';
import { axeViolations } from './support/axe.js';
import { chromiumAvailable, launchChromium, newContext, screenshot, type LaunchedBrowser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

const day_ms = 86_400_000;

/** A calendar day in China (where plans run), `days` from today. */
function chinaDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * day_ms));
}

/**
 * The operator's path on the demo server: the dashboard shows the next cycle's preview with the
 * API's figures; a rule version dated in the past is refused by the form before anything is sent;
 * a version for a later day shows the changed rule in the side-by-side comparison and the notice
 * members will get, is announced, and appears in the plan's history.
 */
describe.runIf(chromiumAvailable())('operator pages', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  let session: string;
  let browserContext: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    chromium = await launchChromium();
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo-operator', password: 'demo-password' }) });
    expect(login.status).toBe(200);
    session = /huzhu_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')![1]!;
    browserContext = await newContext(chromium.browser, server.url, 'zh-CN', 'desktop');
    await browserContext.addCookies([{ name: 'huzhu_session', value: session, url: server.url, httpOnly: true, sameSite: 'Strict' }]);
    page = await browserContext.newPage();
  });
  afterAll(async () => {
    await browserContext?.close();
    await chromium?.close();
    await server?.stop();
  });

  const apiGet = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${server.url}${path}`, { headers: { cookie: `huzhu_session=${session}` } });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };

  it('shows the next cycle preview on the dashboard with the API’s figures', async () => {
    const { dashboard } = await apiGet<{ dashboard: { currency: string; next_cycle: { cycle_id: string; total_minor: string; estimated_share_minor: string } } }>(
      '/api/operator/dashboard?plan_id=community-critical-illness',
    );
    await page.goto('/staff/operator?plan_id=community-critical-illness');
    const next = page.locator('[data-testid="operator-next-cycle"]');
    await next.waitFor();
    await expect.poll(() => next.locator('h2').textContent()).toContain(dashboard.next_cycle.cycle_id);
    expect(await page.locator('[data-testid="operator-next-total"]').textContent()).toBe(formatMoney(dashboard.next_cycle.total_minor, dashboard.currency, 'zh-CN'));
    expect(await page.locator('[data-testid="operator-next-share"]').textContent()).toBe(formatMoney(dashboard.next_cycle.estimated_share_minor, dashboard.currency, 'zh-CN'));
    await screenshot(page, 'operator-dashboard-path', 'zh-CN', 'desktop');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('refuses a past date before sending, then announces a version with its diff and notice', async () => {
    const previews: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/api/plans/')) previews.push(request.url());
    });
    const { plan } = await apiGet<{ plan: { versions: Array<{ version: number; effective_at: string }> } }>('/api/plans/critical-illness');
    const last = plan.versions.at(-1)!;
    await page.goto('/staff/plans/critical-illness/versions/new');
    const day = page.locator('input[name="effective_day"]');
    await day.waitFor();

    await day.fill(chinaDay(-1));
    await page.locator('textarea[name="note"]').fill('管理费由 8% 调整为 9%，用于支付调查费用。');
    await page.getByRole('button', { name: '检查并预览通知' }).click();
    await page.getByText('生效日期必须晚于今天').waitFor();
    expect(previews).toEqual([]);

    // A day after today and after the latest version (the demo may have announced one).
    const later = [chinaDay(30), new Date(Date.parse(last.effective_at) + 2 * day_ms).toISOString().slice(0, 10)].sort().at(-1)!;
    await day.fill(later);
    await page.locator('input[name="fee_bps"]').fill('9');
    const changed = page.locator('table.operator-diff tr[data-changed="true"]');
    await expect.poll(() => changed.count()).toBe(1);
    expect(await changed.textContent()).toContain('管理费');
    expect(await changed.locator('td').nth(0).textContent()).toBe('8%');
    expect(await changed.locator('td').nth(1).textContent()).toBe('9%');

    const previewed = page.waitForResponse((response) => response.url().endsWith('/api/plans/critical-illness/versions/preview'));
    await page.getByRole('button', { name: '检查并预览通知' }).click();
    expect((await previewed).status()).toBe(200);
    const notice = page.locator('[data-testid="operator-notice"]');
    await notice.waitFor();
    const version = last.version + 1;
    expect(await notice.locator('.operator-notice').textContent()).toBe(`大病互助计划规则变更自 ${later} 起实行第 ${version} 版规则：管理费由 8% 调整为 9%，用于支付调查费用。`);
    await screenshot(page, 'operator-version-preview', 'zh-CN', 'desktop');
    expect(await axeViolations(page)).toEqual([]);

    const sent = page.waitForResponse((response) => response.url().endsWith('/api/plans/critical-illness/versions') && response.request().method() === 'POST');
    await page.getByRole('button', { name: `公告第 ${version} 版` }).click();
    expect((await sent).status()).toBe(201);
    const entry = page.locator(`[data-testid="operator-version-${version}"]`);
    await entry.waitFor();
    expect(await entry.textContent()).toContain('管理费由 8% 调整为 9%');
    expect(await entry.textContent()).toContain('待生效');
    expect(new URL(page.url()).pathname).toBe('/staff/plans/critical-illness');
  });
});

