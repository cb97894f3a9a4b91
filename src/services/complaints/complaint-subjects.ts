import type { ComplaintSubjectKind } from '../../core/complaints/complaint-lifecycle.js';
import { formatMinorPlain } from '../../core/money/format-money.js';
import type { Trx } from '../../ledger/ledger.js';
import { complaintRejection } from './complaint-rejections.js';

export interface ComplaintSubject {
  readonly membership_id: bigint;
  readonly member_code: string;
  /** What the member and staff read: a case number, a payment's amount and day, a membership decision. */
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
        .select(['m.id', 'm.member_code', 'p.amount_minor', 'p.currency', 'p.created_at'])
        .where('p.id', '=', subject_id)
        .where('m.payer_user_id', '=', payer_user_id)
        .executeTakeFirst();
      // As the member's wallet and bills show it: the amount and the day, not the provider's reference.
      return row && { membership_id: row.id, member_code: row.member_code, label: `${formatMinorPlain(row.amount_minor, row.currency)} ${row.currency} · ${row.created_at.slice(0, 10)}` };
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
