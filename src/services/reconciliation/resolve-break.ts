import { RejectionError, reject } from '../../core/rejection.js';
import type { Trx } from '../../ledger/ledger.js';
import { transactionEffectOn } from '../../ledger/custody-day-sums.js';
import type { ServiceContext } from '../context.js';
import { accountCodes } from '../plan-accounts.js';

export const breakResolutions = ['explained', 'corrected'] as const;
export type BreakResolution = (typeof breakResolutions)[number];

/** A resolution note is one to this many characters (after trimming). */
export const maxResolutionNoteLength = 1000;

export interface ResolveBreakInput {
  readonly break_id: bigint;
  readonly resolution: BreakResolution;
  readonly note: string;
  /** Explained: the ledger transfer that explains it (a fee booked later), if one does. */
  readonly ledger_transaction_id?: bigint | null;
  /** Corrected: the approved manual posting (maker–checker) that corrects the ledger. */
  readonly manual_posting_id?: bigint | null;
  readonly resolved_by: bigint;
}

export interface ResolvedBreak {
  readonly id: bigint;
  readonly resolution: BreakResolution;
  readonly resolution_note: string;
  readonly resolution_transaction_id: bigint | null;
  readonly correction_manual_posting_id: bigint | null;
  readonly resolved_by: bigint;
  readonly resolved_at: string;
}

function refuse(code: string, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}

/** The transfer's day and what it moved on the currency's custody account (0 when it moved none). */
async function settlingTransfer(trx: Trx, currency: string, transaction_id: bigint, parameter: string): Promise<{ on: string; amount_minor: bigint }> {
  const effect = await transactionEffectOn(trx, accountCodes.custody(currency), transaction_id);
  if (effect === undefined) refuse('RECON_CORRECTION_NOT_FOUND', `No ledger transfer ${transaction_id}.`, { parameter, transaction_id: transaction_id.toString() });
  const matched = await trx.selectFrom('reconciliation_matches').select('line_id').where('ledger_transaction_id', '=', transaction_id).executeTakeFirst();
  const settles = await trx.selectFrom('reconciliation_breaks').select('id').where('resolution_transaction_id', '=', transaction_id).executeTakeFirst();
  if (matched !== undefined || settles !== undefined) {
    refuse('RECON_TRANSFER_SETTLED', `Ledger transfer ${transaction_id} already accounts for a bank line or another break.`, {
      parameter,
      transaction_id: transaction_id.toString(),
      ...(settles === undefined ? {} : { break_id: settles.id.toString() }),
    });
  }
  return effect;
}

/**
 * Resolves an open break, keeping its trail: who, when, how (explained or corrected), the note, and
 * the transfer that settles it. A correction is never an edit: it is a new transfer, posted through
 * the maker–checker manual postings, and only an approved one resolves a break. The update takes
 * the break only while it is open, so two resolutions at once resolve it once.
 */
export async function resolveBreak(context: ServiceContext, input: ResolveBreakInput): Promise<ResolvedBreak> {
  const note = input.note.trim();
  if (note.length === 0 || note.length > maxResolutionNoteLength) {
    refuse('RECON_BAD_NOTE', `The note says how the break was resolved: 1–${maxResolutionNoteLength} characters.`, { parameter: 'note', max_length: maxResolutionNoteLength });
  }
  const resolved_at = context.clock.now().toISOString();
  return context.store.db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('reconciliation_breaks').select(['id', 'currency', 'status', 'resolved_by', 'resolved_at']).where('id', '=', input.break_id).executeTakeFirst();
    if (found === undefined) refuse('RECON_BREAK_NOT_FOUND', `No reconciliation break ${input.break_id}.`, { break_id: input.break_id.toString() });
    if (found.status !== 'open') {
      refuse('RECON_BREAK_RESOLVED', `Break ${input.break_id} was resolved at ${found.resolved_at ?? ''}.`, { break_id: input.break_id.toString(), resolved_at: found.resolved_at });
    }
    let transaction_id: bigint | null = null;
    let manual_posting_id: bigint | null = null;
    if (input.resolution === 'corrected') {
      if (input.manual_posting_id === undefined || input.manual_posting_id === null) {
        refuse('RECON_CORRECTION_NOT_FOUND', 'A correction names the approved manual posting that corrects the ledger.', { parameter: 'manual_posting_id' });
      }
      const posting = await trx.selectFrom('manual_postings').select(['id', 'status', 'transaction_id']).where('id', '=', input.manual_posting_id).executeTakeFirst();
      if (posting === undefined || posting.status !== 'approved' || posting.transaction_id === null) {
        refuse('RECON_CORRECTION_NOT_FOUND', `Manual posting ${input.manual_posting_id} is not an approved posting; a second staff member approves it first.`, {
          parameter: 'manual_posting_id',
          manual_posting_id: input.manual_posting_id.toString(),
          status: posting?.status ?? null,
        });
      }
      manual_posting_id = posting.id;
      transaction_id = posting.transaction_id;
    } else if (input.ledger_transaction_id !== undefined && input.ledger_transaction_id !== null) {
      transaction_id = input.ledger_transaction_id;
    }
    const settling = transaction_id === null ? null : await settlingTransfer(trx, found.currency, transaction_id, manual_posting_id === null ? 'ledger_transaction_id' : 'manual_posting_id');
    const updated = await trx
      .updateTable('reconciliation_breaks')
      .set({
        status: 'resolved',
        resolution: input.resolution,
        resolution_note: note,
        resolution_transaction_id: transaction_id,
        resolution_on: settling?.on ?? null,
        resolution_amount_minor: settling?.amount_minor ?? null,
        correction_manual_posting_id: manual_posting_id,
        resolved_by: input.resolved_by,
        resolved_at,
      })
      .where('id', '=', found.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) refuse('RECON_BREAK_RESOLVED', `Break ${input.break_id} was resolved meanwhile.`, { break_id: input.break_id.toString() });
    return {
      id: found.id,
      resolution: input.resolution,
      resolution_note: note,
      resolution_transaction_id: transaction_id,
      correction_manual_posting_id: manual_posting_id,
      resolved_by: input.resolved_by,
      resolved_at,
    };
  });
}
