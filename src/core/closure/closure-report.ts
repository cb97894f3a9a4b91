/**
 * The closure report of a plan (DESIGN.md, "Closure report", format `huzhu-closure/1`): JSON Lines
 * like a cycle export, signed the same way. Line 1 is the header: the plan, the closure date and
 * the wind-down's totals; then one line per membership in member_code byte order with its wallet
 * at closure, what was refunded and what stayed unclaimed. This file fixes the canonical bytes of
 * each line, so a report is reproducible byte for byte and a line must equal the re-serialization
 * of what it parses to.
 *
 * Money (`*_minor`) is a JSON string of digits; counts are JSON integers. The Merkle leaf of a line
 * is `closure:<plan_id>|<member_code>|<wallet_at_closure_minor>|<refunded_minor>|<unclaimed_minor>`
 * (RFC 6962 leaf hash, as for a cycle), so a member's proof covers every figure of their line.
 * `lines_sha256_hex`, `public_key_hex` and `signature_hex` are as in the cycle export: ed25519
 * over the canonical header without `signature_hex`.
 *
 * Custody: the segregated custody account is one per currency, shared by the plans that use it, so
 * `custody_before_minor` and `custody_after_minor` are this plan's part of it: what custody held
 * for the plan's wallets at closure, and what it still holds once the refunds are done (the
 * unclaimed balances, kept as liabilities in the wallets).
 */
import { createHash } from 'node:crypto';
import { leafHashOfText } from '../merkle/merkle.js';
import { ok, reject, assert, type Result } from '../rejection.js';
import { DATE, FieldError, HEX128, HEX64, TIMESTAMP, checkKeys, count, isObject, matching, minor, parseJsonObject, text } from '../records/strict-fields.js';

export const CLOSURE_REPORT_FORMAT = 'huzhu-closure/1';

/** Who pays the shares of the cycles run after the closure was announced. */
export type LastCyclesPayer = 'members' | 'operator';

export interface ClosureReportHeader {
  format: 'huzhu-closure/1';
  plan_id: string;
  currency: string;
  /** YYYY-MM-DD: cover ends at the start of this day; a diagnosis on or after it is not covered. */
  closure_date: string;
  announced_at: string;
  finalised_at: string;
  last_cycles_paid_by: LastCyclesPayer;
  member_count: number;
  wallet_total_minor: bigint;
  refunded_total_minor: bigint;
  unclaimed_total_minor: bigint;
  custody_before_minor: bigint;
  custody_after_minor: bigint;
  claims_paid_count: number;
  claims_paid_minor: bigint;
  claims_rejected_count: number;
  receivables_written_off_minor: bigint;
  merkle_root_hex: string;
  /** Lower-case hex SHA-256 of the UTF-8 bytes of every member line, each followed by its "\n". */
  lines_sha256_hex: string;
  public_key_hex: string;
  signature_hex: string;
}

export interface ClosureReportLine {
  member_code: string;
  wallet_at_closure_minor: bigint;
  refunded_minor: bigint;
  unclaimed_minor: bigint;
}

type FieldKind = 'text' | 'date' | 'timestamp' | 'payer' | 'count' | 'minor' | 'hex64' | 'hex128' | 'format';

/** Header keys in canonical order with how each is written; the order is part of the format. */
const HEADER_FIELDS: ReadonlyArray<readonly [keyof ClosureReportHeader, FieldKind]> = [
  ['format', 'format'],
  ['plan_id', 'text'],
  ['currency', 'text'],
  ['closure_date', 'date'],
  ['announced_at', 'timestamp'],
  ['finalised_at', 'timestamp'],
  ['last_cycles_paid_by', 'payer'],
  ['member_count', 'count'],
  ['wallet_total_minor', 'minor'],
  ['refunded_total_minor', 'minor'],
  ['unclaimed_total_minor', 'minor'],
  ['custody_before_minor', 'minor'],
  ['custody_after_minor', 'minor'],
  ['claims_paid_count', 'count'],
  ['claims_paid_minor', 'minor'],
  ['claims_rejected_count', 'count'],
  ['receivables_written_off_minor', 'minor'],
  ['merkle_root_hex', 'hex64'],
  ['lines_sha256_hex', 'hex64'],
  ['public_key_hex', 'hex64'],
  ['signature_hex', 'hex128'],
];

const LINE_KEYS = ['member_code', 'wallet_at_closure_minor', 'refunded_minor', 'unclaimed_minor'] as const;

export type UnsignedClosureHeader = Omit<ClosureReportHeader, 'signature_hex'>;

// ---------------------------------------------------------------------------------------------
// Serialization
// ---------------------------------------------------------------------------------------------

function headerJson(header: UnsignedClosureHeader & { signature_hex?: string }, withSignature: boolean): string {
  // JSON.stringify keeps insertion order for non-numeric keys, so this object is the key order.
  const ordered: Record<string, unknown> = {};
  for (const [key, kind] of HEADER_FIELDS) {
    if (key === 'signature_hex' && !withSignature) continue;
    const value = header[key];
    ordered[key] = kind === 'minor' ? (value as bigint).toString() : value;
  }
  return JSON.stringify(ordered);
}

