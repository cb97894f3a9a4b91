import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildCycleExport, type BuiltCycleExport, type CycleExportSigner } from '../../src/core/cycles/build-cycle-export.js';
import { unwrap } from '../../src/core/rejection.js';
import type { AllocationMember } from '../../src/core/money/allocate.js';
import type { CapPolicy, CycleCase } from '../../src/core/cycles/cycle-export.js';

/**
 * The known-answer vectors of the huzhu-cycle/1 export (test/vectors/README.md): cycles computed
 * from DESIGN.md by an implementation independent of ours. The writer and the verifier share
 * helpers (serialization, seed, leaf hash, allocation), so a bug in one of those would pass every
 * round-trip test; only answers fixed from outside catch it.
 */

export const vectorsFolder = join(import.meta.dirname, '../vectors');

/** SHA-256 of each vector file as received (test/vectors/README.md): the vectors are not ours to edit. */
export const vectorFileSha256: Readonly<Record<string, string>> = {
  'cycle-1-equal-weights-ties.json': 'fb36e4124dcabcf90cece1b4dfa484a4c98cdafeab108d9877d0dc41291b7d53',
  'cycle-2-weighted-capped-backstop.json': '19a02bfbc0147f9a61fccdb01b6031a0c63da6074c68af66c10087948eb192bb',
  'cycle-3-reduce-aid-byte-order.json': '05d27da26fc83af1aa659d987f76058b18e05de636c5a5046d736808a91ae413',
  'cycle-4-surplus-covers-all.json': '347a46ac53a419e0b8c21163ae97e7b24762f91ce13902c3b45a1205a5b78859',
};

export interface CycleVectorInput {
  readonly cycle_id: string;
  readonly plan_id: string;
  readonly previous_root_hex: string;
  readonly cases: ReadonlyArray<CycleCase>;
  readonly fee_bps: number;
  readonly surplus_in_minor: bigint;
  readonly weight_scheme: string;
  readonly cap_policy: CapPolicy;
  /** The covered members in the vector's order, which is deliberately not export order. */
  readonly members: ReadonlyArray<AllocationMember>;
}

export interface CycleVectorExpected {
  readonly seed_hex: string;
  readonly aid_total_minor: bigint;
  readonly fee_minor: bigint;
  readonly total_minor: bigint;
  readonly surplus_out_minor: bigint;
  readonly member_count: number;
  readonly weight_total: bigint;
  readonly share_total_minor: bigint;
  readonly capped_total_minor: bigint;
  readonly merkle_root_hex: string;
  readonly lines_sha256_hex: string;
  /** Every member line byte for byte (without its "\n"), in export order. */
  readonly member_lines: readonly string[];
}

export interface CycleVector {
  readonly file: string;
  /** SHA-256 of the file's bytes. */
  readonly file_sha256_hex: string;
  readonly name: string;
  readonly input: CycleVectorInput;
  readonly expected: CycleVectorExpected;
}

/** The header figures a vector fixes: all its answers but the member lines. */
const FIGURE_KEYS = [
  'seed_hex',
  'aid_total_minor',
  'fee_minor',
  'total_minor',
  'surplus_out_minor',
  'member_count',
  'weight_total',
  'share_total_minor',
  'capped_total_minor',
  'merkle_root_hex',
  'lines_sha256_hex',
] as const;

type FigureKey = (typeof FIGURE_KEYS)[number];

/** Those figures picked from an export header (or the vector's answers), to compare them in one assertion. */
export function figuresOf(source: { readonly [key in FigureKey]: unknown }): Record<FigureKey, unknown> {
  return Object.fromEntries(FIGURE_KEYS.map((key) => [key, source[key]])) as Record<FigureKey, unknown>;
}

const DIGITS = /^(0|[1-9][0-9]*)$/;

function minor(value: unknown, where: string): bigint {
  if (typeof value !== 'string' || !DIGITS.test(value)) throw new Error(`${where} is not a string of digits`);
  return BigInt(value);
}

function integer(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new Error(`${where} is not an integer ≥ 0`);
  return value;
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`${where} is not a non-empty string`);
  return value;
}

type Json = Record<string, unknown>;

