/**
 * Recomputes a closure report from itself, line by line (memory independent of the member count,
 * unless a member's proof is to be computed from the file): every field present and canonical,
 * each line's `refunded + unclaimed = wallet_at_closure`, the member codes in byte order, the sums
 * of the header, the plan's custody before (= wallet total) and after (= unclaimed total), the
 * Merkle root, the hash of the member lines' bytes and the operator's ed25519 signature; and
 * optionally one member's line and inclusion proof. Every mismatch is a sentence in the report; a
 * broken file is a difference, never a crash.
 */
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { MerkleRootBuilder, proofFromHex, proofToHex, verifyInclusion } from '../merkle/merkle.js';
import { StreamingInclusionProof } from '../merkle/streaming-proof.js';
import { compareUtf8 } from '../money/byte-order.js';
import { ok, reject, type Result } from '../rejection.js';
import {
  closureHeaderLine,
  closureLeafHash,
  closureMemberLine,
  closureSignedPayload,
  parseClosureHeader,
  parseClosureLine,
  type ClosureReportHeader,
  type ClosureReportLine,
} from './closure-report.js';
import { DIGITS, HEX64, MAX_LINE_BYTES } from '../records/strict-fields.js';

// ---------------------------------------------------------------------------------------------
// A member's proof of their closure line
// ---------------------------------------------------------------------------------------------

export const CLOSURE_PROOF_FORMAT = 'huzhu-closure-proof/1';

export interface ClosureMemberProof {
  format: 'huzhu-closure-proof/1';
  plan_id: string;
  member_code: string;
  wallet_at_closure_minor: string;
  refunded_minor: string;
  unclaimed_minor: string;
  leaf_index: number;
  tree_size: number;
  merkle_root_hex: string;
  proof_hex: string[];
}

const PROOF_KEYS = [
  'format',
  'plan_id',
  'member_code',
  'wallet_at_closure_minor',
  'refunded_minor',
  'unclaimed_minor',
  'leaf_index',
  'tree_size',
  'merkle_root_hex',
  'proof_hex',
] as const;

function badProof(message: string): { readonly ok: false; readonly rejection: { code: 'CLOSURE_PROOF_BAD_FORMAT'; message: string } } {
  return reject('CLOSURE_PROOF_BAD_FORMAT', message);
}

/** Parses a closure proof (the JSON a member downloaded) strictly; never throws. */
export function parseClosureProof(json: unknown): Result<ClosureMemberProof, 'CLOSURE_PROOF_BAD_FORMAT'> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return badProof('the proof is not a JSON object');
  const object = json as Record<string, unknown>;
  const missing = PROOF_KEYS.filter((key) => !Object.hasOwn(object, key));
  if (missing.length > 0) return badProof(`the proof lacks ${missing.join(', ')}`);
  const unknown = Object.keys(object).filter((key) => !(PROOF_KEYS as readonly string[]).includes(key));
  if (unknown.length > 0) return badProof(`the proof has unknown key(s) ${unknown.join(', ')}`);
  const { format, plan_id, member_code, leaf_index, tree_size, merkle_root_hex, proof_hex } = object;
  if (format !== CLOSURE_PROOF_FORMAT) return badProof(`format is not "${CLOSURE_PROOF_FORMAT}"`);
  if (typeof plan_id !== 'string' || plan_id === '') return badProof('plan_id is not a non-empty string');
  if (typeof member_code !== 'string' || member_code === '') return badProof('member_code is not a non-empty string');
  for (const field of ['wallet_at_closure_minor', 'refunded_minor', 'unclaimed_minor'] as const) {
    const value = object[field];
    if (typeof value !== 'string' || !DIGITS.test(value)) return badProof(`${field} is not a string of digits (minor units)`);
  }
  if (typeof tree_size !== 'number' || !Number.isSafeInteger(tree_size) || tree_size < 1) return badProof('tree_size is not an integer ≥ 1');
  if (typeof leaf_index !== 'number' || !Number.isSafeInteger(leaf_index) || leaf_index < 0 || leaf_index >= tree_size) {
    return badProof('leaf_index is not an integer from 0 to tree_size − 1');
  }
  if (typeof merkle_root_hex !== 'string' || !HEX64.test(merkle_root_hex)) return badProof('merkle_root_hex is not 64 lower-case hex digits');
  if (!Array.isArray(proof_hex)) return badProof('proof_hex is not an array');
  const path = proofFromHex(proof_hex as string[]);
  if (!path.ok) return badProof(`proof_hex: ${path.rejection.message}`);
  return ok({
    format: CLOSURE_PROOF_FORMAT,
    plan_id,
    member_code,
    wallet_at_closure_minor: object.wallet_at_closure_minor as string,
    refunded_minor: object.refunded_minor as string,
    unclaimed_minor: object.unclaimed_minor as string,
    leaf_index,
    tree_size,
    merkle_root_hex,
    proof_hex: path.value.map((element) => element.toString('hex')),
  });
}

