import { proofToHex, cycleLeafHash } from '../../ledger/merkle.js';
import { StreamingInclusionProof } from '../../ledger/streaming-proof.js';
import type { ServiceContext } from '../context.js';
import { cycleMemberLines } from './cycle-member-stream.js';
import { cycleRejection } from './cycle-rejections.js';
import { getCycleRow } from './cycle-queries.js';

export interface MemberCycleProof {
  readonly format: 'huzhu-proof/1';
  readonly cycle_id: string;
  readonly member_code: string;
  readonly weight: string;
  readonly cap_room_minor: string | null;
  readonly share_minor: string;
  readonly capped_minor: string;
  readonly leaf_index: number;
  readonly tree_size: number;
  readonly merkle_root_hex: string;
  readonly proof_hex: string[];
}

/**
 * A member's share line in a cycle and its RFC 6962 inclusion proof against the published root:
 * with the cycle's header (or export) anyone can check the share is in what the operator signed.
 * The proof is computed while the cycle's leaves stream past once (no tree in memory).
 */
export async function memberCycleProof(context: ServiceContext, cycle_code: string, member_code: string): Promise<MemberCycleProof> {
  const cycle = await getCycleRow(context, cycle_code);
  if (cycle.merkle_root_hex === null || cycle.member_count === null) cycleRejection('CYCLE_NOT_PUBLISHED', `Cycle ${cycle_code} has not been published yet.`, { cycle_id: cycle_code });
  const db = context.store.db;
  const line = await db.selectFrom('cycle_members').select(['member_code', 'weight', 'cap_room_minor', 'share_minor', 'capped_minor']).where('cycle_id', '=', cycle.id).where('member_code', '=', member_code).executeTakeFirst();
  if (line === undefined) cycleRejection('CYCLE_MEMBER_NOT_IN_CYCLE', `Member ${member_code} was not covered in cycle ${cycle_code}.`, { cycle_id: cycle_code, member_code });
  const before = await db.selectFrom('cycle_members').select((eb) => eb.fn.countAll<bigint>().as('count')).where('cycle_id', '=', cycle.id).where('member_code', '<', member_code).executeTakeFirstOrThrow();
  const leaf_index = Number(before.count);
  const tree_size = Number(cycle.member_count);
  const streaming = new StreamingInclusionProof(tree_size, leaf_index);
  for await (const page of cycleMemberLines(db, cycle.id)) for (const row of page) streaming.push(cycleLeafHash(cycle.cycle_code, row.member_code, row.share_minor));
  return {
    format: 'huzhu-proof/1',
    cycle_id: cycle.cycle_code,
    member_code,
    weight: line.weight.toString(),
    cap_room_minor: line.cap_room_minor === null ? null : line.cap_room_minor.toString(),
    share_minor: line.share_minor.toString(),
    capped_minor: line.capped_minor.toString(),
    leaf_index,
    tree_size,
    merkle_root_hex: cycle.merkle_root_hex,
    proof_hex: proofToHex(streaming.proof()),
  };
}
