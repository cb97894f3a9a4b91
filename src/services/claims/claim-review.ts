import { RejectionError, reject } from '../../core/rejection.js';
import type { Trx } from '../../ledger/ledger.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { ServiceContext } from '../context.js';
import { getPlanIn } from '../funding/plan-in.js';
import { versionAt } from '../plans.js';
import { checkText, claimRejection, claimRejectionReasons, isClaimRejectionReason } from './claim-rejections.js';
import { applyClaimEventIn, lockClaimIn, transitionClaimIn, type ClaimRow, type SeenClaim } from './claim-transitions.js';
import { checkEvidenceFiles, insertEvidenceIn, storeEvidenceFiles, type EvidenceFile } from './evidence.js';

/**
 * The reviewer's and investigator's steps. Each is one transaction: lock the claim, let the core
 * state machine allow the event, write the new state and the audit row. `actor` names who acts
 * ("user:7", "operator", "system"), as in membership_events.
 */
async function inTransaction<T>(context: ServiceContext, work: (trx: Trx, at: string) => Promise<T>): Promise<T> {
  const at = context.clock.now().toISOString();
  return context.store.db.transaction().execute((trx) => work(trx, at));
}

export async function startReview(context: ServiceContext, claim_id: bigint, actor: string, seen?: SeenClaim): Promise<ClaimRow> {
  return inTransaction(context, (trx, at) => applyClaimEventIn(trx, claim_id, { event: 'start_review', actor, reason: 'Initial review started', at }, seen));
}

/** Sends a claim under review to a third-party investigator (a user with the investigator role). */
export async function assignInvestigator(context: ServiceContext, claim_id: bigint, investigator_user_id: bigint, actor: string, seen?: SeenClaim): Promise<ClaimRow> {
  return inTransaction(context, async (trx, at) => {
    const investigator = await trx.selectFrom('users').select(['id', 'roles', 'disabled_at']).where('id', '=', investigator_user_id).executeTakeFirst();
    if (investigator === undefined || investigator.disabled_at !== null || !investigator.roles.split(',').includes('investigator')) {
      claimRejection('CLAIM_INVESTIGATOR_NOT_FOUND', `User ${investigator_user_id} is not an active investigator.`, { investigator_user_id: investigator_user_id.toString() });
    }
    const claim = await applyClaimEventIn(trx, claim_id, { event: 'request_investigation', actor, reason: `Investigation assigned to user:${investigator_user_id}`, at }, seen);
    await trx.insertInto('investigations').values({ claim_id, investigator_user_id, assigned_at: at, findings: null, recommendation: null, completed_at: null }).execute();
    return claim;
  });
}

/**
 * The investigator's report: findings, a recommendation and optional attachments (private, like
 * the claimant's evidence). Only the investigator assigned to the open investigation may report.
 */
export async function recordFindings(
  context: ServiceContext,
  claim_id: bigint,
  investigator_user_id: bigint,
  input: { findings: string; recommendation: 'approve' | 'reject'; files?: readonly EvidenceFile[]; expected_state_changed_at?: string | undefined },
  blobStore?: BlobStore,
): Promise<ClaimRow> {
  const findings = checkText(input.findings, 'findings', 20_000);
  if (input.recommendation !== 'approve' && input.recommendation !== 'reject') claimRejection('CLAIM_BAD_RECOMMENDATION', 'The recommendation is approve or reject.');
  const files = input.files ?? [];
  if (files.length > 0 && blobStore === undefined) throw new Error('recordFindings: attachments need a blob store');
  // Checked against the claim's current file count inside the transaction; blobs are stored after
  // the cheap checks and before the transaction (see storeEvidenceFiles).
  checkEvidenceFiles(files);
  const evidence = files.length > 0 && blobStore !== undefined ? await storeEvidenceFiles(blobStore, files) : [];
  return inTransaction(context, async (trx, at) => {
    const locked = await lockClaimIn(trx, claim_id, input);
    const open = await trx.selectFrom('investigations').selectAll().where('claim_id', '=', claim_id).where('completed_at', 'is', null).executeTakeFirst();
    if (open === undefined || open.investigator_user_id !== investigator_user_id) {
      claimRejection('CLAIM_NOT_ASSIGNED', 'Only the investigator assigned to this claim can record findings.', { claim_id: claim_id.toString() });
    }
    if (evidence.length > 0) {
      const count = await trx.selectFrom('claim_evidence').select((eb) => eb.fn.countAll<bigint>().as('n')).where('claim_id', '=', claim_id).executeTakeFirstOrThrow();
      checkEvidenceFiles(files, Number(count.n));
    }
    const claim = await transitionClaimIn(trx, locked, { event: 'record_findings', actor: `user:${investigator_user_id}`, reason: `Investigation recommends: ${input.recommendation}`, at });
    await trx.updateTable('investigations').set({ findings, recommendation: input.recommendation, completed_at: at }).where('id', '=', open.id).execute();
    await insertEvidenceIn(trx, claim_id, 'investigation', evidence, investigator_user_id, at);
    return claim;
  });
}

export async function approveForNotice(context: ServiceContext, claim_id: bigint, actor: string, seen?: SeenClaim): Promise<ClaimRow> {
  return inTransaction(context, (trx, at) => applyClaimEventIn(trx, claim_id, { event: 'approve_for_notice', actor, reason: 'Review approved the claim for public notice', at }, seen));
}

