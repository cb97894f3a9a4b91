/**
 * RFC 6962 (section 2.1) Merkle trees over SHA-256, as the cycle contract in DESIGN.md fixes them:
 * leaf hash SHA-256(0x00 ‖ data), node hash SHA-256(0x01 ‖ left ‖ right), leaves in export order,
 * the split at the largest power of two strictly smaller than the leaf count.
 *
 * Every cycle publishes the root over one leaf per covered member; each member gets the audit
 * path of their leaf so they can check, without trusting the operator, that their share is in it.
 */
import * as nodeCrypto from 'node:crypto';

import { assert, ok, reject, type Result } from '../rejection.js';

/** Every hash in the tree (leaf, node, root, proof element) is one SHA-256 digest. */
export const MERKLE_HASH_BYTES = 32;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

// crypto.hash (Node ≥ 20.12) hashes in one call. Asked for a 'binary' (latin1) string, one char
// per byte, it is about three times faster than asked for a Buffer, even with the copy back into a
// Buffer: a cycle of ten million members hashes twenty million times. Older Node 20 falls back.
const sha256Binary: (data: string | Uint8Array) => string =
  typeof nodeCrypto.hash === 'function'
    ? (data) => nodeCrypto.hash('sha256', data, 'binary')
    : (data) => nodeCrypto.createHash('sha256').update(data).digest('binary');

function sha256(data: string | Uint8Array): Buffer {
  return Buffer.from(sha256Binary(data), 'latin1');
}

// ---------------------------------------------------------------------------------------------
// Hashing
// ---------------------------------------------------------------------------------------------

/** RFC 6962 leaf hash: SHA-256(0x00 ‖ data). The prefix keeps a leaf from posing as a node. */
export function leafHash(data: Uint8Array): Buffer {
  return sha256(Buffer.concat([LEAF_PREFIX, data]));
}

/**
 * leafHash(utf8(text)) without a Buffer per leaf: the string is hashed as 0x00 ‖ text (U+0000 is
 * the one byte 0x00 in UTF-8), as cycle leaves are.
 */
export function leafHashOfText(text: string): Buffer {
  return sha256(`\u0000${text}`);
}

// 0x01 ‖ left ‖ right, reused by every node hash: hashing reads it synchronously.
const nodeInput = Buffer.concat([NODE_PREFIX, Buffer.alloc(2 * MERKLE_HASH_BYTES)]);

/** RFC 6962 interior node hash: SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== MERKLE_HASH_BYTES || right.length !== MERKLE_HASH_BYTES) return sha256(Buffer.concat([NODE_PREFIX, left, right]));
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + MERKLE_HASH_BYTES);
  return sha256(nodeInput);
}

/** RFC 6962 MTH({}) = SHA-256 of the empty string: the root of a cycle with no members. */
export function emptyRoot(): Buffer {
  return sha256(Buffer.alloc(0));
}

/** The leaf bytes of one member in one cycle: utf8(cycle_id + "|" + member_code + "|" + share_minor). */
export function cycleLeafData(cycle_id: string, member_code: string, share_minor: bigint): Buffer {
  return Buffer.from(`${cycle_id}|${member_code}|${share_minor.toString()}`, 'utf8');
}

/** 0x00 ‖ cycleLeafData(…) as a string to hash: U+0000 is the one byte 0x00 in UTF-8. */
function cycleLeafInput(cycle_id: string, member_code: string, share_minor: bigint): string {
  return `\u0000${cycle_id}|${member_code}|${share_minor.toString()}`;
}

/**
 * Writes the leaf hash of one member in one cycle into `target` at `offset`, without a Buffer per
 * leaf: the publication of a cycle of ten million members does this ten million times.
 */
export function writeCycleLeafHash(target: Buffer, offset: number, cycle_id: string, member_code: string, share_minor: bigint): void {
  assert(offset >= 0 && offset + MERKLE_HASH_BYTES <= target.length, 'the leaf hash fits in the target');
  target.write(sha256Binary(cycleLeafInput(cycle_id, member_code, share_minor)), offset, MERKLE_HASH_BYTES, 'latin1');
}

/** The leaf hash of one member in one cycle: leafHash(cycleLeafData(...)). */
export function cycleLeafHash(cycle_id: string, member_code: string, share_minor: bigint): Buffer {
  return sha256(cycleLeafInput(cycle_id, member_code, share_minor));
}

// ---------------------------------------------------------------------------------------------
// Roots
// ---------------------------------------------------------------------------------------------

