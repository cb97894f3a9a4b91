/**
 * Builds a whole cycle export in memory from its inputs: for small cycles, examples and tests.
 * The server streams large exports itself; both must give the same bytes, which the verifier checks.
 */
import { createHash } from 'node:crypto';
import { MerkleRootBuilder, cycleLeafHash } from '../merkle/merkle.js';
import { allocate, type AllocationMember, type AllocationRejectionCode } from '../money/allocate.js';
import { assert, ok, type Result } from '../rejection.js';
import { CLOSING_CYCLE_FEE_BPS, operatorPaidOf, sharedTotalOf } from './closing-cycle.js';
import {
  CYCLE_EXPORT_FORMAT,
  OPERATOR_PAID_EXPORT_FORMAT,
  headerLine,
  memberLine,
  signedHeaderPayload,
  type CapPolicy,
  type CycleCase,
  type CycleExportHeader,
  type CycleExportLine,
} from './cycle-export.js';
import { cycleSeedHex, cycleTotals } from './cycle-figures.js';

export interface CycleExportInput {
  readonly cycle_id: string;
  readonly plan_id: string;
  readonly currency: string;
  readonly snapshot_at: string;
  readonly previous_root_hex: string;
  readonly cases: ReadonlyArray<CycleCase>;
  readonly fee_bps: number;
  readonly surplus_in_minor: bigint;
  readonly weight_scheme: string;
  readonly cap_policy: CapPolicy;
  readonly members: ReadonlyArray<AllocationMember>;
  /**
   * A closing cycle (closing-cycle.ts): no member (members must be empty), the operator pays the
   * whole total, and the export says so (huzhu-cycle/2 when there is a total to pay). fee_bps is
   * then CLOSING_CYCLE_FEE_BPS, as the service opens it.
   */
  readonly closing?: boolean;
  /**
   * The operator's ed25519 key (the shape of the services' OperatorKey). The public key is known
   * before signing because the signed payload contains it.
   */
  readonly signer: CycleExportSigner;
}

export interface CycleExportSigner {
  /** Raw 32-byte public key, lower-case hex. */
  readonly public_key_hex: string;
  /** The ed25519 signature of the UTF-8 bytes of `payload`, lower-case hex (128 digits). */
  sign(payload: string): string;
}

export interface BuiltCycleExport {
  readonly header: CycleExportHeader;
  readonly lines: CycleExportLine[];
  /** The file: the header line and each member line, every one ending in "\n". */
  readonly text: string;
}

export function buildCycleExport(input: CycleExportInput): Result<BuiltCycleExport, AllocationRejectionCode> {
  const seed_hex = cycleSeedHex(input.previous_root_hex, input.cycle_id);
  let aid_total_minor = 0n;
  for (const entry of input.cases) aid_total_minor += entry.aid_minor;
  const { fee_minor, total_minor, surplus_out_minor } = cycleTotals({
    aid_total_minor,
    fee_bps: input.fee_bps,
    surplus_in_minor: input.surplus_in_minor,
  });

  const closing = input.closing === true;
  assert(!closing || (input.members.length === 0 && input.fee_bps === CLOSING_CYCLE_FEE_BPS), 'a closing cycle has no member and no fee');
  const allocation = allocate({ total_minor: sharedTotalOf(total_minor, closing), members: input.members, seed_hex });
  if (!allocation.ok) return allocation;
  const { shares, share_total_minor, capped_total_minor, weight_total } = allocation.value;
  const operator_paid_minor = operatorPaidOf({ total_minor, member_count: BigInt(shares.length), share_total_minor, capped_total_minor });

  // allocate returns the shares in member_code byte order, which is the export order.
  const lines: CycleExportLine[] = shares.map(({ member_code, weight, cap_room_minor, share_minor, capped_minor }) => ({
    member_code,
    weight,
    cap_room_minor,
    share_minor,
    capped_minor,
  }));
  const root = new MerkleRootBuilder();
  // The member lines' exact bytes, each with its "\n": covers the fields no leaf or sum does.
  const linesHash = createHash('sha256');
  const memberLines = lines.map(memberLine);
  for (const line of lines) root.push(cycleLeafHash(input.cycle_id, line.member_code, line.share_minor));
  for (const text of memberLines) linesHash.update(`${text}\n`, 'utf8');

  // Who paid: the members (huzhu-cycle/1), or the operator for a closing cycle (huzhu-cycle/2).
  const paid_by: Pick<CycleExportHeader, 'format' | 'operator_paid_minor'> =
    operator_paid_minor > 0n ? { format: OPERATOR_PAID_EXPORT_FORMAT, operator_paid_minor } : { format: CYCLE_EXPORT_FORMAT };
  const unsigned = {
    ...paid_by,
    cycle_id: input.cycle_id,
    plan_id: input.plan_id,
    currency: input.currency,
    snapshot_at: input.snapshot_at,
    previous_root_hex: input.previous_root_hex,
    seed_hex,
    cases: input.cases.map(({ case_id, aid_minor }) => ({ case_id, aid_minor })),
    aid_total_minor,
    fee_bps: input.fee_bps,
    fee_minor,
    surplus_in_minor: input.surplus_in_minor,
    total_minor,
    surplus_out_minor,
    weight_scheme: input.weight_scheme,
    member_count: lines.length,
    weight_total,
    share_total_minor,
    capped_total_minor,
    cap_policy: input.cap_policy,
    merkle_root_hex: root.root().toString('hex'),
    lines_sha256_hex: linesHash.digest('hex'),
  } as const;
  // The key is part of what it signs, so a signature cannot be moved to another key.
  const withKey = { ...unsigned, public_key_hex: input.signer.public_key_hex };
  const header: CycleExportHeader = { ...withKey, signature_hex: input.signer.sign(signedHeaderPayload(withKey)) };

  const text = [headerLine(header), ...memberLines].map((line) => `${line}\n`).join('');
  return ok({ header, lines, text });
}
