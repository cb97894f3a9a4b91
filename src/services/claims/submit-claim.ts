import type { Kysely } from 'kysely';
import { checkDiagnosisBeforeClosure } from '../../core/closure/closure-rules.js';
import { assessClaim, type ClaimAssessment } from '../../core/claims/claim-eligibility.js';
import { calendarDateOf, formatCalendarDate, parseCalendarDate, type CalendarDate } from '../../core/members/age.js';
import { memberCodeFromBytes } from '../../core/members/member-code.js';
import { finalStates, type MembershipState } from '../../core/members/membership-lifecycle.js';
import { RejectionError, reject, type Rejection } from '../../core/rejection.js';
import type { Database } from '../../store/schema.js';
import { isUniqueViolation } from '../../store/unique-violation.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { RandomSource, ServiceContext } from '../context.js';
import { diagnoseInWaitingPeriod } from '../funding/waiting-period-refunds.js';
import { getPlanIn } from '../funding/plan-in.js';
import { queueNotifications } from '../notifications/outbox.js';
import { versionAt } from '../plans.js';
import { claimRejection } from './claim-rejections.js';
import { claimJson } from './claim-transitions.js';
import { checkEvidenceFiles, insertEvidenceIn, storeEvidenceFiles, type EvidenceFile } from './evidence.js';

export interface SubmitClaimInput {
  readonly membership_id: bigint;
  /** Who submits: the payer (for themselves or a covered family member) or an operator; the HTTP layer checks who may. */
  readonly submitted_by_user_id: bigint | null;
  readonly illness_code: string;
  /** YYYY-MM-DD */
  readonly diagnosis_date: string;
  readonly hospital: string;
  readonly files: readonly EvidenceFile[];
}

export interface SubmittedClaim {
  readonly claim_id: bigint;
  readonly case_number: string;
  readonly state: 'submitted';
  readonly age_at_diagnosis_years: number;
  readonly aid_minor: bigint;
  readonly evidence_files: number;
}

/** The public case id: "C" and 12 Crockford base32 characters from random bytes (like member codes). */
export function caseNumberFrom(random: RandomSource): string {
  return `C${memberCodeFromBytes(random.bytes(8)).slice(1)}`;
}

/**
 * The day cover stopped, or null while it lasts. A final state (lapsed, withdrawn, ended) ended
 * cover on the day it was entered. Termination is for fraud (a condition concealed at joining),
 * which voids cover from the start: otherwise a fraudster could claim again for a diagnosis made
 * before the termination.
 */
export function coverEndOf(membership: { status: MembershipState; joined_at: string; status_changed_at: string }): CalendarDate | null {
  if (membership.status === 'terminated') return calendarDateOf(membership.joined_at);
  return finalStates.includes(membership.status) ? calendarDateOf(membership.status_changed_at) : null;
}

interface Assessed {
  readonly membership: { id: bigint; plan_id: string; member_code: string; person_id: bigint; payer_user_id: bigint | null; status: MembershipState };
  readonly plan_version: number;
  readonly assessment: ClaimAssessment;
}

/**
 * Loads what the plan's rules look at and asks core. Run on the given connection: once before
 * the files are stored (so a refused claim stores nothing) and again inside the transaction that
 * writes the claim (so the decision is made on what is committed).
 */
