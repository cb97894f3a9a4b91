/**
 * Recomputes a cycle export from itself, line by line, in memory independent of the member count
 * (an export can have ten million lines): the seed, fee and totals from the header, each member's
 * allocation and cap, the sums, who got the leftover units, the Merkle root, the hash of the member
 * lines' bytes, the operator's signature, and optionally one member's inclusion proof. Every mismatch is a sentence in the
 * report; a broken or truncated file is a difference, never a crash.
 */
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { MerkleRootBuilder, cycleLeafHash, proofFromHex, verifyInclusion } from '../merkle/merkle.js';
import { tieBreakHash } from '../money/allocate.js';
import { compareUtf8 } from '../money/byte-order.js';
import { ok, reject, type Result } from '../rejection.js';
import {
  headerLine,
  memberLine,
  parseHeaderLine,
  parseMemberLine,
  signedHeaderPayload,
  type CycleExportHeader,
  type CycleExportLine,
} from './cycle-export.js';
import { CLOSING_CYCLE_FEE_BPS } from './closing-cycle.js';
import { cycleSeedHex, cycleTotals } from './cycle-figures.js';
import { DIGITS, HEX64, MAX_LINE_BYTES } from '../records/strict-fields.js';

// ---------------------------------------------------------------------------------------------
// Member proofs
// ---------------------------------------------------------------------------------------------

export const MEMBER_PROOF_FORMAT = 'huzhu-proof/1';

export interface MemberProof {
  format: 'huzhu-proof/1';
  cycle_id: string;
  member_code: string;
  /** Optional: the rest of the member's export line, as the server's proofs carry it (checked when present). */
  weight?: string;
  cap_room_minor?: string | null;
  share_minor: string;
  capped_minor?: string;
  leaf_index: number;
  tree_size: number;
  merkle_root_hex: string;
  proof_hex: string[];
}

const PROOF_KEYS = ['format', 'cycle_id', 'member_code', 'share_minor', 'leaf_index', 'tree_size', 'merkle_root_hex', 'proof_hex'];
const OPTIONAL_PROOF_KEYS = ['weight', 'cap_room_minor', 'capped_minor'];

type ProofRejection = { readonly ok: false; readonly rejection: { code: 'PROOF_BAD_FORMAT'; message: string } };

function badProof(message: string): ProofRejection {
  return reject('PROOF_BAD_FORMAT', message);
}

/** The optional line fields of a proof: digit strings (cap_room_minor may be null). */
function optionalLineFields(object: Record<string, unknown>): Pick<MemberProof, 'weight' | 'cap_room_minor' | 'capped_minor'> | ProofRejection {
  const fields: Pick<MemberProof, 'weight' | 'cap_room_minor' | 'capped_minor'> = {};
  const { weight, cap_room_minor, capped_minor } = object;
  if (weight !== undefined) {
    if (typeof weight !== 'string' || !DIGITS.test(weight) || weight === '0') return badProof('weight is not a string of digits ≥ 1');
    fields.weight = weight;
  }
  if (cap_room_minor !== undefined) {
    if (cap_room_minor !== null && (typeof cap_room_minor !== 'string' || !DIGITS.test(cap_room_minor))) {
      return badProof('cap_room_minor is neither null nor a string of digits (minor units)');
    }
    fields.cap_room_minor = cap_room_minor;
  }
  if (capped_minor !== undefined) {
    if (typeof capped_minor !== 'string' || !DIGITS.test(capped_minor)) return badProof('capped_minor is not a string of digits (minor units)');
    fields.capped_minor = capped_minor;
  }
  return fields;
}

