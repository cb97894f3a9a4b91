import { transitionMembership, type MembershipEvent, type TransitionOutcome } from '../core/members/membership-lifecycle.js';
import { RejectionError, reject } from '../core/rejection.js';
import type { Trx } from '../ledger/ledger.js';
import type { ServiceContext } from './context.js';

export interface MembershipRow {
  readonly id: bigint;
  readonly plan_id: string;
  readonly member_code: string;
  readonly status: 'waiting' | 'active' | 'lapsed' | 'withdrawn' | 'terminated' | 'ended';
  readonly funding_model: 'post_paid' | 'prepaid';
  readonly payer_user_id: bigint | null;
  readonly person_id: bigint;
}

/**
 * Applies a lifecycle event inside the caller's transaction: checks it with the core state
 * machine, stores the new state and the event with its reason and time. Locks the row first
 * (a no-op write takes SQLite's write lock; PostgreSQL takes the row lock) so two transitions
 * of one membership cannot interleave.
 */
export async function applyMembershipEventIn(
  trx: Trx,
  membership_id: bigint,
  event: MembershipEvent,
  reason: string,
  actor: string,
  at: string,
): Promise<{ membership: MembershipRow; outcome: TransitionOutcome }> {
  const locked = await trx
    .updateTable('memberships')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('id', '=', membership_id)
    .returning(['id', 'plan_id', 'member_code', 'status', 'funding_model', 'payer_user_id', 'person_id'])
    .executeTakeFirst();
  if (locked === undefined) throw new RejectionError(reject('MEMBERSHIP_NOT_FOUND', `No membership ${membership_id}.`, { membership_id: membership_id.toString() }).rejection);
  const result = transitionMembership(locked.status, event);
  if (!result.ok) throw new RejectionError(result.rejection);
  await trx.updateTable('memberships').set({ status: result.value.to, status_changed_at: at }).where('id', '=', membership_id).execute();
  await trx
    .insertInto('membership_events')
    .values({ membership_id, event, from_status: locked.status, to_status: result.value.to, reason, actor, at })
    .execute();
  return { membership: { ...locked, status: result.value.to }, outcome: result.value };
}

/** Withdrawal by the member, lapse, fraud or plan closure, as its own transaction. */
export async function changeMembershipStatus(
  context: ServiceContext,
  membership_id: bigint,
  event: Exclude<MembershipEvent, 'diagnosed_in_waiting_period'>,
  reason: string,
  actor: string,
): Promise<MembershipRow> {
  const at = context.clock.now().toISOString();
  return context.store.db.transaction().execute(async (trx) => (await applyMembershipEventIn(trx, membership_id, event, reason, actor, at)).membership);
}

export async function membershipHistory(context: ServiceContext, membership_id: bigint) {
  return context.store.db.selectFrom('membership_events').selectAll().where('membership_id', '=', membership_id).orderBy('id').execute();
}