/** The canonical header line (without its "\n"). */
export function closureHeaderLine(header: ClosureReportHeader): string {
  return headerJson(header, true);
}

/** The exact UTF-8 string the operator's ed25519 key signs: the canonical header without signature_hex. */
export function closureSignedPayload(header: UnsignedClosureHeader): string {
  return headerJson(header, false);
}

/** The canonical line of one membership (without its "\n"). */
export function closureMemberLine(line: ClosureReportLine): string {
  return (
    `{"member_code":${JSON.stringify(line.member_code)},"wallet_at_closure_minor":"${line.wallet_at_closure_minor}",` +
    `"refunded_minor":"${line.refunded_minor}","unclaimed_minor":"${line.unclaimed_minor}"}`
  );
}

function closureLeafText(plan_id: string, line: ClosureReportLine): string {
  return `closure:${plan_id}|${line.member_code}|${line.wallet_at_closure_minor}|${line.refunded_minor}|${line.unclaimed_minor}`;
}

/** utf8(`closure:<plan_id>|<member_code>|<wallet_at_closure_minor>|<refunded_minor>|<unclaimed_minor>`). */
export function closureLeafData(plan_id: string, line: ClosureReportLine): Buffer {
  return Buffer.from(closureLeafText(plan_id, line), 'utf8');
}

/** The RFC 6962 leaf hash of one membership's line: SHA-256(0x00 ‖ closureLeafData). */
export function closureLeafHash(plan_id: string, line: ClosureReportLine): Buffer {
  return leafHashOfText(closureLeafText(plan_id, line));
}

/** SHA-256 (lower-case hex) of the member lines' exact bytes, each with its "\n". */
export function closureLinesSha256Hex(lines: readonly string[]): string {
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`, 'utf8');
  return hash.digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

function parseField(kind: FieldKind, value: unknown, field: string): unknown {
  switch (kind) {
    case 'format':
      if (value !== CLOSURE_REPORT_FORMAT) throw new FieldError(`format is not "${CLOSURE_REPORT_FORMAT}"`);
      return value;
    case 'text':
      return text(value, field);
    case 'date':
      return matching(value, DATE, field, 'a date as YYYY-MM-DD');
    case 'timestamp':
      return matching(value, TIMESTAMP, field, 'an ISO 8601 date-time with an offset');
    case 'payer':
      if (value !== 'members' && value !== 'operator') throw new FieldError(`${field} is neither "members" nor "operator"`);
      return value;
    case 'count':
      return count(value, field, 0);
    case 'minor':
      return minor(value, field);
    case 'hex64':
      return matching(value, HEX64, field, '64 lower-case hex digits');
    case 'hex128':
      return matching(value, HEX128, field, '128 lower-case hex digits');
  }
}

/** True when a first line names this format: how `huzhu verify` tells a closure report from a cycle export. */
export function isClosureHeader(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return isObject(value) && value.format === CLOSURE_REPORT_FORMAT;
  } catch {
    return false;
  }
}

/**
 * Parses a header line strictly: every key present, no other key, each of its type and shape.
 * Byte-exactness is a separate check: compare `closureHeaderLine(parsed)` with the text.
 */
export function parseClosureHeader(line: string): Result<ClosureReportHeader, 'CLOSURE_REPORT_BAD_HEADER'> {
  try {
    const object = parseJsonObject(line, 'the header');
    checkKeys(
      object,
      HEADER_FIELDS.map(([key]) => key),
      'the header',
    );
    const header: Record<string, unknown> = {};
    for (const [key, kind] of HEADER_FIELDS) header[key] = parseField(kind, object[key], key);
    return ok(header as unknown as ClosureReportHeader);
  } catch (error) {
    if (error instanceof FieldError) return reject('CLOSURE_REPORT_BAD_HEADER', error.message);
    throw error;
  }
}

/** Parses a member line strictly (see parseClosureHeader). */
export function parseClosureLine(line: string): Result<ClosureReportLine, 'CLOSURE_REPORT_BAD_LINE'> {
  try {
    const object = parseJsonObject(line, 'the line');
    checkKeys(object, LINE_KEYS, 'the line');
    return ok({
      member_code: text(object.member_code, 'member_code'),
      wallet_at_closure_minor: minor(object.wallet_at_closure_minor, 'wallet_at_closure_minor'),
      refunded_minor: minor(object.refunded_minor, 'refunded_minor'),
      unclaimed_minor: minor(object.unclaimed_minor, 'unclaimed_minor'),
    });
  } catch (error) {
    if (error instanceof FieldError) return reject('CLOSURE_REPORT_BAD_LINE', error.message);
    throw error;
  }
}

/** Asserts a line's identity where it is produced: the wallet is either refunded or left unclaimed. */
export function assertLineBalances(line: ClosureReportLine): void {
  assert(
    line.refunded_minor >= 0n && line.unclaimed_minor >= 0n && line.refunded_minor + line.unclaimed_minor === line.wallet_at_closure_minor,
    `member ${line.member_code}: refunded + unclaimed = wallet at closure`,
  );
}
