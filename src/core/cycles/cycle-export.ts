/**
 * The public cycle export (DESIGN.md, "Cycle export"): JSON Lines, a header line, then one line
 * per covered member in member_code byte order. This file fixes the canonical bytes of each line,
 * so that an export is reproducible byte for byte and any edit to a line is visible even where no
 * hash covers the field (a line must equal the re-serialization of what it parses to).
 *
 * Money (`*_minor`) is a JSON string of digits; weights, counts and rates are JSON integers.
 * `lines_sha256_hex`, `public_key_hex` and `signature_hex` extend the DESIGN header. The operator's
 * ed25519 key signs every other header field, which covers what neither the Merkle root nor the
 * arithmetic does (plan_id, currency, snapshot_at, weight_scheme…). `lines_sha256_hex` is the
 * SHA-256 of the member lines' exact bytes, so the signature also covers every member field the
 * Merkle leaves and the sums leave out (a cap room that does not bind, for one).
 */
import { ok, reject, assert, type Result } from '../rejection.js';
import { DIGITS, FieldError, HEX128, HEX64, TIMESTAMP, checkKeys, count, isObject, matching, minor, parseJsonObject, text } from '../records/strict-fields.js';

export const CYCLE_EXPORT_FORMAT = 'huzhu-cycle/1';
/**
 * The export of a closing cycle (closing-cycle.ts): huzhu-cycle/1 with one more header field,
 * `operator_paid_minor` after `capped_total_minor`, the part of the total the operator paid from its
 * own account. Written only for a cycle the operator paid, so every cycle shared by members keeps
 * its huzhu-cycle/1 bytes and a huzhu-cycle/1 reader refuses this format by name.
 */
export const OPERATOR_PAID_EXPORT_FORMAT = 'huzhu-cycle/2';
export type CycleExportFormat = typeof CYCLE_EXPORT_FORMAT | typeof OPERATOR_PAID_EXPORT_FORMAT;

export type CapPolicy = 'backstop' | 'reduce_aid';

export interface CycleCase {
  case_id: string;
  aid_minor: bigint;
}

export interface CycleExportHeader {
  format: CycleExportFormat;
  cycle_id: string;
  plan_id: string;
  currency: string;
  snapshot_at: string;
  previous_root_hex: string;
  seed_hex: string;
  cases: CycleCase[];
  aid_total_minor: bigint;
  fee_bps: number;
  fee_minor: bigint;
  surplus_in_minor: bigint;
  total_minor: bigint;
  surplus_out_minor: bigint;
  weight_scheme: string;
  member_count: number;
  weight_total: bigint;
  share_total_minor: bigint;
  capped_total_minor: bigint;
  /**
   * huzhu-cycle/2 only (absent in huzhu-cycle/1, where it is 0): what the operator paid of the total
   * from its own account, so share_total + capped_total + operator_paid = total.
   */
  operator_paid_minor?: bigint;
  cap_policy: CapPolicy;
  merkle_root_hex: string;
  /** Lower-case hex SHA-256 of the UTF-8 bytes of every member line, each followed by its "\n". */
  lines_sha256_hex: string;
  public_key_hex: string;
  signature_hex: string;
}

export interface CycleExportLine {
  member_code: string;
  weight: bigint;
  cap_room_minor: bigint | null;
  share_minor: bigint;
  capped_minor: bigint;
}

type FieldKind = 'text' | 'hex64' | 'hex128' | 'minor' | 'count' | 'integer' | 'cases' | 'format' | 'cap_policy' | 'timestamp';

/**
 * Header keys in canonical order with how each is written; the order is part of the format.
 * `operator_paid_minor` is a key of huzhu-cycle/2 only (headerFields).
 */
