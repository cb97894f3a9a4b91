import type { PageEntry, PageScene } from './page-entry.js';

/** The operator's (and auditor's) cycle, payout and advance pages (web/src/features/staff-cycles). */
const cycleRoles = ['operator', 'auditor'];
const payoutRoles = ['operator', 'auditor'];
const viewports = ['desktop', 'tablet'] as const;

/** The newest published cycle of the demo's post-paid plan. */
async function publishedCycle(scene: PageScene): Promise<string> {
  const { cycles } = await scene.api<{ cycles: Array<{ cycle: { cycle_id: string }; staff_status: string }> }>('/api/cycles?plan_id=community-critical-illness&limit=20');
  const published = cycles.find((item) => item.staff_status === 'published');
  if (published === undefined) throw new Error('the demo has no published cycle');
  return published.cycle.cycle_id;
}

const cyclesReady: PageEntry['ready'] = (page) => page.locator('section[aria-labelledby="cycles-title"] table tbody tr').first().waitFor();
const reportReady: PageEntry['ready'] = (page) => page.locator('section[aria-labelledby="report-cases"] :is(table, p.muted)').first().waitFor();
const payoutsReady: PageEntry['ready'] = (page) => page.locator('[data-payout]').first().waitFor();
const advancesReady: PageEntry['ready'] = (page) => page.locator('section[aria-labelledby="statement-title"] .stat').first().waitFor();

export const pages: PageEntry[] = [
  { name: 'staff-cycles', viewer: 'operator', roles: cycleRoles, viewports, path: '/staff/cycles', ready: cyclesReady },
  { name: 'staff-cycles-auditor', viewer: 'auditor', roles: cycleRoles, viewports, path: '/staff/cycles', ready: cyclesReady },
  {
    name: 'staff-cycle-report',
    viewer: 'operator',
    roles: cycleRoles,
    viewports,
    path: async (scene) => `/staff/cycles/${await publishedCycle(scene)}`,
    ready: reportReady,
  },
  {
    name: 'staff-cycle-report-auditor',
    viewer: 'auditor',
    roles: cycleRoles,
    viewports,
    path: async (scene) => `/staff/cycles/${await publishedCycle(scene)}`,
    ready: reportReady,
  },
  {
    name: 'staff-cycle-job',
    viewer: 'operator',
    roles: cycleRoles,
    viewports,
    // The demo runs its cycles without jobs: an unknown job shows the API's "no such job" message.
    path: async (scene) => {
      const { jobs } = await scene.api<{ jobs: Array<{ job_id: string }> }>('/api/cycle-jobs?limit=1');
      return `/staff/cycles/jobs/${jobs[0]?.job_id ?? '1'}`;
    },
    ready: (page) => page.locator('.staff-cycles-job, .alert.error').first().waitFor(),
  },
  { name: 'staff-payouts', viewer: 'operator', roles: payoutRoles, viewports, path: '/staff/payouts', ready: payoutsReady },
  { name: 'staff-payouts-auditor', viewer: 'auditor', roles: payoutRoles, viewports, path: '/staff/payouts', ready: payoutsReady },
  {
    name: 'staff-advances',
    viewer: 'operator',
    roles: payoutRoles,
    viewports,
    path: '/staff/payouts/advances?plan=community-critical-illness',
    ready: advancesReady,
  },
  {
    name: 'staff-advances-auditor',
    viewer: 'auditor',
    roles: payoutRoles,
    viewports,
    path: '/staff/payouts/advances?plan=community-senior-cancer',
    ready: advancesReady,
  },
];
