import { column, instantBounds, keysetBatches, type ExportTable } from '../export-table.js';

/**
 * The claims' audit trail, one row per action, by id. The claim before and after (JSON with the
 * hospital) and the free-text reason stay out: the auditor sees masked data only.
 */
export const claimAuditTable: ExportTable = {
  name: 'claim_audit',
  title: { en: 'Claims audit trail', zh: '申请审核记录' },
  description: {
    en: 'Every action on every claim: what was done, by whom, when, and the state before and after.',
    zh: '对每一件申请的每一次操作：做了什么、由谁、何时，以及操作前后的状态。',
  },
  time_column: 'at',
  filters: ['from', 'to', 'plan_id'],
  columns: [
    column('event_id', 'integer', 'Id of the action (in the order they happened)', '操作编号（按发生顺序）'),
    column('claim_id', 'integer', 'Id of the claim', '申请编号'),
    column('case_number', 'text', 'Public case number', '公开案例编号'),
    column('plan_id', 'text', 'Plan', '计划'),
    column(
      'action',
      'text',
      'What was done, e.g. submit, start_review, approve_for_notice, reject',
      '操作，如 submit、start_review、approve_for_notice、reject',
    ),
    column(
      'actor',
      'text',
      'Who did it: user:<user id>, staff:<user id> or system',
      '操作人：user:<用户编号>、staff:<用户编号> 或 system',
    ),
    column('at', 'instant', 'When (UTC)', '时间（UTC）'),
    column(
      'state_before',
      'text',
      'State of the claim before the action (empty for its submission)',
      '操作前的申请状态（提交时为空）',
    ),
    column('state_after', 'text', 'State of the claim after the action', '操作后的申请状态'),
  ],
  batches: (db, filter, batch_rows) => {
    const { since, before } = instantBounds(filter);
    return keysetBatches(
      async (after: bigint | undefined, limit) =>
        db
          .selectFrom('claim_events as e')
          .innerJoin('claims as c', 'c.id', 'e.claim_id')
          .select(['e.id', 'e.claim_id', 'e.event', 'e.actor', 'e.at', 'e.from_state', 'e.to_state'])
          .select(['c.case_number', 'c.plan_id'])
          .$if(after !== undefined, (query) => query.where('e.id', '>', after!))
          .$if(filter.plan_id !== undefined, (query) => query.where('c.plan_id', '=', filter.plan_id!))
          .$if(since !== undefined, (query) => query.where('e.at', '>=', since!))
          .$if(before !== undefined, (query) => query.where('e.at', '<', before!))
          .orderBy('e.id')
          .limit(limit)
          .execute(),
      (row) => row.id,
      (row) => ({
        event_id: row.id,
        claim_id: row.claim_id,
        case_number: row.case_number,
        plan_id: row.plan_id,
        action: row.event,
        actor: row.actor,
        at: row.at,
        state_before: row.from_state,
        state_after: row.to_state,
      }),
      batch_rows,
    );
  },
};
