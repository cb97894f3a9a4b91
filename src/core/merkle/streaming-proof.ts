import { assert } from '../rejection.js';
import { MERKLE_HASH_BYTES, MerkleRootBuilder } from './merkle.js';

interface SiblingRange {
  readonly start: number;
  readonly end: number;
  /** Position of this sibling's hash in the audit path (0 = the leaf's own sibling). */
  readonly depth: number;
}

/** The leaf ranges whose subtree roots form PATH(index, D[start:end]) (RFC 6962 §2.1.1). */
function siblingRanges(index: number, start: number, end: number, ranges: SiblingRange[]): void {
  const size = end - start;
  if (size <= 1) return;
  let split = 1;
  while (split * 2 < size) split *= 2;
  if (index < start + split) {
    ranges.push({ start: start + split, end, depth: -1 });
    siblingRanges(index, start, start + split, ranges);
  } else {
    ranges.push({ start, end: start + split, depth: -1 });
    siblingRanges(index, start + split, end, ranges);
  }
}

/**
 * The audit path of one leaf, computed while every leaf of the tree streams past once: memory
 * O(log² n) instead of the whole tree, so a member's proof in a cycle of ten million members
 * needs no tree in memory. Push all `size` leaf hashes in order, then read `proof()`.
 */
export class StreamingInclusionProof {
  readonly #ranges: SiblingRange[];
  readonly #builders: MerkleRootBuilder[];
  /** Roots given instead of built (resumeAt): the left siblings, by range. */
  readonly #known: Array<Buffer | undefined> = [];
  readonly #index: number;
  readonly #size: number;
  #position = 0;
  #current = 0;

  constructor(size: number, index: number) {
    assert(Number.isSafeInteger(size) && size >= 1 && Number.isSafeInteger(index) && index >= 0 && index < size, 'the leaf is inside the tree');
    const found: SiblingRange[] = [];
    siblingRanges(index, 0, size, found);
    // Found top-down; the audit path lists siblings bottom-up.
    const depths = found.map((range, order) => ({ ...range, depth: found.length - 1 - order }));
    this.#ranges = depths.sort((left, right) => left.start - right.start);
    this.#builders = this.#ranges.map(() => new MerkleRootBuilder());
    this.#index = index;
    this.#size = size;
  }

  /**
   * Starts at the leaf itself instead of at leaf 0: `leftRoots` are the roots of the leaves before
   * it (MerkleRootBuilder.frontier() after pushing them), which are exactly its left siblings. A
   * reader that learns which leaf it proves only on reaching it keeps O(log n), not the leaves.
   * Push the leaf and every leaf after it.
   */
  static resumeAt(size: number, index: number, leftRoots: readonly Uint8Array[]): StreamingInclusionProof {
    const streaming = new StreamingInclusionProof(size, index);
    const left = streaming.#ranges.filter((range) => range.end <= index);
    assert(left.length === leftRoots.length, 'one root for each left sibling of the leaf');
    left.forEach((range, order) => {
      const root = leftRoots[order]!;
      assert(root.length === MERKLE_HASH_BYTES, 'a left root is one hash');
      streaming.#known[order] = Buffer.from(root);
    });
    streaming.#position = index;
    streaming.#current = left.length;
    return streaming;
  }

  push(leafHash: Uint8Array): void {
    const position = this.#position;
    assert(position < this.#size, 'no more leaves than the tree size');
    this.#position += 1;
    if (position === this.#index) return;
    while (this.#ranges[this.#current]!.end <= position) this.#current += 1;
    const range = this.#ranges[this.#current]!;
    assert(range.start <= position, 'every other leaf is in a sibling range');
    this.#builders[this.#current]!.push(leafHash);
  }

  proof(): Buffer[] {
    assert(this.#position === this.#size, 'every leaf was pushed');
    const path = new Array<Buffer>(this.#ranges.length);
    this.#ranges.forEach((range, order) => (path[range.depth] = this.#known[order] ?? this.#builders[order]!.root()));
    return path;
  }
}
