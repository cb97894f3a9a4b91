import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { dayNumber, formatCalendarDate, parseCalendarDate } from '../members/age.js';
import { parseMoney } from '../money/parse-money.js';
import { assert, ok, reject, type Result } from '../rejection.js';
import { layoutHeaders, type BankLayout } from './bank-layouts.js';
import type { ReconRejectionCode } from './reconciliation-rejections.js';

/** One line of a bank statement, amounts in signed minor units (money in positive). */
export interface StatementLine {
  /** The line of the file (the header is line 1), so every error and break can name it. */
  readonly line_number: number;
  readonly booked_on: string;
  readonly value_on: string | null;
  readonly reference: string;
  readonly description: string;
  readonly counterparty: string;
  readonly bank_serial: string;
  readonly amount_minor: bigint;
  readonly balance_after_minor: bigint;
  /**
   * SHA-256 of the line's normalized fields: two lines with the same key are the same line of the
   * bank's books (a file that lists it twice is broken; a later statement repeating it adds nothing).
   * A transfer the bank really booked twice differs in its balance after, so it keeps its own key.
   */
  readonly line_key: string;
}

export interface ParsedStatement {
  readonly currency: string;
  readonly lines: readonly StatementLine[];
  readonly first_on: string;
  readonly last_on: string;
  /** The balance before the first line: its balance after, less its amount. */
  readonly opening_balance_minor: bigint;
  readonly closing_balance_minor: bigint;
}

/** A statement is read into memory whole; past this many lines, split it (a month of a busy account is far below). */
export const maxStatementLines = 100_000;

/** Amounts on a statement line: the ledger's own bound on any single transfer is far below. */
const maxLineAmountMinor = 1_000_000_000_000_000n;

type ParseResult = Result<ParsedStatement, ReconRejectionCode>;

function failure(code: ReconRejectionCode, message: string, details: Record<string, unknown>): ParseResult {
  return reject(code, message, details);
}

function parseDate(text: string, layout: BankLayout): string | undefined {
  const trimmed = text.trim();
  const formats: readonly string[] = layout.date_formats;
  let iso: string | undefined;
  if (formats.includes('iso') && /^\d{4}-\d{2}-\d{2}$/.test(trimmed)) iso = trimmed;
  else if (formats.includes('compact') && /^\d{8}$/.test(trimmed)) iso = `${trimmed.slice(0, 4)}-${trimmed.slice(4, 6)}-${trimmed.slice(6)}`;
  else if (formats.includes('slashes') && /^\d{4}\/\d{2}\/\d{2}$/.test(trimmed)) iso = trimmed.replaceAll('/', '-');
  if (iso === undefined) return undefined;
  const date = parseCalendarDate(iso);
  return date === undefined ? undefined : formatCalendarDate(date);
}

/** Banks write money in as "+12.30" or "12.30" and money out as "-12.30"; the money parser takes no "+". */
function parseSignedAmount(text: string, currency: string): bigint | undefined {
  const trimmed = text.trim();
  const unsigned = trimmed.startsWith('+') ? trimmed.slice(1) : trimmed;
  const result = parseMoney(unsigned, currency, { allowNegative: true, maxMinor: maxLineAmountMinor });
  return result.ok ? result.value : undefined;
}

function lineKeyOf(fields: readonly string[]): string {
  return createHash('sha256').update(fields.join('\u001f')).digest('hex');
}

/**
 * Parses a bank statement CSV (UTF-8, an optional BOM) of the given layout for the custody
 * account of `currency`. The first bad thing found is returned with its code and line; the
 * caller writes nothing unless the whole file is good.
 */
