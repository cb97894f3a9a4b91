import fc from 'fast-check';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openAccount, postTransfer } from '../../src/ledger/ledger.js';
import { checkManualAccountCode, checkManualLegs, isManualAccount } from '../../src/ledger/manual-posting-policy.js';
import {
  approveManualPosting,
  getManualPosting,
  openManualAccount,
  rejectManualPosting,
  requestManualReversal,
  requestManualTransfer,
  type Actor,
} from '../../src/ledger/manual-postings.js';
import { verifyJournal } from '../../src/ledger/verify-journal.js';
import { fundingAccountCodes } from '../../src/services/funding/funding-accounts.js';
import { payoutAccountCodes } from '../../src/services/payouts/payout-accounts.js';
import { accountCodes } from '../../src/services/plan-accounts.js';
import { createUser } from '../../src/services/users.js';
import type { Store } from '../../src/store/store.js';
import { codeOf } from '../support/rejection-code.js';
import { describeEachBackend, freshStore } from '../support/test-stores.js';

const at = '2026-11-28T10:00:00.000Z';

it('keeps every account a flow uses out of reach of manual postings', () => {
  const flowAccounts = [
    accountCodes.custody('CNY'),
    accountCodes.collection('CNY'),
    accountCodes.wallet('M0001'),
    accountCodes.sharesReceivable('critical-illness'),
    accountCodes.aidPayable('critical-illness'),
    accountCodes.backstop('critical-illness'),
    accountCodes.feePayable('critical-illness'),
    accountCodes.operatorAdvances('critical-illness'),
    fundingAccountCodes.walletRefundsInTransit('CNY'),
    fundingAccountCodes.shareRefundsInTransit('CNY'),
    payoutAccountCodes.aidInTransit('critical-illness'),
  ];
  for (const code of flowAccounts) {
    expect(isManualAccount(code), code).toBe(false);
    expect(checkManualAccountCode(code).ok, code).toBe(false);
  }
  // The operator's own money is the one flow account staff may move between the operator's books.
  expect(isManualAccount(accountCodes.operatorEquity('CNY'))).toBe(true);
  expect(checkManualAccountCode(accountCodes.operatorEquity('CNY')).ok).toBe(false);
  const refused = checkManualLegs([{ account_code: 'operator:bank:CNY' }, { account_code: accountCodes.wallet('M0001') }]);
  expect(refused).toMatchObject({ ok: false, rejection: { code: 'LEDGER_MANUAL_ACCOUNT_FORBIDDEN', details: { leg_index: 1, account_code: 'wallet:M0001' } } });
});

it('allows by hand only codes in the operator namespace or operator equity (any other code is refused)', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9:._-]{0,40}$/), (code) => {
      const allowed = (code.startsWith('operator:') && code.length > 'operator:'.length) || /^operator_equity:[A-Z]{3}$/.test(code);
      expect(isManualAccount(code)).toBe(allowed);
    }),
  );
});