function parseVector(file: string, bytes: Buffer): CycleVector {
  const raw = JSON.parse(bytes.toString('utf8')) as Json;
  const input = raw.input as Json;
  const expected = raw.expected as Json;
  const cap_policy = input.cap_policy;
  if (cap_policy !== 'backstop' && cap_policy !== 'reduce_aid') throw new Error(`${file}: cap_policy ${String(cap_policy)}`);
  return {
    file,
    file_sha256_hex: createHash('sha256').update(bytes).digest('hex'),
    name: text(raw.name, `${file}: name`),
    input: {
      cycle_id: text(input.cycle_id, `${file}: cycle_id`),
      plan_id: text(input.plan_id, `${file}: plan_id`),
      previous_root_hex: text(input.previous_root_hex, `${file}: previous_root_hex`),
      cases: (input.cases as Json[]).map((entry, index) => ({
        case_id: text(entry.case_id, `${file}: cases[${index}].case_id`),
        aid_minor: minor(entry.aid_minor, `${file}: cases[${index}].aid_minor`),
      })),
      fee_bps: integer(input.fee_bps, `${file}: fee_bps`),
      surplus_in_minor: minor(input.surplus_in_minor, `${file}: surplus_in_minor`),
      weight_scheme: text(input.weight_scheme, `${file}: weight_scheme`),
      cap_policy,
      members: (input.members as Json[]).map((member, index) => ({
        member_code: text(member.member_code, `${file}: members[${index}].member_code`),
        weight: BigInt(integer(member.weight, `${file}: members[${index}].weight`)),
        cap_room_minor:
          member.cap_room_minor === null ? null : minor(member.cap_room_minor, `${file}: members[${index}].cap_room_minor`),
      })),
    },
    expected: {
      seed_hex: text(expected.seed_hex, `${file}: seed_hex`),
      aid_total_minor: minor(expected.aid_total_minor, `${file}: aid_total_minor`),
      fee_minor: minor(expected.fee_minor, `${file}: fee_minor`),
      total_minor: minor(expected.total_minor, `${file}: total_minor`),
      surplus_out_minor: minor(expected.surplus_out_minor, `${file}: surplus_out_minor`),
      member_count: integer(expected.member_count, `${file}: member_count`),
      weight_total: BigInt(integer(expected.weight_total, `${file}: weight_total`)),
      share_total_minor: minor(expected.share_total_minor, `${file}: share_total_minor`),
      capped_total_minor: minor(expected.capped_total_minor, `${file}: capped_total_minor`),
      merkle_root_hex: text(expected.merkle_root_hex, `${file}: merkle_root_hex`),
      lines_sha256_hex: text(expected.lines_sha256_hex, `${file}: lines_sha256_hex`),
      member_lines: (expected.member_lines as unknown[]).map((line, index) => text(line, `${file}: member_lines[${index}]`)),
    },
  };
}

/** Every vector in test/vectors, in file-name order. */
export function cycleVectors(): CycleVector[] {
  const files = readdirSync(vectorsFolder)
    .filter((name) => /^cycle-.*\.json$/.test(name))
    .sort();
  return files.map((file) => parseVector(file, readFileSync(join(vectorsFolder, file))));
}

/** The member lines as the export writes them: each followed by "\n". */
export function linesText(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

/** The snapshot time the tests give a vector's cycle: 00:00 UTC of the date its id ends with. */
export function vectorSnapshotAt(cycle_id: string): string {
  const match = /-(\d{4})(\d{2})(\d{2})$/.exec(cycle_id);
  if (match === null) throw new Error(`cycle id ${cycle_id} does not end with a date`);
  return `${match[1]}-${match[2]}-${match[3]}T00:00:00.000Z`;
}

export const vectorCurrency = 'CNY';

/** The core's whole export of a vector's input (buildCycleExport), signed with `signer`. */
export function buildVectorExport(vector: CycleVector, signer: CycleExportSigner): BuiltCycleExport {
  const { input } = vector;
  return unwrap(
    buildCycleExport({
      cycle_id: input.cycle_id,
      plan_id: input.plan_id,
      currency: vectorCurrency,
      snapshot_at: vectorSnapshotAt(input.cycle_id),
      previous_root_hex: input.previous_root_hex,
      cases: input.cases,
      fee_bps: input.fee_bps,
      surplus_in_minor: input.surplus_in_minor,
      weight_scheme: input.weight_scheme,
      cap_policy: input.cap_policy,
      members: input.members,
      signer,
    }),
  );
}

// DER prefix of an ed25519 PKCS#8 private key; the 32-byte seed follows it.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A fixed ed25519 key for exports the tests build themselves (the vectors hold no signature). */
export function vectorSigner(seed_hex = '5a'.repeat(32)): CycleExportSigner {
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, Buffer.from(seed_hex, 'hex')]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return {
    // The raw key is the last 32 bytes of its SPKI encoding.
    public_key_hex: spki.subarray(spki.length - 32).toString('hex'),
    sign: (payload) => sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('hex'),
  };
}
