import type { ExpressionBuilder } from 'kysely';
import type { ComplaintSubjectKind } from '../../core/complaints/complaint-lifecycle.js';
import type { Trx } from '../../ledger/ledger.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { complaintRejection } from './complaint-rejections.js';

export interface ComplaintSubject {
  readonly membership_id: bigint;
  readonly member_code: string;
  /** What the member and staff read: a case number, a payment reference, a membership decision. */
  readonly label: string;
}

/**
 * The subject, if it belongs to a membership this user pays for. One query per kind, each joined
 * to memberships on the payer, so a row of another member's is exactly as invisible as a missing one.
 */
export async function ownSubjectIn(trx: Trx, payer_user_id: bigint, kind: ComplaintSubjectKind, subject_id: bigint): Promise<ComplaintSubject> {
  const found = await findSubject(trx, payer_user_id, kind, subject_id);
  if (found === undefined) {
    complaintRejection('COMPLAINT_NOT_YOURS', `No ${kind} ${subject_id} of a membership you pay for.`, { subject_kind: kind, subject_id: subject_id.toString() });
  }
  return found;
}

async function findSubject(trx: Trx, payer_user_id: bigint, kind: ComplaintSubjectKind, subject_id: bigint): Promise<ComplaintSubject | undefined> {
  switch (kind) {
    case 'claim': {
      const row = await trx
        .selectFrom('claims as c')
        .innerJoin('memberships as m', 'm.id', 'c.membership_id')
        .select(['m.id', 'm.member_code', 'c.case_number'])
        .where('c.id', '=', subject_id)
        .where('m.payer_user_id', '=', payer_user_id)
        .executeTakeFirst();
      return row && { membership_id: row.id, member_code: row.member_code, label: row.case_number };
    }
    case 'share_charge': {
      const row = await trx
        .selectFrom('share_charges as s')
        .innerJoin('memberships as m', 'm.id', 's.membership_id')
        .select(['m.id', 'm.member_code', 's.reference'])
        .where('s.id', '=', subject_id)
        .where('m.payer_user_id', '=', payer_user_id)
        .executeTakeFirst();
      return row && { membership_id: row.id, member_code: row.member_code, label: row.reference };
    }
    case 'payment': {
      const row = await trx
        .selectFrom('payments as p')
        .innerJoin('memberships as m', 'm.id', 'p.membership_id')
        .select(['m.id', 'm.member_code', 'p.kind', 'p.reference'])
        .where('p.id', '=', subject_id)
        .where('m.payer_user_id', '=', payer_user_id)
        .executeTakeFirst();
      return row && { membership_id: row.id, member_code: row.member_code, label: `${row.kind} ${row.reference}` };
    }
    case 'payout': {
      const row = await trx
        .selectFrom('aid_payouts as a')
        .innerJoin('claims as c', 'c.id', 'a.claim_id')
        .innerJoin('memberships as m', 'm.id', 'c.membership_id')
        .select(['m.id', 'm.member_code', 'c.case_number'])
        .where('a.id', '=', subject_id)
        .where('m.payer_user_id', '=', payer_user_id)
        .executeTakeFirst();
      return row && { membership_id: row.id, member_code: row.member_code, label: `payout ${row.case_number}` };
    }
    case 'decision': {
      // A decision on the membership itself (a lapse, a termination…): its status history.
      const row = await trx
        .selectFrom('membership_events as e')
        .innerJoin('memberships as m', 'm.id', 'e.membership_id')
        .select(['m.id', 'm.member_code', 'e.event', 'e.at'])
        .where('e.id', '=', subject_id)
        .where('m.payer_user_id', '=', payer_user_id)
        .executeTakeFirst();
      return row && { membership_id: row.id, member_code: row.member_code, label: `${row.event} ${row.at.slice(0, 10)}` };
    }
  }
}

/** One thing a member may complain about, as the filing form offers it. */
export interface OwnSubjectOption {
  readonly kind: ComplaintSubjectKind;
  readonly subject_id: bigint;
  readonly member_code: string;
  readonly label: string;
  /** The money concerned, where there is one (a payment, a share, a payout). */
  readonly amount_minor: bigint | null;
  readonly status: string;
  readonly at: string;
}

