import { afterAll, beforeAll, expect, it } from 'vitest';
import { openAccount, postTransfer } from '../../src/ledger/ledger.js';
import { currencyAccounts, planAccounts, walletAccount } from '../../src/services/plan-accounts.js';
import { describeEachBackend } from '../support/test-stores.js';
import { startTestApp, testNow, type TestApp } from '../support/test-app.js';

interface Leg {
  account_code: string;
  side: 'debit' | 'credit';
  amount_minor: string;
}
interface Transaction {
  id: string;
  kind: string;
  legs: Leg[];
}

describeEachBackend('HTTP: the ledger lists of the staff console', (dialect) => {
  let t: TestApp;
  let operator: string;
  let auditor: string;
  let member: string;
  // The journal this suite posts, by name: a top-up of A, one of B, a deduction from A, a second top-up of A.
  const ids: Record<'topUpA' | 'topUpB' | 'deductA' | 'topUpA2', string> = { topUpA: '', topUpB: '', deductA: '', topUpA2: '' };

  const move = async (key: string, kind: string, posted_at: string, debit: string, credit: string, amount_minor: bigint) => {
    const { transaction } = await postTransfer(
      t.store,
      {
        idempotency_key: key,
        kind,
        description: kind,
        currency: 'CNY',
        legs: [
          { account_code: debit, side: 'debit', amount_minor },
          { account_code: credit, side: 'credit', amount_minor },
        ],
      },
      posted_at,
    );
    return transaction.id.toString();
  };

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    operator = await t.login('olivia', 'operator-password');
    auditor = await t.login('audrey', 'auditor-password');
    member = await t.login('mei', 'member-password');
    for (const definition of [...currencyAccounts('CNY'), ...planAccounts('senior-cancer', 'CNY'), walletAccount('A', 'CNY'), walletAccount('B', 'CNY')]) {
      await openAccount(t.store, definition, testNow);
    }
    ids.topUpA = await move('t1', 'top_up', '2026-11-01T08:00:00.000Z', 'custody:CNY', 'wallet:A', 5000n);
    ids.topUpB = await move('t2', 'top_up', '2026-11-05T08:00:00.000Z', 'custody:CNY', 'wallet:B', 3000n);
    ids.deductA = await move('t3', 'share_deduction', '2026-11-10T08:00:00.000Z', 'wallet:A', 'aid_payable:senior-cancer', 1000n);
    ids.topUpA2 = await move('t4', 'top_up', '2026-11-20T08:00:00.000Z', 'custody:CNY', 'wallet:A', 200n);
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, cookie: string | null = auditor) => t.app.inject({ method: 'GET', url, headers: cookie === null ? {} : { cookie } });
  const listed = async (query: string) => {
    const response = await get(`/api/ledger/transactions?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { transactions: Transaction[]; next_before: string | null };
    return { ids: body.transactions.map((transaction) => transaction.id), next_before: body.next_before, transactions: body.transactions };
  };

  it('pages the journal newest first, each transaction with its legs', async () => {
    const first = await listed('limit=2');
    expect(first.ids).toEqual([ids.topUpA2, ids.deductA]);
    expect(first.next_before).toBe(ids.deductA);
    expect(first.transactions[1]).toMatchObject({
      kind: 'share_deduction',
      legs: [
        { account_code: 'wallet:A', side: 'debit', amount_minor: '1000' },
        { account_code: 'aid_payable:senior-cancer', side: 'credit', amount_minor: '1000' },
      ],
    });
    const second = await listed(`limit=2&before=${first.next_before}`);
    expect(second.ids).toEqual([ids.topUpB, ids.topUpA]);
    const third = await listed(`limit=2&before=${second.next_before}`);
    expect(third).toMatchObject({ ids: [], next_before: null });
    // A short page is the last one.
    expect((await listed('limit=50')).next_before).toBeNull();
  });

  it('filters by account, kind and posting time, alone and together', async () => {
    expect((await listed('account=wallet:A')).ids).toEqual([ids.topUpA2, ids.deductA, ids.topUpA]);
    expect((await listed('kind=top_up')).ids).toEqual([ids.topUpA2, ids.topUpB, ids.topUpA]);
    expect((await listed('posted_from=2026-11-04T00:00:00Z&posted_before=2026-11-15T00:00:00Z')).ids).toEqual([ids.deductA, ids.topUpB]);
    // An instant with an offset means the same moment: 2026-11-10T16:00+08:00 is 08:00 UTC, the deduction's.
    expect((await listed('posted_from=2026-11-10T16:00:00%2B08:00')).ids).toEqual([ids.topUpA2, ids.deductA]);
    expect((await listed('account=wallet:A&kind=top_up')).ids).toEqual([ids.topUpA2, ids.topUpA]);
    const paged = await listed('account=custody:CNY&limit=1');
    expect(paged).toMatchObject({ ids: [ids.topUpA2], next_before: ids.topUpA2 });
    expect((await listed(`account=custody:CNY&limit=1&before=${paged.next_before}`)).ids).toEqual([ids.topUpB]);
  });

  it('refuses an unknown account, a malformed filter and a page too large', async () => {
    const unknown = await get('/api/ledger/transactions?account=wallet:nobody');
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'LEDGER_UNKNOWN_ACCOUNT']);
    for (const query of ['posted_from=yesterday', 'kind=Top%20Up', 'limit=201', 'limit=0', 'before=0']) {
      const response = await get(`/api/ledger/transactions?${query}`);
      expect([response.statusCode, response.json().error.code], query).toEqual([400, 'VALIDATION_FAILED']);
    }
    const entries = await get('/api/ledger/accounts/wallet:nobody/transactions');
    expect([entries.statusCode, entries.json().error.code]).toEqual([404, 'LEDGER_UNKNOWN_ACCOUNT']);
  });

  it("shows an account's transactions with the balance after each, on every page", async () => {
    const entries = async (code: string, query = '') => {
      const response = await get(`/api/ledger/accounts/${code}/transactions?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as {
        account: { balance_minor: string };
        entries: Array<{ transaction: Transaction; change_minor: string; balance_after_minor: string }>;
        next_before: string | null;
      };
    };
    const rows = (page: Awaited<ReturnType<typeof entries>>) => page.entries.map((entry) => [entry.transaction.id, entry.change_minor, entry.balance_after_minor]);
    // wallet:A by hand: +5000 → 5000, −1000 → 4000, +200 → 4200.
    const wallet = await entries('wallet:A');
    expect(wallet.account.balance_minor).toBe('4200');
    expect(rows(wallet)).toEqual([
      [ids.topUpA2, '200', '4200'],
      [ids.deductA, '-1000', '4000'],
      [ids.topUpA, '5000', '5000'],
    ]);
    expect(wallet.next_before).toBeNull();
    // One row a page: the balance on a later page still counts every newer posting.
    const first = await entries('custody:CNY', 'limit=1');
    expect(rows(first)).toEqual([[ids.topUpA2, '200', '8200']]);
    const second = await entries('custody:CNY', `limit=1&before=${first.next_before}`);
    expect(rows(second)).toEqual([[ids.topUpB, '3000', '8000']]);
    const third = await entries('custody:CNY', `limit=1&before=${second.next_before}`);
    expect(rows(third)).toEqual([[ids.topUpA, '5000', '5000']]);
    expect((await entries('custody:CNY', `limit=1&before=${third.next_before}`)).entries).toEqual([]);
    // A liability's balance rises with credits: aid payable is +1000 after the deduction.
    expect(rows(await entries('aid_payable:senior-cancer'))).toEqual([[ids.deductA, '1000', '1000']]);
  });

  it('sets custody against the wallets and what prepaid plans owe, and shows a difference', async () => {
    const custody = async () => {
      const response = await get('/api/ledger/custody');
      expect(response.statusCode, response.body).toBe(200);
      return response.json().currencies as Array<Record<string, unknown>>;
    };
    // custody 5000 + 3000 + 200 = 8200; wallets A 4200 + B 3000 = 7200; aid payable 1000 (the deduction).
    expect(await custody()).toEqual([
      {
        currency: 'CNY',
        custody_account_code: 'custody:CNY',
        custody_minor: '8200',
        wallets_minor: '7200',
        wallet_count: 2,
        prepaid_receivable_minor: '0',
        prepaid_payables_minor: '1000',
        wallet_refunds_in_transit_minor: '0',
        difference_minor: '0',
        ok: true,
      },
    ]);
    // Money in custody that no wallet or payable accounts for: 8250 − (7200 + 1000) = 50.
    await move('stray', 'stray_deposit', testNow, 'custody:CNY', 'operator_equity:CNY', 50n);
    expect((await custody())[0]).toMatchObject({ custody_minor: '8250', wallets_minor: '7200', difference_minor: '50', ok: false });
  });

  it('lets operators and auditors read the lists and run the verification; members and visitors get nothing', async () => {
    const urls = ['/api/ledger/transactions', '/api/ledger/accounts/custody:CNY/transactions', '/api/ledger/custody', '/api/ledger/verify'];
    for (const url of urls) {
      for (const cookie of [operator, auditor]) expect((await get(url, cookie)).statusCode, url).toBe(200);
      const forbidden = await get(url, member);
      expect([forbidden.statusCode, forbidden.json().error.code], url).toEqual([403, 'AUTH_FORBIDDEN']);
      expect((await get(url, null)).statusCode, url).toBe(401);
    }
    expect((await get('/api/ledger/verify', operator)).json()).toMatchObject({ ok: true, transactions: 5 });
  });
});