const HEADER_FIELDS: ReadonlyArray<readonly [keyof CycleExportHeader, FieldKind]> = [
  ['format', 'format'],
  ['cycle_id', 'text'],
  ['plan_id', 'text'],
  ['currency', 'text'],
  ['snapshot_at', 'timestamp'],
  ['previous_root_hex', 'hex64'],
  ['seed_hex', 'hex64'],
  ['cases', 'cases'],
  ['aid_total_minor', 'minor'],
  ['fee_bps', 'count'],
  ['fee_minor', 'minor'],
  ['surplus_in_minor', 'minor'],
  ['total_minor', 'minor'],
  ['surplus_out_minor', 'minor'],
  ['weight_scheme', 'text'],
  ['member_count', 'count'],
  ['weight_total', 'integer'],
  ['share_total_minor', 'minor'],
  ['capped_total_minor', 'minor'],
  ['operator_paid_minor', 'minor'],
  ['cap_policy', 'cap_policy'],
  ['merkle_root_hex', 'hex64'],
  ['lines_sha256_hex', 'hex64'],
  ['public_key_hex', 'hex64'],
  ['signature_hex', 'hex128'],
];

/** The keys of a header of this format, in canonical order. */
function headerFields(format: CycleExportFormat): ReadonlyArray<readonly [keyof CycleExportHeader, FieldKind]> {
  return format === OPERATOR_PAID_EXPORT_FORMAT ? HEADER_FIELDS : HEADER_FIELDS.filter(([key]) => key !== 'operator_paid_minor');
}

const MEMBER_KEYS = ['member_code', 'weight', 'cap_room_minor', 'share_minor', 'capped_minor'] as const;
const CASE_KEYS = ['case_id', 'aid_minor'] as const;

// ---------------------------------------------------------------------------------------------
// Serialization
// ---------------------------------------------------------------------------------------------

type MaybeSignedHeader = Omit<CycleExportHeader, 'signature_hex'> & { signature_hex?: string };

/** A bigint that JSON carries as a number: it must survive the round trip through a double. */
function jsonInteger(value: bigint, what: string): number {
  const number = Number(value);
  assert(Number.isSafeInteger(number) && BigInt(number) === value, `${what} ${value} is a safe integer`);
  return number;
}

function jsonValue(header: MaybeSignedHeader, key: keyof CycleExportHeader, kind: FieldKind): unknown {
  const value = header[key];
  if (kind === 'minor') return (value as bigint).toString();
  if (kind === 'integer') return jsonInteger(value as bigint, key);
  if (kind === 'cases') return header.cases.map((entry) => ({ case_id: entry.case_id, aid_minor: entry.aid_minor.toString() }));
  return value;
}

function headerJson(header: MaybeSignedHeader, withSignature: boolean): string {
  assert(
    (header.format === OPERATOR_PAID_EXPORT_FORMAT) === (header.operator_paid_minor !== undefined),
    `a ${OPERATOR_PAID_EXPORT_FORMAT} header, and only one, says what the operator paid`,
  );
  // JSON.stringify keeps insertion order for non-numeric keys, so this object is the key order.
  const ordered: Record<string, unknown> = {};
  for (const [key, kind] of headerFields(header.format)) {
    if (key === 'signature_hex' && !withSignature) continue;
    ordered[key] = jsonValue(header, key, kind);
  }
  return JSON.stringify(ordered);
}

/** The canonical header line (without its "\n"). */
export function headerLine(header: CycleExportHeader): string {
  return headerJson(header, true);
}

/** The exact UTF-8 string the operator's ed25519 key signs: the canonical header without signature_hex. */
export function signedHeaderPayload(header: Omit<CycleExportHeader, 'signature_hex'>): string {
  return headerJson(header, false);
}

