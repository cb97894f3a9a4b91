import type { ServiceContext } from '../context.js';
import { applyMembershipEventIn } from '../membership-status.js';
import { checkText, claimRejectionReasons } from './claim-rejections.js';
import { lockClaimIn, transitionClaimIn, type ClaimRow, type SeenClaim } from './claim-transitions.js';

/**
 * A concealed condition or other fraud found on a claim: in one transaction the claim is rejected
 * for good (reject_for_fraud), the membership is terminated ('fraud_found'), and the finding is
 * recorded against the membership and the person, which keeps them off every future jury.
 * A membership that already ended otherwise (withdrawn, ended) keeps its state: the finding is
 * still recorded.
 */
export async function recordFraud(context: ServiceContext, claim_id: bigint, finding: string, actor: string, seen?: SeenClaim): Promise<{ claim: ClaimRow; membership_status: string; fraud_finding_id: bigint }> {
  const text = checkText(finding, 'finding', 20_000);
  const at = context.clock.now().toISOString();
  return context.store.db.transaction().execute(async (trx) => {
    const locked = await lockClaimIn(trx, claim_id, seen);
    const claim = await transitionClaimIn(trx, locked, {
      event: 'reject_for_fraud',
      actor,
      reason: `Fraud: ${text}`,
      at,
      set: { rejection_code: 'FRAUD', rejection_text: claimRejectionReasons.FRAUD.en },
    });
    // Objections still open have served their purpose: the case is closed.
    await trx.updateTable('objections').set({ status: 'upheld', resolved_by: actor, resolution: 'Case closed: fraud found', resolved_at: at }).where('claim_id', '=', claim_id).where('status', '=', 'open').execute();
    const membership = await trx.selectFrom('memberships').select(['status']).where('id', '=', locked.membership_id).executeTakeFirstOrThrow();
    let membership_status: string = membership.status;
    if (membership.status === 'waiting' || membership.status === 'active' || membership.status === 'lapsed') {
      const changed = await applyMembershipEventIn(trx, locked.membership_id, 'fraud_found', `Fraud found on case ${locked.case_number}: ${text}`, actor, at);
      membership_status = changed.membership.status;
    }
    const row = await trx
      .insertInto('fraud_findings')
      .values({ membership_id: locked.membership_id, person_id: locked.person_id, claim_id, finding: text, recorded_by: actor, at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { claim, membership_status, fraud_finding_id: row.id };
  });
}
