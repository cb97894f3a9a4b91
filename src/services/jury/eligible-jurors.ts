import { calendarDateOf } from '../../core/members/age.js';
import { compareUtf8 } from '../../core/money/byte-order.js';
import type { Trx } from '../../ledger/ledger.js';
import type { ClaimRow } from '../claims/claim-transitions.js';

/** DESIGN.md: jurors are members of 30+ days' tenure and adults (18+). */
export const jurorMinTenureDays = 30;
export const jurorMinAgeYears = 18;

export interface EligibleJuror {
  readonly member_code: string;
  readonly membership_id: bigint;
}

/**
 * The latest birth date of an adult on `at`'s calendar day, as a YYYY-MM-DD string to compare
 * birth dates against as text. It need not be a real date: on 29 February the cutoff is
 * "YYYY-02-29" of a common year, which still orders correctly (born 28 Feb: adult; 1 Mar: not),
 * matching ageInYears, where a 29 February birthday is reached on 1 March.
 */
export function adultBornBy(at: string): string {
  const today = calendarDateOf(at);
  return `${String(today.year - jurorMinAgeYears).padStart(4, '0')}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`;
}

/**
 * Eligible jurors for a claim, in one set-based query: an active (paying) membership in the
 * claim's plan with an account holder who can vote, joined at least 30 days ago, of an adult
 * person, whose payer passed the quiz for it, with no fraud finding against the person, and not
 * the claimant: neither the patient (any membership of theirs) nor a membership the claimant's
 * payer pays for (a household does not judge its own case). Sorted by member code (byte order),
 * the order of the published snapshot.
 */
export async function eligibleJurorsIn(trx: Trx, claim: ClaimRow, at: string): Promise<EligibleJuror[]> {
  const claimant = await trx.selectFrom('memberships').select('payer_user_id').where('id', '=', claim.membership_id).executeTakeFirstOrThrow();
  const joined_by = new Date(Date.parse(at) - jurorMinTenureDays * 86_400_000).toISOString();
  let query = trx
    .selectFrom('memberships as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('juror_qualifications as q', 'q.membership_id', 'm.id')
    .select(['m.member_code', 'm.id as membership_id'])
    .where('m.plan_id', '=', claim.plan_id)
    .where('m.status', '=', 'active')
    .where('m.payer_user_id', 'is not', null)
    .where('m.joined_at', '<=', joined_by)
    .where('p.birth_date', '<=', adultBornBy(at))
    .where('q.passed_at', '<=', at)
    .where('m.person_id', '<>', claim.person_id)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('fraud_findings as f').select('f.id').whereRef('f.person_id', '=', 'm.person_id'))));
  if (claimant.payer_user_id !== null) query = query.where('m.payer_user_id', '<>', claimant.payer_user_id);
  const rows = await query.execute();
  return rows.sort((a, b) => compareUtf8(a.member_code, b.member_code));
}