/** Parses a proof (the JSON a member downloaded) strictly; never throws. */
export function parseMemberProof(json: unknown): Result<MemberProof, 'PROOF_BAD_FORMAT'> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return badProof('the proof is not a JSON object');
  const object = json as Record<string, unknown>;
  const missing = PROOF_KEYS.filter((key) => !Object.hasOwn(object, key));
  if (missing.length > 0) return badProof(`the proof lacks ${missing.join(', ')}`);
  const unknown = Object.keys(object).filter((key) => !PROOF_KEYS.includes(key) && !OPTIONAL_PROOF_KEYS.includes(key));
  if (unknown.length > 0) return badProof(`the proof has unknown key(s) ${unknown.join(', ')}`);

  const { format, cycle_id, member_code, share_minor, leaf_index, tree_size, merkle_root_hex, proof_hex } = object;
  if (format !== MEMBER_PROOF_FORMAT) return badProof(`format is not "${MEMBER_PROOF_FORMAT}"`);
  if (typeof cycle_id !== 'string' || cycle_id === '') return badProof('cycle_id is not a non-empty string');
  if (typeof member_code !== 'string' || member_code === '') return badProof('member_code is not a non-empty string');
  if (typeof share_minor !== 'string' || !DIGITS.test(share_minor)) return badProof('share_minor is not a string of digits (minor units)');
  if (typeof tree_size !== 'number' || !Number.isSafeInteger(tree_size) || tree_size < 1) return badProof('tree_size is not an integer ≥ 1');
  if (typeof leaf_index !== 'number' || !Number.isSafeInteger(leaf_index) || leaf_index < 0 || leaf_index >= tree_size) {
    return badProof('leaf_index is not an integer from 0 to tree_size − 1');
  }
  if (typeof merkle_root_hex !== 'string' || !HEX64.test(merkle_root_hex)) return badProof('merkle_root_hex is not 64 lower-case hex digits');
  if (!Array.isArray(proof_hex)) return badProof('proof_hex is not an array');
  const path = proofFromHex(proof_hex as string[]);
  if (!path.ok) return badProof(`proof_hex: ${path.rejection.message}`);
  const lineFields = optionalLineFields(object);
  if ('ok' in lineFields) return lineFields;
  return ok({
    format: MEMBER_PROOF_FORMAT,
    cycle_id,
    member_code,
    ...lineFields,
    share_minor,
    leaf_index,
    tree_size,
    merkle_root_hex,
    proof_hex: path.value.map((element) => element.toString('hex')),
  });
}

// ---------------------------------------------------------------------------------------------
// The verifier
// ---------------------------------------------------------------------------------------------

export interface VerifyOptions {
  /** The operator's published key: the header must carry exactly this key. */
  readonly public_key_hex?: string;
  /** Also check this member's proof against the export. */
  readonly member?: { readonly member_code: string; readonly proof: MemberProof };
}

export interface VerifyReport {
  readonly ok: boolean;
  /** Human-readable, at most MAX_LISTED_DIFFERENCES of them plus one line counting the rest. */
  readonly differences: string[];
  /** Member lines read (readable or not). */
  readonly member_count: number;
  /** The root recomputed from the member lines; null when the header or a line was unreadable. */
  readonly merkle_root_hex: string | null;
  /** From the header; null when it was unreadable. */
  readonly cycle_id: string | null;
  /** Set when a member proof was given and holds. */
  readonly member: { readonly member_code: string; readonly share_minor: string; readonly leaf_index: number } | null;
}

/** Enough to act on; a file broken everywhere would otherwise print millions of lines. */
export const MAX_LISTED_DIFFERENCES = 50;

/** A member in the leftover-unit ranking: larger remainder first, then smaller tie-break hash. */
interface Ranked {
  readonly member_code: string;
  readonly remainder: bigint;
  hash: string | null;
}


// DER prefix of an ed25519 SubjectPublicKeyInfo: the raw 32-byte key follows it.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function signatureHolds(header: CycleExportHeader): boolean {
  try {
    const key = createPublicKey({
      key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(header.public_key_hex, 'hex')]),
      format: 'der',
      type: 'spki',
    });
    const { signature_hex, ...unsigned } = header;
    return verifySignature(null, Buffer.from(signedHeaderPayload(unsigned), 'utf8'), key, Buffer.from(signature_hex, 'hex'));
  } catch {
    // Bytes that are no ed25519 key verify nothing.
    return false;
  }
}

/** Where `actual` first departs from `canonical`, for a readable "not canonical" message. */
function firstDifference(actual: string, canonical: string): number {
  const length = Math.min(actual.length, canonical.length);
  for (let index = 0; index < length; index += 1) if (actual[index] !== canonical[index]) return index + 1;
  return length + 1;
}

/**
 * Feed the lines of an export in order (without their "\n"), then call finish() once.
 * Keeps O(1) state per export, plus O(log n) for the Merkle root.
 */
export class CycleExportVerifier {
  readonly #options: VerifyOptions;
  readonly #differences: string[] = [];
  #unlisted = 0;

