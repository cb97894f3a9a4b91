import type { Selectable } from 'kysely';
import {
  checkText,
  complaintTextMaxChars,
  complaintTextMinChars,
  nextState,
  outcomeTextMaxChars,
  replyTextMaxChars,
  responseDeadline,
  type ComplaintAction,
  type ComplaintOutcome,
  type ComplaintReply,
  type ComplaintSubjectKind,
} from '../../core/complaints/complaint-lifecycle.js';
import { RejectionError, assert, type Result } from '../../core/rejection.js';
import { hasAnyRole, parseRoles } from '../../core/roles.js';
import type { Trx } from '../../ledger/ledger.js';
import type { ComplaintEventsTable, ComplaintsTable } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { queueNotifications } from '../notifications/outbox.js';
import { complaintResponseDaysIn } from '../operator-info.js';
import { complaintRejection } from './complaint-rejections.js';
import { ownSubjectIn } from './complaint-subjects.js';

export type ComplaintRow = Selectable<ComplaintsTable>;

function unwrapOrThrow<Value>(result: Result<Value>): Value {
  if (!result.ok) throw new RejectionError(result.rejection);
  return result.value;
}

async function writeEvent(
  trx: Trx,
  complaint: { id: bigint; from_state: string | null; to_state: string },
  event: ComplaintEventsTable['event'],
  actor: string,
  detail: Record<string, unknown>,
  at: string,
): Promise<void> {
  await trx
    .insertInto('complaint_events')
    .values({ complaint_id: complaint.id, event, from_state: complaint.from_state, to_state: complaint.to_state, actor, detail_json: JSON.stringify(detail), at })
    .execute();
}

/**
 * Locks the complaint row in the caller's transaction (a no-op write takes SQLite's write lock and
 * PostgreSQL's row lock), so two staff acting at once are serialized and the second sees the first.
 */
async function lockComplaintIn(trx: Trx, complaint_id: bigint): Promise<ComplaintRow> {
  const row = await trx
    .updateTable('complaints')
    .set((eb) => ({ state: eb.ref('state') }))
    .where('id', '=', complaint_id)
    .returningAll()
    .executeTakeFirst();
  if (row === undefined) complaintRejection('COMPLAINT_NOT_FOUND', `No complaint ${complaint_id}.`, { complaint_id: complaint_id.toString() });
  return row;
}

export interface FileComplaintInput {
  readonly filed_by_user_id: bigint;
  readonly subject_kind: ComplaintSubjectKind;
  readonly subject_id: bigint;
  readonly text: string;
}

/**
 * A member files a complaint about a subject of one of their own memberships. The text is checked
 * and the subject's owner found before anything is written: a refusal writes nothing. The deadline
 * is counted from the setting in force now and kept with the complaint.
 */
