import { assert } from '../rejection.js';
import { inclusionProof } from './merkle.js';

/**
 * Leaves per stored chunk root. Aligned blocks of 2^k leaves are nodes of an RFC 6962 tree, and
 * every split of a tree larger than a block falls on a block boundary, so the tree above the
 * blocks is the RFC 6962 tree over the block roots (taken as its leaf hashes).
 */
export const PROOF_CHUNK_LEAVES = 1024;

/**
 * A member's audit path from two small pieces instead of the whole tree: the path inside the
 * member's chunk (from that chunk's leaves, at most PROOF_CHUNK_LEAVES) followed by the chunk's
 * path among all chunk roots (one per PROOF_CHUNK_LEAVES leaves, stored at publication).
 */
export function chunkedInclusionProof(chunkLeafHashes: readonly Uint8Array[], indexInChunk: number, chunkRoots: readonly Uint8Array[], chunkIndex: number): Buffer[] {
  assert(chunkIndex >= 0 && chunkIndex < chunkRoots.length, 'the chunk is one of the chunks');
  assert(chunkLeafHashes.length === PROOF_CHUNK_LEAVES || chunkIndex === chunkRoots.length - 1, 'only the last chunk is partial');
  return [...inclusionProof(chunkLeafHashes, indexInChunk), ...(chunkRoots.length > 1 ? inclusionProof(chunkRoots, chunkIndex) : [])];
}
