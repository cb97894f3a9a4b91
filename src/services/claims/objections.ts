import { isUniqueViolation } from '../../store/unique-violation.js';
import type { ServiceContext } from '../context.js';
import { checkText, claimRejection } from './claim-rejections.js';
import { lockClaimIn, transitionClaimIn, type ClaimRow, type SeenClaim } from './claim-transitions.js';

export interface ObjectionRow {
  readonly id: bigint;
  readonly claim_id: bigint;
  readonly objector_membership_id: bigint;
  readonly reason: string;
  readonly status: 'open' | 'dismissed' | 'upheld' | 'referred';
  readonly resolved_by: string | null;
  readonly resolution: string | null;
  readonly created_at: string;
  readonly resolved_at: string | null;
}

/**
 * An "I object" from a member during the public notice. Only an active member of the same plan
 * (they pay for the case; the claimant's own membership does not count), only while the notice
 * runs (in_notice, or objected by someone else, before notice_ends_at), one open objection per
 * member per claim. The first objection moves the claim to objected; later ones join it.
 */
export async function objectToClaim(context: ServiceContext, claim_id: bigint, objector_membership_id: bigint, reason: string): Promise<ObjectionRow & { readonly case_number: string }> {
  const text = checkText(reason, 'objection reason');
  const at = context.clock.now().toISOString();
  try {
    return await context.store.db.transaction().execute(async (trx) => {
      const locked = await lockClaimIn(trx, claim_id);
      const noticeRunning = (locked.state === 'in_notice' || locked.state === 'objected') && locked.notice_ends_at !== null && at < locked.notice_ends_at;
      if (!noticeRunning) claimRejection('CLAIM_NOT_IN_NOTICE', 'Objections are taken only while the case is in public notice.', { state: locked.state });
      const objector = await trx.selectFrom('memberships').select(['id', 'plan_id', 'status']).where('id', '=', objector_membership_id).executeTakeFirst();
      if (objector === undefined || objector.status !== 'active' || objector.plan_id !== locked.plan_id || objector.id === locked.membership_id) {
        claimRejection('CLAIM_OBJECTOR_NOT_ELIGIBLE', 'Only an active member of the same plan can object to a case.');
      }
      const existing = await trx.selectFrom('objections').select('id').where('claim_id', '=', claim_id).where('objector_membership_id', '=', objector_membership_id).where('status', '=', 'open').executeTakeFirst();
      if (existing !== undefined) claimRejection('CLAIM_OBJECTION_EXISTS', 'You have an open objection to this case already.');
      const objection = await trx
        .insertInto('objections')
        .values({ claim_id, objector_membership_id, reason: text, status: 'open', resolved_by: null, resolution: null, created_at: at, resolved_at: null })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (locked.state === 'in_notice') {
        await transitionClaimIn(trx, locked, { event: 'object', actor: `membership:${objector_membership_id}`, reason: `Objection ${objection.id}: ${text}`, at });
      }
      return { ...objection, case_number: locked.case_number };
    });
  } catch (error) {
    // The partial unique index settles two concurrent objections by one member.
    if (isUniqueViolation(error)) claimRejection('CLAIM_OBJECTION_EXISTS', 'You have an open objection to this case already.');
    throw error;
  }
}

export type ObjectionDecision = 'dismiss' | 'uphold' | 'refer_to_jury';

/**
 * A reviewer resolves one objection:
 *  - dismiss: the objection is closed; when no other is open the notice goes on (objected → in_notice),
 *  - uphold: the claim goes back to review (objected → in_review),
 *  - refer_to_jury: the members' jury decides (objected → in_jury).
 * Uphold and refer act on the claim only while it is objected; once another objection has sent it
 * back to review or to the jury, resolving the rest only closes them.
 */
export async function resolveObjection(
  context: ServiceContext,
  objection_id: bigint,
  decision: ObjectionDecision,
  resolution: string,
  actor: string,
  seen?: SeenClaim,
): Promise<{ objection: ObjectionRow; claim: ClaimRow }> {
  if (decision !== 'dismiss' && decision !== 'uphold' && decision !== 'refer_to_jury') claimRejection('CLAIM_BAD_RESOLUTION', 'An objection is dismissed, upheld or referred to the jury.');
  const text = checkText(resolution, 'resolution');
  const at = context.clock.now().toISOString();
  return context.store.db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('objections').select(['claim_id']).where('id', '=', objection_id).executeTakeFirst();
    if (found === undefined) claimRejection('CLAIM_OBJECTION_NOT_FOUND', `No objection ${objection_id}.`, { objection_id: objection_id.toString() });
    // The claim lock serializes resolutions of objections to one claim.
    let claim = await lockClaimIn(trx, found.claim_id, seen);
    const status = { dismiss: 'dismissed', uphold: 'upheld', refer_to_jury: 'referred' } as const;
    const objection = await trx
      .updateTable('objections')
      .set({ status: status[decision], resolved_by: actor, resolution: text, resolved_at: at })
      .where('id', '=', objection_id)
      .where('status', '=', 'open')
      .returningAll()
      .executeTakeFirst();
    if (objection === undefined) claimRejection('CLAIM_OBJECTION_CLOSED', `Objection ${objection_id} is resolved already.`);
    if (claim.state === 'objected') {
      const reason = `Objection ${objection_id} ${status[decision]}: ${text}`;
      if (decision === 'dismiss') {
        const stillOpen = await trx.selectFrom('objections').select('id').where('claim_id', '=', claim.id).where('status', '=', 'open').executeTakeFirst();
        if (stillOpen === undefined) claim = await transitionClaimIn(trx, claim, { event: 'dismiss_objection', actor, reason, at });
      } else {
        claim = await transitionClaimIn(trx, claim, { event: decision === 'uphold' ? 'uphold_objection' : 'refer_to_jury', actor, reason, at });
      }
    }
    return { objection, claim };
  });
}
