/**
 * Builds a closure report from its member lines in export order, one line at a time (memory
 * O(log n) for the Merkle root, whatever the member count): the service streams the lines from
 * SQL page by page, tests pass an array. The totals of the header are the sums of the lines, so
 * they are computed here, not taken from the caller; the caller gives what no line holds.
 */
import { createHash } from 'node:crypto';
import type { CycleExportSigner } from '../cycles/build-cycle-export.js';
import { MerkleRootBuilder } from '../merkle/merkle.js';
import { compareUtf8 } from '../money/byte-order.js';
import { assert } from '../rejection.js';
import {
  CLOSURE_REPORT_FORMAT,
  assertLineBalances,
  closureHeaderLine,
  closureLeafHash,
  closureMemberLine,
  closureSignedPayload,
  type ClosureReportHeader,
  type ClosureReportLine,
  type LastCyclesPayer,
} from './closure-report.js';

/** What the header says that the member lines do not. */
export interface ClosureReportFacts {
  readonly plan_id: string;
  readonly currency: string;
  readonly closure_date: string;
  readonly announced_at: string;
  readonly finalised_at: string;
  readonly last_cycles_paid_by: LastCyclesPayer;
  readonly claims_paid_count: number;
  readonly claims_paid_minor: bigint;
  readonly claims_rejected_count: number;
  readonly receivables_written_off_minor: bigint;
}

export interface BuiltClosureReport {
  readonly header: ClosureReportHeader;
  readonly header_line: string;
}

export class ClosureReportBuilder {
  readonly #plan_id: string;
  readonly #root = new MerkleRootBuilder();
  readonly #linesHash = createHash('sha256');
  #previousCode: string | null = null;
  #member_count = 0;
  #wallet_total_minor = 0n;
  #refunded_total_minor = 0n;
  #unclaimed_total_minor = 0n;

  constructor(plan_id: string) {
    this.#plan_id = plan_id;
  }

  /** Adds the next line (member codes strictly increasing in byte order) and returns its canonical text and leaf hash. */
  push(line: ClosureReportLine): { readonly text: string; readonly leaf_hash: Buffer } {
    assertLineBalances(line);
    assert(this.#previousCode === null || compareUtf8(this.#previousCode, line.member_code) < 0, `member ${line.member_code} comes after ${this.#previousCode}`);
    this.#previousCode = line.member_code;
    const text = closureMemberLine(line);
    const leaf_hash = closureLeafHash(this.#plan_id, line);
    this.#root.push(leaf_hash);
    this.#linesHash.update(`${text}\n`, 'utf8');
    this.#member_count += 1;
    this.#wallet_total_minor += line.wallet_at_closure_minor;
    this.#refunded_total_minor += line.refunded_minor;
    this.#unclaimed_total_minor += line.unclaimed_minor;
    return { text, leaf_hash };
  }

  /** The signed header over the lines pushed. Call once, after the last line. */
  finish(facts: ClosureReportFacts, signer: CycleExportSigner): BuiltClosureReport {
    assert(facts.plan_id === this.#plan_id, 'the facts are of the plan the lines are of');
    assert(this.#refunded_total_minor + this.#unclaimed_total_minor === this.#wallet_total_minor, 'refunded + unclaimed = wallet balances at closure');
    const unsigned = {
      format: CLOSURE_REPORT_FORMAT,
      plan_id: facts.plan_id,
      currency: facts.currency,
      closure_date: facts.closure_date,
      announced_at: facts.announced_at,
      finalised_at: facts.finalised_at,
      last_cycles_paid_by: facts.last_cycles_paid_by,
      member_count: this.#member_count,
      wallet_total_minor: this.#wallet_total_minor,
      refunded_total_minor: this.#refunded_total_minor,
      unclaimed_total_minor: this.#unclaimed_total_minor,
      // The plan's part of custody: its wallets at closure, then what stays unclaimed in them.
      custody_before_minor: this.#wallet_total_minor,
      custody_after_minor: this.#unclaimed_total_minor,
      claims_paid_count: facts.claims_paid_count,
      claims_paid_minor: facts.claims_paid_minor,
      claims_rejected_count: facts.claims_rejected_count,
      receivables_written_off_minor: facts.receivables_written_off_minor,
      merkle_root_hex: this.#root.root().toString('hex'),
      lines_sha256_hex: this.#linesHash.digest('hex'),
      public_key_hex: signer.public_key_hex,
    } as const;
    const header: ClosureReportHeader = { ...unsigned, signature_hex: signer.sign(closureSignedPayload(unsigned)) };
    return { header, header_line: closureHeaderLine(header) };
  }
}

/** A whole report in memory: the file text (every line ending in "\n"), for small plans and tests. */
export function buildClosureReport(facts: ClosureReportFacts, lines: readonly ClosureReportLine[], signer: CycleExportSigner): BuiltClosureReport & { text: string } {
  const builder = new ClosureReportBuilder(facts.plan_id);
  const sorted = [...lines].sort((left, right) => compareUtf8(left.member_code, right.member_code));
  const texts = sorted.map((line) => builder.push(line).text);
  const built = builder.finish(facts, signer);
  return { ...built, text: [built.header_line, ...texts].map((line) => `${line}\n`).join('') };
}
