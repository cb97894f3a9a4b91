import { tieBreakHash } from '../src/core/money/tie-break.js';
import { PROOF_CHUNK_LEAVES } from '../src/core/merkle/chunked-proof.js';
import { MERKLE_HASH_BYTES, merkleRootInPlace, writeCycleLeafHash } from '../src/core/merkle/merkle.js';

/**
 * The SHA-256 work the cycle contract fixes per member, alone, with the code's own fastest calls:
 * the tie key (every member ties under equal weights), the Merkle leaf, and the tree's interior
 * nodes (one fewer than the leaves). No database, no lines, no export. Whatever the store does,
 * a cycle cannot take less than this on one core; the bench prints it next to the floor so that
 * the ratio can be read against it.
 */
export function hashFloorSeconds(members: number): number {
  const seed_hex = 'a'.repeat(64);
  const block = Buffer.allocUnsafe(PROOF_CHUNK_LEAVES * MERKLE_HASH_BYTES);
  let in_block = 0;
  let keep = 0;
  const started = performance.now();
  for (let index = 0; index < members; index += 1) {
    const code = `M${index.toString(16).toUpperCase().padStart(12, '0')}`;
    keep ^= tieBreakHash(seed_hex, code).charCodeAt(0);
    writeCycleLeafHash(block, in_block * MERKLE_HASH_BYTES, 'critical-illness-20261207', code, 3101n);
    in_block += 1;
    if (in_block === PROOF_CHUNK_LEAVES) {
      keep ^= merkleRootInPlace(block, in_block)[0]!;
      in_block = 0;
    }
  }
  if (in_block > 0) keep ^= merkleRootInPlace(block, in_block)[0]!;
  const seconds = (performance.now() - started) / 1000;
  // The xor of the results keeps the hashing from being optimised away.
  return keep >= 0 ? seconds : -seconds;
}
