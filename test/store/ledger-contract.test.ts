import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RejectionError } from '../../src/core/rejection.js';
import { getAccount, getTransaction, listAccounts, openAccount, postTransfer, postTransfers, reverseTransaction } from '../../src/ledger/ledger.js';
import type { TransferInput } from '../../src/ledger/transfer.js';
import { verifyJournal } from '../../src/ledger/verify-journal.js';
import { migrateToLatest, type Store } from '../../src/store/store.js';
import { describeEachBackend, freshStore } from '../support/test-stores.js';
import { codeOf as rejectionCode } from '../support/rejection-code.js';

const at = '2026-11-28T10:00:00.000Z';

function transfer(key: string, from: string, to: string, amount_minor: bigint, currency = 'CNY'): TransferInput {
  return {
    idempotency_key: key,
    description: `move ${amount_minor} from ${from} to ${to}`,
    currency,
    legs: [
      { account_code: to, side: 'debit', amount_minor },
      { account_code: from, side: 'credit', amount_minor },
    ],
  };
}

describeEachBackend('store contract: ledger', (dialect) => {
  let store: Store;
  beforeEach(async () => {
    store = await freshStore(dialect);
    // custody (asset, guarded) ← member money; wallet (liability, guarded); equity funds the operator.
    await openAccount(store, { code: 'custody:CNY', name: 'Custody account', type: 'asset', currency: 'CNY', guard: 'non_negative' }, at);
    await openAccount(store, { code: 'wallet:M1', name: 'Wallet M1', type: 'liability', currency: 'CNY', guard: 'non_negative' }, at);
    await openAccount(store, { code: 'wallet:M2', name: 'Wallet M2', type: 'liability', currency: 'CNY', guard: 'non_negative' }, at);
    await openAccount(store, { code: 'equity:operator', name: 'Operator equity', type: 'equity', currency: 'CNY', guard: 'none' }, at);
    await openAccount(store, { code: 'cash:USD', name: 'USD cash', type: 'asset', currency: 'USD', guard: 'none' }, at);
  });
  afterEach(async () => {
    await store?.close();
  });

  async function headSeq(): Promise<bigint> {
    const head = await store.db.selectFrom('ledger_head').select('seq').executeTakeFirstOrThrow();
    return head.seq;
  }

  it('migrates idempotently', async () => {
    const again = await migrateToLatest(store);
    expect(again.results).toEqual([]);
  });

  it('keeps amounts beyond 2^53 exact', async () => {
    // 10 × 900,719,925,474,100 + 1 = 2^53 + 9, an odd number no JS number can hold.
    const leg_minor = 900_719_925_474_100n;
    for (let index = 0; index < 10; index += 1) await postTransfer(store, transfer(`top-up-${index}`, 'wallet:M1', 'custody:CNY', leg_minor), at);
    await postTransfer(store, transfer('top-up-odd', 'wallet:M1', 'custody:CNY', 1n), at);
    const huge = leg_minor * 10n + 1n;
    expect(BigInt(Number(huge))).not.toBe(huge);
    const wallet = await getAccount(store, 'wallet:M1');
    expect(wallet.balance_minor).toBe(huge);
    expect(typeof wallet.balance_minor).toBe('bigint');
    const sum = await sql<{ total: bigint }>`select sum(amount_minor) as total from ledger_postings where amount_minor > 0`.execute(store.db);
    expect(sum.rows[0]!.total).toBe(huge);
  });

  it('lists accounts by a prefix holding LIKE wildcards literally', async () => {
    await openAccount(store, { code: 'aid_payable:x', name: 'Aid payable', type: 'liability', currency: 'CNY', guard: 'none' }, at);
    await openAccount(store, { code: 'aidXpayable:y', name: 'Not a match', type: 'liability', currency: 'CNY', guard: 'none' }, at);
    expect((await listAccounts(store, { prefix: 'aid_payable:' })).map((account) => account.code)).toEqual(['aid_payable:x']);
    expect((await listAccounts(store, { prefix: 'wallet:' })).map((account) => account.code)).toEqual(['wallet:M1', 'wallet:M2']);
  });

  it('opens an account once and refuses a conflicting definition', async () => {
    const again = await openAccount(store, { code: 'wallet:M1', name: 'Wallet M1', type: 'liability', currency: 'CNY', guard: 'non_negative' }, at);
    expect(again.code).toBe('wallet:M1');
    expect(await rejectionCode(openAccount(store, { code: 'wallet:M1', name: 'Other', type: 'asset', currency: 'CNY', guard: 'none' }, at))).toBe('LEDGER_ACCOUNT_EXISTS');
    expect(await rejectionCode(openAccount(store, { code: 'bad code', name: 'x', type: 'asset', currency: 'CNY', guard: 'none' }, at))).toBe('LEDGER_BAD_ACCOUNT');
  });

  it('posts a balanced transfer and derives balances from postings', async () => {
    const { transaction, replayed } = await postTransfer(store, transfer('t1', 'wallet:M1', 'custody:CNY', 5000n), at);
    expect(replayed).toBe(false);
    expect(transaction.id).toBe(1n);
    expect((await getAccount(store, 'custody:CNY')).balance_minor).toBe(5000n);
    expect((await getAccount(store, 'wallet:M1')).balance_minor).toBe(5000n);
    const stored = await getTransaction(store, 1n);
    expect(stored.legs).toEqual(transaction.legs);
    expect(stored.hash).toBe(transaction.hash);
    expect((await verifyJournal(store)).ok).toBe(true);
  });

  it('refuses an unbalanced transaction and writes nothing', async () => {
    const input: TransferInput = {
      idempotency_key: 'unbalanced',
      description: 'off by one',
      currency: 'CNY',
      legs: [
        { account_code: 'custody:CNY', side: 'debit', amount_minor: 101n },
        { account_code: 'wallet:M1', side: 'credit', amount_minor: 100n },
      ],
    };
    expect(await rejectionCode(postTransfer(store, input, at))).toBe('LEDGER_UNBALANCED');
    expect(await rejectionCode(postTransfer(store, { ...input, legs: input.legs.slice(0, 1) }, at))).toBe('LEDGER_TOO_FEW_LEGS');
    expect(await rejectionCode(postTransfer(store, transfer('zero', 'wallet:M1', 'custody:CNY', 0n), at))).toBe('LEDGER_BAD_AMOUNT');
    expect(await rejectionCode(postTransfer(store, transfer('neg', 'wallet:M1', 'custody:CNY', -5n), at))).toBe('LEDGER_BAD_AMOUNT');
    expect(await headSeq()).toBe(0n);
    const count = await store.db.selectFrom('ledger_postings').select((eb) => eb.fn.countAll<bigint>().as('n')).executeTakeFirstOrThrow();
    expect(BigInt(count.n)).toBe(0n);
  });

  it('refuses an overdraft of a guarded account and writes nothing', async () => {
    await postTransfer(store, transfer('top-up', 'wallet:M1', 'custody:CNY', 1000n), at);
    // A refund larger than the wallet: the wallet (liability) would go below zero.
    const code = await rejectionCode(postTransfer(store, transfer('refund', 'custody:CNY', 'wallet:M1', 1001n), at));
    expect(code).toBe('LEDGER_INSUFFICIENT_BALANCE');
    expect((await getAccount(store, 'wallet:M1')).balance_minor).toBe(1000n);
    expect((await getAccount(store, 'custody:CNY')).balance_minor).toBe(1000n);
    expect(await headSeq()).toBe(1n);
    // The unguarded equity account may go negative on its normal side.
    await postTransfer(store, transfer('advance', 'custody:CNY', 'equity:operator', 400n), at);
    expect((await getAccount(store, 'equity:operator')).balance_minor).toBe(-400n);
  });

  it('refuses unknown accounts and currency mismatches', async () => {
    expect(await rejectionCode(postTransfer(store, transfer('u', 'wallet:nobody', 'custody:CNY', 1n), at))).toBe('LEDGER_UNKNOWN_ACCOUNT');
    expect(await rejectionCode(postTransfer(store, transfer('c', 'wallet:M1', 'cash:USD', 1n), at))).toBe('LEDGER_CURRENCY_MISMATCH');
    expect(await rejectionCode(postTransfer(store, transfer('c2', 'wallet:M1', 'custody:CNY', 1n, 'USD'), at))).toBe('LEDGER_CURRENCY_MISMATCH');
    expect(await headSeq()).toBe(0n);
  });

  it('replays an idempotency key with the first result and refuses another payload', async () => {
    const first = await postTransfer(store, transfer('once', 'wallet:M1', 'custody:CNY', 700n), at);
    const replay = await postTransfer(store, transfer('once', 'wallet:M1', 'custody:CNY', 700n), '2026-11-29T00:00:00.000Z');
    expect(replay.replayed).toBe(true);
    expect(replay.transaction).toEqual(first.transaction);
    expect((await getAccount(store, 'custody:CNY')).balance_minor).toBe(700n);
    expect(await rejectionCode(postTransfer(store, transfer('once', 'wallet:M1', 'custody:CNY', 701n), at))).toBe('LEDGER_IDEMPOTENCY_CONFLICT');
    expect(await rejectionCode(postTransfer(store, transfer('', 'wallet:M1', 'custody:CNY', 1n), at))).toBe('LEDGER_BAD_IDEMPOTENCY_KEY');
    expect(await headSeq()).toBe(1n);
  });

  it('posts a batch atomically: one bad transfer and none is written', async () => {
    const batch = [
      transfer('b1', 'wallet:M1', 'custody:CNY', 100n),
      transfer('b2', 'wallet:M2', 'custody:CNY', 200n),
      transfer('b3', 'custody:CNY', 'wallet:M1', 101n), // overdraws M1 after b1
    ];
    expect(await rejectionCode(postTransfers(store, batch, at))).toBe('LEDGER_INSUFFICIENT_BALANCE');
    expect(await headSeq()).toBe(0n);
    const results = await postTransfers(store, batch.slice(0, 2).concat([batch[0]!]), at);
    expect(results.map((r) => [r.transaction.id, r.replayed])).toEqual([[1n, false], [2n, false], [1n, true]]);
    expect((await getAccount(store, 'custody:CNY')).balance_minor).toBe(300n);
    expect((await verifyJournal(store)).ok).toBe(true);
  });

  it('groups concurrent single transfers into one commit, each with its own outcome', async () => {
    await postTransfer(store, transfer('fund', 'wallet:M1', 'custody:CNY', 1000n), at);
    const attempts = await Promise.allSettled([
      postTransfer(store, transfer('g1', 'custody:CNY', 'wallet:M1', 300n), at),
      postTransfer(store, transfer('g2', 'custody:CNY', 'wallet:M1', 800n), at), // only 700 left after g1: refused
      postTransfer(store, transfer('g3', 'custody:CNY', 'wallet:M1', 700n), at),
      postTransfer(store, transfer('g1', 'custody:CNY', 'wallet:M1', 300n), at), // same key and payload: a replay
      postTransfer(store, transfer('g1', 'custody:CNY', 'wallet:M1', 301n), at), // same key, other payload
      postTransfer(store, transfer('g4', 'wallet:nobody', 'custody:CNY', 1n), at),
    ]);
    const summary = attempts.map((attempt) =>
      attempt.status === 'fulfilled' ? (attempt.value.replayed ? `replay ${attempt.value.transaction.id}` : `posted ${attempt.value.transaction.id}`) : (attempt.reason as RejectionError).rejection.code,
    );
    expect(summary).toEqual(['posted 2', 'LEDGER_INSUFFICIENT_BALANCE', 'posted 3', 'replay 2', 'LEDGER_IDEMPOTENCY_CONFLICT', 'LEDGER_UNKNOWN_ACCOUNT']);
    expect((await getAccount(store, 'wallet:M1')).balance_minor).toBe(0n);
    expect((await verifyJournal(store)).ok).toBe(true);
  });

  it('refuses two reversals of one transaction in one batch', async () => {
    const original = await postTransfer(store, transfer('to-reverse', 'wallet:M1', 'custody:CNY', 50n), at);
    const reversal = (key: string): TransferInput => ({
      ...transfer(key, 'custody:CNY', 'wallet:M1', 50n),
      kind: 'reversal',
      reverses_id: original.transaction.id,
    });
    expect(await rejectionCode(postTransfers(store, [reversal('r1'), reversal('r2')], at))).toBe('LEDGER_ALREADY_REVERSED');
    expect(await headSeq()).toBe(1n);
  });

  it('corrects only by reversing transactions, once', async () => {
    const original = await postTransfer(store, transfer('orig', 'wallet:M1', 'custody:CNY', 250n), at);
    const reversal = await reverseTransaction(store, { transaction_id: original.transaction.id, idempotency_key: 'rev-1' }, at);
    expect(reversal.transaction.reverses_id).toBe(original.transaction.id);
    expect((await getAccount(store, 'custody:CNY')).balance_minor).toBe(0n);
    // Replaying the same reversal is idempotent; another key is refused.
    expect((await reverseTransaction(store, { transaction_id: original.transaction.id, idempotency_key: 'rev-1' }, at)).replayed).toBe(true);
    expect(await rejectionCode(reverseTransaction(store, { transaction_id: original.transaction.id, idempotency_key: 'rev-2' }, at))).toBe('LEDGER_ALREADY_REVERSED');
    expect(await rejectionCode(reverseTransaction(store, { transaction_id: reversal.transaction.id, idempotency_key: 'rev-3' }, at))).toBe('LEDGER_CANNOT_REVERSE_REVERSAL');
    expect(await rejectionCode(reverseTransaction(store, { transaction_id: 99n, idempotency_key: 'rev-4' }, at))).toBe('LEDGER_UNKNOWN_TRANSACTION');
    expect((await verifyJournal(store)).ok).toBe(true);
  });

  describe('ledger verify', () => {
    beforeEach(async () => {
      for (let index = 1; index <= 5; index += 1) await postTransfer(store, transfer(`v${index}`, 'wallet:M1', 'custody:CNY', BigInt(index * 100)), at);
      expect((await verifyJournal(store)).ok).toBe(true);
    });

    const codes = async () => (await verifyJournal(store)).problems.map((problem) => problem.code);

    it('finds a posting amount changed with raw SQL', async () => {
      await sql`update ledger_postings set amount_minor = amount_minor + 1 where transaction_id = 3 and leg_index = 0`.execute(store.db);
      expect(await codes()).toEqual(expect.arrayContaining(['JOURNAL_HASH_MISMATCH', 'JOURNAL_UNBALANCED', 'JOURNAL_BALANCE_MISMATCH']));
    });

    it('finds a description edited with raw SQL', async () => {
      await sql`update ledger_transactions set description = 'nothing to see' where id = 2`.execute(store.db);
      expect(await codes()).toEqual(['JOURNAL_HASH_MISMATCH']);
    });

    it('finds a balance edited with raw SQL', async () => {
      await sql`update ledger_accounts set net_debit_minor = net_debit_minor + 1 where code = 'custody:CNY'`.execute(store.db);
      expect(await codes()).toEqual(['JOURNAL_BALANCE_MISMATCH']);
    });

    it('finds a deleted transaction in the middle', async () => {
      await sql`delete from ledger_postings where transaction_id = 3`.execute(store.db);
      await sql`delete from ledger_transactions where id = 3`.execute(store.db);
      expect(await codes()).toEqual(expect.arrayContaining(['JOURNAL_SEQUENCE_GAP', 'JOURNAL_CHAIN_BROKEN', 'JOURNAL_BALANCE_MISMATCH']));
    });

    it('finds a deleted last transaction', async () => {
      await sql`delete from ledger_postings where transaction_id = 5`.execute(store.db);
      await sql`delete from ledger_transactions where id = 5`.execute(store.db);
      expect(await codes()).toEqual(expect.arrayContaining(['JOURNAL_HEAD_MISMATCH', 'JOURNAL_BALANCE_MISMATCH']));
    });

    it('finds a deleted posting', async () => {
      await sql`delete from ledger_postings where transaction_id = 4 and leg_index = 1`.execute(store.db);
      expect(await codes()).toEqual(expect.arrayContaining(['JOURNAL_HASH_MISMATCH', 'JOURNAL_TOO_FEW_LEGS', 'JOURNAL_UNBALANCED']));
    });

    it('finds an inserted transaction', async () => {
      await sql`insert into ledger_transactions (id, idempotency_key, payload_sha256, kind, description, currency, metadata_json, posted_at, prev_hash, hash)
        values (6, 'forged', 'x', 'transfer', 'forged', 'CNY', '{}', ${at}, 'x', 'y')`.execute(store.db);
      expect(await codes()).toEqual(expect.arrayContaining(['JOURNAL_CHAIN_BROKEN', 'JOURNAL_HASH_MISMATCH', 'JOURNAL_HEAD_MISMATCH']));
    });
  });
});
