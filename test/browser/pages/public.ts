/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import type { PageEntry, PageScene } from './page-entry.js';

interface CardsPage {
  cases: Array<{ case_number: string; state: string }>;
}
interface CyclesPage {
  cycles: Array<{ cycle_id: string; case_count: number; status: string }>;
}

/** A case in public notice on the demo data (the demo keeps one in notice at the end of its history). */
export async function caseInNotice(scene: PageScene): Promise<string> {
  const { cases } = await scene.api<CardsPage>('/api/public/cases?limit=50');
  const card = cases.find((entry) => entry.state === 'in_notice') ?? cases[0];
  if (card === undefined) throw new Error('the demo community has no published case');
  return card.case_number;
}

/** The newest completed cycle that shared a case. */
export async function cycleWithCases(scene: PageScene): Promise<string> {
  const { cycles } = await scene.api<CyclesPage>('/api/public/cycles?limit=50');
  const cycle = cycles.find((entry) => entry.status === 'completed' && entry.case_count > 0) ?? cycles[0];
  if (cycle === undefined) throw new Error('the demo community has no cycle');
  return cycle.cycle_id;
}

/** The page's heading is there and nothing is loading any more. */
async function settled(page: Page, content: string): Promise<void> {
  await page.locator(content).first().waitFor();
  // Every query answered and every chart drawn (ECharts puts an <svg> in each chart's box).
  await page.waitForFunction(() => document.querySelector('.loading') === null && Array.from(document.querySelectorAll('.chart-box')).every((box) => box.querySelector('.chart svg') !== null));
}

/** The public pages (home, plans, notice, case, cycle reports), all seen by a visitor. */
export const pages: PageEntry[] = [
  { name: 'public-home', viewer: 'visitor', path: '/', ready: (page) => settled(page, '#home-plans') },
  { name: 'public-plans', viewer: 'visitor', path: '/plans', ready: (page) => settled(page, 'main article.card h2') },
  { name: 'public-plan', viewer: 'visitor', path: '/plans/critical-illness', ready: (page) => settled(page, '#plan-history') },
  { name: 'public-notices', viewer: 'visitor', path: '/notices', ready: (page) => settled(page, 'main .case-card') },
  { name: 'public-case', viewer: 'visitor', path: async (scene) => `/cases/${await caseInNotice(scene)}`, ready: (page) => settled(page, '#case-jury') },
  { name: 'public-cycles', viewer: 'visitor', path: '/cycles', ready: (page) => settled(page, '.chart-box') },
  { name: 'public-cycle', viewer: 'visitor', path: async (scene) => `/cycles/${await cycleWithCases(scene)}`, ready: (page) => settled(page, '#cycle-cases') },
  // The demo plans are not closing: the page says so (CLOSURE_NOT_FOUND in the visitor's language).
  { name: 'public-closure', viewer: 'visitor', path: '/plans/community-critical-illness/closure', ready: (page) => settled(page, '#closure-none') },
];