describeEachBackend('store contract: manual postings', (dialect) => {
  let store: Store;
  let maker: Actor;
  let checker: Actor;

  beforeEach(async () => {
    store = await freshStore(dialect);
    maker = { user_id: (await createUser(store, { username: 'maker', display_name: 'Maker', password: 'maker-password', roles: ['operator'] }, at)).id };
    checker = { user_id: (await createUser(store, { username: 'checker', display_name: 'Checker', password: 'checker-password', roles: ['operator'] }, at)).id };
    await openAccount(store, { code: 'operator_equity:CNY', name: 'Operator equity', type: 'equity', currency: 'CNY', guard: 'none' }, at);
    await openAccount(store, { code: 'wallet:M1', name: 'Wallet M1', type: 'liability', currency: 'CNY', guard: 'non_negative' }, at);
    await openAccount(store, { code: 'custody:CNY', name: 'Custody', type: 'asset', currency: 'CNY', guard: 'non_negative' }, at);
    await openManualAccount(store, maker, { idempotency_key: 'open-bank', code: 'operator:bank:CNY', name: 'Bank', type: 'asset', currency: 'CNY', guard: 'non_negative' }, at);
  });
  afterEach(async () => {
    await store?.close();
  });

  const capital = (amount_minor: bigint, from = 'operator_equity:CNY', to = 'operator:bank:CNY') => ({
    description: 'capital',
    currency: 'CNY',
    metadata: {},
    legs: [
      { account_code: to, side: 'debit' as const, amount_minor },
      { account_code: from, side: 'credit' as const, amount_minor },
    ],
  });

  async function counts() {
    const count = async (table: 'manual_postings' | 'ledger_audit_events' | 'ledger_transactions') =>
      BigInt((await sql<{ n: bigint }>`select count(*) as n from ${sql.table(table)}`.execute(store.db)).rows[0]!.n);
    return { postings: await count('manual_postings'), events: await count('ledger_audit_events'), transactions: await count('ledger_transactions') };
  }

  it('posts nothing until another staff member approves, then posts once', async () => {
    const { posting } = await requestManualTransfer(store, maker, { ...capital(500n), idempotency_key: 'ask-1' }, at);
    expect((await counts()).transactions).toBe(0n);
    expect(await codeOf(approveManualPosting(store, maker, { idempotency_key: 'self', manual_posting_id: posting.id }, at))).toBe('LEDGER_SAME_APPROVER');
    const approved = await approveManualPosting(store, checker, { idempotency_key: 'approve-1', manual_posting_id: posting.id }, at);
    expect(approved.transaction.metadata).toMatchObject({ manual_posting_id: posting.id.toString(), requested_by: maker.user_id.toString(), approved_by: checker.user_id.toString() });
    expect(approved.posting).toMatchObject({ status: 'approved', transaction_id: approved.transaction.id });
    const { events } = await getManualPosting(store, posting.id);
    expect(events.map((event) => [event.action, event.actor.username])).toEqual([
      ['manual_posting_requested', 'maker'],
      ['manual_posting_approved', 'checker'],
    ]);
    expect((await verifyJournal(store)).ok).toBe(true);
  });

  it('approves a posting once when two staff members approve it at the same time', async () => {
    const third = { user_id: (await createUser(store, { username: 'third', display_name: 'Third', password: 'third-password', roles: ['admin'] }, at)).id };
    const { posting } = await requestManualTransfer(store, maker, { ...capital(500n), idempotency_key: 'ask-race' }, at);
    const outcomes = await Promise.allSettled([
      approveManualPosting(store, checker, { idempotency_key: 'race-a', manual_posting_id: posting.id }, at),
      approveManualPosting(store, third, { idempotency_key: 'race-b', manual_posting_id: posting.id }, at),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(await codeOf(Promise.reject(failed!.reason))).toBe('LEDGER_MANUAL_POSTING_ALREADY_DECIDED');
    expect((await counts()).transactions).toBe(1n);
  });

  it('answers two requests with one key at the same time with one posting', async () => {
    const [first, second] = await Promise.all([
      requestManualTransfer(store, maker, { ...capital(7n), idempotency_key: 'same-key' }, at),
      requestManualTransfer(store, maker, { ...capital(7n), idempotency_key: 'same-key' }, at),
    ]);
    expect(first.posting.id).toBe(second.posting.id);
    expect([first.replayed, second.replayed].sort()).toEqual([false, true]);
    expect(await codeOf(requestManualTransfer(store, maker, { ...capital(8n), idempotency_key: 'same-key' }, at))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await counts()).postings).toBe(1n);
  });

  it('refuses a posting touching a wallet or custody, and a reversal of a flow posting, writing nothing', async () => {
    const flow = await postTransfer(
      store,
      { idempotency_key: 'hold', kind: 'wallet_refund_requested', description: 'hold', currency: 'CNY', legs: [
        { account_code: 'custody:CNY', side: 'debit', amount_minor: 10n },
        { account_code: 'wallet:M1', side: 'credit', amount_minor: 10n },
      ] },
      at,
    );
    const before = await counts();
    expect(await codeOf(requestManualTransfer(store, maker, { ...capital(5n, 'wallet:M1'), idempotency_key: 'w' }, at))).toBe('LEDGER_MANUAL_ACCOUNT_FORBIDDEN');
    expect(await codeOf(requestManualTransfer(store, maker, { ...capital(5n, 'operator_equity:CNY', 'custody:CNY'), idempotency_key: 'c' }, at))).toBe(
      'LEDGER_MANUAL_ACCOUNT_FORBIDDEN',
    );
    expect(await codeOf(requestManualReversal(store, maker, { idempotency_key: 'r', transaction_id: flow.transaction.id }, at))).toBe('LEDGER_FLOW_POSTING_NOT_REVERSIBLE');
    expect(await codeOf(requestManualTransfer(store, maker, { ...capital(5n), metadata: { approved_by: 'me' }, idempotency_key: 'm' }, at))).toBe('LEDGER_BAD_TRANSFER');
    expect(await counts()).toEqual(before);
  });

  it('reverses a manual posting only through a second approval, and only once', async () => {
    const { posting } = await requestManualTransfer(store, maker, { ...capital(40n), idempotency_key: 'ask' }, at);
    const { transaction } = await approveManualPosting(store, checker, { idempotency_key: 'ok', manual_posting_id: posting.id }, at);
    const first = await requestManualReversal(store, maker, { idempotency_key: 'rev-1', transaction_id: transaction.id }, at);
    // A second request while the first waits; whichever is approved first wins, the other is refused then.
    const second = await requestManualReversal(store, checker, { idempotency_key: 'rev-2', transaction_id: transaction.id }, at);
    const reversed = await approveManualPosting(store, checker, { idempotency_key: 'ok-rev', manual_posting_id: first.posting.id }, at);
    expect(reversed.transaction).toMatchObject({ kind: 'manual_reversal', reverses_id: transaction.id });
    expect(await codeOf(approveManualPosting(store, maker, { idempotency_key: 'ok-rev-2', manual_posting_id: second.posting.id }, at))).toBe('LEDGER_ALREADY_REVERSED');
    expect((await getManualPosting(store, second.posting.id)).posting.status).toBe('pending');
    const rejected = await rejectManualPosting(store, checker, { idempotency_key: 'withdraw', manual_posting_id: second.posting.id, reason: 'already reversed' }, at);
    expect(rejected.posting).toMatchObject({ status: 'rejected', decision_reason: 'already reversed' });
    expect((await verifyJournal(store)).ok).toBe(true);
  });

  it('keeps the maker from approving in the schema too', async () => {
    const { posting } = await requestManualTransfer(store, maker, { ...capital(1n), idempotency_key: 'ask' }, at);
    await expect(
      store.db.updateTable('manual_postings').set({ status: 'approved', decided_by: maker.user_id, decided_at: at, transaction_id: 999n }).where('id', '=', posting.id).execute(),
    ).rejects.toThrow();
  });

  it('has ledger verify name a manual-kind posting that no second staff member approved', async () => {
    const { posting } = await requestManualTransfer(store, maker, { ...capital(3n), idempotency_key: 'ask' }, at);
    await approveManualPosting(store, checker, { idempotency_key: 'ok', manual_posting_id: posting.id }, at);
    expect((await verifyJournal(store)).ok).toBe(true);
    // Code that posts a manual kind around maker–checker.
    const direct = await postTransfer(store, { ...capital(2n), idempotency_key: 'around', kind: 'manual' }, at);
    const report = await verifyJournal(store);
    expect(report.problems).toEqual([expect.objectContaining({ code: 'JOURNAL_MANUAL_UNAPPROVED', transaction_id: direct.transaction.id.toString() })]);
  });
});
