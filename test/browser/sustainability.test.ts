/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { chromiumAvailable, launchChromium, newContext, screenshot, type Language, type LaunchedBrowser, type ViewportName } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

const demoPassword = 'demo-password';
const plan_id = 'community-critical-illness';

interface Metrics {
  currency: string;
  cycles: Array<{ cycle: { cycle_id: string; members_covered: string } }>;
  latest_rolling: { yearly_share_per_member_minor: string; cases: string } | null;
}
interface Alerts {
  alerts: Array<{ kind: string; cycle_id: string; title_en: string; public: boolean }>;
}
interface Health {
  health: { yearly_share_minor: string | null; share_trend: Array<{ cycle_id: string }>; alerts: Array<{ kind: string; title_zh: string }> };
}

/** "CN¥103.63" from 10363 fen, as the page's shared formatting writes it in English. */
function yuan(minor: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY' }).format(Number(minor) / 100);
}

/** Every chart on the page drawn (an <svg> in each chart's box) and nothing loading. */
async function chartsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.loading') === null && Array.from(document.querySelectorAll('.chart-box')).every((box) => box.querySelector('.chart svg') !== null));
}

/**
 * The sustainability pages on the demo server: an operator reads the demo plan's metrics and its
 * alerts and recomputes them; an auditor reads without the button; a visitor reads the plan's
 * health from its public page. Figures on the pages are checked against the API's own answers.
 */
describe.runIf(chromiumAvailable())('sustainability pages', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;

  beforeAll(async () => {
    server = await startServer();
    chromium = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  async function open(username: string | null, language: Language = 'en', viewport: ViewportName = 'desktop'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(chromium.browser, server.url, language, viewport);
    if (username !== null) {
      const login = await context.request.post('/api/auth/login', { data: { username, password: demoPassword } });
      expect(login.status(), await login.text()).toBe(200);
    }
    return { context, page: await context.newPage() };
  }

  it('an operator opens the demo plan’s metrics, sees its figures and an alert, and recomputes them once per click', async () => {
    const { context, page } = await open('demo-operator');
    const metrics = (await (await context.request.get(`/api/sustainability/plans/${plan_id}/metrics?cycles=48`)).json()) as Metrics;
    const { alerts } = (await (await context.request.get(`/api/sustainability/plans/${plan_id}/alerts`)).json()) as Alerts;
    // Not vacuous: the demo's cycles left metrics and at least one alert behind.
    expect(metrics.cycles.length).toBeGreaterThan(0);
    expect(alerts.length).toBeGreaterThan(0);
    const latest = metrics.cycles.at(-1)!.cycle;

    await page.goto('/staff');
    await page.getByRole('link', { name: 'Sustainability' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Sustainability' }).waitFor();
    await page.getByLabel('Plan').selectOption(plan_id);
    await page.waitForURL((url) => url.searchParams.get('plan') === plan_id);
    await page.locator('#sustainability-trends').waitFor();
    await chartsDrawn(page);

    expect(await page.getByTestId('stat-members').textContent()).toBe(Number(latest.members_covered).toLocaleString('en'));
    expect(await page.getByTestId('stat-yearly-share').textContent()).toBe(yuan(metrics.latest_rolling!.yearly_share_per_member_minor));
    // The newest alert is shown with its text and whether the public sees it.
    const newest = alerts[0]!;
    const card = page.locator(`.sustainability-alert[data-alert-kind="${newest.kind}"]`).first();
    await card.getByRole('heading', { name: newest.title_en }).waitFor();
    expect(await card.getByTestId('alert-visibility').textContent()).toBe(newest.public ? 'Public' : 'Staff only');
    // Every chart has its table: the members chart lists one row per cycle.
    const membersFigure = page.getByRole('figure', { name: 'Members covered, per cycle' });
    expect(await membersFigure.locator('tbody tr').count()).toBe(metrics.cycles.length);
    expect(await membersFigure.locator('tbody tr').last().locator('td').textContent()).toBe(Number(latest.members_covered).toLocaleString('en'));
    await screenshot(page, 'sustainability-metrics-operator', 'en', 'desktop');
    expect(await axeViolations(page)).toEqual([]);

    // Recompute: one request per click, the same figures after it (the server's recompute is idempotent).
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/sustainability/plans/${plan_id}/recompute`)) posts.push(request.url());
    });
    await page.getByRole('button', { name: 'Recompute the metrics' }).click();
    await page.getByTestId('recompute-done').waitFor();
    expect(await page.getByTestId('recompute-done').textContent()).toMatch(/^Recomputed the metrics of \d+ cycles?\.$/);
    expect(posts).toHaveLength(1);
    const second = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith(`/api/sustainability/plans/${plan_id}/recompute`));
    await page.getByRole('button', { name: 'Recompute the metrics' }).click();
    expect((await second).status()).toBe(200);
    expect(posts).toHaveLength(2);
    await page.getByRole('button', { name: 'Recompute the metrics' }).waitFor();
    expect(await page.getByTestId('stat-members').textContent()).toBe(Number(latest.members_covered).toLocaleString('en'));
    const again = (await (await context.request.get(`/api/sustainability/plans/${plan_id}/alerts`)).json()) as Alerts;
    expect(again.alerts).toHaveLength(alerts.length);
    await context.close();
  }, 300_000);

  it('an auditor reads the metrics in Chinese on a tablet without the recompute button, and the API refuses it', async () => {
    const { context, page } = await open('demo-auditor', 'zh-CN', 'tablet');
    await page.goto(`/staff/sustainability?plan=${plan_id}`);
    await page.getByRole('heading', { level: 1, name: '可持续性' }).waitFor();
    await page.locator('#sustainability-trends').waitFor();
    await chartsDrawn(page);
    expect(await page.getByRole('button', { name: '重新计算指标' }).count()).toBe(0);
    await screenshot(page, 'sustainability-metrics-auditor', 'zh-CN', 'tablet');
    expect(await axeViolations(page)).toEqual([]);
    expect((await context.request.post(`/api/sustainability/plans/${plan_id}/recompute`)).status()).toBe(403);
    await context.close();
  }, 300_000);

  for (const [language, viewport] of [['en', 'desktop'], ['zh-CN', 'phone']] as const) {
    it(`a visitor follows the plan page's link to its health and reads the share trend (${language}, ${viewport})`, async () => {
      const { context, page } = await open(null, language, viewport);
      const { health } = (await (await context.request.get(`/api/public/plans/${plan_id}/health`)).json()) as Health;
      expect(health.share_trend.length).toBeGreaterThan(0);
      await page.goto(`/plans/${plan_id}`);
      await page.getByTestId('plan-health-link').click();
      await page.waitForURL((url) => url.pathname === `/plans/${plan_id}/health`);
      await page.locator('#health-ages').waitFor();
      await chartsDrawn(page);
      const sentence = await page.getByTestId('health-share-sentence').textContent();
      if (language === 'en') expect(sentence).toContain(`one member paid ${yuan(health.yearly_share_minor!)} in shares`);
      const shareFigure = page.locator('section[aria-labelledby="health-share"] figure');
      expect(await shareFigure.locator('tbody tr').count()).toBe(health.share_trend.length);
      // The public alerts, and nothing only staff may read.
      expect(await page.locator('.sustainability-alert').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('alert-visibility').count()).toBe(0);
      await screenshot(page, 'sustainability-health-visitor', language, viewport);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    }, 300_000);
  }
});
