import { createHash } from 'node:crypto';
import { CYCLE_EXPORT_FORMAT, OPERATOR_PAID_EXPORT_FORMAT, headerLine, memberLine, signedHeaderPayload, type CycleExportHeader } from '../../core/cycles/cycle-export.js';
import { operatorPaidOf } from '../../core/cycles/closing-cycle.js';
import { assert } from '../../core/rejection.js';
import { PROOF_CHUNK_LEAVES } from '../../core/merkle/chunked-proof.js';
import { MERKLE_HASH_BYTES, MerkleRootBuilder, emptyRoot, merkleRootInPlace, writeCycleLeafHash } from '../../core/merkle/merkle.js';
import type { Db } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { cycleMemberLines } from './cycle-member-stream.js';
import type { CycleRow, FailPoint } from './cycle-rows.js';
import { ExportPageWriter } from './export-pages.js';
import { LineBuffer } from './line-buffer.js';
import { operatorKey } from './operator-key.js';

/** The cycle's export header from its row and cases, before the root, the lines hash and the signature are known. */
export async function unsignedHeader(
  db: Db,
  cycle: CycleRow,
): Promise<Omit<CycleExportHeader, 'merkle_root_hex' | 'lines_sha256_hex' | 'public_key_hex' | 'signature_hex'>> {
  assert(cycle.member_count !== null && cycle.weight_total !== null && cycle.share_total_minor !== null && cycle.capped_total_minor !== null, 'the cycle is allocated');
  const cases = await db.selectFrom('cycle_cases').select(['case_number', 'aid_minor']).where('cycle_id', '=', cycle.id).orderBy('case_number').execute();
  const operator_paid_minor = operatorPaidOf({ total_minor: cycle.total_minor, member_count: cycle.member_count, share_total_minor: cycle.share_total_minor, capped_total_minor: cycle.capped_total_minor });
  // Who paid: the members (huzhu-cycle/1), or the operator, all of a closing cycle (huzhu-cycle/2).
  const paid_by: Pick<CycleExportHeader, 'format' | 'operator_paid_minor'> =
    operator_paid_minor > 0n ? { format: OPERATOR_PAID_EXPORT_FORMAT, operator_paid_minor } : { format: CYCLE_EXPORT_FORMAT };
  return {
    ...paid_by,
    cycle_id: cycle.cycle_code,
    plan_id: cycle.plan_id,
    currency: cycle.currency,
    snapshot_at: cycle.snapshot_at,
    previous_root_hex: cycle.previous_root_hex,
    seed_hex: cycle.seed_hex,
    cases: cases.map((row) => ({ case_id: row.case_number, aid_minor: row.aid_minor })),
    aid_total_minor: cycle.aid_total_minor,
    fee_bps: Number(cycle.fee_bps),
    fee_minor: cycle.fee_minor,
    surplus_in_minor: cycle.surplus_in_minor,
    total_minor: cycle.total_minor,
    surplus_out_minor: cycle.surplus_out_minor,
    weight_scheme: cycle.weight_scheme,
    member_count: Number(cycle.member_count),
    weight_total: cycle.weight_total,
    share_total_minor: cycle.share_total_minor,
    capped_total_minor: cycle.capped_total_minor,
    cap_policy: cycle.cap_policy,
  };
}

export interface ProofChunk {
  readonly first_member_code: string;
  readonly leaf_count: number;
  readonly root_hex: string;
}

export interface PublishedCycle {
  readonly merkle_root_hex: string;
  readonly header_json: string;
  readonly signature_hex: string;
  /** The roots of the tree's blocks of PROOF_CHUNK_LEAVES leaves, for fast member proofs. */
  readonly chunks: ProofChunk[];
}

/**
 * Computes the Merkle root and the hash of the member lines' bytes over the members in export
 * order (one streamed pass, memory O(log n)), stores those bytes as compressed export pages, then
 * signs the header with the operator's key. The signed header line is the cycle's published
 * record; it names the previous cycle's root, so the records form a signed chain.
 */
export async function publishCycle(context: ServiceContext, cycle: CycleRow, now: string, failPoint: FailPoint): Promise<PublishedCycle> {
  const db = context.store.db;
  // The exact bytes the export writer streams after the header line (memberLine + "\n" each).
  const linesHash = createHash('sha256');
  const chunks: ProofChunk[] = [];
  // Aligned blocks of PROOF_CHUNK_LEAVES leaves are subtrees of the RFC 6962 tree, so the root is
  // the tree over the block roots: each interior node is hashed once, not once per builder.
  const blockRoots = new MerkleRootBuilder();
  let leaf_count = 0;
  // The leaf hashes of the current block, end to end; the block's root is computed in place.
  const block = Buffer.allocUnsafe(PROOF_CHUNK_LEAVES * MERKLE_HASH_BYTES);
  let in_block = 0;
  let blockFirst = '';
  const closeBlock = () => {
    const root = merkleRootInPlace(block, in_block);
    chunks.push({ first_member_code: blockFirst, leaf_count: in_block, root_hex: root.toString('hex') });
    blockRoots.push(root);
    leaf_count += in_block;
    in_block = 0;
  };
  const lines = new LineBuffer();
  const stored = await ExportPageWriter.begin(db, cycle.id);
  try {
    let pages = 0;
    for await (const page of cycleMemberLines(db, cycle.id)) {
      for (const line of page) {
        if (in_block === 0) blockFirst = line.member_code;
        writeCycleLeafHash(block, in_block * MERKLE_HASH_BYTES, cycle.cycle_code, line.member_code, line.share_minor);
        in_block += 1;
        if (in_block === PROOF_CHUNK_LEAVES) closeBlock();
        lines.push(memberLine(line));
      }
      linesHash.update(lines.view());
      await stored.add(lines.view(), page.length);
      lines.clear();
      pages += 1;
      if (pages === 1) await failPoint('publish:streaming');
    }
  } finally {
    await stored.settle();
  }
  if (in_block > 0) closeBlock();
  await stored.finish();
  assert(BigInt(leaf_count) === cycle.member_count, 'every covered member is a leaf');
  // No blocks: no members, and the root of the empty tree.
  const merkle_root_hex = (chunks.length === 0 ? emptyRoot() : blockRoots.root()).toString('hex');
  const key = await operatorKey(context, now);
  const lines_sha256_hex = linesHash.digest('hex');
  const unsigned = { ...(await unsignedHeader(db, cycle)), merkle_root_hex, lines_sha256_hex, public_key_hex: key.public_key_hex };
  const signature_hex = key.sign(signedHeaderPayload(unsigned));
  const header_json = headerLine({ ...unsigned, signature_hex });
  return { merkle_root_hex, header_json, signature_hex, chunks };
}
