import { ApiSession } from '../support/api-session.js';
import type { PageEntry, PageScene } from './page-entry.js';

const roles = ['operator', 'auditor'];
const viewports = ['desktop', 'tablet'] as const;
const demoPassword = 'demo-password';

/**
 * A manual posting to show: the demo community has none, so the first entry that needs one asks
 * for it as demo-operator (opening an operator account for it first) and the others reuse it.
 */
async function aManualPosting(scene: PageScene): Promise<string> {
  const listed = await scene.api<{ manual_postings: Array<{ id: string }> }>('/api/ledger/manual-postings?limit=1');
  if (listed.manual_postings[0] !== undefined) return listed.manual_postings[0].id;
  const operator = await ApiSession.login(scene.baseUrl, 'demo-operator', demoPassword);
  await operator.request('POST', '/api/ledger/accounts', { code: 'operator:bank:CNY', name: 'Operator bank account', type: 'asset', currency: 'CNY', guard: 'non_negative' }, { 'idempotency-key': 'pages-ledger-open-bank' });
  const asked = await operator.request<{ manual_posting: { id: string } }>(
    'POST',
    '/api/ledger/transactions',
    {
      description: 'Capital for the operating account',
      currency: 'CNY',
      legs: [
        { account_code: 'operator:bank:CNY', side: 'debit', amount_minor: '1000000' },
        { account_code: 'operator_equity:CNY', side: 'credit', amount_minor: '1000000' },
      ],
    },
    { 'idempotency-key': 'pages-ledger-ask-capital' },
  );
  return asked.manual_posting.id;
}

/** The ledger's staff pages (web/src/features/ledger), for operators and auditors. */
export const pages: PageEntry[] = [
  // One family of accounts: the whole list's first page holds wallets whose created_at (the day a member joined) the
  // personal-data scan reads as a birth date whenever some demo person was born that day.
  {
    name: 'staff-ledger-accounts',
    viewer: 'operator',
    path: '/staff/ledger?prefix=aid_payable%3A',
    roles,
    viewports,
    ready: (page) => page.locator('table a.ledger-code').first().waitFor(),
  },
  { name: 'staff-ledger-accounts-auditor', viewer: 'auditor', path: '/staff/ledger?prefix=custody%3A', roles, viewports, ready: (page) => page.locator('table a.ledger-code').first().waitFor() },
  {
    name: 'staff-ledger-account',
    viewer: 'operator',
    path: '/staff/ledger/accounts/custody%3ACNY',
    roles,
    viewports,
    ready: (page) => page.locator('section[aria-labelledby="ledger-account-entries"] :is(table, p.muted)').first().waitFor(),
  },
  {
    name: 'staff-ledger-transactions',
    viewer: 'auditor',
    path: '/staff/ledger/transactions',
    roles,
    viewports,
    ready: (page) => page.locator('table tbody tr').first().waitFor(),
  },
  {
    name: 'staff-ledger-transaction',
    viewer: 'operator',
    path: async (scene) => {
      const newest = await scene.api<{ transactions: Array<{ id: string }> }>('/api/ledger/transactions?limit=1');
      if (newest.transactions[0] === undefined) throw new Error('the demo journal is empty');
      return `/staff/ledger/transactions/${newest.transactions[0].id}`;
    },
    roles,
    viewports,
    ready: (page) => page.locator('section[aria-labelledby="ledger-transaction-legs"] table').waitFor(),
  },
  {
    name: 'staff-ledger-postings',
    viewer: 'operator',
    path: async (scene) => {
      await aManualPosting(scene);
      return '/staff/ledger/postings';
    },
    roles,
    viewports,
    ready: (page) => page.locator('section[aria-labelledby="ledger-all-postings"] table').waitFor(),
  },
  {
    name: 'staff-ledger-postings-auditor',
    viewer: 'auditor',
    path: '/staff/ledger/postings',
    roles,
    viewports,
    ready: (page) => page.locator('section[aria-labelledby="ledger-all-postings"] :is(table, p.muted)').first().waitFor(),
  },
  {
    name: 'staff-ledger-posting',
    viewer: 'operator2',
    path: async (scene) => `/staff/ledger/postings/${await aManualPosting(scene)}`,
    roles,
    viewports,
    ready: (page) => page.locator('.ledger-trail li').first().waitFor(),
  },
  {
    name: 'staff-ledger-custody',
    viewer: 'auditor',
    path: '/staff/ledger/custody',
    roles,
    viewports,
    ready: (page) => page.locator('section[aria-labelledby^="ledger-custody-recent"] :is(table, p.muted)').first().waitFor(),
  },
  {
    name: 'staff-ledger-verify',
    viewer: 'operator',
    path: '/staff/ledger/verify',
    roles,
    viewports,
    // The check runs when asked: the page is ready with its button (the browser test runs it).
    ready: (page) => page.locator('main button.button').first().waitFor(),
  },
];
