import { afterEach, beforeEach, expect, it } from 'vitest';
import { int64MaxMinor } from '../../src/core/money/checked-int64.js';
import { RejectionError } from '../../src/core/rejection.js';
import { getAccount, openAccount, postTransfer, postTransfers } from '../../src/ledger/ledger.js';
import { netDebitOfPrefix } from '../../src/ledger/ledger-reads.js';
import { maxLegAmountMinor, type TransferInput } from '../../src/ledger/transfer.js';
import { verifyJournal } from '../../src/ledger/verify-journal.js';
import type { Store } from '../../src/store/store.js';
import { codeOf } from '../support/rejection-code.js';
import { describeEachBackend, freshStore } from '../support/test-stores.js';

const at = '2026-11-28T10:00:00.000Z';
/** Legs per side of a filling transfer: 500 debits and 500 credits, the most one transfer has. */
const legsPerSide = 500;

/** Moves `amount_minor` from `from` to `to` in legs of at most maxLegAmountMinor each. */
function transfer(key: string, from: string, to: string, amount_minor: bigint): TransferInput {
  const legs: Array<TransferInput['legs'][number]> = [];
  for (let left = amount_minor; left > 0n; left -= maxLegAmountMinor) {
    const leg_minor = left < maxLegAmountMinor ? left : maxLegAmountMinor;
    legs.push({ account_code: to, side: 'debit', amount_minor: leg_minor }, { account_code: from, side: 'credit', amount_minor: leg_minor });
  }
  return { idempotency_key: key, description: `move ${amount_minor}`, currency: 'CNY', legs };
}

