import { column, instantBounds, keysetBatches, type ExportTable } from '../export-table.js';

// A claim is decided when it reaches one of these states (src/core/claims/claim-lifecycle.ts).
const decidedStates = ['approved', 'rejected', 'rejected_final'];

/**
 * Claims by id, with the masked name only: no hospital, no diagnosis date, no evidence, no
 * identity number or phone (the auditor sees masked data; DESIGN.md "Public data holds no personal
 * data"). Rejection texts are free text written by staff and may name people, so only the code.
 */
export const claimsTable: ExportTable = {
  name: 'claims',
  title: { en: 'Claims', zh: '互助申请' },
  description: {
    en: 'Every claim for aid: plan, member code, masked name, state, illness, age at diagnosis, aid and when it was submitted and decided. No hospital, evidence or other personal data.',
    zh: '每一件互助金申请：计划、会员编号、脱敏姓名、状态、疾病、确诊年龄、互助金以及提交和决定时间。不含医院、证明材料或其他个人信息。',
  },
  time_column: 'submitted_at',
  filters: ['from', 'to', 'plan_id'],
  columns: [
    column('claim_id', 'integer', 'Id of the claim', '申请编号'),
    column('case_number', 'text', 'Public case number', '公开案例编号'),
    column('plan_id', 'text', 'Plan', '计划'),
    column('plan_version', 'integer', 'Plan version whose rules the claim was assessed by', '审核所依据的计划版本'),
    column('member_code', 'text', 'Member code (a public pseudonym)', '会员编号（公开的化名）'),
    column('name_masked', 'text', 'The patient’s name, masked (吴*漫)', '患者姓名（脱敏，如 吴*漫）'),
    column(
      'state',
      'text',
      'State of the claim: submitted, in_review, investigating, in_notice, approved, paid, rejected …',
      '申请状态：submitted、in_review、investigating、in_notice、approved、paid、rejected……',
    ),
    column('illness_code', 'text', 'Code of the covered illness', '保障疾病代码'),
    column('age_at_diagnosis_years', 'integer', 'Age at diagnosis, in years', '确诊时年龄（岁）'),
    column('aid_minor', 'minor_units', 'Aid for the case under the plan’s rules, in minor units', '按计划规则核定的互助金，以分计'),
    column('rejection_code', 'text', 'Reason code of a rejection', '驳回原因代码'),
    column('submitted_at', 'instant', 'When the claim was submitted (UTC)', '提交时间（UTC）'),
    column('decided_at', 'instant', 'When it was last approved or rejected (UTC)', '最近一次核准或驳回的时间（UTC）'),
    column('state_changed_at', 'instant', 'When its state last changed (UTC)', '状态最近变更时间（UTC）'),
  ],
  batches: (db, filter, batch_rows) => {
    const { since, before } = instantBounds(filter);
    return keysetBatches(
      async (after: bigint | undefined, limit) =>
        db
          .selectFrom('claims as c')
          .innerJoin('persons as p', 'p.id', 'c.person_id')
          .select([
            'c.id',
            'c.case_number',
            'c.plan_id',
            'c.plan_version',
            'c.member_code',
            'p.name_masked',
            'c.state',
            'c.illness_code',
            'c.age_at_diagnosis_years',
            'c.aid_minor',
            'c.rejection_code',
            'c.submitted_at',
            'c.state_changed_at',
          ])
          .select((eb) =>
            eb
              .selectFrom('claim_events as e')
              .select((inner) => inner.fn.max('e.at').as('at'))
              .whereRef('e.claim_id', '=', 'c.id')
              .where('e.to_state', 'in', decidedStates)
              .as('decided_at'),
          )
          .$if(after !== undefined, (query) => query.where('c.id', '>', after!))
          .$if(filter.plan_id !== undefined, (query) => query.where('c.plan_id', '=', filter.plan_id!))
          .$if(since !== undefined, (query) => query.where('c.submitted_at', '>=', since!))
          .$if(before !== undefined, (query) => query.where('c.submitted_at', '<', before!))
          .orderBy('c.id')
          .limit(limit)
          .execute(),
      (row) => row.id,
      ({ id, decided_at, ...row }) => ({ claim_id: id, ...row, decided_at: decided_at ?? null }),
      batch_rows,
    );
  },
};