/** Rejects with a reason from the fixed list (same words for the same reason) and a case-specific text. */
export async function rejectClaim(context: ServiceContext, claim_id: bigint, reason_code: string, reason_text: string, actor: string, seen?: SeenClaim): Promise<ClaimRow> {
  if (!isClaimRejectionReason(reason_code) || reason_code === 'FRAUD') {
    // FRAUD goes through recordFraud, which also terminates the membership and records the finding.
    claimRejection('CLAIM_BAD_REASON_CODE', 'Choose a rejection reason from the list (fraud is recorded with recordFraud).', {
      allowed: Object.keys(claimRejectionReasons).filter((code) => code !== 'FRAUD'),
    });
  }
  const text = checkText(reason_text, 'rejection text');
  return inTransaction(context, (trx, at) =>
    applyClaimEventIn(trx, claim_id, {
      event: 'reject',
      actor,
      reason: `${reason_code}: ${text}`,
      at,
      set: { rejection_code: reason_code, rejection_text: text },
    }, seen),
  );
}

/**
 * Publishes the case card for the plan's notice days. The notice period is a procedure, so the
 * rules in force when it starts decide its length (the claim itself is judged by the rules at diagnosis).
 */
export async function publishNotice(context: ServiceContext, claim_id: bigint, actor: string, seen?: SeenClaim): Promise<ClaimRow> {
  return inTransaction(context, async (trx, at) => {
    const locked = await lockClaimIn(trx, claim_id, seen);
    const plan = await getPlanIn(trx, locked.plan_id);
    const notice_days = versionAt(plan, at).rules.notice_days;
    const notice_ends_at = new Date(Date.parse(at) + notice_days * 86_400_000).toISOString();
    return transitionClaimIn(trx, locked, { event: 'publish_notice', actor, reason: `Public notice for ${notice_days} days`, at, set: { notice_starts_at: at, notice_ends_at } });
  });
}

/** Ends the notice: only once its time is over and no objection is open; the claim is then approved. */
export async function endNotice(context: ServiceContext, claim_id: bigint, actor: string, seen?: SeenClaim): Promise<ClaimRow> {
  return inTransaction(context, async (trx, at) => {
    const locked = await lockClaimIn(trx, claim_id, seen);
    if (locked.state === 'in_notice' && (locked.notice_ends_at === null || at < locked.notice_ends_at)) {
      claimRejection('CLAIM_NOTICE_NOT_OVER', `The public notice runs until ${locked.notice_ends_at ?? '(not set)'}.`, { notice_ends_at: locked.notice_ends_at });
    }
    const open = await trx.selectFrom('objections').select('id').where('claim_id', '=', claim_id).where('status', '=', 'open').executeTakeFirst();
    if (open !== undefined) claimRejection('CLAIM_OPEN_OBJECTIONS', 'Every objection must be resolved before the notice ends.');
    return transitionClaimIn(trx, locked, { event: 'end_notice', actor, reason: 'Notice over without open objections: approved', at });
  });
}

export type AppealDecision = 'refer_to_jury' | 'close_rejection';

/**
 * The reviewer decides an appeal: the members' jury hears it (appealed → in_jury, where the operator
 * opens the jury), or the rejection stands and is final (appealed → rejected_final). Either way the
 * reason is kept in the claim's audit trail, which the member sees in their claim's history.
 */
export async function decideAppeal(context: ServiceContext, claim_id: bigint, decision: AppealDecision, reason: string, actor: string, seen?: SeenClaim): Promise<ClaimRow> {
  if (decision !== 'refer_to_jury' && decision !== 'close_rejection') claimRejection('CLAIM_BAD_APPEAL_DECISION', 'An appeal is referred to the jury or its rejection closed.');
  const text = checkText(reason, 'appeal decision reason');
  return inTransaction(context, async (trx, at) => {
    const locked = await lockClaimIn(trx, claim_id, seen);
    if (locked.state !== 'appealed') claimRejection('CLAIM_NOT_APPEALED', `Only an appealed claim has an appeal to decide; this one is ${locked.state}.`, { state: locked.state });
    const prefix = decision === 'refer_to_jury' ? 'Appeal referred to the jury' : 'Appeal dismissed: the rejection is final';
    return transitionClaimIn(trx, locked, { event: decision, actor, reason: `${prefix}: ${text}`, at });
  });
}

/** The member appeals a rejection; the reviewer then refers it to the jury or closes the rejection (decideAppeal). */
export async function appealClaim(context: ServiceContext, claim_id: bigint, reason: string, actor: string): Promise<ClaimRow> {
  const text = checkText(reason, 'appeal reason');
  return inTransaction(context, async (trx, at) => {
    const locked = await lockClaimIn(trx, claim_id);
    // The signed closure report of a finalised plan counts this claim as rejected: an appeal would
    // reopen a claim the report says is settled (and a closing cycle could then pay it). The
    // closure row is locked (a no-op update) so that an appeal and finaliseClosure, which counts
    // the open claims again under that lock, serialize.
    const closure = await trx
      .updateTable('plan_closures')
      .set((eb) => ({ step: eb.ref('step') }))
      .where('plan_id', '=', locked.plan_id)
      .returning(['step', 'closure_date'])
      .executeTakeFirst();
    if (closure?.step === 'finalised') {
      const message = 'The plan is closed and its closure report, which counts this claim as rejected, is published; the rejection can no longer be appealed.';
      throw new RejectionError(reject('CLAIM_CLOSURE_FINALISED', message, { plan_id: locked.plan_id, closure_date: closure.closure_date }).rejection);
    }
    return transitionClaimIn(trx, locked, { event: 'appeal', actor, reason: `Appeal: ${text}`, at });
  });
}
