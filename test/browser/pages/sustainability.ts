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
const healthReady: PageEntry['ready'] = (page) => drawn(page, '#health-ages');

export const pages: PageEntry[] = [
  { name: 'staff-sustainability', viewer: 'operator', roles: metricRoles, viewports, path: `/staff/sustainability?plan=${plan_id}`, ready: metricsReady },
  { name: 'staff-sustainability-auditor', viewer: 'auditor', roles: metricRoles, viewports, path: '/staff/sustainability?plan=community-senior-cancer', ready: metricsReady },
  { name: 'sustainability-public-health', viewer: 'visitor', path: `/plans/${plan_id}/health`, ready: healthReady },
];
