import { column, instantBounds, keysetBatches, type ExportTable } from '../export-table.js';
import { legColumns } from './ledger-legs.js';

interface LegCursor {
  readonly transaction_id: bigint;
  readonly leg_index: number;
}

/** The journal, one row per leg, in journal order: (transaction, leg) is the postings' primary key. */
export const ledgerTransactionsTable: ExportTable = {
  name: 'ledger_transactions',
  title: { en: 'Ledger transactions', zh: '记账流水' },
  description: {
    en: 'The journal, one row per leg of each transaction, in journal order. In every transaction the debits equal the credits.',
    zh: '总账流水，每笔交易的每一条分录占一行，按记账顺序排列。每笔交易的借方合计等于贷方合计。',
  },
  time_column: 'posted_at',
  filters: ['from', 'to'],
  columns: [
    column(
      'transaction_id',
      'integer',
      'Journal sequence number of the transaction (1, 2, 3 … without gaps)',
      '交易的流水序号（1、2、3……连续无缺号）',
    ),
    column('leg_index', 'integer', 'Position of the leg in its transaction, from 0', '分录在交易中的序号，从 0 开始'),
    column('posted_at', 'instant', 'When the transaction was posted (UTC)', '记账时间（UTC）'),
    column(
      'kind',
      'text',
      'The flow that posted it, e.g. top_up, share_deduction, aid_paid, transfer',
      '产生该交易的业务类型，如 top_up、share_deduction、aid_paid、transfer',
    ),
    column('reference', 'text', "The transaction's idempotency key: the flow's unique reference", '交易的幂等键：业务的唯一参考号'),
    column('description', 'text', 'Description of the transaction', '交易说明'),
    column('reverses_transaction_id', 'integer', 'The transaction this one reverses, if any', '本交易冲正的原交易（如有）'),
    column('account_code', 'text', 'Account the leg posts to', '分录记入的账户'),
    column('currency', 'text', 'ISO 4217 currency code', 'ISO 4217 币种代码'),
    column('side', 'text', 'debit or credit', '借方（debit）或贷方（credit）'),
    column('debit_minor', 'minor_units', 'Debit amount in minor units (0 on a credit leg)', '借方金额，以分计（贷方分录为 0）'),
    column('credit_minor', 'minor_units', 'Credit amount in minor units (0 on a debit leg)', '贷方金额，以分计（借方分录为 0）'),
    column(
      'transaction_hash',
      'text',
      "The transaction's hash in the journal's hash chain (hex)",
      '交易在流水哈希链中的哈希值（十六进制）',
    ),
  ],
  batches: (db, filter, batch_rows) => {
    const { since, before } = instantBounds(filter);
    return keysetBatches(
      async (after: LegCursor | undefined, limit) => {
        return db
          .selectFrom('ledger_postings as p')
          .innerJoin('ledger_transactions as t', 't.id', 'p.transaction_id')
          .innerJoin('ledger_accounts as a', 'a.id', 'p.account_id')
          .select(['p.transaction_id', 'p.leg_index', 'p.amount_minor', 'a.code'])
          .select(['t.posted_at', 't.kind', 't.idempotency_key', 't.description', 't.reverses_id', 't.currency', 't.hash'])
          .$if(after !== undefined, (query) =>
            query.where((eb) =>
              eb(eb.refTuple('p.transaction_id', 'p.leg_index'), '>', eb.tuple(after!.transaction_id, after!.leg_index)),
            ),
          )
          .$if(since !== undefined, (query) => query.where('t.posted_at', '>=', since!))
          .$if(before !== undefined, (query) => query.where('t.posted_at', '<', before!))
          .orderBy('p.transaction_id')
          .orderBy('p.leg_index')
          .limit(limit)
          .execute();
      },
      (row) => ({ transaction_id: row.transaction_id, leg_index: Number(row.leg_index) }),
      (row) => ({
        transaction_id: row.transaction_id,
        leg_index: BigInt(row.leg_index),
        posted_at: row.posted_at,
        kind: row.kind,
        reference: row.idempotency_key,
        description: row.description,
        reverses_transaction_id: row.reverses_id,
        account_code: row.code,
        currency: row.currency,
        ...legColumns(row.amount_minor),
        transaction_hash: row.hash,
      }),
      batch_rows,
    );
  },
};
