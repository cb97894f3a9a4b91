import { totalMinor } from '../../core/funding/wallet-deductions.js';
import { postTransfersIn, type Trx } from '../../ledger/ledger.js';
import { lockLedgerIn } from '../../ledger/ledger-reads.js';
import type { TransferInput } from '../../ledger/transfer.js';
import type { ServiceContext } from '../context.js';
import { batchKey } from '../funding/share-charge-input.js';
import { getPlanIn } from '../funding/plan-in.js';
import { accountCodes } from '../plan-accounts.js';
import { closurePageSize, lockClosureIn, type ClosureRow } from './closure-rows.js';

export interface ClosureReceivablesRun {
  readonly closure: ClosureRow;
  readonly written_off: number;
  readonly written_off_minor: bigint;
  /** Shares whose collection is still with the provider: the step waits for their outcome. */
  readonly collecting: number;
}

/**
 * The shares members still owe the closed plan (post-paid shares not collected, prepaid shares a
 * wallet could not pay) are written off: the operator bears them, as a lapse's write-off does
 * (overdue-lapse.ts), with two balanced transfers per page: backstop against shares receivable,
 * and the operator's own money into the plan's bank account against operator equity, so the aid
 * they stood for stays funded. Collections already with the provider are left to settle (paid,
 * they are collected; failed, the next run writes them off). Idempotent: a charge written off is
 * no longer due, and each page's transfers are keyed by its charges.
 */
export async function settleClosureReceivables(context: ServiceContext, plan_id: string): Promise<ClosureReceivablesRun> {
  const db = context.store.db;
  const now = context.clock.now().toISOString();
  const count = await db.selectFrom('share_charges').select((eb) => eb.fn.countAll<bigint>().as('n')).where('plan_id', '=', plan_id).where('status', '=', 'due').executeTakeFirstOrThrow();
  // Every page moves its charges out of 'due', so there are at most this many pages.
  const max_pages = Math.ceil(Number(count.n) / closurePageSize) + 1;
  let written_off = 0;
  let written_off_minor = 0n;
  for (let page = 0; page < max_pages; page += 1) {
    const result = await db.transaction().execute((trx) => writeOffPageIn(trx, plan_id, now));
    if (result === null) break;
    written_off += result.count;
    written_off_minor += result.amount_minor;
  }
  return db.transaction().execute(async (trx) => {
    const closure = await lockClosureIn(trx, plan_id);
    const collecting = await trx
      .selectFrom('share_charges as c')
      .select((eb) => eb.fn.countAll<bigint>().as('n'))
      .where('c.plan_id', '=', plan_id)
      .where('c.status', '=', 'due')
      .executeTakeFirstOrThrow();
    if (closure.step !== 'refunds_done' || BigInt(collecting.n) > 0n) return { closure, written_off, written_off_minor, collecting: Number(collecting.n) };
    const done = await trx
      .updateTable('plan_closures')
      .set({ step: 'receivables_done', receivables_done_at: now })
      .where('plan_id', '=', plan_id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { closure: done, written_off, written_off_minor, collecting: 0 };
  });
}

async function writeOffPageIn(trx: Trx, plan_id: string, now: string): Promise<{ count: number; amount_minor: bigint } | null> {
  await lockLedgerIn(trx);
  const closure = await lockClosureIn(trx, plan_id);
  // The shares are settled once the refunds are done; before, or once done, nothing is written off here.
  if (closure.step !== 'refunds_done') return null;
  const plan = await getPlanIn(trx, plan_id);
  const charges = await trx
    .selectFrom('share_charges as c')
    .innerJoin('memberships as m', 'm.id', 'c.membership_id')
    .select(['c.id', 'c.amount_minor', 'm.funding_model'])
    .where('c.plan_id', '=', plan_id)
    .where('c.status', '=', 'due')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('payments').select('payments.id').whereRef('payments.share_charge_id', '=', 'c.id').where('payments.status', '=', 'pending'))),
    )
    .orderBy('c.id')
    .limit(closurePageSize)
    .execute();
  if (charges.length === 0) return null;
  await trx.updateTable('share_charges').set({ status: 'written_off' }).where('id', 'in', charges.map((charge) => charge.id)).execute();
  const transfers: TransferInput[] = [];
  for (const funding_model of ['post_paid', 'prepaid'] as const) {
    const part = charges.filter((charge) => charge.funding_model === funding_model);
    if (part.length === 0) continue;
    const amount_minor = totalMinor(part);
    const ids = part.map((charge) => charge.id);
    const metadata = { plan_id, charges: String(part.length) };
    const cash = funding_model === 'prepaid' ? accountCodes.custody(plan.currency) : accountCodes.collection(plan.currency);
    transfers.push(
      {
        idempotency_key: batchKey(`closure_write_off:${plan_id}`, ids),
        kind: 'share_written_off',
        description: `${part.length} shares unpaid at the closure of ${plan_id}, borne by the operator`,
        currency: plan.currency,
        metadata,
        legs: [
          { account_code: accountCodes.backstop(plan_id), side: 'debit', amount_minor },
          { account_code: accountCodes.sharesReceivable(plan_id), side: 'credit', amount_minor },
        ],
      },
      {
        idempotency_key: batchKey(`closure_backstop_funding:${plan_id}`, ids),
        kind: 'backstop_funding',
        description: `Operator funds ${part.length} shares unpaid at the closure of ${plan_id}`,
        currency: plan.currency,
        metadata,
        legs: [
          { account_code: cash, side: 'debit', amount_minor },
          { account_code: accountCodes.operatorEquity(plan.currency), side: 'credit', amount_minor },
        ],
      },
    );
  }
  await postTransfersIn(trx, transfers, now);
  const amount_minor = totalMinor(charges);
  await trx
    .updateTable('plan_closures')
    .set((eb) => ({ receivables_written_off_minor: eb('receivables_written_off_minor', '+', amount_minor) }))
    .where('plan_id', '=', plan_id)
    .execute();
  return { count: charges.length, amount_minor };
}
