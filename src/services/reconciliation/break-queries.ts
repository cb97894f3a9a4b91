import { breakAgeDays } from '../../core/reconciliation/daily-reconciliation.js';
import type { BreakKind } from '../../core/reconciliation/match-statement.js';
import type { ServiceContext } from '../context.js';

export interface BreakView {
  readonly id: bigint;
  readonly kind: BreakKind;
  readonly status: 'open' | 'resolved';
  readonly occurred_on: string;
  /** Whole days from occurred_on to today (the clock's UTC day). */
  readonly age_days: number;
  readonly reference: string;
  readonly line_number: bigint | null;
  readonly ledger_transaction_id: bigint | null;
  readonly ledger_amount_minor: bigint | null;
  readonly bank_amount_minor: bigint | null;
  /** The trail of its resolution (0025): how, the note, the settling transfer or correction, who and when. */
  readonly resolution: 'explained' | 'corrected' | null;
  readonly resolution_note: string | null;
  readonly resolution_transaction_id: bigint | null;
  readonly correction_manual_posting_id: bigint | null;
  readonly resolved_by: bigint | null;
  readonly resolved_at: string | null;
  /** When its age alert went out, if it did. */
  readonly alerted_at: string | null;
}

/** A page of breaks is at most this long. */
export const maxBreaksPerPage = 500;

/** The breaks of a currency's custody account, oldest first, optionally of one kind or at least some days old. */
export async function listBreaks(
  context: ServiceContext,
  filter: { readonly currency: string; readonly kind?: BreakKind; readonly min_age_days?: number; readonly status?: 'open' | 'resolved'; readonly id?: bigint },
): Promise<BreakView[]> {
  const today = context.clock.now().toISOString().slice(0, 10);
  const rows = await context.store.db
    .selectFrom('reconciliation_breaks as b')
    .leftJoin('bank_statement_lines as l', 'l.id', 'b.line_id')
    .select([
      'b.id',
      'b.kind',
      'b.status',
      'b.occurred_on',
      'b.reference',
      'b.ledger_transaction_id',
      'b.ledger_amount_minor',
      'b.bank_amount_minor',
      'l.line_number',
      'b.resolution',
      'b.resolution_note',
      'b.resolution_transaction_id',
      'b.correction_manual_posting_id',
      'b.resolved_by',
      'b.resolved_at',
      'b.alerted_at',
    ])
    .where('b.currency', '=', filter.currency)
    .$if(filter.kind !== undefined, (query) => query.where('b.kind', '=', filter.kind!))
    .$if(filter.status !== undefined, (query) => query.where('b.status', '=', filter.status!))
    .$if(filter.id !== undefined, (query) => query.where('b.id', '=', filter.id!))
    .orderBy('b.occurred_on')
    .orderBy('b.id')
    .limit(maxBreaksPerPage)
    .execute();
  return rows
    .map((row) => ({ ...row, line_number: row.line_number ?? null, age_days: breakAgeDays(row.occurred_on, today) }))
    .filter((view) => view.age_days >= (filter.min_age_days ?? 0));
}

/** One break with its trail, or undefined. */
export async function getBreak(context: ServiceContext, id: bigint): Promise<BreakView | undefined> {
  const row = await context.store.db.selectFrom('reconciliation_breaks').select('currency').where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : (await listBreaks(context, { currency: row.currency, id }))[0];
}
