import { postTransfersIn } from '../../ledger/ledger.js';
import { balancesIn, lockLedgerIn } from '../../ledger/ledger-reads.js';
import type { Store } from '../../store/store.js';
import { accountCodes, ensurePlanAccountsIn } from '../plan-accounts.js';

export interface ShortfallCorrection {
  readonly plan_id: string;
  /** Due shares that were not yet a receivable, booked as one now. */
  readonly booked_minor: bigint;
}

/**
 * A prepaid share its wallet could not pay used to stay off the ledger until a top-up paid it or
 * the lapse wrote it off, each then crediting aid payable. Since migration 0014 such a share is a
 * receivable from the moment it is charged (deductBatch), and its payment or write-off credits the
 * receivable. A database from before still holds due shares of the old kind; paying one now would
 * take the receivable below zero, which the ledger refuses. So at start-up each plan's due shares
 * not yet covered by its receivable (every due share, post-paid or prepaid, is one now) are
 * booked as receivable against aid payable, once: a correction is a new transfer, and afterwards
 * the gap is zero, so a second start posts nothing. One grouped query and one transaction per plan.
 */
export async function bookUnbookedShortfalls(store: Store, at: string): Promise<ShortfallCorrection[]> {
  const due = await store.db
    .selectFrom('share_charges as c')
    .innerJoin('plans as p', 'p.id', 'c.plan_id')
    .select(['c.plan_id', 'p.currency', (eb) => eb.fn.sum<bigint>('c.amount_minor').as('due_minor')])
    .where('c.status', '=', 'due')
    .groupBy(['c.plan_id', 'p.currency'])
    .orderBy('c.plan_id')
    .execute();
  const corrections: ShortfallCorrection[] = [];
  for (const row of due) {
    const booked_minor = await store.db.transaction().execute(async (trx) => {
      await lockLedgerIn(trx);
      await ensurePlanAccountsIn(trx, row.plan_id, row.currency, at);
      const receivable = accountCodes.sharesReceivable(row.plan_id);
      const receivable_minor = (await balancesIn(trx, [receivable])).get(receivable) ?? 0n;
      // Read again under the lock: a charge paid since the grouped query is no longer due.
      const still_due = await trx
        .selectFrom('share_charges')
        .select((eb) => eb.fn.sum<bigint | null>('amount_minor').as('due_minor'))
        .where('plan_id', '=', row.plan_id)
        .where('status', '=', 'due')
        .executeTakeFirstOrThrow();
      const gap_minor = BigInt(still_due.due_minor ?? 0n) - receivable_minor;
      if (gap_minor <= 0n) return 0n;
      await postTransfersIn(
        trx,
        [
          {
            idempotency_key: `unbooked_shortfall:${row.plan_id}:${at}`,
            kind: 'share_shortfall',
            description: `Due shares of ${row.plan_id} from before shortfalls were receivables, booked as owed by their members`,
            currency: row.currency,
            metadata: { plan_id: row.plan_id },
            legs: [
              { account_code: receivable, side: 'debit', amount_minor: gap_minor },
              { account_code: accountCodes.aidPayable(row.plan_id), side: 'credit', amount_minor: gap_minor },
            ],
          },
        ],
        at,
      );
      return gap_minor;
    });
    if (booked_minor > 0n) corrections.push({ plan_id: row.plan_id, booked_minor });
  }
  return corrections;
}