/** The newest subjects of each kind one form lists; older ones can still be named by id. */
export const maxSubjectsPerKind = 30;

/**
 * What the member can complain about: the newest claims, payments, shares, payouts and membership
 * decisions of the memberships they pay for, one bounded query per kind.
 */
export async function listOwnSubjects(context: ServiceContext, payer_user_id: bigint): Promise<OwnSubjectOption[]> {
  const db = context.store.db;
  const mine = (eb: ExpressionBuilder<Database, 'memberships'>) => eb('memberships.payer_user_id', '=', payer_user_id);
  const [claims, payments, charges, payouts, decisions] = await Promise.all([
    db
      .selectFrom('claims')
      .innerJoin('memberships', 'memberships.id', 'claims.membership_id')
      .where(mine)
      .select(['claims.id', 'memberships.member_code', 'claims.case_number', 'claims.state', 'claims.aid_minor', 'claims.submitted_at'])
      .orderBy('claims.id', 'desc')
      .limit(maxSubjectsPerKind)
      .execute(),
    db
      .selectFrom('payments')
      .innerJoin('memberships', 'memberships.id', 'payments.membership_id')
      .where(mine)
      .select(['payments.id', 'memberships.member_code', 'payments.kind', 'payments.reference', 'payments.amount_minor', 'payments.status', 'payments.created_at'])
      .orderBy('payments.id', 'desc')
      .limit(maxSubjectsPerKind)
      .execute(),
    db
      .selectFrom('share_charges')
      .innerJoin('memberships', 'memberships.id', 'share_charges.membership_id')
      .where(mine)
      .select(['share_charges.id', 'memberships.member_code', 'share_charges.reference', 'share_charges.amount_minor', 'share_charges.status', 'share_charges.created_at'])
      .orderBy('share_charges.id', 'desc')
      .limit(maxSubjectsPerKind)
      .execute(),
    db
      .selectFrom('aid_payouts')
      .innerJoin('claims', 'claims.id', 'aid_payouts.claim_id')
      .innerJoin('memberships', 'memberships.id', 'claims.membership_id')
      .where(mine)
      .select(['aid_payouts.id', 'memberships.member_code', 'claims.case_number', 'aid_payouts.amount_minor', 'aid_payouts.status', 'aid_payouts.created_at'])
      .orderBy('aid_payouts.id', 'desc')
      .limit(maxSubjectsPerKind)
      .execute(),
    db
      .selectFrom('membership_events')
      .innerJoin('memberships', 'memberships.id', 'membership_events.membership_id')
      .where(mine)
      .select(['membership_events.id', 'memberships.member_code', 'membership_events.event', 'membership_events.to_status', 'membership_events.at'])
      .orderBy('membership_events.id', 'desc')
      .limit(maxSubjectsPerKind)
      .execute(),
  ]);
  return [
    ...claims.map((row) => ({ kind: 'claim' as const, subject_id: row.id, member_code: row.member_code, label: row.case_number, amount_minor: row.aid_minor, status: row.state, at: row.submitted_at })),
    ...payments.map((row) => ({ kind: 'payment' as const, subject_id: row.id, member_code: row.member_code, label: `${row.kind} ${row.reference}`, amount_minor: row.amount_minor, status: row.status, at: row.created_at })),
    ...charges.map((row) => ({ kind: 'share_charge' as const, subject_id: row.id, member_code: row.member_code, label: row.reference, amount_minor: row.amount_minor, status: row.status, at: row.created_at })),
    ...payouts.map((row) => ({ kind: 'payout' as const, subject_id: row.id, member_code: row.member_code, label: `payout ${row.case_number}`, amount_minor: row.amount_minor, status: row.status, at: row.created_at })),
    ...decisions.map((row) => ({ kind: 'decision' as const, subject_id: row.id, member_code: row.member_code, label: `${row.event} ${row.at.slice(0, 10)}`, amount_minor: null, status: row.to_status, at: row.at })),
  ];
}