/** The canonical line of one member (without its "\n"). */
export function memberLine(line: CycleExportLine): string {
  // The text JSON.stringify gives for these keys in this order (a property test holds them equal),
  // written as one template: an export is written once per ten million members.
  const weight = jsonInteger(line.weight, 'weight');
  const cap = line.cap_room_minor === null ? 'null' : `"${line.cap_room_minor}"`;
  return `{"member_code":${JSON.stringify(line.member_code)},"weight":${weight},"cap_room_minor":${cap},"share_minor":"${line.share_minor}","capped_minor":"${line.capped_minor}"}`;
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

function matchingMinor(value: unknown, field: string, shape: string): bigint {
  return BigInt(matching(value, DIGITS, field, shape));
}

function parseCases(value: unknown): CycleCase[] {
  if (!Array.isArray(value)) throw new FieldError('cases is not an array');
  return value.map((entry: unknown, index) => {
    if (!isObject(entry)) throw new FieldError(`cases[${index}] is not an object`);
    checkKeys(entry, CASE_KEYS, `cases[${index}]`);
    return { case_id: text(entry.case_id, `cases[${index}].case_id`), aid_minor: minor(entry.aid_minor, `cases[${index}].aid_minor`) };
  });
}

function parseField(kind: FieldKind, value: unknown, field: string): unknown {
  switch (kind) {
    case 'format':
      if (value !== CYCLE_EXPORT_FORMAT && value !== OPERATOR_PAID_EXPORT_FORMAT) {
        throw new FieldError(`format is neither "${CYCLE_EXPORT_FORMAT}" nor "${OPERATOR_PAID_EXPORT_FORMAT}"`);
      }
      return value;
    case 'text':
      return text(value, field);
    case 'timestamp':
      return matching(value, TIMESTAMP, field, 'an ISO 8601 date-time with an offset');
    case 'hex64':
      return matching(value, HEX64, field, '64 lower-case hex digits');
    case 'hex128':
      return matching(value, HEX128, field, '128 lower-case hex digits');
    case 'minor':
      return minor(value, field);
    case 'count':
      return count(value, field, 0);
    case 'integer':
      return BigInt(count(value, field, 0));
    case 'cases':
      return parseCases(value);
    case 'cap_policy':
      if (value !== 'backstop' && value !== 'reduce_aid') throw new FieldError('cap_policy is neither "backstop" nor "reduce_aid"');
      return value;
  }
}

/**
 * Parses a header line strictly: every key present, no other key, each of its type and shape.
 * Byte-exactness is a separate check: compare `headerLine(parsed)` with the text.
 */
export function parseHeaderLine(line: string): Result<CycleExportHeader, 'EXPORT_BAD_HEADER'> {
  try {
    const object = parseJsonObject(line, 'the header');
    // The format says which keys the header has (an unknown one is refused with the other fields).
    const fields = headerFields(object.format === OPERATOR_PAID_EXPORT_FORMAT ? OPERATOR_PAID_EXPORT_FORMAT : CYCLE_EXPORT_FORMAT);
    checkKeys(
      object,
      fields.map(([key]) => key),
      'the header',
    );
    const header: Record<string, unknown> = {};
    for (const [key, kind] of fields) header[key] = parseField(kind, object[key], key);
    return ok(header as unknown as CycleExportHeader);
  } catch (error) {
    if (error instanceof FieldError) return reject('EXPORT_BAD_HEADER', error.message);
    throw error;
  }
}

/** Parses a member line strictly (see parseHeaderLine). */
export function parseMemberLine(line: string): Result<CycleExportLine, 'EXPORT_BAD_LINE'> {
  try {
    const object = parseJsonObject(line, 'the line');
    checkKeys(object, MEMBER_KEYS, 'the line');
    return ok({
      member_code: text(object.member_code, 'member_code'),
      weight: BigInt(count(object.weight, 'weight', 1)),
      cap_room_minor: object.cap_room_minor === null ? null : matchingMinor(object.cap_room_minor, 'cap_room_minor', 'null (uncapped) or a string of digits (minor units)'),
      share_minor: minor(object.share_minor, 'share_minor'),
      capped_minor: minor(object.capped_minor, 'capped_minor'),
    });
  } catch (error) {
    if (error instanceof FieldError) return reject('EXPORT_BAD_LINE', error.message);
    throw error;
  }
}
