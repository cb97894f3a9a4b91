import type { Selectable, Updateable } from 'kysely';
import { transitionClaim, type ClaimEvent, type ClaimState } from '../../core/claims/claim-lifecycle.js';
import { RejectionError } from '../../core/rejection.js';
import type { Trx } from '../../ledger/ledger.js';
import type { ClaimsTable } from '../../store/schema.js';
import { claimRejection } from './claim-rejections.js';

export type ClaimRow = Selectable<ClaimsTable>;

/** A row as JSON for the audit trail: bigints as strings of digits (DESIGN.md), so it round-trips. */
export function claimJson(row: ClaimRow): string {
  return JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

/**
 * The claim as the staff member saw it when deciding: the time of its last state change, which
 * every transition moves (state_changed_at). A decision made on an older view is refused with
 * CLAIM_CHANGED instead of overwriting what someone else decided meanwhile. Omitted, no check.
 */
export interface SeenClaim {
  readonly expected_state_changed_at?: string | undefined;
}

/**
 * Locks the claim row inside the caller's transaction. A no-op write takes SQLite's write lock
 * and PostgreSQL's row lock, so two reviewers acting on one claim at once are serialized and the
 * second sees the first one's state.
 */
export async function lockClaimIn(trx: Trx, claim_id: bigint, seen?: SeenClaim): Promise<ClaimRow> {
  const row = await trx
    .updateTable('claims')
    .set((eb) => ({ state: eb.ref('state') }))
    .where('id', '=', claim_id)
    .returningAll()
    .executeTakeFirst();
  if (row === undefined) claimRejection('CLAIM_NOT_FOUND', `No claim ${claim_id}.`, { claim_id: claim_id.toString() });
  if (seen?.expected_state_changed_at !== undefined && seen.expected_state_changed_at !== row.state_changed_at) {
    claimRejection('CLAIM_CHANGED', 'The claim changed since you opened it; look at it again before deciding.', {
      state: row.state,
      state_changed_at: row.state_changed_at,
      expected_state_changed_at: seen.expected_state_changed_at,
    });
  }
  return row;
}

export interface ClaimTransition {
  readonly event: ClaimEvent;
  readonly actor: string;
  readonly reason: string;
  readonly at: string;
  /** Other columns the transition sets (notice window, rejection reason…). */
  readonly set?: Omit<Updateable<ClaimsTable>, 'id' | 'state' | 'state_changed_at'>;
}

/**
 * Every state change goes through here: the core state machine decides whether the event is
 * allowed from the current state; the new state and the audit row (who, when, why, the whole
 * claim before and after) are written together, in the caller's transaction.
 */
export async function transitionClaimIn(trx: Trx, locked: ClaimRow, transition: ClaimTransition): Promise<ClaimRow> {
  const result = transitionClaim(locked.state as ClaimState, transition.event);
  if (!result.ok) throw new RejectionError(result.rejection);
  const after = await trx
    .updateTable('claims')
    .set({ ...transition.set, state: result.value.to, state_changed_at: transition.at })
    .where('id', '=', locked.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('claim_events')
    .values({
      claim_id: locked.id,
      event: transition.event,
      from_state: locked.state,
      to_state: after.state,
      actor: transition.actor,
      reason: transition.reason,
      before_json: claimJson(locked),
      after_json: claimJson(after),
      at: transition.at,
    })
    .execute();
  return after;
}

/** Locks the claim and applies one transition, as one step of a larger transaction. */
export async function applyClaimEventIn(trx: Trx, claim_id: bigint, transition: ClaimTransition, seen?: SeenClaim): Promise<ClaimRow> {
  return transitionClaimIn(trx, await lockClaimIn(trx, claim_id, seen), transition);
}
