/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import type { PageEntry } from './page-entry.js';

/** The sustainability pages (web/src/features/sustainability): operators and auditors read the metrics; anyone the health page. */
const metricRoles = ['operator', 'auditor'];
const viewports = ['desktop', 'tablet'] as const;
const plan_id = 'community-critical-illness';

/** The content is there and every chart is drawn (ECharts puts an <svg> in each chart's box). */
async function drawn(page: Page, content: string): Promise<void> {
  await page.locator(content).first().waitFor();
  await page.waitForFunction(() => document.querySelector('.loading') === null && Array.from(document.querySelectorAll('.chart-box')).every((box) => box.querySelector('.chart svg') !== null));
}

const metricsReady: PageEntry['ready'] = (page) => drawn(page, '#sustainability-trends');
const healthReady: PageEntry['ready'] = (page) => drawn(page, 'section[aria-labelledby="health-forecast"] :is(p, table)');
const simulatorReady: PageEntry['ready'] = (page) => page.locator('#simulator-runs-title ~ :is(p, .table-wrap)').first().waitFor();

export const pages: PageEntry[] = [
  { name: 'staff-sustainability', viewer: 'operator', roles: metricRoles, viewports, path: `/staff/sustainability?plan=${plan_id}`, ready: metricsReady },
  { name: 'staff-sustainability-auditor', viewer: 'auditor', roles: metricRoles, viewports, path: '/staff/sustainability?plan=community-senior-cancer', ready: metricsReady },
  { name: 'staff-sustainability-simulator', viewer: 'operator', roles: metricRoles, viewports, path: '/staff/sustainability/simulator', ready: simulatorReady },
  { name: 'staff-sustainability-simulator-auditor', viewer: 'auditor', roles: metricRoles, viewports, path: '/staff/sustainability/simulator', ready: simulatorReady },
  {
    name: 'staff-sustainability-run',
    viewer: 'operator',
    roles: metricRoles,
    viewports,
    // The demo seeds no simulation run: without one, an unknown run shows the API's "no such run" message.
    path: async (scene) => {
      const { runs } = await scene.api<{ runs: Array<{ id: string }> }>('/api/sustainability/simulations?limit=1');
      return `/staff/sustainability/simulations/${runs[0]?.id ?? '1'}`;
    },
    ready: (page) => drawn(page, '.sustainability-progress, .alert.error'),
  },
  {
    name: 'staff-sustainability-compare',
    viewer: 'operator',
    roles: metricRoles,
    viewports,
    // Without two finished runs in the demo, the page asks for two (with them, it shows them side by side).
    path: async (scene) => {
      const { runs } = await scene.api<{ runs: Array<{ id: string; status: string }> }>('/api/sustainability/simulations?limit=20');
      const done = runs.filter((run) => run.status === 'done');
      return done.length < 2 ? '/staff/sustainability/compare' : `/staff/sustainability/compare?a=${done[1]!.id}&b=${done[0]!.id}`;
    },
    ready: (page) => drawn(page, 'main .spread ~ :is(p, .grid)'),
  },
  { name: 'sustainability-public-health', viewer: 'visitor', path: `/plans/${plan_id}/health`, ready: healthReady },
];
