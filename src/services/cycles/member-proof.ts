import { proofToHex, cycleLeafHash } from '../../core/merkle/merkle.js';
import { StreamingInclusionProof } from '../../core/merkle/streaming-proof.js';
import { PROOF_CHUNK_LEAVES, chunkedInclusionProof } from '../../core/merkle/chunked-proof.js';
import { assert, reject, RejectionError } from '../../core/rejection.js';
import type { Db } from '../../store/schema.js';
import type { CycleRow } from './cycle-rows.js';
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
 * From the block roots stored at publication: read the member's block (at most
 * PROOF_CHUNK_LEAVES rows) and the block roots (one per PROOF_CHUNK_LEAVES members).
 */
async function chunkedProof(db: Db, cycle: CycleRow, member_code: string): Promise<{ leaf_index: number; proof: Buffer[] } | undefined> {
  const chunk = await db
    .selectFrom('cycle_proof_chunks')
    .select(['chunk_index', 'first_member_code', 'leaf_count'])
    .where('cycle_id', '=', cycle.id)
    .where('first_member_code', '<=', member_code)
    .orderBy('first_member_code', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (chunk === undefined) return undefined;
  const leaves = await db
    .selectFrom('cycle_members')
    .select(['member_code', 'share_minor'])
    .where('cycle_id', '=', cycle.id)
    .where('member_code', '>=', chunk.first_member_code)
    .orderBy('member_code')
    .limit(Number(chunk.leaf_count))
    .execute();
  const position = leaves.findIndex((row) => row.member_code === member_code);
  assert(position >= 0, 'the member is in the block that starts at or before their code');
  const roots = await db.selectFrom('cycle_proof_chunks').select('root_hex').where('cycle_id', '=', cycle.id).orderBy('chunk_index').execute();
  const chunk_index = Number(chunk.chunk_index);
  const proof = chunkedInclusionProof(
    leaves.map((row) => cycleLeafHash(cycle.cycle_code, row.member_code, row.share_minor)),
    position,
    roots.map((row) => Buffer.from(row.root_hex, 'hex')),
    chunk_index,
  );
  return { leaf_index: chunk_index * PROOF_CHUNK_LEAVES + position, proof };
}

/** Without stored block roots: one streamed pass over all the cycle's leaves. */
async function streamedProof(db: Db, cycle: CycleRow, member_code: string, tree_size: number): Promise<{ leaf_index: number; proof: Buffer[] }> {
  const before = await db.selectFrom('cycle_members').select((eb) => eb.fn.countAll<bigint>().as('count')).where('cycle_id', '=', cycle.id).where('member_code', '<', member_code).executeTakeFirstOrThrow();
  const leaf_index = Number(before.count);
  const streaming = new StreamingInclusionProof(tree_size, leaf_index);
  for await (const page of cycleMemberLines(db, cycle.id)) for (const row of page) streaming.push(cycleLeafHash(cycle.cycle_code, row.member_code, row.share_minor));
  return { leaf_index, proof: streaming.proof() };
}

/**
 * A member's share line in a cycle and its RFC 6962 inclusion proof against the published root:
 * with the cycle's header (or export) anyone can check the share is in what the operator signed.
 * The proof comes from the block roots stored at publication (about a thousand leaves and one
 * root per thousand members are read), or, for a cycle without them, from one streamed pass.
 */
export async function memberCycleProof(context: ServiceContext, cycle_code: string, member_code: string): Promise<MemberCycleProof> {
  const cycle = await getCycleRow(context, cycle_code);
  if (cycle.merkle_root_hex === null || cycle.member_count === null) cycleRejection('CYCLE_NOT_PUBLISHED', `Cycle ${cycle_code} has not been published yet.`, { cycle_id: cycle_code });
  const db = context.store.db;
  const line = await db.selectFrom('cycle_members').select(['member_code', 'weight', 'cap_room_minor', 'share_minor', 'capped_minor']).where('cycle_id', '=', cycle.id).where('member_code', '=', member_code).executeTakeFirst();
  if (line === undefined) cycleRejection('CYCLE_MEMBER_NOT_IN_CYCLE', `Member ${member_code} was not covered in cycle ${cycle_code}.`, { cycle_id: cycle_code, member_code });
  const tree_size = Number(cycle.member_count);
  const { leaf_index, proof } = (await chunkedProof(db, cycle, member_code)) ?? (await streamedProof(db, cycle, member_code, tree_size));
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
    proof_hex: proofToHex(proof),
  };
}

/** The proof of one membership's share (its member code looked up), for the member's own page. */
export async function membershipCycleProof(context: ServiceContext, cycle_code: string, membership_id: bigint): Promise<MemberCycleProof> {
  const membership = await context.store.db.selectFrom('memberships').select('member_code').where('id', '=', membership_id).executeTakeFirst();
  if (membership === undefined) {
    throw new RejectionError(reject('MEMBERSHIP_NOT_FOUND', `No membership ${membership_id}.`, { membership_id: membership_id.toString() }).rejection);
  }
  return memberCycleProof(context, cycle_code, membership.member_code);
}
