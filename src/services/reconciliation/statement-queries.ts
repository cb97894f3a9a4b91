import type { BreakKind } from '../../core/reconciliation/match-statement.js';
import type { ServiceContext } from '../context.js';

export interface StatementView {
  readonly id: bigint;
  readonly currency: string;
  readonly layout: string;
  readonly first_on: string;
  readonly last_on: string;
  readonly line_count: bigint;
  readonly opening_balance_minor: bigint;
  readonly closing_balance_minor: bigint;
  readonly imported_by: bigint | null;
  readonly imported_at: string;
  readonly open_breaks: bigint;
}

export type LineMatchState = 'matched' | 'break' | 'resolved';

export interface StatementLineView {
  readonly id: bigint;
  readonly line_number: bigint;
  readonly booked_on: string;
  readonly reference: string;
  readonly description: string;
  readonly counterparty: string;
  readonly amount_minor: bigint;
  readonly balance_after_minor: bigint;
  /** Matched to a ledger transfer, or the subject of a break (open, or resolved). */
  readonly state: LineMatchState;
  readonly ledger_transaction_id: bigint | null;
  readonly break_id: bigint | null;
  readonly break_kind: BreakKind | null;
}

export const maxStatementsPage = 200;
export const maxLinesPage = 500;

/** The statements of a currency, newest first, each with its count of open breaks. */
export async function listStatements(context: ServiceContext, filter: { readonly currency: string; readonly limit?: number }): Promise<StatementView[]> {
  const rows = await context.store.db
    .selectFrom('bank_statements as s')
    .select(['s.id', 's.currency', 's.layout', 's.first_on', 's.last_on', 's.line_count', 's.opening_balance_minor', 's.closing_balance_minor', 's.imported_by', 's.imported_at'])
    .select((eb) =>
      eb
        .selectFrom('reconciliation_breaks as b')
        .select((inner) => inner.fn.countAll<bigint>().as('n'))
        .whereRef('b.statement_id', '=', 's.id')
        .where('b.status', '=', 'open')
        .as('open_breaks'),
    )
    .where('s.currency', '=', filter.currency)
    .orderBy('s.last_on', 'desc')
    .orderBy('s.id', 'desc')
    .limit(Math.min(filter.limit ?? maxStatementsPage, maxStatementsPage))
    .execute();
  return rows.map((row) => ({ ...row, open_breaks: BigInt(row.open_breaks ?? 0) }));
}

/** A statement's lines in file order with how each was matched; undefined when there is no such statement. */
export async function statementLines(
  context: ServiceContext,
  input: { readonly statement_id: bigint; readonly after_line?: bigint; readonly limit?: number },
): Promise<StatementLineView[] | undefined> {
  const statement = await context.store.db.selectFrom('bank_statements').select('id').where('id', '=', input.statement_id).executeTakeFirst();
  if (statement === undefined) return undefined;
  const rows = await context.store.db
    .selectFrom('bank_statement_lines as l')
    .leftJoin('reconciliation_matches as m', 'm.line_id', 'l.id')
    .leftJoin('reconciliation_breaks as b', 'b.line_id', 'l.id')
    .select([
      'l.id',
      'l.line_number',
      'l.booked_on',
      'l.reference',
      'l.description',
      'l.counterparty',
      'l.amount_minor',
      'l.balance_after_minor',
      'm.ledger_transaction_id as matched_transaction_id',
      'b.id as break_id',
      'b.kind as break_kind',
      'b.status as break_status',
      'b.ledger_transaction_id as break_transaction_id',
    ])
    .where('l.statement_id', '=', input.statement_id)
    .where('l.line_number', '>', input.after_line ?? 0n)
    .orderBy('l.line_number')
    .limit(Math.min(input.limit ?? maxLinesPage, maxLinesPage))
    .execute();
  return rows.map((row) => ({
    id: row.id,
    line_number: row.line_number,
    booked_on: row.booked_on,
    reference: row.reference,
    description: row.description,
    counterparty: row.counterparty,
    amount_minor: row.amount_minor,
    balance_after_minor: row.balance_after_minor,
    state: row.break_id === null ? 'matched' : row.break_status === 'open' ? 'break' : 'resolved',
    ledger_transaction_id: row.matched_transaction_id ?? row.break_transaction_id ?? null,
    break_id: row.break_id ?? null,
    break_kind: row.break_kind ?? null,
  }));
}