/** The largest power of two strictly smaller than `count` (count ≥ 2): RFC 6962's split point k. */
function splitPoint(count: number): number {
  assert(Number.isSafeInteger(count) && count >= 2, `split point of ${count} leaves`);
  let power = 1;
  // Bounded: at most 53 doublings for a safe integer.
  while (power * 2 < count) power *= 2;
  return power;
}

function assertHash(hash: Uint8Array, what: string): void {
  assert(hash.length === MERKLE_HASH_BYTES, `${what} is ${hash.length} bytes, not ${MERKLE_HASH_BYTES}`);
}

/** MTH(D[begin:end]) for 1 ≤ end − begin; recursion depth is log2 of the leaf count. */
function subtreeRoot(leafHashes: readonly Uint8Array[], begin: number, end: number): Buffer {
  const count = end - begin;
  if (count === 1) {
    const leaf = leafHashes[begin];
    assert(leaf !== undefined, `leaf ${begin} exists`);
    assertHash(leaf, `leaf hash ${begin}`);
    return Buffer.from(leaf);
  }
  const split = splitPoint(count);
  return nodeHash(subtreeRoot(leafHashes, begin, begin + split), subtreeRoot(leafHashes, begin + split, end));
}

/**
 * MTH(D[n]) over already-hashed leaves (RFC 6962 section 2.1), straight from the definition.
 * For millions of leaves arriving one by one, prefer `MerkleRootBuilder` (O(log n) memory).
 */
export function merkleRoot(leafHashes: readonly Uint8Array[]): Buffer {
  if (leafHashes.length === 0) return emptyRoot();
  return subtreeRoot(leafHashes, 0, leafHashes.length);
}

/**
 * MTH over `count` hashes laid end to end in `level` (RFC 6962), computed in place by pairing
 * neighbours bottom-up and carrying an unpaired last node up unchanged (the same nodes as the
 * recursive definition; see MerkleTree). Uses up the contents of `level`; allocates only the root.
 */
export function merkleRootInPlace(level: Buffer, count: number): Buffer {
  assert(Number.isSafeInteger(count) && count >= 0 && count * MERKLE_HASH_BYTES <= level.length, `${count} hashes in the level`);
  if (count === 0) return emptyRoot();
  let width = count;
  // Bounded: each pass halves the width (rounding up), so at most 54 passes.
  while (width > 1) {
    let next = 0;
    for (let position = 0; position < width; position += 2) {
      const from = position * MERKLE_HASH_BYTES;
      const to = next * MERKLE_HASH_BYTES;
      if (position + 1 < width) {
        // The two children are neighbours: one copy of 64 bytes after the 0x01 prefix.
        level.copy(nodeInput, 1, from, from + 2 * MERKLE_HASH_BYTES);
        level.write(sha256Binary(nodeInput), to, MERKLE_HASH_BYTES, 'latin1');
      } else if (to !== from) {
        level.copy(level, to, from, from + MERKLE_HASH_BYTES);
      }
      next += 1;
    }
    width = next;
  }
  return Buffer.from(level.subarray(0, MERKLE_HASH_BYTES));
}

/**
 * Streaming MTH for a cycle over millions of members: push leaf hashes in export order, then ask
 * for the root. Memory is O(log n): an RFC 6962 tree is left-complete, so the leaves pushed so far
 * always form perfect subtrees of strictly decreasing size, one per set bit of the count (like a
 * binary counter). A push merges equal-sized subtrees (the carry); the root folds the remaining
 * subtrees right to left, which is exactly the recursive split at the largest power of two.
 */
export class MerkleRootBuilder {
  /** Roots of perfect subtrees, largest (leftmost) first; sizes are the set bits of `count`. */
  readonly #subtreeRoots: Buffer[] = [];
  #count = 0;