  #lineNumber = 0;
  #header: CycleExportHeader | null = null;
  #headerUnreadable = false;
  #unterminatedLine: number | null = null;

  #memberLines = 0;
  #unreadableLines = 0;
  #previousCode: string | null = null;
  #previousLine = 0;
  #weightSum = 0n;
  #shareSum = 0n;
  #cappedSum = 0n;
  #quotientSum = 0n;
  #extraCount = 0n;
  #worstWithExtra: Ranked | null = null;
  #bestWithoutExtra: Ranked | null = null;
  readonly #root = new MerkleRootBuilder();
  /** SHA-256 over every member line's text + "\n", as pushed: the header's lines_sha256_hex. */
  readonly #linesHash = createHash('sha256');
  /** Member lines whose bytes never reached the verifier (invalid UTF-8, far too long). */
  #undecodableLines = 0;

  #proofLeaf: CycleExportLine | null = null;
  #requestedIndex: number | null = null;

  constructor(options: VerifyOptions = {}) {
    this.#options = options;
  }

  #differ(sentence: string): void {
    if (this.#differences.length < MAX_LISTED_DIFFERENCES) this.#differences.push(sentence);
    else this.#unlisted += 1;
  }

  /** One line of the file without its "\n"; `terminated` is false for a last line that had none. */
  pushLine(text: string, terminated = true): void {
    this.#lineNumber += 1;
    if (!terminated) this.#noteUnterminated();
    if (this.#lineNumber === 1) {
      this.#readHeader(text);
      return;
    }
    // Hashed as if terminated: a missing last "\n" is its own difference, so the report names it
    // rather than also blaming the lines hash. Strict UTF-8 decoding round-trips, so these are the
    // file's bytes.
    this.#linesHash.update(text, 'utf8');
    this.#linesHash.update('\n', 'utf8');
    this.#readMember(text);
  }

  /** A line that could not even be decoded (invalid UTF-8, far too long): counted, and a difference. */
  pushUnreadableLine(reason: string, terminated = true): void {
    this.#lineNumber += 1;
    if (!terminated) this.#noteUnterminated();
    if (this.#lineNumber === 1) {
      this.#headerUnreadable = true;
      this.#differ(`line 1 (header): ${reason}`);
    } else {
      this.#memberLines += 1;
      this.#unreadableLines += 1;
      this.#undecodableLines += 1;
      this.#differ(`line ${this.#lineNumber}: ${reason}`);
    }
  }

  #noteUnterminated(): void {
    if (this.#unterminatedLine === null) this.#unterminatedLine = this.#lineNumber;
  }