/** The line a proof speaks for. */
export function proofLine(proof: ClosureMemberProof): ClosureReportLine {
  return {
    member_code: proof.member_code,
    wallet_at_closure_minor: BigInt(proof.wallet_at_closure_minor),
    refunded_minor: BigInt(proof.refunded_minor),
    unclaimed_minor: BigInt(proof.unclaimed_minor),
  };
}

/** Whether the proof puts its line in the tree whose root it names (the root must then be the signed header's). */
export function closureProofHolds(proof: ClosureMemberProof): boolean {
  const path = proofFromHex(proof.proof_hex);
  if (!path.ok) return false;
  return verifyInclusion({
    leafHash: closureLeafHash(proof.plan_id, proofLine(proof)),
    index: proof.leaf_index,
    treeSize: proof.tree_size,
    proof: path.value,
    root: Buffer.from(proof.merkle_root_hex, 'hex'),
  });
}

// ---------------------------------------------------------------------------------------------
// The verifier
// ---------------------------------------------------------------------------------------------

export interface ClosureVerifyOptions {
  /** The operator's published key: the header must carry exactly this key. */
  readonly public_key_hex?: string;
  /**
   * Also check this member's line: present, and in the root through `proof` when one is given;
   * without a proof, the verifier computes it from the file (32 bytes kept per member).
   */
  readonly member?: { readonly member_code: string; readonly proof?: ClosureMemberProof };
}

export interface ClosureVerifyReport {
  readonly ok: boolean;
  /** Human-readable, at most MAX_CLOSURE_DIFFERENCES of them plus one line counting the rest. */
  readonly differences: string[];
  readonly plan_id: string | null;
  readonly member_count: number;
  /** The root recomputed from the member lines; null when a line was unreadable. */
  readonly merkle_root_hex: string | null;
  readonly header: ClosureReportHeader | null;
  /** Set when a member was asked for and their line was found and proven. */
  readonly member: (ClosureReportLine & { readonly leaf_index: number; readonly proof: ClosureMemberProof }) | null;
}

export const MAX_CLOSURE_DIFFERENCES = 50;

// DER prefix of an ed25519 SubjectPublicKeyInfo: the raw 32-byte key follows it.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Whether the header's ed25519 signature verifies with the header's own public key. */
export function closureSignatureHolds(header: ClosureReportHeader): boolean {
  try {
    const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(header.public_key_hex, 'hex')]), format: 'der', type: 'spki' });
    const { signature_hex, ...unsigned } = header;
    return verifySignature(null, Buffer.from(closureSignedPayload(unsigned), 'utf8'), key, Buffer.from(signature_hex, 'hex'));
  } catch {
    // Bytes that are no ed25519 key verify nothing.
    return false;
  }
}

