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

  /** Starts a run from the simulator's form and waits on its own page until the run is done; returns its id and the polls seen. */
  async function startRun(page: Page, fill: (page: Page) => Promise<void>): Promise<{ id: string; polls: Array<{ status: string; paths_done: number; paths_total: number }> }> {
    const polls: Array<{ status: string; paths_done: number; paths_total: number }> = [];
    const onResponse = async (response: { url(): string; status(): number; json(): Promise<unknown> }) => {
      if (!/\/api\/sustainability\/simulations\/\d+$/.test(new URL(response.url()).pathname) || response.status() !== 200) return;
      polls.push((await response.json()) as { status: string; paths_done: number; paths_total: number });
    };
    page.on('response', onResponse);
    await page.goto('/staff/sustainability/simulator');
    await page.getByRole('heading', { level: 1, name: 'Simulator' }).waitFor();
    await page.getByLabel('Scenario').selectOption('small-community');
    await fill(page);
    await page.getByLabel('Paths').fill('200');
    await page.getByLabel('Periods').fill('48');
    await page.getByRole('button', { name: 'Start the run' }).click();
    await page.waitForURL((url) => /^\/staff\/sustainability\/simulations\/\d+$/.test(url.pathname));
    const id = new URL(page.url()).pathname.split('/').at(-1)!;
    await page.getByRole('heading', { level: 1, name: `Simulation run #${id}` }).waitFor();
    // The progress bar names its numbers; the page polls the run until it is done (no sleep here: the DOM says so).
    const bar = page.getByRole('progressbar');
    expect(await bar.getAttribute('aria-label')).toMatch(/^Simulation progress: \d+ of 200 paths$/);
    await page.getByTestId('run-status').getByText('Done').waitFor({ timeout: 240_000 });
    await page.getByTestId('run-result').waitFor();
    expect(await bar.evaluate((element) => [(element as HTMLProgressElement).value, (element as HTMLProgressElement).max])).toEqual([200, 200]);
    expect(await page.getByTestId('run-paths').textContent()).toBe('200 of 200 paths');
    page.off('response', onResponse);
    return { id, polls };
  }

  it('an operator starts a simulation, follows its progress to the end, compares two runs, and publishes a forecast the public page shows', async () => {
    const { context, page } = await open('demo-operator');
    // A bad what-if is refused by the page before any request.
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/sustainability/simulations') posts.push(request.headers()['idempotency-key'] ?? '');
    });
    await page.goto('/staff/sustainability/simulator');
    await page.getByLabel('Management fee (% of aid)').fill('90');
    await page.getByRole('button', { name: 'Start the run' }).click();
    await page.getByText('Write a number from 0 to 50.').waitFor();
    expect(posts).toEqual([]);

    const first = await startRun(page, async () => undefined);
    // Polled while it moved, never backwards, and its last answer is the finished run.
    expect(first.polls.length).toBeGreaterThan(0);
    expect(first.polls.every((poll, index) => index === 0 || poll.paths_done >= first.polls[index - 1]!.paths_done)).toBe(true);
    expect(first.polls.at(-1)).toMatchObject({ status: 'done', paths_done: 200, paths_total: 200 });
    // The fan charts: share per member, members, backstop and margin, each with a row per period.
    for (const title of ['Share per member, per period', 'Members covered', 'Backstop spent, per period', 'Operator margin, per period']) {
      expect(await page.getByRole('figure', { name: title }).locator('tbody tr').count(), title).toBe(48);
    }
    await page.getByTestId('probability-cap').waitFor();
    await chartsDrawn(page);
    await screenshot(page, 'sustainability-run-done', 'en', 'desktop');
    expect(await axeViolations(page)).toEqual([]);

    // The second run starts from the demo plan's members with a higher fee, and is published as its forecast.
    const second = await startRun(page, async (form) => {
      await form.getByLabel('Members at the start').selectOption(plan_id);
      await form.getByLabel('Management fee (% of aid)').fill('20');
      await form.getByRole('checkbox', { name: /^Publish as the plan/ }).check();
    });
    expect(second.id).not.toBe(first.id);
    await page.locator('.sustainability-facts').getByText('fee').waitFor();
    // One key per request the person asked for: two runs, two keys.
    expect(posts).toHaveLength(2);
    expect(new Set(posts).size).toBe(2);

    // Compare: pick both finished runs on the list.
    await page.goto('/staff/sustainability/simulator');
    await page.locator(`tr[data-run="${second.id}"]`).waitFor();
    const compare = page.getByRole('button', { name: 'Compare the two runs' });
    expect(await compare.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: `Compare run #${first.id}` }).check();
    await page.getByRole('checkbox', { name: `Compare run #${second.id}` }).check();
    await compare.click();
    await page.getByRole('heading', { level: 1, name: 'Two runs side by side' }).waitFor();
    const columns = page.getByTestId('compare-columns');
    await columns.getByRole('heading', { name: `Run #${first.id}` }).waitFor();
    await columns.getByRole('heading', { name: `Run #${second.id}` }).waitFor();
    await chartsDrawn(page);
    const run = (await (await context.request.get(`/api/sustainability/simulations/${first.id}`)).json()) as { summary: { years: unknown[] } };
    expect(await page.getByRole('region', { name: /^Cost per member and members at the end/ }).locator('tbody tr').count()).toBeGreaterThanOrEqual(run.summary.years.length);
    await screenshot(page, 'sustainability-compare', 'en', 'desktop');
    expect(await axeViolations(page)).toEqual([]);

    // The published run is the plan's forecast: a visitor reads next year's band in plain words.
    const visitor = await open(null, 'en', 'phone');
    const { forecast } = (await (await visitor.context.request.get(`/api/public/plans/${plan_id}/forecast`)).json()) as { forecast: { year: number; share_per_member_minor: { p5: string; p50: string; p95: string } } | null };
    expect(forecast).not.toBeNull();
    await visitor.page.goto(`/plans/${plan_id}/health`);
    await visitor.page.getByTestId('health-forecast').waitFor();
    const band = forecast!.share_per_member_minor;
    expect(await visitor.page.getByTestId('health-forecast-sentence').textContent()).toBe(
      `In ${forecast!.year} a member covered all year would most likely pay about ${yuan(band.p50)} in shares; in 9 of 10 simulated futures it stays between ${yuan(band.p5)} and ${yuan(band.p95)}.`,
    );
    await chartsDrawn(visitor.page);
    await screenshot(visitor.page, 'sustainability-health-forecast', 'en', 'phone');
    expect(await axeViolations(visitor.page)).toEqual([]);
    await visitor.context.close();
    await context.close();
  }, 600_000);

  it('the simulator names every scenario and its risk classes in Chinese on the Chinese page', async () => {
    const { context, page } = await open('demo-operator', 'zh-CN', 'phone');
    const { scenarios } = (await (await context.request.get('/api/sustainability/scenarios')).json()) as { scenarios: Array<{ name: string; risk_classes_zh: string[] }> };
    await page.goto('/staff/sustainability/simulator');
    // The form is drawn once the scenarios have loaded: the first scenario's first risk class is asked for.
    await page.getByLabel(`风险类别“${scenarios[0]!.risk_classes_zh[0]!}”的加入者`).waitFor();
    // The scenarios by their titles, not their names.
    expect(await page.getByLabel('情景').locator('option').allTextContents()).toEqual(['相互宝（2018年上线起）', '小型社区计划']);
    for (const scenario of scenarios) {
      await page.getByLabel('情景').selectOption(scenario.name);
      for (const name of scenario.risk_classes_zh) await page.getByLabel(`风险类别“${name}”的加入者`).waitFor();
    }
    await screenshot(page, 'sustainability-simulator-form', 'zh-CN', 'phone');
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
