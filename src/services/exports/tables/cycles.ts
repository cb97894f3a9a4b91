import { column, instantBounds, keysetBatches, type ExportTable } from '../export-table.js';

/** Sharing cycles, by id (a few per plan per month). */
export const cyclesTable: ExportTable = {
  name: 'cycles',
  title: { en: 'Sharing cycles', zh: '分摊期' },
  description: {
    en: 'Every sharing cycle: its cases, aid, management fee, the total shared, the members covered, what the caps held back and the published Merkle root.',
    zh: '每一期分摊：案例数、互助金、管理费、分摊总额、参与分摊的会员数、封顶扣减的金额以及公示的默克尔根。',
  },
  time_column: 'snapshot_at',
  filters: ['from', 'to', 'plan_id'],
  columns: [
    column(
      'cycle_id',
      'text',
      'Public cycle id (as in the cycle export and its Merkle leaves)',
      '公开的分摊期编号（与分摊导出文件及默克尔叶子一致）',
    ),
    column('plan_id', 'text', 'Plan', '计划'),
    column('sequence', 'integer', 'Number of the cycle in its plan: 1, 2, 3 …', '该计划内的期数：1、2、3……'),
    column('currency', 'text', 'ISO 4217 currency code', 'ISO 4217 币种代码'),
    column('funding_model', 'text', 'post_paid or prepaid', '后付费（post_paid）或预付费（prepaid）'),
    column('status', 'text', 'running or completed', '进行中（running）或已完成（completed）'),
    column(
      'notice_at',
      'instant',
      'Snapshot of the members covered, the day of the sharing notice (UTC)',
      '参与分摊会员的快照时间，即分摊公示日（UTC）',
    ),
    column('collection_at', 'instant', 'When the shares are collected (UTC)', '收取分摊金的时间（UTC）'),
    column('member_count', 'integer', 'Members covered at the snapshot', '快照时参与分摊的会员数'),
    column('case_count', 'integer', 'Cases shared in this cycle', '本期分摊的案例数'),
    column('aid_total_minor', 'minor_units', 'Approved aid of the cases, in minor units', '案例的核定互助金合计，以分计'),
    column('fee_bps', 'integer', 'Management fee rate in basis points (800 = 8%)', '管理费率，以基点计（800 即 8%）'),
    column('fee_minor', 'minor_units', 'Management fee, in minor units', '管理费，以分计'),
    column(
      'surplus_in_minor',
      'minor_units',
      'Surplus carried in from the cycle before, in minor units',
      '上期结转的余额，以分计',
    ),
    column(
      'total_minor',
      'minor_units',
      'Total to share: aid + fee − surplus in, in minor units',
      '分摊总额：互助金 + 管理费 − 结转余额，以分计',
    ),
    column('surplus_out_minor', 'minor_units', 'Surplus carried to the next cycle, in minor units', '结转至下期的余额，以分计'),
    column(
      'share_total_minor',
      'minor_units',
      'Sum of the members’ shares after the caps, in minor units',
      '封顶后会员分摊金合计，以分计',
    ),
    column(
      'capped_total_minor',
      'minor_units',
      'What the caps held back, in minor units (share total + capped total = total)',
      '封顶扣减的金额，以分计（分摊合计 + 封顶扣减 = 分摊总额）',
    ),
    column(
      'cap_policy',
      'text',
      'Who bears what the caps hold back: backstop (the operator) or reduce_aid',
      '封顶扣减由谁承担：backstop（运营方兜底）或 reduce_aid（按比例减少互助金）',
    ),
    column(
      'backstop_minor',
      'minor_units',
      'What the operator’s backstop paid in for the caps, in minor units',
      '运营方兜底为封顶支付的金额，以分计',
    ),
    column(
      'merkle_root_hex',
      'text',
      'Merkle root of the members’ shares, as published (hex)',
      '会员分摊金的默克尔根，即公示值（十六进制）',
    ),
    column('previous_root_hex', 'text', 'Merkle root of the cycle before (hex)', '上一期的默克尔根（十六进制）'),
    column('completed_at', 'instant', 'When the run completed (UTC)', '完成时间（UTC）'),
  ],
  batches: (db, filter, batch_rows) => {
    const { since, before } = instantBounds(filter);
    return keysetBatches(
      async (after: bigint | undefined, limit) =>
        db
          .selectFrom('cycles as c')
          .selectAll('c')
          .select((eb) =>
            eb
              .selectFrom('cycle_cases as k')
              .select((inner) => inner.fn.countAll<bigint>().as('n'))
              .whereRef('k.cycle_id', '=', 'c.id')
              .as('case_count'),
          )
          .$if(after !== undefined, (query) => query.where('c.id', '>', after!))
          .$if(filter.plan_id !== undefined, (query) => query.where('c.plan_id', '=', filter.plan_id!))
          .$if(since !== undefined, (query) => query.where('c.snapshot_at', '>=', since!))
          .$if(before !== undefined, (query) => query.where('c.snapshot_at', '<', before!))
          .orderBy('c.id')
          .limit(limit)
          .execute(),
      (row) => row.id,
      (row) => ({
        cycle_id: row.cycle_code,
        plan_id: row.plan_id,
        sequence: row.sequence,
        currency: row.currency,
        funding_model: row.funding_model,
        status: row.status,
        notice_at: row.snapshot_at,
        collection_at: row.collection_at,
        member_count: row.member_count,
        case_count: BigInt(row.case_count ?? 0),
        aid_total_minor: row.aid_total_minor,
        fee_bps: row.fee_bps,
        fee_minor: row.fee_minor,
        surplus_in_minor: row.surplus_in_minor,
        total_minor: row.total_minor,
        surplus_out_minor: row.surplus_out_minor,
        share_total_minor: row.share_total_minor,
        capped_total_minor: row.capped_total_minor,
        cap_policy: row.cap_policy,
        backstop_minor: row.backstop_minor,
        merkle_root_hex: row.merkle_root_hex,
        previous_root_hex: row.previous_root_hex,
        completed_at: row.completed_at,
      }),
      batch_rows,
    );
  },
};