  push(leafHash: Uint8Array): void {
    assertHash(leafHash, 'leaf hash');
    assert(Number.isSafeInteger(this.#count + 1), 'leaf count stays a safe integer');
    // Copy so a caller reusing its buffer cannot change a leaf already counted.
    let node: Buffer = Buffer.from(leafHash);
    let carry = this.#count;
    // Each set low bit of the old count is a perfect subtree of the same size as `node`: merge.
    // Bounded by the 53 bits of a safe integer.
    while (carry % 2 === 1) {
      const left = this.#subtreeRoots.pop();
      assert(left !== undefined, 'a subtree for every set bit of the count');
      node = nodeHash(left, node);
      carry = Math.floor(carry / 2);
    }
    this.#subtreeRoots.push(node);
    this.#count += 1;
  }

  /** MTH of the leaves pushed so far. Does not end the build: more leaves may follow. */
  root(): Buffer {
    const last = this.#subtreeRoots.length - 1;
    const rightmost = this.#subtreeRoots[last];
    if (rightmost === undefined) return emptyRoot();
    let accumulator = rightmost;
    for (let position = last - 1; position >= 0; position -= 1) {
      const left = this.#subtreeRoots[position];
      assert(left !== undefined, 'subtree root present');
      accumulator = nodeHash(left, accumulator);
    }
    return Buffer.from(accumulator);
  }

  /**
   * Copies of the roots of the perfect subtrees of the leaves pushed so far, leftmost first. For
   * the next leaf these are its left siblings in any larger tree: its audit path's left side.
   */
  frontier(): Buffer[] {
    return this.#subtreeRoots.map((root) => Buffer.from(root));
  }

  /** Number of leaves pushed. */
  get size(): number {
    return this.#count;
  }
}

// ---------------------------------------------------------------------------------------------
// Inclusion proofs
// ---------------------------------------------------------------------------------------------

/**
 * The RFC 6962 audit path PATH(m, D[n]) (section 2.1.1) for leaf `index`, ordered from the
 * leaf's sibling up to the child of the root. Costs O(n) hashing per call (it recomputes the
 * sibling subtrees); to serve many proofs of one tree, build a `MerkleTree` once.
 * An index outside [0, n) is a caller bug and throws.
 */
export function inclusionProof(leafHashes: readonly Uint8Array[], index: number): Buffer[] {
  assert(
    Number.isSafeInteger(index) && index >= 0 && index < leafHashes.length,
    `leaf index ${index} in a tree of ${leafHashes.length} leaves`,
  );
  // Walk down from the root; the path lists siblings bottom-up, so collect then reverse.
  const topDown: Buffer[] = [];
  let begin = 0;
  let end = leafHashes.length;
  // Bounded: each step halves the range at least, so at most 53 steps.
  while (end - begin > 1) {
    const split = begin + splitPoint(end - begin);
    if (index < split) {
      topDown.push(subtreeRoot(leafHashes, split, end));
      end = split;
    } else {
      topDown.push(subtreeRoot(leafHashes, begin, split));
      begin = split;
    }
  }
  return topDown.reverse();
}

/**
 * A whole tree kept in memory as levels (level 0 = leaves), for serving many audit paths:
 * O(log n) per proof after O(n) hashing once. Each level is one contiguous buffer of 32-byte
 * hashes (about 64 bytes per leaf in all), not millions of small Buffer objects.
 *
 * Built bottom-up by pairing neighbours and carrying an unpaired last node up unchanged; for the
 * left-complete RFC 6962 shape this gives the same nodes as the recursive definition (tested).
 */
export class MerkleTree {
  /** levels[h] holds the nodes of height h, each MERKLE_HASH_BYTES long, left to right. */
  readonly #levels: Buffer[];
  readonly #size: number;

  constructor(leafHashes: readonly Uint8Array[]) {
    this.#size = leafHashes.length;
    const leaves = Buffer.alloc(leafHashes.length * MERKLE_HASH_BYTES);
    leafHashes.forEach((hash, position) => {
      assertHash(hash, `leaf hash ${position}`);
      leaves.set(hash, position * MERKLE_HASH_BYTES);
    });
    const levels: Buffer[] = [leaves];
    let current = leaves;
    let count = leafHashes.length;
    // Bounded: each level halves (rounding up) the one below, so at most 54 levels.
    while (count > 1) {
      const nextCount = Math.ceil(count / 2);
      const next = Buffer.alloc(nextCount * MERKLE_HASH_BYTES);
      for (let position = 0; position < count; position += 2) {
        const left = nodeAt(current, position);
        const parent =
          position + 1 < count ? nodeHash(left, nodeAt(current, position + 1)) : left;
        next.set(parent, (position / 2) * MERKLE_HASH_BYTES);
      }
      levels.push(next);
      current = next;
      count = nextCount;
    }
    this.#levels = levels;
  }

  get size(): number {
    return this.#size;
  }

  root(): Buffer {
    if (this.#size === 0) return emptyRoot();
    const top = this.#levels[this.#levels.length - 1];
    assert(top !== undefined && top.length === MERKLE_HASH_BYTES, 'a non-empty tree has one top node');
    return Buffer.from(top);
  }

  /** Same result as `inclusionProof(leafHashes, index)`. */
  proof(index: number): Buffer[] {
    assert(
      Number.isSafeInteger(index) && index >= 0 && index < this.#size,
      `leaf index ${index} in a tree of ${this.#size} leaves`,
    );
    const path: Buffer[] = [];
    let position = index;
    for (let height = 0; height < this.#levels.length - 1; height += 1) {
      const nodes = this.#levels[height];
      assert(nodes !== undefined, 'level present');
      const sibling = position % 2 === 0 ? position + 1 : position - 1;
      // No sibling: this node was carried up unchanged, and RFC 6962's path skips the level.
      if (sibling * MERKLE_HASH_BYTES < nodes.length) path.push(Buffer.from(nodeAt(nodes, sibling)));
      position = Math.floor(position / 2);
    }
    return path;
  }
}

/** A view (not a copy) of node `position` in a level buffer. */
function nodeAt(level: Buffer, position: number): Buffer {
  const offset = position * MERKLE_HASH_BYTES;
  assert(offset + MERKLE_HASH_BYTES <= level.length, `node ${position} inside its level`);
  return level.subarray(offset, offset + MERKLE_HASH_BYTES);
}

export interface InclusionCheck {
  readonly leafHash: Uint8Array;
  readonly index: number;
  readonly treeSize: number;
  readonly proof: readonly Uint8Array[];
  readonly root: Uint8Array;
}

/**
 * RFC 9162 section 2.1.3.2: verify that `leafHash` is leaf `index` of the tree of `treeSize` leaves
 * whose root is `root`, given the audit path `proof`. Never throws: malformed input is simply
 * false. The tree size itself is not proven by the path; it must come with the root (the cycle
 * export header states `member_count`).
 */
export function verifyInclusion(check: InclusionCheck): boolean {
  const { leafHash: leaf, index, treeSize, proof, root } = check;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize)) return false;
  if (index < 0 || index >= treeSize) return false;
  if (leaf.length !== MERKLE_HASH_BYTES || root.length !== MERKLE_HASH_BYTES) return false;
  // A path can never be longer than the tree is deep; also bounds the loop for hostile input.
  if (proof.length > 64) return false;

  // fn and sn can exceed 2^32, so shifts are done with division, not the 32-bit >> operator.
  let fn = index;
  let sn = treeSize - 1;
  let result: Buffer = Buffer.from(leaf);
  for (const element of proof) {
    if (element.length !== MERKLE_HASH_BYTES) return false;
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      result = nodeHash(element, result);
      // Skip the levels where this node had no right sibling (it was carried up unchanged).
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      result = nodeHash(result, element);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && result.equals(root);
}

// ---------------------------------------------------------------------------------------------
// Hex encoding (proofs are published hex-encoded)
// ---------------------------------------------------------------------------------------------

/** Lower-case hex of each proof element. */
export function proofToHex(proof: readonly Uint8Array[]): string[] {
  return proof.map((element) => Buffer.from(element).toString('hex'));
}

const HASH_HEX = /^[0-9a-fA-F]{64}$/;

/**
 * Parses a hex-encoded audit path. Each element must be exactly 64 hex digits (32 bytes); either
 * case is accepted. Anything else is rejected with MERKLE_BAD_PROOF (the input may come from a
 * member or an untrusted file, so this never throws).
 */
export function proofFromHex(hex: readonly string[]): Result<Buffer[], 'MERKLE_BAD_PROOF'> {
  if (!Array.isArray(hex)) return reject('MERKLE_BAD_PROOF', 'a proof is a list of hex strings');
  if (hex.length > 64) {
    return reject('MERKLE_BAD_PROOF', 'a proof has at most 64 elements', { length: hex.length });
  }
  const proof: Buffer[] = [];
  for (let position = 0; position < hex.length; position += 1) {
    const element: unknown = hex[position];
    if (typeof element !== 'string') {
      return reject('MERKLE_BAD_PROOF', `proof element ${position} is not a string`, { position });
    }
    if (!HASH_HEX.test(element)) {
      return reject(
        'MERKLE_BAD_PROOF',
        `proof element ${position} is not ${MERKLE_HASH_BYTES} bytes of hex`,
        { position, length: element.length },
      );
    }
    proof.push(Buffer.from(element, 'hex'));
  }
  return ok(proof);
}
