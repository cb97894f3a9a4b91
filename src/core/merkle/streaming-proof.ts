import { assert } from '../rejection.js';
import { MerkleRootBuilder } from './merkle.js';

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
    this.#ranges.forEach((range, order) => (path[range.depth] = this.#builders[order]!.root()));
    return path;
  }
}
