import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { maxLegAmountMinor } from '../../ledger/transfer.js';
import type { Trx } from '../../ledger/ledger.js';
import { chunks } from '../../store/chunks.js';
import type { Database } from '../../store/schema.js';
import { fundingRejection } from './funding-rejections.js';

/** One member's share of a cycle, as the cycle hands it to funding. */
export interface ShareChargeInput {
  readonly membership_id: bigint;
  readonly amount_minor: bigint;
}

const referencePattern = /^[\x21-\x7e]{1,100}$/;

/** Shape checks, before anything is read or written. */
export function checkChargeInputs(reference: string, charges: readonly ShareChargeInput[]): void {
  if (typeof reference !== 'string' || !referencePattern.test(reference)) {
    fundingRejection('FUNDING_BAD_REFERENCE', 'A charge reference is 1–100 printable ASCII characters without spaces.', { reference });
  }
  const seen = new Set<bigint>();
  for (const [index, charge] of charges.entries()) {
    if (typeof charge.amount_minor !== 'bigint' || charge.amount_minor <= 0n || charge.amount_minor > maxLegAmountMinor) {
      fundingRejection('FUNDING_BAD_AMOUNT', 'Each share is a positive amount of minor units.', { index, amount_minor: String(charge.amount_minor) });
    }
    if (seen.has(charge.membership_id)) {
      fundingRejection('FUNDING_DUPLICATE_MEMBER', 'A membership appears twice in one charge run.', { index, membership_id: charge.membership_id.toString() });
    }
    seen.add(charge.membership_id);
  }
}

/**
 * Checks, read-only and in bounded batches, that every membership exists, belongs to the plan and
 * is funded the expected way, and that a membership already charged under this reference was
 * charged the same amount (a repeated run is a no-op; a different amount is a conflict). Done before
 * the first batch is written, so bad input writes nothing.
 */
export async function checkChargeTargets(
  db: Kysely<Database>,
  plan_id: string,
  reference: string,
  charges: readonly ShareChargeInput[],
  funding_model: 'prepaid' | 'post_paid',
): Promise<void> {
  for (const batch of chunks(charges, 500)) {
    const ids = batch.map((charge) => charge.membership_id);
    const memberships = new Map((await db.selectFrom('memberships').select(['id', 'plan_id', 'funding_model']).where('id', 'in', ids).execute()).map((row) => [row.id, row]));
    for (const charge of batch) {
      const membership = memberships.get(charge.membership_id);
      const membership_id = charge.membership_id.toString();
      if (membership === undefined) fundingRejection('MEMBERSHIP_NOT_FOUND', `No membership ${membership_id}.`, { membership_id });
      if (membership.plan_id !== plan_id) fundingRejection('FUNDING_WRONG_PLAN', `Membership ${membership_id} belongs to plan ${membership.plan_id}.`, { membership_id, plan_id: membership.plan_id });
      if (membership.funding_model !== funding_model) {
        fundingRejection(funding_model === 'prepaid' ? 'FUNDING_NOT_PREPAID' : 'FUNDING_NOT_POST_PAID', `Membership ${membership_id} is ${membership.funding_model.replace('_', '-')}.`, { membership_id });
      }
    }
    const existing = await db.selectFrom('share_charges').select(['membership_id', 'amount_minor']).where('reference', '=', reference).where('membership_id', 'in', ids).execute();
    const amounts = new Map(batch.map((charge) => [charge.membership_id, charge.amount_minor]));
    for (const row of existing) {
      if (amounts.get(row.membership_id) !== row.amount_minor) {
        fundingRejection('FUNDING_CHARGE_CONFLICT', `Membership ${row.membership_id} was already charged a different amount under ${reference}.`, {
          membership_id: row.membership_id.toString(),
          reference,
          charged_minor: row.amount_minor.toString(),
        });
      }
    }
  }
}

export interface InsertedCharge {
  readonly id: bigint;
  readonly membership_id: bigint;
  readonly amount_minor: bigint;
}

/** Inserts the batch's charges as due; those already there (a repeated run) are skipped and not returned. */
export async function insertDueCharges(
  trx: Trx,
  rows: ReadonlyArray<{ membership_id: bigint; plan_id: string; reference: string; amount_minor: bigint; retry_until: string; next_attempt_at: string | null; created_at: string }>,
): Promise<InsertedCharge[]> {
  if (rows.length === 0) return [];
  const inserted = await trx
    .insertInto('share_charges')
    .values(rows.map((row) => ({ ...row, status: 'due' as const, attempts: 0n, paid_at: null })))
    .onConflict((conflict) => conflict.columns(['membership_id', 'reference']).doNothing())
    .returning(['id', 'membership_id', 'amount_minor'])
    .execute();
  // Ids ascend in insertion order; sort so callers see the order the cycle gave.
  return inserted.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * An idempotency key for one aggregate posting over a set of rows: derived from the rows' ids,
 * which are posted once each (their status changes in the same transaction), so a replay of the
 * same set gets the same key and no two different sets share one.
 */
export function batchKey(prefix: string, ids: readonly bigint[]): string {
  const digest = createHash('sha256').update(ids.map(String).join(',')).digest('hex').slice(0, 32);
  return `${prefix}:${ids.length}:${digest}`;
}