/** Feed the lines of a report in order (without their "\n"), then call finish() once. */
export class ClosureReportVerifier {
  readonly #options: ClosureVerifyOptions;
  readonly #differences: string[] = [];
  #unlisted = 0;
  #lineNumber = 0;
  #header: ClosureReportHeader | null = null;
  #headerUnreadable = false;
  #unreadableLines = 0;
  #member_count = 0;
  #previousCode: string | null = null;
  #wallet_total_minor = 0n;
  #refunded_total_minor = 0n;
  #unclaimed_total_minor = 0n;
  readonly #root = new MerkleRootBuilder();
  readonly #linesHash = createHash('sha256');
  /** The member's audit path, built from her line on when it is to be computed from the file: O(log n) memory. */
  #streaming: StreamingInclusionProof | null = null;
  #memberLine: { line: ClosureReportLine; leaf_index: number } | null = null;

  constructor(options: ClosureVerifyOptions = {}) {
    this.#options = options;
  }

  #differ(sentence: string): void {
    if (this.#differences.length < MAX_CLOSURE_DIFFERENCES) this.#differences.push(sentence);
    else this.#unlisted += 1;
  }

  pushLine(text: string): void {
    this.#lineNumber += 1;
    if (this.#lineNumber === 1) {
      this.#readHeader(text);
      return;
    }
    this.#linesHash.update(`${text}\n`, 'utf8');
    this.#member_count += 1;
    const parsed = parseClosureLine(text);
    if (!parsed.ok) {
      this.#unreadableLines += 1;
      this.#differ(`line ${this.#lineNumber}: ${parsed.rejection.message}`);
      return;
    }
    const line = parsed.value;
    if (closureMemberLine(line) !== text) this.#differ(`line ${this.#lineNumber}: not canonical (keys, order or spacing differ from the format)`);
    if (line.refunded_minor + line.unclaimed_minor !== line.wallet_at_closure_minor) {
      this.#differ(
        `line ${this.#lineNumber}: member ${line.member_code} refunded ${line.refunded_minor} + unclaimed ${line.unclaimed_minor} is not the wallet at closure ${line.wallet_at_closure_minor}`,
      );
    }
    if (this.#previousCode !== null && compareUtf8(this.#previousCode, line.member_code) >= 0) {
      this.#differ(`line ${this.#lineNumber}: member ${line.member_code} is not after ${this.#previousCode} in byte order`);
    }
    this.#previousCode = line.member_code;
    this.#wallet_total_minor += line.wallet_at_closure_minor;
    this.#refunded_total_minor += line.refunded_minor;
    this.#unclaimed_total_minor += line.unclaimed_minor;
    // Without a readable header there is no plan to hash the leaves with: the root is then unknown.
    if (this.#header === null) return;
    const leaf = closureLeafHash(this.#header.plan_id, line);
    const leaf_index = this.#root.size;
    const tree_size = this.#header.member_count;
    if (this.#options.member?.member_code === line.member_code && this.#memberLine === null) {
      this.#memberLine = { line, leaf_index };
      // The leaves before hers are gone; the roots of their perfect subtrees are her left siblings.
      // A header that counts fewer lines than this cannot be proven against; its count is a difference.
      if (this.#options.member.proof === undefined && leaf_index < tree_size && Number.isSafeInteger(tree_size)) {
        this.#streaming = StreamingInclusionProof.resumeAt(tree_size, leaf_index, this.#root.frontier());
      }
    }
    this.#root.push(leaf);
    if (this.#streaming !== null && leaf_index < tree_size) this.#streaming.push(leaf);
  }

  /** A line the reader could not take (longer than MAX_LINE_BYTES): counted and named, never parsed. */
  pushUnreadableLine(reason: string): void {
    this.#lineNumber += 1;
    if (this.#lineNumber === 1) {
      this.#headerUnreadable = true;
      this.#differ(`line 1 (header): ${reason}`);
      return;
    }
    this.#member_count += 1;
    this.#unreadableLines += 1;
    this.#differ(`line ${this.#lineNumber}: ${reason}`);
  }

  #readHeader(text: string): void {
    const parsed = parseClosureHeader(text);
    if (!parsed.ok) {
      this.#headerUnreadable = true;
      this.#differ(`line 1 (header): ${parsed.rejection.message}`);
      return;
    }
    this.#header = parsed.value;
    if (closureHeaderLine(parsed.value) !== text) this.#differ('line 1 (header): not canonical (keys, order or spacing differ from the format)');
  }

  finish(): ClosureVerifyReport {
    const header = this.#header;
    const rootKnown = header !== null && this.#unreadableLines === 0;
    const merkle_root_hex = rootKnown ? this.#root.root().toString('hex') : null;
    if (this.#lineNumber === 0) this.#differ('the file is empty: no header');
    if (header !== null) this.#checkHeader(header, merkle_root_hex);
    const member = header !== null && merkle_root_hex !== null ? this.#checkMember(header, merkle_root_hex) : null;
    if (this.#options.member !== undefined && member === null && header !== null && merkle_root_hex !== null && this.#memberLine === null) {
      this.#differ(`member ${this.#options.member.member_code} has no line in the report`);
    }
    if (this.#unlisted > 0) this.#differences.push(`… and ${this.#unlisted} more differences`);
    return {
      ok: this.#differences.length === 0 && !this.#headerUnreadable,
      differences: this.#differences,
      plan_id: header?.plan_id ?? null,
      member_count: this.#member_count,
      merkle_root_hex,
      header,
      member,
    };
  }

  #checkHeader(header: ClosureReportHeader, merkle_root_hex: string | null): void {
    const sums: ReadonlyArray<readonly [string, bigint | number, bigint | number]> = [
      ['member_count', header.member_count, this.#member_count],
      ['wallet_total_minor', header.wallet_total_minor, this.#wallet_total_minor],
      ['refunded_total_minor', header.refunded_total_minor, this.#refunded_total_minor],
      ['unclaimed_total_minor', header.unclaimed_total_minor, this.#unclaimed_total_minor],
    ];
    if (this.#unreadableLines === 0) {
      for (const [field, stated, computed] of sums) {
        if (BigInt(stated) !== BigInt(computed)) this.#differ(`the header says ${field} ${stated}; the lines give ${computed}`);
      }
    }
    if (header.refunded_total_minor + header.unclaimed_total_minor !== header.wallet_total_minor) {
      this.#differ(`the header's refunded ${header.refunded_total_minor} + unclaimed ${header.unclaimed_total_minor} is not its wallet total ${header.wallet_total_minor}`);
    }
    if (header.custody_before_minor !== header.wallet_total_minor) {
      this.#differ(`custody_before_minor ${header.custody_before_minor} is not the wallet balances at closure ${header.wallet_total_minor}`);
    }
    if (header.custody_after_minor !== header.unclaimed_total_minor) {
      this.#differ(`custody_after_minor ${header.custody_after_minor} is not the unclaimed total ${header.unclaimed_total_minor}`);
    }
    if (header.finalised_at < header.announced_at) this.#differ('finalised_at is before announced_at');
    if (merkle_root_hex !== null && merkle_root_hex !== header.merkle_root_hex) {
      this.#differ(`the header's merkle_root_hex ${header.merkle_root_hex} is not the root of the lines ${merkle_root_hex}`);
    }
    const lines_sha256_hex = this.#linesHash.digest('hex');
    if (lines_sha256_hex !== header.lines_sha256_hex) this.#differ(`the header's lines_sha256_hex is not the SHA-256 of the member lines (${lines_sha256_hex})`);
    if (this.#options.public_key_hex !== undefined && this.#options.public_key_hex !== header.public_key_hex) {
      this.#differ(`the report is signed with key ${header.public_key_hex}, not the operator's published ${this.#options.public_key_hex}`);
    }
    if (!closureSignatureHolds(header)) this.#differ('the signature does not verify with the header\'s public key');
  }

  #checkMember(header: ClosureReportHeader, merkle_root_hex: string): ClosureVerifyReport['member'] {
    const asked = this.#options.member;
    if (asked === undefined || this.#memberLine === null) return null;
    const { line, leaf_index } = this.#memberLine;
    let proof: ClosureMemberProof;
    if (asked.proof === undefined) {
      // Only a header whose count is the lines' gives a tree to prove in (a wrong count is a difference already).
      if (this.#streaming === null || this.#root.size !== header.member_count) return null;
      proof = {
        format: CLOSURE_PROOF_FORMAT,
        plan_id: header.plan_id,
        member_code: line.member_code,
        wallet_at_closure_minor: line.wallet_at_closure_minor.toString(),
        refunded_minor: line.refunded_minor.toString(),
        unclaimed_minor: line.unclaimed_minor.toString(),
        leaf_index,
        tree_size: header.member_count,
        merkle_root_hex,
        proof_hex: proofToHex(this.#streaming.proof()),
      };
    } else {
      proof = asked.proof;
      const claimed = proofLine(proof);
      const before = this.#differences.length;
      if (proof.plan_id !== header.plan_id) this.#differ(`the proof is for plan ${proof.plan_id}, the report for ${header.plan_id}`);
      for (const field of ['wallet_at_closure_minor', 'refunded_minor', 'unclaimed_minor'] as const) {
        if (claimed[field] !== line[field]) this.#differ(`the proof gives member ${line.member_code} ${field} ${claimed[field]} but the report has ${line[field]}`);
      }
      if (proof.merkle_root_hex !== header.merkle_root_hex) this.#differ('the proof names another root than the report\'s header');
      if (proof.tree_size !== header.member_count || proof.leaf_index !== leaf_index) {
        this.#differ(`the proof puts member ${line.member_code} at leaf ${proof.leaf_index} of ${proof.tree_size}; the report at ${leaf_index} of ${header.member_count}`);
      }
      if (this.#differences.length > before) return null;
    }
    if (!closureProofHolds(proof)) {
      this.#differ(`the proof of member ${line.member_code} does not lead to the root`);
      return null;
    }
    return { ...line, leaf_index, proof };
  }
}

/**
 * Feeds a report to the verifier as its bytes arrive, split into lines: `huzhu verify` streams a
 * file of any size (a report of ten million members is a gigabyte, more than a string can hold).
 */
export class ClosureReportStream {
  readonly #verifier: ClosureReportVerifier;
  readonly #decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  #rest = '';
  #tooLong = false;

  constructor(options: ClosureVerifyOptions = {}) {
    this.#verifier = new ClosureReportVerifier(options);
  }

  push(chunk: Uint8Array): void {
    this.pushText(this.#decoder.decode(chunk, { stream: true }));
  }

  pushText(text: string): void {
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      this.#line(this.#rest + text.slice(start, end));
      this.#rest = '';
      start = end + 1;
    }
    if (this.#tooLong) return;
    this.#rest += text.slice(start);
    // A line far longer than any real one is dropped as it arrives, so a hostile file cannot fill
    // memory. Each character is at least one byte: more characters than MAX_LINE_BYTES is more bytes.
    if (this.#rest.length > MAX_LINE_BYTES) {
      this.#tooLong = true;
      this.#rest = '';
    }
  }

  #line(text: string): void {
    if (this.#tooLong) {
      this.#tooLong = false;
      this.#verifier.pushUnreadableLine(`longer than ${MAX_LINE_BYTES} bytes, not read`);
    } else this.#verifier.pushLine(text);
  }

  /** Ends the input and returns the report; a last line without its "\n" is a difference. */
  end(): ClosureVerifyReport {
    this.pushText(this.#decoder.decode());
    const unterminated = this.#rest !== '' || this.#tooLong;
    if (unterminated) this.#line(this.#rest);
    const report = this.#verifier.finish();
    if (!unterminated) return report;
    return { ...report, ok: false, differences: [...report.differences, 'the last line does not end in "\\n"'] };
  }
}

/** Verifies a whole report held in memory. */
export function verifyClosureReport(content: string, options: ClosureVerifyOptions = {}): ClosureVerifyReport {
  const stream = new ClosureReportStream(options);
  stream.pushText(content);
  return stream.end();
}

/** A member's proof from a report's lines in memory (the server keeps small reports whole). */
export function closureProofFromReport(content: string, member_code: string): ClosureMemberProof | null {
  const report = verifyClosureReport(content, { member: { member_code } });
  return report.member?.proof ?? null;
}