describeEachBackend('store contract: ledger bounds', (dialect) => {
  let store: Store;
  beforeEach(async () => {
    store = await freshStore(dialect);
    await openAccount(store, { code: 'custody:CNY', name: 'Custody account', type: 'asset', currency: 'CNY', guard: 'non_negative' }, at);
    await openAccount(store, { code: 'bank:CNY', name: 'Another bank account', type: 'asset', currency: 'CNY', guard: 'none' }, at);
    await openAccount(store, { code: 'wallet:M1', name: 'Wallet M1', type: 'liability', currency: 'CNY', guard: 'non_negative' }, at);
    await openAccount(store, { code: 'wallet:M2', name: 'Wallet M2', type: 'liability', currency: 'CNY', guard: 'non_negative' }, at);
  });
  afterEach(async () => {
    await store?.close();
  });

  /** Fills wallet:M1 (and custody) with `amount_minor`, in transfers of 500 full legs a side. */
  async function fill(amount_minor: bigint): Promise<void> {
    const per_transfer_minor = maxLegAmountMinor * BigInt(legsPerSide);
    const inputs: TransferInput[] = [];
    for (let left = amount_minor, index = 0; left > 0n; left -= per_transfer_minor, index += 1) {
      inputs.push(transfer(`fill-${index}`, 'wallet:M1', 'custody:CNY', left < per_transfer_minor ? left : per_transfer_minor));
    }
    await postTransfers(store, inputs, at);
  }

  async function headSeq(): Promise<bigint> {
    return (await store.db.selectFrom('ledger_head').select('seq').executeTakeFirstOrThrow()).seq;
  }

  it('takes a balance up to 2^63 − 1 exactly and refuses one unit more, changing nothing', async () => {
    await fill(int64MaxMinor);
    expect((await getAccount(store, 'wallet:M1')).balance_minor).toBe(int64MaxMinor);
    const seq = await headSeq();

    const error = await postTransfer(store, transfer('one-more', 'wallet:M1', 'custody:CNY', 1n), at).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RejectionError);
    const rejection = (error as RejectionError).rejection;
    expect(rejection.code).toBe('LEDGER_AMOUNT_OUT_OF_RANGE');
    expect(rejection.details).toMatchObject({ balance_minor: int64MaxMinor.toString(), resulting_balance_minor: (int64MaxMinor + 1n).toString() });
    expect(await headSeq()).toBe(seq);
    expect((await getAccount(store, 'wallet:M1')).balance_minor).toBe(int64MaxMinor);

    // Money can still leave the full account, and other accounts still post.
    await postTransfer(store, transfer('refund', 'custody:CNY', 'wallet:M1', 5000n), at);
    await postTransfer(store, transfer('m2', 'wallet:M2', 'bank:CNY', 5000n), at);
    const report = await verifyJournal(store);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('sums wallets exactly even when their total is outside int64', async () => {
    await fill(int64MaxMinor);
    await postTransfer(store, transfer('m2', 'wallet:M2', 'bank:CNY', 5000n), at);
    // Both wallets are credit-normal: their net debits add up below −2^63.
    expect(await netDebitOfPrefix(store.db, 'wallet:', 'CNY')).toBe(-int64MaxMinor - 5000n);
    expect((await verifyJournal(store)).ok).toBe(true);
  });

  it('refuses only the overflowing transfer of a group commit; the others in the group post', async () => {
    await fill(9n * 10n ** 18n);
    const room_minor = int64MaxMinor - 9n * 10n ** 18n;
    const seq = await headSeq();
    // The first caller posts alone; the three that arrive meanwhile share the next store transaction.
    const outcomes = await Promise.allSettled([
      postTransfer(store, transfer('first', 'wallet:M2', 'custody:CNY', 100n), at),
      postTransfer(store, transfer('before', 'wallet:M2', 'custody:CNY', 200n), at),
      postTransfer(store, transfer('too-much', 'wallet:M1', 'custody:CNY', room_minor + 1n), at),
      postTransfer(store, transfer('after', 'wallet:M2', 'custody:CNY', 300n), at),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const refused = outcomes[2] as PromiseRejectedResult;
    expect((refused.reason as RejectionError).rejection.code).toBe('LEDGER_AMOUNT_OUT_OF_RANGE');
    expect(await headSeq()).toBe(seq + 3n);
    expect((await getAccount(store, 'wallet:M2')).balance_minor).toBe(600n);
    expect((await getAccount(store, 'custody:CNY')).balance_minor).toBe(9n * 10n ** 18n + 600n);
    expect((await verifyJournal(store)).ok).toBe(true);
  });

  it('rolls back an all-or-nothing batch with an overflowing transfer in it', async () => {
    await fill(9n * 10n ** 18n);
    const seq = await headSeq();
    const batch = [transfer('fits', 'wallet:M2', 'custody:CNY', 100n), transfer('overflows', 'wallet:M1', 'custody:CNY', 3n * 10n ** 17n)];
    expect(await codeOf(postTransfers(store, batch, at))).toBe('LEDGER_AMOUNT_OUT_OF_RANGE');
    expect(await headSeq()).toBe(seq);
    expect((await getAccount(store, 'wallet:M2')).balance_minor).toBe(0n);
    expect((await verifyJournal(store)).ok).toBe(true);
  });

  it('refuses a balance below −2^63 on an unguarded account', async () => {
    await openAccount(store, { code: 'equity:operator', name: 'Operator equity', type: 'equity', currency: 'CNY', guard: 'none' }, at);
    // Neither account has a guard: 19 transfers of 5 × 10^17 take bank:CNY to −9.5 × 10^18, below −2^63.
    const step_minor = maxLegAmountMinor * BigInt(legsPerSide);
    const inputs = Array.from({ length: 19 }, (_, index) => transfer(`out-${index}`, 'bank:CNY', 'equity:operator', step_minor));
    expect(await codeOf(postTransfers(store, inputs, at))).toBe('LEDGER_AMOUNT_OUT_OF_RANGE');
    expect((await getAccount(store, 'bank:CNY')).balance_minor).toBe(0n);
    await postTransfers(store, inputs.slice(0, 18), at);
    expect((await getAccount(store, 'bank:CNY')).balance_minor).toBe(-18n * step_minor);
    expect(await codeOf(postTransfer(store, inputs[18]!, at))).toBe('LEDGER_AMOUNT_OUT_OF_RANGE');
    expect((await verifyJournal(store)).ok).toBe(true);
  });
});
