import * as nodeCrypto from 'node:crypto';
import { assert } from '../rejection.js';

// crypto.hash (Node ≥ 20.12) hashes in one call, about six times faster than createHash for short
// inputs, which matters when a million members tie. A namespace import, so that an older Node 20
// falls back to createHash instead of failing to load the module.
const sha256Hex: (text: string) => string =
  typeof nodeCrypto.hash === 'function'
    ? (text) => nodeCrypto.hash('sha256', text, 'hex')
    : (text) => nodeCrypto.createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * SHA-256(seed_hex + "|" + member_code) over UTF-8, as lower-case hex: the key that breaks ties
 * between equal remainders in an allocation (the smaller key wins). Seeded by the cycle, so nobody
 * can choose a code that always wins, and anyone can recompute it from the public export.
 */
export function tieBreakHash(seed_hex: string, member_code: string): string {
  return sha256Hex(`${seed_hex}|${member_code}`);
}

/** 48 bits: the widest prefix a double holds exactly. Smaller only in tests, to force collisions. */
const DEFAULT_PREFIX_BYTES = 6;

/**
 * Flags the `winner_count` member codes with the smallest tie-break hashes (result[i] = 1).
 *
 * With a million tied members (an unweighted plan), building and sorting a million hex strings is
 * the slow part, so this sorts the first 48 bits of each digest as numbers instead and computes
 * full hashes only for the codes whose prefix equals the cut-off prefix. Hex order is byte order,
 * so the result is the same as sorting the full hashes.
 */
export function pickSmallestHashes(
  member_codes: readonly string[],
  winner_count: number,
  seed_hex: string,
  prefix_bytes: number = DEFAULT_PREFIX_BYTES,
): Uint8Array {
  const count = member_codes.length;
  assert(winner_count >= 0 && winner_count <= count, 'there are at most as many winners as codes');
  assert(prefix_bytes >= 1 && prefix_bytes <= 6, 'the hash prefix fits in a double');
  const winners = new Uint8Array(count);
  if (winner_count === 0) return winners;
  if (winner_count === count) return winners.fill(1);

  const prefixes = new Float64Array(count);
  for (let index = 0; index < count; index += 1) {
    prefixes[index] = Number.parseInt(tieBreakHash(seed_hex, member_codes[index]!).slice(0, 2 * prefix_bytes), 16);
  }
  const cutoff_prefix = prefixes.slice().sort()[winner_count - 1]!;
  const at_cutoff: number[] = [];
  let below_count = 0;
  for (let index = 0; index < count; index += 1) {
    const prefix = prefixes[index]!;
    if (prefix < cutoff_prefix) {
      winners[index] = 1;
      below_count += 1;
    } else if (prefix === cutoff_prefix) {
      at_cutoff.push(index);
    }
  }
  const cutoff_winners = winner_count - below_count;
  assert(cutoff_winners >= 1 && cutoff_winners <= at_cutoff.length, 'the cut-off falls inside the equal prefixes');

  const keyed = at_cutoff.map((index) => ({ index, hash: tieBreakHash(seed_hex, member_codes[index]!) }));
  keyed.sort((left, right) => (left.hash < right.hash ? -1 : left.hash > right.hash ? 1 : 0));
  // Distinct well-formed codes give distinct hashes; equal ones at the cut-off would make the
  // winner depend on input order.
  assert(
    cutoff_winners === keyed.length || keyed[cutoff_winners - 1]!.hash !== keyed[cutoff_winners]!.hash,
    'tie-break hashes at the cut-off differ',
  );
  for (let position = 0; position < cutoff_winners; position += 1) winners[keyed[position]!.index] = 1;
  return winners;
}