async function assessIn(db: Kysely<Database>, input: SubmitClaimInput, now: string): Promise<{ ok: true; value: Assessed } | { ok: false; rejection: Rejection; membership_status: MembershipState; membership_id: bigint }> {
  const membership = await db
    .selectFrom('memberships as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .select(['m.id', 'm.plan_id', 'm.member_code', 'm.person_id', 'm.payer_user_id', 'm.status', 'm.waiting_until', 'm.status_changed_at', 'm.joined_at', 'p.birth_date'])
    .where('m.id', '=', input.membership_id)
    .executeTakeFirst();
  if (membership === undefined) claimRejection('CLAIM_MEMBERSHIP_NOT_FOUND', `No membership ${input.membership_id}.`, { membership_id: input.membership_id.toString() });
  const diagnosis_date = parseCalendarDate(input.diagnosis_date);
  if (diagnosis_date === undefined) claimRejection('CLAIM_BAD_DIAGNOSIS_DATE', 'The diagnosis date must be a date as YYYY-MM-DD.');
  const plan = await getPlanIn(db, membership.plan_id);
  // A closing plan covers diagnoses before its closure date only; those stay claimable in the window.
  const closure = await db.selectFrom('plan_closures').select(['closure_date', 'step']).where('plan_id', '=', plan.id).executeTakeFirst();
  if (closure !== undefined) {
    // Finalising waits for the claim window, so this is defence in depth: the published report
    // accounts for every claim of the plan, and a claim filed after it would be in none.
    if (closure.step === 'finalised') {
      const finalised = reject('CLAIM_CLOSURE_FINALISED', 'The plan is closed and its closure report is published; it takes no more claims.', { plan_id: plan.id, closure_date: closure.closure_date });
      return { ok: false, rejection: finalised.rejection, membership_status: membership.status, membership_id: membership.id };
    }
    const covered = checkDiagnosisBeforeClosure(diagnosis_date, closure.closure_date);
    if (!covered.ok) return { ok: false, rejection: covered.rejection, membership_status: membership.status, membership_id: membership.id };
  }
  // The rules the member had at diagnosis decide the claim, not rules changed since.
  const version = versionAt(plan, `${formatCalendarDate(diagnosis_date)}T23:59:59.999Z`);
  const covered_from = parseCalendarDate(membership.waiting_until);
  if (covered_from === undefined) throw new Error(`membership ${membership.id} has a bad waiting_until`);
  const birth_date = parseCalendarDate(membership.birth_date);
  if (birth_date === undefined) throw new Error(`person ${membership.person_id} has a bad birth date`);
  const covered_until = coverEndOf(membership);
  // "One aid per member per plan" counts the person, so rejoining after a lapse does not reset it.
  const aids = await db
    .selectFrom('claims')
    .select((eb) => eb.fn.countAll<bigint>().as('n'))
    .where('person_id', '=', membership.person_id)
    .where('plan_id', '=', membership.plan_id)
    .where('state', 'in', ['approved', 'scheduled', 'paid'])
    .executeTakeFirstOrThrow();
  const duplicate = await db
    .selectFrom('claims')
    .select('id')
    .where('membership_id', '=', membership.id)
    .where('illness_code', '=', input.illness_code)
    .where('diagnosis_date', '=', formatCalendarDate(diagnosis_date))
    .where('state', '<>', 'rejected_final')
    .executeTakeFirst();
  const result = assessClaim({
    rules: version.rules,
    birth_date,
    diagnosis_date,
    submitted_on: calendarDateOf(now),
    illness_code: input.illness_code,
    covered_from,
    covered_until,
    aids_so_far: Number(aids.n),
    duplicate: duplicate !== undefined,
  });
  if (!result.ok) return { ok: false, rejection: result.rejection, membership_status: membership.status, membership_id: membership.id };
  const { birth_date: _birth, waiting_until: _waiting, status_changed_at: _changed, joined_at: _joined, ...kept } = membership;
  return { ok: true, value: { membership: kept, plan_version: version.version, assessment: result.value } };
}

function checkInput(input: SubmitClaimInput): void {
  const hospital = input.hospital.trim();
  if (hospital === '' || hospital.length > 200) claimRejection('CLAIM_BAD_HOSPITAL', 'Name the hospital that diagnosed, in 1–200 characters.');
  if (input.illness_code.trim() === '' || input.illness_code.length > 32) claimRejection('CLAIM_BAD_ILLNESS_CODE', 'Give the illness code of the plan’s list.');
  if (input.files.length === 0) claimRejection('CLAIM_NO_EVIDENCE', 'A claim needs at least one evidence file (diagnosis, pathology or discharge report).');
  checkEvidenceFiles(input.files);
}

/**
 * A member's application for aid. Refusals are RejectionErrors with the core's stable codes and
 * write nothing, with one documented exception: a diagnosis inside the waiting period of a
 * membership that is still waiting ends that membership and refunds the shares paid (DESIGN.md),
 * so instead of failing silently this runs diagnoseInWaitingPeriod, in its own transaction, and
 * then throws CLAIM_IN_WAITING_PERIOD. No claim row is written in that case either.
 */
export async function submitClaim(context: ServiceContext, input: SubmitClaimInput, blobStore: BlobStore): Promise<SubmittedClaim> {
  checkInput(input);
  const now = context.clock.now().toISOString();
  const precheck = await assessIn(context.store.db, input, now);
  if (!precheck.ok) {
    if (precheck.rejection.code === 'CLAIM_IN_WAITING_PERIOD' && precheck.membership_status === 'waiting') {
      await diagnoseInWaitingPeriod(context, precheck.membership_id, {
        reason: `Claim for a diagnosis on ${input.diagnosis_date}, inside the waiting period: membership ends, shares paid are refunded without interest`,
        actor: input.submitted_by_user_id === null ? 'operator' : `user:${input.submitted_by_user_id}`,
      });
    }
    throw new RejectionError(precheck.rejection);
  }
  const evidence = await storeEvidenceFiles(blobStore, input.files);
  const case_number = caseNumberFrom(context.random);
  try {
    return await context.store.db.transaction().execute(async (trx) => {
      const checked = await assessIn(trx, input, now);
      if (!checked.ok) throw new RejectionError(checked.rejection);
      const { membership, assessment } = checked.value;
      const claim = await trx
        .insertInto('claims')
        .values({
          case_number,
          membership_id: membership.id,
          plan_id: membership.plan_id,
          member_code: membership.member_code,
          person_id: membership.person_id,
          plan_version: BigInt(checked.value.plan_version),
          illness_code: input.illness_code,
          diagnosis_date: input.diagnosis_date,
          hospital: input.hospital.trim(),
          state: 'submitted',
          age_at_diagnosis_years: BigInt(assessment.age_at_diagnosis_years),
          aid_minor: assessment.aid_minor,
          rejection_code: null,
          rejection_text: null,
          submitted_by_user_id: input.submitted_by_user_id,
          submitted_at: now,
          state_changed_at: now,
          notice_starts_at: null,
          notice_ends_at: null,
          jury_seed_hex: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await insertEvidenceIn(trx, claim.id, 'claimant', evidence, input.submitted_by_user_id, now);
      await trx
        .insertInto('claim_events')
        .values({
          claim_id: claim.id,
          event: 'submit',
          from_state: null,
          to_state: 'submitted',
          actor: input.submitted_by_user_id === null ? 'operator' : `user:${input.submitted_by_user_id}`,
          reason: 'Claim submitted with evidence',
          before_json: null,
          after_json: claimJson(claim),
          at: now,
        })
        .execute();
      if (membership.payer_user_id !== null) {
        await queueNotifications(
          trx,
          [
            {
              user_id: membership.payer_user_id,
              membership_id: membership.id,
              kind: 'claim_submitted',
              title_zh: '互助申请已受理',
              title_en: 'Claim received',
              body_zh: `案件 ${case_number} 已受理，我们将尽快审核。`,
              body_en: `Case ${case_number} is received and will be reviewed.`,
              dedupe_key: `claim_submitted:${case_number}`,
            },
          ],
          now,
        );
      }
      return { claim_id: claim.id, case_number, state: 'submitted' as const, age_at_diagnosis_years: assessment.age_at_diagnosis_years, aid_minor: assessment.aid_minor, evidence_files: evidence.length };
    });
  } catch (error) {
    // Two submissions of one diagnosis at once: the partial unique index lets one through. (A
    // case-number collision would land here too, at 60 random bits a practical impossibility.)
    if (isUniqueViolation(error)) claimRejection('CLAIM_DUPLICATE', 'A claim for this diagnosis exists already.');
    throw error;
  }
}