export function parseStatement(text: string, layout: BankLayout, currency: string): ParseResult {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : null;
    return failure('RECON_BAD_CSV', `The file is not valid CSV: ${(error as Error).message}`, { line });
  }
  const header = records[0];
  if (header === undefined) return failure('RECON_EMPTY_STATEMENT', 'The statement has no header row and no lines.', {});
  if (records.length - 1 > maxStatementLines) {
    return failure('RECON_TOO_MANY_LINES', `A statement holds at most ${maxStatementLines} lines; split the file.`, { max_lines: maxStatementLines });
  }

  const expected = layoutHeaders(layout);
  const found = header.record.map((name) => name.trim());
  const missing = expected.filter((name) => !found.includes(name));
  const extra = found.filter((name, index) => !expected.includes(name) || found.indexOf(name) !== index);
  if (missing.length > 0 || extra.length > 0) {
    return failure(
      'RECON_BAD_COLUMNS',
      `The header of layout ${layout.id} must be exactly ${expected.join(',')}` +
        `${missing.length > 0 ? `; missing: ${missing.join(',')}` : ''}${extra.length > 0 ? `; not expected: ${extra.join(',')}` : ''}.`,
      { line: 1, layout: layout.id, expected, missing, extra },
    );
  }
  const indexOf = (name: string | null): number => (name === null ? -1 : found.indexOf(name));
  const column = {
    booked_on: indexOf(layout.columns.booked_on),
    value_on: indexOf(layout.columns.value_on),
    reference: indexOf(layout.columns.reference),
    description: indexOf(layout.columns.description),
    counterparty: indexOf(layout.columns.counterparty),
    amount: indexOf(layout.columns.amount),
    currency: indexOf(layout.columns.currency),
    balance: indexOf(layout.columns.balance),
    bank_serial: indexOf(layout.columns.bank_serial),
  };

  const lines: StatementLine[] = [];
  const firstLineOfKey = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    if (record.length !== found.length) {
      return failure('RECON_BAD_COLUMNS', `Line ${line} has ${record.length} columns; the header has ${found.length}.`, {
        line,
        expected_count: found.length,
        found_count: record.length,
      });
    }
    const cell = (index: number): string => (index < 0 ? '' : (record[index] ?? '').trim());

    const booked_on = parseDate(cell(column.booked_on), layout);
    if (booked_on === undefined) return failure('RECON_BAD_DATE', `Line ${line}: "${cell(column.booked_on)}" is not a date.`, { line, input: cell(column.booked_on) });
    let value_on: string | null = null;
    if (column.value_on >= 0 && cell(column.value_on) !== '') {
      const parsed = parseDate(cell(column.value_on), layout);
      if (parsed === undefined) return failure('RECON_BAD_DATE', `Line ${line}: "${cell(column.value_on)}" is not a value date.`, { line, input: cell(column.value_on) });
      value_on = parsed;
    }

    const currencyText = cell(column.currency);
    const lineCurrency = (layout.currency_names as Readonly<Record<string, string>>)[currencyText] ?? currencyText.toUpperCase();
    if (lineCurrency !== currency) {
      return failure('RECON_WRONG_CURRENCY', `Line ${line} is in ${currencyText}; the custody account holds ${currency}.`, {
        line,
        found: currencyText,
        expected: currency,
      });
    }

    const amount_minor = parseSignedAmount(cell(column.amount), currency);
    if (amount_minor === undefined) return failure('RECON_BAD_AMOUNT', `Line ${line}: "${cell(column.amount)}" is not an amount of ${currency}.`, { line, input: cell(column.amount) });
    if (amount_minor === 0n) return failure('RECON_BAD_AMOUNT', `Line ${line}: an amount of zero moves nothing.`, { line, input: cell(column.amount) });
    const balance_after_minor = parseSignedAmount(cell(column.balance), currency);
    if (balance_after_minor === undefined) {
      return failure('RECON_BAD_AMOUNT', `Line ${line}: the balance "${cell(column.balance)}" is not an amount of ${currency}.`, { line, input: cell(column.balance) });
    }

    const previous = lines.at(-1);
    if (previous !== undefined && dayNumber(parseCalendarDate(booked_on)!) < dayNumber(parseCalendarDate(previous.booked_on)!)) {
      return failure('RECON_BAD_DATE', `Line ${line} (${booked_on}) is dated before the line above it (${previous.booked_on}); a statement is in booking order.`, {
        line,
        input: cell(column.booked_on),
      });
    }

    const reference = cell(column.reference);
    const bank_serial = cell(column.bank_serial);
    const line_key = lineKeyOf([currency, booked_on, value_on ?? '', reference, bank_serial, amount_minor.toString(), balance_after_minor.toString()]);
    const first = firstLineOfKey.get(line_key);
    if (first !== undefined) {
      return failure('RECON_DUPLICATE_LINE', `Line ${line} repeats line ${first} exactly (same date, reference, amount and balance).`, { line, first_line: first });
    }
    firstLineOfKey.set(line_key, line);
    lines.push({
      line_number: line,
      booked_on,
      value_on,
      reference,
      description: cell(column.description),
      counterparty: cell(column.counterparty),
      bank_serial,
      amount_minor,
      balance_after_minor,
      line_key,
    });
  }

  const first = lines[0];
  const last = lines.at(-1);
  if (first === undefined || last === undefined) return failure('RECON_EMPTY_STATEMENT', 'The statement has a header and no lines.', {});
  assert(lines.length <= maxStatementLines, 'the line count was bounded before parsing the lines');
  return ok({
    currency,
    lines,
    first_on: first.booked_on,
    last_on: last.booked_on,
    opening_balance_minor: first.balance_after_minor - first.amount_minor,
    closing_balance_minor: last.balance_after_minor,
  });
}
