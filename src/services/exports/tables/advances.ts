import { sql } from 'kysely';
import { column, instantBounds, keysetBatches, type ExportTable } from '../export-table.js';

/**
 * The operator's advances to the plans and their repayments, by id, with what the plan owes after
 * each. Advances are operator actions (a few a month), so the correlated running sum, along the
 * (plan_id, id) index, stays small.
 */
export const advancesTable: ExportTable = {
  name: 'advances',
  title: { en: 'Operator advances', zh: '运营方垫付' },
  description: {
    en: 'Cash the operator advanced to a plan to pay aid before the shares were collected, and its repayments from later collections, with what the plan still owes after each.',
    zh: '在分摊金收齐前运营方为支付互助金向计划垫付的资金，以及之后从收取的分摊金中归还的款项，并列出每笔之后计划尚欠的金额。',
  },
  time_column: 'created_at',
  filters: ['from', 'to', 'plan_id'],
  columns: [
    column('entry_id', 'integer', 'Id of the entry', '记录编号'),
    column('plan_id', 'text', 'Plan', '计划'),
    column('kind', 'text', 'advance or repayment', '垫付（advance）或归还（repayment）'),
    column('currency', 'text', 'ISO 4217 currency code', 'ISO 4217 币种代码'),
    column(
      'advanced_minor',
      'minor_units',
      'Cash advanced by this entry, in minor units (0 for a repayment)',
      '本笔垫付金额，以分计（归还时为 0）',
    ),
    column(
      'repaid_minor',
      'minor_units',
      'Cash repaid by this entry, in minor units (0 for an advance)',
      '本笔归还金额，以分计（垫付时为 0）',
    ),
    column(
      'owed_minor',
      'minor_units',
      'What the plan owes the operator after this entry, in minor units',
      '本笔之后计划欠运营方的金额，以分计',
    ),
    column(
      'actor',
      'text',
      'Who recorded it (staff:<user id>, or system for a repayment)',
      '记录人（staff:<用户编号>，归还为 system）',
    ),
    column('ledger_transaction_id', 'integer', 'The ledger transaction that moved the cash', '记录资金变动的总账交易'),
    column('created_at', 'instant', 'When it was recorded (UTC)', '记录时间（UTC）'),
  ],
  batches: (db, filter, batch_rows) => {
    const { since, before } = instantBounds(filter);
    return keysetBatches(
      async (after: bigint | undefined, limit) =>
        db
          .selectFrom('operator_advances as a')
          .selectAll('a')
          .select(
            sql<bigint>`(select coalesce(sum(case when o.kind = 'advance' then o.amount_minor else -o.amount_minor end), 0)
              from operator_advances o where o.plan_id = a.plan_id and o.id <= a.id)`.as('owed_minor'),
          )
          .$if(after !== undefined, (query) => query.where('a.id', '>', after!))
          .$if(filter.plan_id !== undefined, (query) => query.where('a.plan_id', '=', filter.plan_id!))
          .$if(since !== undefined, (query) => query.where('a.created_at', '>=', since!))
          .$if(before !== undefined, (query) => query.where('a.created_at', '<', before!))
          .orderBy('a.id')
          .limit(limit)
          .execute(),
      (row) => row.id,
      (row) => ({
        entry_id: row.id,
        plan_id: row.plan_id,
        kind: row.kind,
        currency: row.currency,
        advanced_minor: row.kind === 'advance' ? row.amount_minor : 0n,
        repaid_minor: row.kind === 'repayment' ? row.amount_minor : 0n,
        owed_minor: BigInt(row.owed_minor),
        actor: row.actor,
        ledger_transaction_id: row.ledger_transaction_id,
        created_at: row.created_at,
      }),
      batch_rows,
    );
  },
};
