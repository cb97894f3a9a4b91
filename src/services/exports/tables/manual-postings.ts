import { column, instantBounds, keysetBatches, type ExportTable } from '../export-table.js';

interface StoredRequest {
  readonly description: string;
  readonly currency: string;
  readonly legs: ReadonlyArray<{ account_code: string; side: 'debit' | 'credit'; amount_minor: string }>;
}

/** Manual postings (maker–checker), by id: who asked, who decided, what and why. */
export const manualPostingsTable: ExportTable = {
  name: 'manual_postings',
  title: { en: 'Manual postings', zh: '手工记账' },
  description: {
    en: 'Every manual posting between the operator’s own accounts: asked for by one operator (maker), approved or rejected by another (checker).',
    zh: '运营方自有账户之间的每一笔手工记账：由一位运营人员发起（经办），另一位批准或驳回（复核）。',
  },
  time_column: 'requested_at',
  filters: ['from', 'to'],
  columns: [
    column('manual_posting_id', 'integer', 'Id of the manual posting', '手工记账编号'),
    column('kind', 'text', 'transfer or reversal', '转账（transfer）或冲正（reversal）'),
    column('state', 'text', 'pending, approved or rejected', '待复核（pending）、已批准（approved）或已驳回（rejected）'),
    column('currency', 'text', 'ISO 4217 currency code', 'ISO 4217 币种代码'),
    column('description', 'text', 'Description the maker gave', '经办人填写的说明'),
    column(
      'legs',
      'text',
      'The legs asked for: side account amount, separated by semicolons (for a reversal, the legs that undo the transaction)',
      '申请的分录：方向 账户 金额，以分号分隔（冲正时为抵销原交易的分录）',
    ),
    column('debit_total_minor', 'minor_units', 'Sum of the debit legs asked for, in minor units', '申请的借方合计，以分计'),
    column('reverses_transaction_id', 'integer', 'For a reversal: the transaction it reverses', '冲正时：被冲正的交易'),
    column('maker', 'text', 'Username of the operator who asked for it', '发起的运营人员用户名'),
    column('requested_at', 'instant', 'When it was asked for (UTC)', '发起时间（UTC）'),
    column('checker', 'text', 'Username of the operator who decided it', '复核的运营人员用户名'),
    column('decided_at', 'instant', 'When it was approved or rejected (UTC)', '批准或驳回时间（UTC）'),
    column('decision_reason', 'text', 'Why it was rejected', '驳回理由'),
    column('transaction_id', 'integer', 'The ledger transaction its approval posted', '批准后记入的总账交易'),
  ],
  batches: (db, filter, batch_rows) => {
    const { since, before } = instantBounds(filter);
    return keysetBatches(
      async (after: bigint | undefined, limit) =>
        db
          .selectFrom('manual_postings as m')
          .innerJoin('users as maker', 'maker.id', 'm.requested_by')
          .leftJoin('users as checker', 'checker.id', 'm.decided_by')
          .select([
            'm.id',
            'm.kind',
            'm.status',
            'm.request_json',
            'm.reverses_id',
            'm.requested_at',
            'm.decided_at',
            'm.decision_reason',
            'm.transaction_id',
            'maker.username as maker',
            'checker.username as checker',
          ])
          .$if(after !== undefined, (query) => query.where('m.id', '>', after!))
          .$if(since !== undefined, (query) => query.where('m.requested_at', '>=', since!))
          .$if(before !== undefined, (query) => query.where('m.requested_at', '<', before!))
          .orderBy('m.id')
          .limit(limit)
          .execute(),
      (row) => row.id,
      (row) => {
        const request = JSON.parse(row.request_json) as StoredRequest;
        const legs = request.legs ?? [];
        return {
          manual_posting_id: row.id,
          kind: row.kind,
          state: row.status,
          currency: request.currency,
          description: request.description,
          legs: legs.map((leg) => `${leg.side} ${leg.account_code} ${leg.amount_minor}`).join('; '),
          debit_total_minor: legs
            .filter((leg) => leg.side === 'debit')
            .reduce((total, leg) => total + BigInt(leg.amount_minor), 0n),
          reverses_transaction_id: row.reverses_id,
          maker: row.maker,
          requested_at: row.requested_at,
          checker: row.checker,
          decided_at: row.decided_at,
          decision_reason: row.decision_reason,
          transaction_id: row.transaction_id,
        };
      },
      batch_rows,
    );
  },
};