export async function fileComplaint(context: ServiceContext, input: FileComplaintInput): Promise<ComplaintRow> {
  const text = unwrapOrThrow(checkText('text', input.text, complaintTextMinChars, complaintTextMaxChars));
  const at = context.clock.now().toISOString();
  return context.store.db.transaction().execute(async (trx) => {
    const subject = await ownSubjectIn(trx, input.filed_by_user_id, input.subject_kind, input.subject_id);
    const response_days = await complaintResponseDaysIn(trx);
    const row = await trx
      .insertInto('complaints')
      .values({
        membership_id: subject.membership_id,
        member_code: subject.member_code,
        filed_by_user_id: input.filed_by_user_id,
        subject_kind: input.subject_kind,
        subject_id: input.subject_id,
        subject_label: subject.label,
        text,
        state: 'filed',
        response_days: BigInt(response_days),
        deadline_at: responseDeadline(at, response_days),
        owner_user_id: null,
        escalated_at: null,
        outcome: null,
        outcome_text: null,
        responded_by_user_id: null,
        responded_at: null,
        reply: null,
        reply_text: null,
        replied_at: null,
        filed_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeEvent(trx, { id: row.id, from_state: null, to_state: 'filed' }, 'filed', `user:${input.filed_by_user_id}`, { subject_kind: row.subject_kind, subject_id: row.subject_id.toString() }, at);
    return row;
  });
}

/** Roles that may own and answer complaints. */
const ownerRoles = ['operator', 'reviewer'] as const;

async function assertStaffOwner(trx: Trx, user_id: bigint): Promise<void> {
  const user = await trx.selectFrom('users').select(['roles', 'disabled_at']).where('id', '=', user_id).executeTakeFirst();
  if (user === undefined || user.disabled_at !== null || !hasAnyRole(parseRoles(user.roles), ownerRoles)) {
    complaintRejection('COMPLAINT_OWNER_NOT_STAFF', `User ${user_id} is not an active operator or reviewer, so cannot own complaints.`, { owner_user_id: user_id.toString() });
  }
}

async function transitionIn(trx: Trx, complaint_id: bigint, action: ComplaintAction, reply?: ComplaintReply) {
  const locked = await lockComplaintIn(trx, complaint_id);
  const to_state = unwrapOrThrow(nextState(locked.state, action, reply));
  return { locked, to_state };
}

/** Staff give the complaint an owner (again, to hand it over), until it is answered. */
export async function assignComplaint(context: ServiceContext, complaint_id: bigint, owner_user_id: bigint, actor_user_id: bigint): Promise<ComplaintRow> {
  const at = context.clock.now().toISOString();
  return context.store.db.transaction().execute(async (trx) => {
    const { locked, to_state } = await transitionIn(trx, complaint_id, 'assign');
    await assertStaffOwner(trx, owner_user_id);
    const row = await trx.updateTable('complaints').set({ state: to_state, owner_user_id, updated_at: at }).where('id', '=', complaint_id).returningAll().executeTakeFirstOrThrow();
    await writeEvent(trx, { id: complaint_id, from_state: locked.state, to_state }, 'assigned', `user:${actor_user_id}`, { owner_user_id: owner_user_id.toString(), previous_owner_user_id: locked.owner_user_id?.toString() ?? null }, at);
    return row;
  });
}

/**
 * Staff answer with an outcome and its text, once. An unassigned complaint is owned by whoever
 * answers it, so every answered complaint has an owner. The member is told in the app.
 */
export async function respondToComplaint(
  context: ServiceContext,
  complaint_id: bigint,
  response: { outcome: ComplaintOutcome; outcome_text: string },
  actor_user_id: bigint,
): Promise<ComplaintRow> {
  const outcome_text = unwrapOrThrow(checkText('outcome_text', response.outcome_text, 1, outcomeTextMaxChars));
  const at = context.clock.now().toISOString();
  return context.store.db.transaction().execute(async (trx) => {
    const { locked, to_state } = await transitionIn(trx, complaint_id, 'respond');
    const owner_user_id = locked.owner_user_id ?? actor_user_id;
    const row = await trx
      .updateTable('complaints')
      .set({ state: to_state, owner_user_id, outcome: response.outcome, outcome_text, responded_by_user_id: actor_user_id, responded_at: at, updated_at: at })
      .where('id', '=', complaint_id)
      .returningAll()
      .executeTakeFirstOrThrow();
    assert(row.responded_at !== null && row.responded_at >= row.filed_at, 'a response comes after its filing');
    await writeEvent(trx, { id: complaint_id, from_state: locked.state, to_state }, 'responded', `user:${actor_user_id}`, { outcome: response.outcome }, at);
    await queueNotifications(
      trx,
      [
        {
          user_id: row.filed_by_user_id,
          membership_id: row.membership_id,
          kind: 'complaint_responded',
          title_zh: '您的投诉已答复',
          title_en: 'Your complaint has been answered',
          body_zh: `关于 ${row.subject_label} 的投诉已有答复，请查看并回复是否接受。`,
          body_en: `Your complaint about ${row.subject_label} has an answer. Please read it and tell us whether you accept it.`,
          dedupe_key: `complaint-responded:${row.id}`,
        },
      ],
      at,
    );
    return row;
  });
}

/**
 * The member accepts or disputes the response, once, and only after it. Someone else's complaint
 * is COMPLAINT_NOT_FOUND, as if it did not exist.
 */
export async function replyToComplaint(
  context: ServiceContext,
  complaint_id: bigint,
  input: { reply: ComplaintReply; reply_text?: string | undefined },
  payer_user_id: bigint,
): Promise<ComplaintRow> {
  const reply_text = input.reply_text === undefined || input.reply_text.trim() === '' ? null : unwrapOrThrow(checkText('reply_text', input.reply_text, 1, replyTextMaxChars));
  const at = context.clock.now().toISOString();
  return context.store.db.transaction().execute(async (trx) => {
    const mine = await trx.selectFrom('complaints').select('id').where('id', '=', complaint_id).where('filed_by_user_id', '=', payer_user_id).executeTakeFirst();
    if (mine === undefined) complaintRejection('COMPLAINT_NOT_FOUND', `No complaint ${complaint_id} of yours.`, { complaint_id: complaint_id.toString() });
    const { locked, to_state } = await transitionIn(trx, complaint_id, 'reply', input.reply);
    const row = await trx.updateTable('complaints').set({ state: to_state, reply: input.reply, reply_text, replied_at: at, updated_at: at }).where('id', '=', complaint_id).returningAll().executeTakeFirstOrThrow();
    await writeEvent(trx, { id: complaint_id, from_state: locked.state, to_state }, 'replied', `user:${payer_user_id}`, { reply: input.reply }, at);
    return row;
  });
}
