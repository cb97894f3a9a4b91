import { createHash } from 'node:crypto';
import { bankLayouts, isBankLayoutId } from '../../core/reconciliation/bank-layouts.js';
import { matchStatement, type LedgerMovement } from '../../core/reconciliation/match-statement.js';
import { parseStatement, type StatementLine } from '../../core/reconciliation/parse-statement.js';
import { RejectionError, reject, unwrap } from '../../core/rejection.js';
import { addDays, calendarDateOf, formatCalendarDate } from '../../core/members/age.js';
import { accountMovements } from '../../ledger/custody-movements.js';
import { chunks } from '../../store/chunks.js';
import type { ServiceContext } from '../context.js';
import { accountCodes } from '../plan-accounts.js';

/** A bank line and a ledger transfer match when booked at most this many days apart. */
export const matchWindowDays = 3;
const rowsPerInsert = 500;

export interface ImportOutcome {
  readonly statement_id: bigint;
  /** True when this very file was imported before: nothing new was written. */
  readonly already_imported: boolean;
  readonly new_lines: number;
  /** Lines an earlier statement already holds (an overlapping export): stored once. */
  readonly known_lines: number;
  readonly matched: number;
  readonly breaks: number;
}

function day(iso: string, offset: number): string {
  return formatCalendarDate(addDays(calendarDateOf(iso), offset));
}

/**
 * Imports a bank statement of the custody account of `currency`: parses it (nothing is written
 * unless every line is good), stores its new lines, matches them to the ledger's custody
 * movements and records the breaks, in one transaction. The same file twice imports nothing.
 */
export async function importStatement(
  context: ServiceContext,
  input: { readonly layout: string; readonly currency: string; readonly csv: string; readonly imported_by: bigint | null },
): Promise<ImportOutcome> {
  if (!isBankLayoutId(input.layout)) {
    throw new RejectionError(reject('RECON_UNKNOWN_LAYOUT', `No bank layout ${input.layout}; known: ${Object.keys(bankLayouts).join(', ')}.`, { layout: input.layout }).rejection);
  }
  const parsed = unwrap(parseStatement(input.csv, bankLayouts[input.layout], input.currency));
  const file_sha256 = createHash('sha256').update(input.csv).digest('hex');
  const now = context.clock.now().toISOString();
  const custody = accountCodes.custody(input.currency);

  return context.store.db.transaction().execute(async (trx) => {
    const earlier = await trx.selectFrom('bank_statements').select(['id', 'line_count']).where('file_sha256', '=', file_sha256).executeTakeFirst();
    if (earlier !== undefined) return { statement_id: earlier.id, already_imported: true, new_lines: 0, known_lines: Number(earlier.line_count), matched: 0, breaks: 0 };
    const covered = await trx.selectFrom('bank_statements').select('id').where('currency', '=', input.currency).where('last_on', '<', parsed.first_on).limit(1).executeTakeFirst();

    const statement = await trx
      .insertInto('bank_statements')
      .values({
        currency: input.currency,
        layout: input.layout,
        file_sha256,
        first_on: parsed.first_on,
        last_on: parsed.last_on,
        line_count: BigInt(parsed.lines.length),
        opening_balance_minor: parsed.opening_balance_minor,
        closing_balance_minor: parsed.closing_balance_minor,
        imported_by: input.imported_by,
        imported_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const lineIds: bigint[] = [];
    let known_lines = 0;
    const fresh: StatementLine[] = [];
    for (const batch of chunks([...parsed.lines], rowsPerInsert)) {
      const inserted = await trx
        .insertInto('bank_statement_lines')
        .values(
          batch.map((line) => ({
            statement_id: statement.id,
            currency: input.currency,
            line_number: BigInt(line.line_number),
            line_key: line.line_key,
            booked_on: line.booked_on,
            value_on: line.value_on,
            reference: line.reference,
            description: line.description,
            counterparty: line.counterparty,
            bank_serial: line.bank_serial,
            amount_minor: line.amount_minor,
            balance_after_minor: line.balance_after_minor,
          })),
        )
        .onConflict((conflict) => conflict.column('line_key').doNothing())
        .returning(['id', 'line_key'])
        .execute();
      const idOf = new Map(inserted.map((row) => [row.line_key, row.id]));
      for (const line of batch) {
        const id = idOf.get(line.line_key);
        if (id === undefined) known_lines += 1;
        else {
          lineIds.push(id);
          fresh.push(line);
        }
      }
    }

    const since = `${day(parsed.first_on, -matchWindowDays)}T00:00:00.000Z`;
    const before = `${day(parsed.last_on, matchWindowDays + 1)}T00:00:00.000Z`;
    const raw = await accountMovements(trx, custody, since, before);
    const ids = raw.map((movement) => movement.transaction_id);
    const settled = new Set<bigint>();
    for (const batch of chunks(ids, rowsPerInsert)) {
      const matchedRows = await trx.selectFrom('reconciliation_matches').select('ledger_transaction_id').where('ledger_transaction_id', 'in', batch).execute();
      const brokenRows = await trx.selectFrom('reconciliation_breaks').select('ledger_transaction_id').where('ledger_transaction_id', 'in', batch).execute();
      for (const row of [...matchedRows, ...brokenRows]) if (row.ledger_transaction_id !== null) settled.add(row.ledger_transaction_id);
    }
    const movements: LedgerMovement[] = raw.map((movement) => ({
      transaction_id: movement.transaction_id,
      posted_on: movement.posted_at.slice(0, 10),
      reference: movement.reference,
      amount_minor: movement.amount_minor,
      settled: settled.has(movement.transaction_id),
    }));
    const postedOn = new Map(movements.map((movement) => [movement.transaction_id, movement.posted_on]));
    const outcome = matchStatement(fresh, movements, {
      window_days: matchWindowDays,
      expected_from: covered === undefined ? parsed.first_on : day(parsed.first_on, -matchWindowDays),
      expected_to: day(parsed.last_on, -matchWindowDays),
    });

    for (const batch of chunks([...outcome.matches], rowsPerInsert)) {
      await trx
        .insertInto('reconciliation_matches')
        .values(
          batch.map((match) => ({
            line_id: lineIds[match.line_index]!,
            ledger_transaction_id: match.transaction_id,
            currency: input.currency,
            ledger_on: postedOn.get(match.transaction_id)!,
            bank_on: fresh[match.line_index]!.booked_on,
            amount_minor: fresh[match.line_index]!.amount_minor,
          })),
        )
        .execute();
    }
    for (const batch of chunks([...outcome.breaks], rowsPerInsert)) {
      await trx
        .insertInto('reconciliation_breaks')
        .values(
          batch.map((found) => ({
            currency: input.currency,
            kind: found.kind,
            statement_id: statement.id,
            line_id: found.line_index === null ? null : lineIds[found.line_index]!,
            ledger_transaction_id: found.transaction_id,
            occurred_on: found.occurred_on,
            reference: found.reference,
            ledger_on: found.transaction_id === null ? null : postedOn.get(found.transaction_id)!,
            ledger_amount_minor: found.ledger_amount_minor,
            bank_on: found.line_index === null ? null : fresh[found.line_index]!.booked_on,
            bank_amount_minor: found.bank_amount_minor,
            status: 'open' as const,
            resolution_note: null,
            correction_manual_posting_id: null,
            resolved_by: null,
            resolved_at: null,
            created_at: now,
          })),
        )
        .execute();
    }
    return { statement_id: statement.id, already_imported: false, new_lines: fresh.length, known_lines, matched: outcome.matches.length, breaks: outcome.breaks.length };
  });
}
