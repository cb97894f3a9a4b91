import { assert } from '../rejection.js';
import { inclusionProof } from './merkle.js';

/**
 * Leaves per stored chunk root. Aligned blocks of 2^k leaves are nodes of an RFC 6962 tree, and
 * every split of a tree larger than a block falls on a block boundary, so the tree above the
 * blocks is the RFC 6962 tree over the block roots (taken as its leaf hashes).
 */
export const PROOF_CHUNK_LEAVES = 1024;

/** True for 1, 2, 4, 8, …: only blocks of a power of two leaves are nodes of the tree. */
export function isBlockSize(block_leaves: number): boolean {
  return Number.isSafeInteger(block_leaves) && block_leaves > 0 && (block_leaves & (block_leaves - 1)) === 0;
}

/**
 * A member's audit path from two small pieces instead of the whole tree: the path inside the
 * member's chunk (from that chunk's leaves, at most `block_leaves`) followed by the chunk's path
 * among all chunk roots (one per `block_leaves` leaves, stored at publication).
 */
export function chunkedInclusionProof(
  chunkLeafHashes: readonly Uint8Array[],
  indexInChunk: number,
  chunkRoots: readonly Uint8Array[],
  chunkIndex: number,
  block_leaves: number = PROOF_CHUNK_LEAVES,
): Buffer[] {
  assert(isBlockSize(block_leaves), `a block of ${block_leaves} leaves is a power of two`);
  assert(chunkIndex >= 0 && chunkIndex < chunkRoots.length, 'the chunk is one of the chunks');
  assert(chunkLeafHashes.length <= block_leaves, 'a chunk holds at most one block of leaves');
  assert(chunkLeafHashes.length === block_leaves || chunkIndex === chunkRoots.length - 1, 'only the last chunk is partial');
  return [...inclusionProof(chunkLeafHashes, indexInChunk), ...(chunkRoots.length > 1 ? inclusionProof(chunkRoots, chunkIndex) : [])];
}
