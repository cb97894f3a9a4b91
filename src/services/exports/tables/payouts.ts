import { column, instantBounds, keysetBatches, type ExportTable } from '../export-table.js';

/** Aid payouts by id: the case number names the claim, never the person. */
export const payoutsTable: ExportTable = {
  name: 'payouts',
  title: { en: 'Aid payouts', zh: '互助金拨付' },
  description: {
    en: 'Every aid payout of an approved claim scheduled in a cycle: amount, status and attempts. Payouts carry no personal data.',
    zh: '每一笔在分摊期中安排的已核准案例的互助金拨付：金额、状态与尝试次数。拨付记录不含个人信息。',
  },
  time_column: 'created_at',
  filters: ['from', 'to', 'plan_id'],
  columns: [
    column('payout_id', 'integer', 'Id of the payout', '拨付编号'),
    column('case_number', 'text', 'Public case number of the claim', '案例的公开编号'),
    column('plan_id', 'text', 'Plan', '计划'),
    column('cycle_id', 'text', 'Cycle the aid was shared in', '分摊该互助金的分摊期'),
    column('amount_minor', 'minor_units', 'Aid to pay, in minor units', '应拨付的互助金，以分计'),
    column('currency', 'text', 'ISO 4217 currency code', 'ISO 4217 币种代码'),
    column(
      'status',
      'text',
      'due, in_flight (sent, waiting for the provider), paid or failed (attempts used up)',
      '待付（due）、处理中（in_flight，已发出，等待支付机构）、已付（paid）或失败（failed，尝试次数用尽）',
    ),
    column('attempts', 'integer', 'Attempts made so far', '已尝试次数'),
    column('attempt_limit', 'integer', 'Attempts allowed before it fails', '失败前允许的尝试次数'),
    column('next_attempt_at', 'instant', 'When it is tried next (UTC)', '下次尝试时间（UTC）'),
    column('last_failure_reason', 'text', 'Why the last attempt failed, as the provider said', '上次尝试失败的原因（支付机构返回）'),
    column('created_at', 'instant', 'When it was scheduled (UTC)', '安排拨付的时间（UTC）'),
    column('paid_at', 'instant', 'When it was paid (UTC)', '拨付完成时间（UTC）'),
  ],
  batches: (db, filter, batch_rows) => {
    const { since, before } = instantBounds(filter);
    return keysetBatches(
      async (after: bigint | undefined, limit) =>
        db
          .selectFrom('aid_payouts as p')
          .innerJoin('claims as c', 'c.id', 'p.claim_id')
          .innerJoin('cycles as y', 'y.id', 'p.cycle_id')
          .select([
            'p.id',
            'c.case_number',
            'p.plan_id',
            'y.cycle_code',
            'p.amount_minor',
            'p.currency',
            'p.status',
            'p.attempts',
            'p.attempt_limit',
            'p.next_attempt_at',
            'p.last_failure_reason',
            'p.created_at',
            'p.paid_at',
          ])
          .$if(after !== undefined, (query) => query.where('p.id', '>', after!))
          .$if(filter.plan_id !== undefined, (query) => query.where('p.plan_id', '=', filter.plan_id!))
          .$if(since !== undefined, (query) => query.where('p.created_at', '>=', since!))
          .$if(before !== undefined, (query) => query.where('p.created_at', '<', before!))
          .orderBy('p.id')
          .limit(limit)
          .execute(),
      (row) => row.id,
      ({ id, cycle_code, ...row }) => ({ payout_id: id, cycle_id: cycle_code, ...row }),
      batch_rows,
    );
  },
};