  #readHeader(text: string): void {
    const parsed = parseHeaderLine(text);
    if (!parsed.ok) {
      this.#headerUnreadable = true;
      this.#differ(`line 1 (header): ${parsed.rejection.message}`);
      return;
    }
    const header = parsed.value;
    this.#header = header;
    const canonical = headerLine(header);
    if (canonical !== text) {
      this.#differ(`line 1 (header): not in canonical form (first difference at character ${firstDifference(text, canonical)})`);
    }
    this.#checkHeaderFigures(header);
    if (!signatureHolds(header)) {
      this.#differ(`header signature_hex is not a valid ed25519 signature of the header by public_key_hex ${header.public_key_hex}`);
    }
    const expectedKey = this.#options.public_key_hex;
    if (expectedKey !== undefined && expectedKey.toLowerCase() !== header.public_key_hex) {
      this.#differ(`header public_key_hex is ${header.public_key_hex} but the operator's key is ${expectedKey.toLowerCase()}`);
    }
  }

  #checkHeaderFigures(header: CycleExportHeader): void {
    const seed_hex = cycleSeedHex(header.previous_root_hex, header.cycle_id);
    if (header.seed_hex !== seed_hex) {
      this.#differ(`header seed_hex is ${header.seed_hex} but SHA-256(previous_root_hex + "|" + cycle_id) is ${seed_hex}`);
    }
    let aid_total_minor = 0n;
    const caseIds = new Set<string>();
    for (const entry of header.cases) {
      if (caseIds.has(entry.case_id)) this.#differ(`header case ${entry.case_id} is listed more than once`);
      caseIds.add(entry.case_id);
      aid_total_minor += entry.aid_minor;
    }
    if (header.aid_total_minor !== aid_total_minor) {
      this.#differ(`header aid_total_minor is ${header.aid_total_minor} but the cases' aid sums to ${aid_total_minor}`);
    }
    const expected = cycleTotals({ aid_total_minor, fee_bps: header.fee_bps, surplus_in_minor: header.surplus_in_minor });
    if (header.fee_minor !== expected.fee_minor) {
      this.#differ(`header fee_minor is ${header.fee_minor} but floor(aid ${aid_total_minor} × ${header.fee_bps} bps / 10000) is ${expected.fee_minor}`);
    }
    if (header.total_minor !== expected.total_minor) {
      this.#differ(
        `header total_minor is ${header.total_minor} but max(0, aid ${aid_total_minor} + fee ${expected.fee_minor} − surplus in ${header.surplus_in_minor}) is ${expected.total_minor}`,
      );
    }
    if (header.surplus_out_minor !== expected.surplus_out_minor) {
      this.#differ(
        `header surplus_out_minor is ${header.surplus_out_minor} but max(0, surplus in ${header.surplus_in_minor} − aid ${aid_total_minor} − fee ${expected.fee_minor}) is ${expected.surplus_out_minor}`,
      );
    }
    const operator_paid_minor = header.operator_paid_minor;
    if (operator_paid_minor === undefined) {
      if (header.share_total_minor + header.capped_total_minor !== header.total_minor) {
        this.#differ(
          `header share_total_minor ${header.share_total_minor} + capped_total_minor ${header.capped_total_minor} is ${header.share_total_minor + header.capped_total_minor}, not total_minor ${header.total_minor}`,
        );
      }
    } else {
      this.#checkOperatorPaid(header, operator_paid_minor);
    }
    if (header.member_count > 0 && header.weight_total === 0n) {
      this.#differ(`header weight_total is 0 for ${header.member_count} members, so no share can be recomputed`);
    }
  }

  /**
   * A closing cycle (huzhu-cycle/2, core/cycles/closing-cycle.ts): no member is left to share it,
   * so the operator pays all of the total from its own account and charges itself no fee.
   */
  #checkOperatorPaid(header: CycleExportHeader, operator_paid_minor: bigint): void {
    if (operator_paid_minor === 0n || operator_paid_minor !== header.total_minor) {
      this.#differ(`header operator_paid_minor is ${operator_paid_minor} but a cycle the operator pays is paid wholly, its total_minor ${header.total_minor} (> 0)`);
    }
    if (header.member_count !== 0 || header.share_total_minor !== 0n || header.capped_total_minor !== 0n) {
      this.#differ(
        `header operator_paid_minor is set, but the operator pays only a cycle without members: member_count is ${header.member_count}, share_total_minor ${header.share_total_minor}, capped_total_minor ${header.capped_total_minor} (all must be 0)`,
      );
    }
    if (header.fee_bps !== CLOSING_CYCLE_FEE_BPS) {
      this.#differ(`header fee_bps is ${header.fee_bps} but the operator charges itself no fee on a cycle it pays (fee_bps ${CLOSING_CYCLE_FEE_BPS})`);
    }
  }

  #readMember(text: string): void {
    const index = this.#memberLines;
    this.#memberLines += 1;
    const where = `line ${this.#lineNumber}`;
    const parsed = parseMemberLine(text);
    if (!parsed.ok) {
      this.#unreadableLines += 1;
      this.#differ(`${where}: ${parsed.rejection.message}`);
      return;
    }
    const line = parsed.value;
    const at = `${where} (member ${line.member_code})`;
    const canonical = memberLine(line);
    if (canonical !== text) this.#differ(`${at}: not in canonical form; expected ${canonical}`);
    this.#checkOrder(line.member_code, at);

    this.#weightSum += line.weight;
    this.#shareSum += line.share_minor;
    this.#cappedSum += line.capped_minor;
    if (index === this.#options.member?.proof.leaf_index) this.#proofLeaf = line;
    if (line.member_code === this.#options.member?.member_code) this.#requestedIndex = index;

    const header = this.#header;
    if (header === null) return;
    this.#root.push(cycleLeafHash(header.cycle_id, line.member_code, line.share_minor));
    this.#checkAllocation(header, line, at);
  }

  #checkOrder(member_code: string, at: string): void {
    const previous = this.#previousCode;
    if (previous !== null) {
      const order = compareUtf8(previous, member_code);
      if (order === 0) this.#differ(`${at}: member ${member_code} already appears on line ${this.#previousLine}`);
      else if (order > 0) this.#differ(`${at}: member ${member_code} comes after ${previous} (line ${this.#previousLine}), not in UTF-8 byte order`);
    }
    this.#previousCode = member_code;
    this.#previousLine = this.#lineNumber;
  }

  #checkAllocation(header: CycleExportHeader, line: CycleExportLine, at: string): void {
    const { total_minor, weight_total } = header;
    const allocated_minor = line.share_minor + line.capped_minor;
    if (weight_total > 0n) {
      // The allocation in DESIGN.md: q = floor(T·w/W), and the remainder r ranks for the leftover units.
      const product = total_minor * line.weight;
      const quotient = product / weight_total;
      const remainder = product % weight_total;
      this.#quotientSum += quotient;
      if (allocated_minor === quotient + 1n) {
        this.#extraCount += 1n;
        this.#rankWithExtra({ member_code: line.member_code, remainder, hash: null });
      } else if (allocated_minor === quotient) {
        this.#rankWithoutExtra({ member_code: line.member_code, remainder, hash: null });
      } else {
        this.#differ(
          `${at}: allocated (share_minor + capped_minor) is ${allocated_minor} but floor(total ${total_minor} × weight ${line.weight} / weight_total ${weight_total}) is ${quotient}, so it must be ${quotient} or ${quotient + 1n}`,
        );
      }
    }
    const cap = line.cap_room_minor;
    if (cap === null) {
      if (line.capped_minor !== 0n) this.#differ(`${at}: capped_minor is ${line.capped_minor} but the member is uncapped (cap_room_minor null), so it must be 0`);
    } else {
      const expected = allocated_minor < cap ? allocated_minor : cap;
      if (line.share_minor !== expected) {
        this.#differ(`${at}: share_minor is ${line.share_minor} but min(allocated ${allocated_minor}, cap room ${cap}) is ${expected}`);
      }
    }
  }

  #hash(member: Ranked): string {
    member.hash ??= tieBreakHash(this.#header?.seed_hex ?? '', member.member_code);
    return member.hash;
  }

  /** True when `first` gets a leftover unit before `second`. Hashes only on equal remainders. */
  #ranksBefore(first: Ranked, second: Ranked): boolean {
    if (first.remainder !== second.remainder) return first.remainder > second.remainder;
    return this.#hash(first) < this.#hash(second);
  }

  #rankWithExtra(member: Ranked): void {
    const worst = this.#worstWithExtra;
    if (worst === null || this.#ranksBefore(worst, member)) this.#worstWithExtra = member;
  }

  #rankWithoutExtra(member: Ranked): void {
    const best = this.#bestWithoutExtra;
    if (best === null || this.#ranksBefore(member, best)) this.#bestWithoutExtra = member;
  }

  finish(): VerifyReport {
    const header = this.#header;
    if (this.#lineNumber === 0) this.#differ('the export is empty: it has no header line');
    if (this.#unterminatedLine !== null) {
      this.#differ(`line ${this.#unterminatedLine} does not end with "\\n": the file is truncated or was changed after it was written`);
    }
    let merkle_root_hex: string | null = null;
    if (header !== null) merkle_root_hex = this.#checkMembers(header);
    else if (this.#lineNumber > 0 && this.#headerUnreadable) {
      this.#differ(`without a readable header, the ${this.#memberLines} member line(s) could only be checked for form and order`);
    }
    const member = this.#options.member === undefined ? null : this.#checkProof(this.#options.member, header, merkle_root_hex);

    const ok = this.#differences.length === 0;
    const differences = [...this.#differences];
    if (this.#unlisted > 0) differences.push(`… and ${this.#unlisted} more difference(s) not listed`);
    return { ok, differences, member_count: this.#memberLines, merkle_root_hex, cycle_id: header?.cycle_id ?? null, member };
  }

  /** The whole-file checks; returns the recomputed root, or null when a line was unreadable. */
  #checkMembers(header: CycleExportHeader): string | null {
    if (this.#memberLines !== header.member_count) {
      this.#differ(`header member_count is ${header.member_count} but the export has ${this.#memberLines} member line(s)`);
    }
    // The lines hash needs only the bytes, so a line that does not parse still takes part.
    if (this.#undecodableLines === 0) {
      const lines_sha256_hex = this.#linesHash.digest('hex');
      if (lines_sha256_hex !== header.lines_sha256_hex) {
        this.#differ(`header lines_sha256_hex is ${header.lines_sha256_hex} but the member lines hash to ${lines_sha256_hex}`);
      }
    }
    if (this.#unreadableLines > 0) {
      const unchecked = this.#undecodableLines > 0 ? 'the leftover units, the Merkle root and the lines hash' : 'the leftover units and the Merkle root';
      this.#differ(`${this.#unreadableLines} member line(s) could not be read, so the sums, ${unchecked} were not checked`);
      return null;
    }
    if (this.#weightSum !== header.weight_total) this.#differ(`header weight_total is ${header.weight_total} but the members' weights sum to ${this.#weightSum}`);
    if (this.#shareSum !== header.share_total_minor) {
      this.#differ(`header share_total_minor is ${header.share_total_minor} but the members' shares sum to ${this.#shareSum}`);
    }
    if (this.#cappedSum !== header.capped_total_minor) {
      this.#differ(`header capped_total_minor is ${header.capped_total_minor} but the members' capped_minor sum to ${this.#cappedSum}`);
    }
    if (header.weight_total > 0n) this.#checkLeftoverUnits(header);
    const root = this.#root.root().toString('hex');
    if (root !== header.merkle_root_hex) this.#differ(`header merkle_root_hex is ${header.merkle_root_hex} but the members give ${root}`);
    return root;
  }

  #checkLeftoverUnits(header: CycleExportHeader): void {
    const leftover = header.total_minor - this.#quotientSum;
    if (this.#extraCount !== leftover) {
      this.#differ(
        `${this.#extraCount} member(s) got one unit above floor(T·w/W), but total ${header.total_minor} − Σ floor(T·w/W) ${this.#quotientSum} leaves ${leftover}`,
      );
    }
    const worst = this.#worstWithExtra;
    const best = this.#bestWithoutExtra;
    if (worst !== null && best !== null && !this.#ranksBefore(worst, best)) {
      this.#differ(
        `member ${worst.member_code} got a leftover unit but member ${best.member_code}, which ranks before it (remainder ${best.remainder} vs ${worst.remainder}` +
          (best.remainder === worst.remainder ? `, tie-break hash ${this.#hash(best)} < ${this.#hash(worst)})` : ')') +
          ', did not',
      );
    }
  }

  #checkProof(
    requested: NonNullable<VerifyOptions['member']>,
    header: CycleExportHeader | null,
    root_hex: string | null,
  ): VerifyReport['member'] {
    const { member_code, proof } = requested;
    const before = this.#differences.length + this.#unlisted;
    if (proof.member_code !== member_code) this.#differ(`the proof is for member ${proof.member_code}, not ${member_code}`);
    if (header !== null && proof.cycle_id !== header.cycle_id) this.#differ(`the proof is for cycle ${proof.cycle_id}, not ${header.cycle_id}`);
    if (this.#requestedIndex === null) this.#differ(`member ${member_code} is not in the export`);
    else if (this.#requestedIndex !== proof.leaf_index) {
      this.#differ(`member ${member_code} is leaf ${this.#requestedIndex} of the export, but the proof is for leaf ${proof.leaf_index}`);
    }
    const leaf = this.#proofLeaf;
    if (leaf === null) {
      this.#differ(`the proof's leaf_index ${proof.leaf_index} is beyond the export's ${this.#memberLines} member line(s)`);
    } else if (leaf.member_code !== proof.member_code) {
      this.#differ(`leaf ${proof.leaf_index} of the export is member ${leaf.member_code}, not the proof's member ${proof.member_code}`);
    } else {
      this.#compareProofLine(proof, leaf);
    }
    if (proof.tree_size !== this.#memberLines) this.#differ(`the proof's tree_size is ${proof.tree_size} but the export has ${this.#memberLines} member line(s)`);
    if (root_hex !== null && proof.merkle_root_hex !== root_hex) this.#differ(`the proof's merkle_root_hex is ${proof.merkle_root_hex} but the export's root is ${root_hex}`);
    const path = proofFromHex(proof.proof_hex);
    const holds =
      path.ok &&
      verifyInclusion({
        leafHash: cycleLeafHash(proof.cycle_id, proof.member_code, BigInt(proof.share_minor)),
        index: proof.leaf_index,
        treeSize: proof.tree_size,
        proof: path.value,
        root: Buffer.from(proof.merkle_root_hex, 'hex'),
      });
    if (!holds) this.#differ(`the proof's audit path does not lead from member ${proof.member_code}'s leaf to root ${proof.merkle_root_hex}`);
    if (this.#differences.length + this.#unlisted !== before) return null;
    return { member_code, share_minor: proof.share_minor, leaf_index: proof.leaf_index };
  }

  /** The proof's copy of the member's line must be the export's line (fields absent from the proof are skipped). */
  #compareProofLine(proof: MemberProof, line: CycleExportLine): void {
    const exported = {
      share_minor: line.share_minor.toString(),
      weight: line.weight.toString(),
      cap_room_minor: line.cap_room_minor === null ? null : line.cap_room_minor.toString(),
      capped_minor: line.capped_minor.toString(),
    };
    for (const field of ['share_minor', 'weight', 'cap_room_minor', 'capped_minor'] as const) {
      const claimed = proof[field];
      if (claimed !== undefined && claimed !== exported[field]) {
        this.#differ(`the proof gives member ${proof.member_code} ${field} ${String(claimed)} but the export has ${String(exported[field])}`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Bytes to lines
// ---------------------------------------------------------------------------------------------

export { MAX_LINE_BYTES };

const NEWLINE = 0x0a;

/**
 * Splits raw export bytes into lines for a verifier, chunk by chunk: "\n" ends a line, a last line
 * without it is reported, and each line is decoded as strict UTF-8 (an invalid byte is a
 * difference, never a U+FFFD that might go unnoticed). A byte-order mark is kept, so it is not
 * silently accepted either.
 */
export class ExportLineSplitter {
  readonly #verifier: CycleExportVerifier;
  readonly #decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #tooLong = false;

  constructor(verifier: CycleExportVerifier) {
    this.#verifier = verifier;
  }

  push(chunk: Uint8Array): void {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    // Bounded by the newlines in the chunk.
    for (let end = bytes.indexOf(NEWLINE, start); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      // The common case, a whole line inside the chunk, is decoded in place without a copy.
      if (this.#pendingBytes === 0 && !this.#tooLong && end - start <= MAX_LINE_BYTES) this.#decode(bytes.subarray(start, end), true);
      else {
        this.#append(bytes.subarray(start, end));
        this.#emit(true);
      }
      start = end + 1;
    }
    this.#append(bytes.subarray(start));
  }

  /** Ends the input and returns the verifier's report. */
  end(): VerifyReport {
    if (this.#pendingBytes > 0 || this.#tooLong) this.#emit(false);
    return this.#verifier.finish();
  }

  #append(part: Buffer): void {
    if (part.length === 0 || this.#tooLong) return;
    if (this.#pendingBytes + part.length > MAX_LINE_BYTES) {
      this.#tooLong = true;
      this.#pending = [];
      this.#pendingBytes = 0;
      return;
    }
    // Copied: the caller may reuse its chunk buffer.
    this.#pending.push(Buffer.from(part));
    this.#pendingBytes += part.length;
  }

  #emit(terminated: boolean): void {
    const parts = this.#pending;
    const tooLong = this.#tooLong;
    this.#pending = [];
    this.#pendingBytes = 0;
    this.#tooLong = false;
    if (tooLong) {
      this.#verifier.pushUnreadableLine(`longer than ${MAX_LINE_BYTES} bytes, not read`, terminated);
      return;
    }
    this.#decode(parts.length === 1 ? parts[0]! : Buffer.concat(parts), terminated);
  }

  #decode(line: Uint8Array, terminated: boolean): void {
    let text: string;
    try {
      text = this.#decoder.decode(line);
    } catch {
      this.#verifier.pushUnreadableLine('not valid UTF-8', terminated);
      return;
    }
    this.#verifier.pushLine(text, terminated);
  }
}

/** Verifies a whole export held in memory (bytes as written, or text). */
export function verifyCycleExport(content: Uint8Array | string, options: VerifyOptions = {}): VerifyReport {
  const splitter = new ExportLineSplitter(new CycleExportVerifier(options));
  splitter.push(typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  return splitter.end();
}
