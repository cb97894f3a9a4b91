import { createHash } from 'node:crypto';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  MERKLE_HASH_BYTES,
  MerkleRootBuilder,
  MerkleTree,
  cycleLeafData,
  cycleLeafHash,
  emptyRoot,
  inclusionProof,
  leafHash,
  leafHashOfText,
  merkleRoot,
  merkleRootInPlace,
  nodeHash,
  proofFromHex,
  proofToHex,
  verifyInclusion,
  writeCycleLeafHash,
} from './merkle.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const fromHex = (text: string): Buffer => Buffer.from(text, 'hex');
const sha256 = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

// -----------------------------------------------------------------------------------------------
// Published vectors. Copied (not recomputed) from transparency-dev/merkle, the successor of the
// certificate-transparency-go `merkle` package; they are the classic CT/RFC 6962 test vectors.
//   rfc6962/rfc6962_test.go  (TestRFC6962Hasher)         -> HASHER_VECTORS
//   proof/verify_test.go     (leaves, roots, inclusionProofs, sha256SomeHash, sha256EmptyTreeHash)
//   proof/proof_test.go      (TestInclusion: audit paths as node ids) -> PATH_SHAPE_VECTORS
// -----------------------------------------------------------------------------------------------

/** proof/verify_test.go `leaves`: the standard eight leaf inputs, as hex bytes. */
const CT_LEAF_INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(fromHex);

/** proof/verify_test.go `sha256EmptyTreeHash`: MTH({}). */
const CT_EMPTY_ROOT = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** proof/verify_test.go `roots`: MTH(D[n]) of the first n leaf inputs, n = 1..8. */
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/** proof/verify_test.go `sha256SomeHash`: an arbitrary 32-byte value that is no node of the tree. */
const CT_SOME_HASH = 'abacaba000000000000000000000000000000000000000000060061e00123456';

/**
 * proof/verify_test.go `inclusionProofs` (the entry {0, 0, nil} is marked there as an invalid path
 * and skipped). The Go table numbers leaves from 1 (its test passes `p.leaf-1` to the verifier);
 * `index` here is that value minus one, i.e. the 0-based leaf index.
 */
const CT_INCLUSION_PROOFS: { index: number; treeSize: number; path: string[] }[] = [
  { index: 0, treeSize: 1, path: [] },
  {
    index: 0,
    treeSize: 8,
    path: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    treeSize: 8,
    path: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    index: 2,
    treeSize: 3,
    path: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'],
  },
  {
    index: 1,
    treeSize: 5,
    path: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];

/** rfc6962/rfc6962_test.go TestRFC6962Hasher. */
const HASHER_VECTORS = {
  emptyRoot: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  emptyLeaf: '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  leafL123456: '395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56',
  nodeN123N456: 'aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb',
};

/**
 * proof/proof_test.go TestInclusion: the audit path of leaf `index` in a tree of `size` leaves,
 * as node ids `id(level, index)` — the node of height `level` covering leaves
 * [index·2^level, (index+1)·2^level), clipped to the tree. `rehash: [begin, end]` means ids
 * begin..end−1 are folded into one path element (the ephemeral node covering their union).
 * The test there repeats (7,1) and (7,3); they are listed once here.
 */
type NodeId = readonly [level: number, index: number];
const PATH_SHAPE_VECTORS: { size: number; index: number; ids: NodeId[]; rehash?: [number, number] }[] = [
  { size: 1, index: 0, ids: [] },
  { size: 2, index: 0, ids: [[0, 1]] },
  { size: 2, index: 1, ids: [[0, 0]] },
  { size: 3, index: 1, ids: [[0, 0], [0, 2]] },
  { size: 7, index: 0, rehash: [2, 4], ids: [[0, 1], [1, 1], [0, 6], [1, 2]] },
  { size: 7, index: 1, rehash: [2, 4], ids: [[0, 0], [1, 1], [0, 6], [1, 2]] },
  { size: 7, index: 2, rehash: [2, 4], ids: [[0, 3], [1, 0], [0, 6], [1, 2]] },
  { size: 7, index: 3, rehash: [2, 4], ids: [[0, 2], [1, 0], [0, 6], [1, 2]] },
  { size: 7, index: 4, ids: [[0, 5], [0, 6], [2, 0]] },
  { size: 7, index: 5, ids: [[0, 4], [0, 6], [2, 0]] },
  { size: 7, index: 6, ids: [[1, 2], [2, 0]] },
  { size: 4, index: 2, ids: [[0, 3], [1, 0]] },
  { size: 5, index: 3, ids: [[0, 2], [1, 0], [0, 4]] },
  { size: 6, index: 3, ids: [[0, 2], [1, 0], [1, 2]] },
  { size: 6, index: 4, ids: [[0, 5], [2, 0]] },
  { size: 15, index: 10, rehash: [2, 4], ids: [[0, 11], [1, 4], [0, 14], [1, 6], [3, 0]] },
  { size: 31, index: 24, rehash: [2, 4], ids: [[0, 25], [1, 13], [0, 30], [1, 14], [3, 2], [4, 0]] },
  {
    size: 95,
    index: 81,
    rehash: [3, 6],
    ids: [[0, 80], [1, 41], [2, 21], [0, 94], [1, 46], [2, 22], [4, 4], [6, 0]],
  },
];

/** proof/proof_test.go TestInclusion error cases: (size, index) pairs with no audit path. */
const PATH_SHAPE_ERRORS = [
  { size: 0, index: 0 },
  { size: 0, index: 1 },
  { size: 1, index: 2 },
  { size: 0, index: 3 },
  { size: 7, index: 8 },
];

// -----------------------------------------------------------------------------------------------
// Helpers
// -----------------------------------------------------------------------------------------------

/** Distinct leaf hashes (distinct inputs): needed where "another index must fail" is asserted. */
function distinctLeaves(count: number, salt: string): Buffer[] {
  return Array.from({ length: count }, (_, position) => leafHash(Buffer.from(`${salt}:${position}`, 'utf8')));
}

function flipByte(bytes: Uint8Array, offset: number, mask: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[offset] = (copy[offset] ?? 0) ^ mask;
  return copy;
}

/** Every way the brief says a valid proof must stop verifying, as (description, check) pairs. */
function tamperedChecks(
  leaves: readonly Buffer[],
  index: number,
  proof: readonly Buffer[],
  root: Buffer,
  pick: { element: number; byte: number; mask: number; otherIndex: number },
): [string, Parameters<typeof verifyInclusion>[0]][] {
  const treeSize = leaves.length;
  const leaf = leaves[index] as Buffer;
  const base = { leafHash: leaf, index, treeSize, proof, root };
  const checks: [string, Parameters<typeof verifyInclusion>[0]][] = [
    ['leaf hash byte flipped', { ...base, leafHash: flipByte(leaf, pick.byte, pick.mask) }],
    ['root byte flipped', { ...base, root: flipByte(root, pick.byte, pick.mask) }],
    ['index = treeSize', { ...base, index: treeSize }],
    ['index − 1 below zero or another leaf', { ...base, index: index - 1 }],
    ['fractional index', { ...base, index: index + 0.5 }],
    ['proof extended at the end', { ...base, proof: [...proof, leaf] }],
    ['proof extended at the front', { ...base, proof: [root, ...proof] }],
    ['proof extended with garbage', { ...base, proof: [...proof, Buffer.alloc(0)] }],
  ];
  if (treeSize > 1) {
    const other = (index + 1 + (pick.otherIndex % (treeSize - 1))) % treeSize;
    checks.push([`another index ${other}`, { ...base, index: other }]);
  }
  if (proof.length > 0) {
    const element = pick.element % proof.length;
    const altered = proof.map((node, position) =>
      position === element ? flipByte(node, pick.byte, pick.mask) : node,
    );
    checks.push([`proof[${element}] byte ${pick.byte} flipped`, { ...base, proof: altered }]);
    checks.push(['proof truncated at the end', { ...base, proof: proof.slice(0, -1) }]);
    checks.push(['proof truncated at the front', { ...base, proof: proof.slice(1) }]);
    checks.push(['proof element shortened', { ...base, proof: proof.map((node) => node.subarray(0, 31)) }]);
  }
  return checks;
}

// -----------------------------------------------------------------------------------------------
// Tests
// -----------------------------------------------------------------------------------------------

describe('RFC 6962 hashing', () => {
  it('matches the transparency-dev/merkle hasher vectors', () => {
    expect(hex(emptyRoot())).toBe(HASHER_VECTORS.emptyRoot);
    expect(hex(leafHash(new Uint8Array(0)))).toBe(HASHER_VECTORS.emptyLeaf);
    expect(hex(leafHash(Buffer.from('L123456', 'utf8')))).toBe(HASHER_VECTORS.leafL123456);
    // HashChildren takes raw bytes, not 32-byte hashes, in that vector.
    expect(hex(nodeHash(Buffer.from('N123'), Buffer.from('N456')))).toBe(HASHER_VECTORS.nodeN123N456);
  });

  it('separates leaves from nodes (second-preimage resistance of the prefixes)', () => {
    const left = leafHash(Buffer.from('Hello'));
    const right = leafHash(Buffer.from('World'));
    expect(nodeHash(left, right).equals(leafHash(Buffer.concat([left, right])))).toBe(false);
    expect(nodeHash(left, right).equals(nodeHash(right, left))).toBe(false);
  });

  it('builds a cycle leaf from utf8(cycle_id|member_code|share_minor)', () => {
    expect(cycleLeafData('2024-06-14', 'M000123', 1234n).toString('utf8')).toBe('2024-06-14|M000123|1234');
    expect(cycleLeafData('c1', 'm', 0n).toString('utf8')).toBe('c1|m|0');
    expect(cycleLeafData('c1', 'm', 12345678901234567890123n).toString('utf8')).toBe('c1|m|12345678901234567890123');
    // UTF-8, not UTF-16 or latin1.
    expect(hex(cycleLeafData('周期', '会员', 7n))).toBe(hex(Buffer.from('周期|会员|7', 'utf8')));
    expect(hex(cycleLeafHash('2024-06-14', 'M000123', 1234n))).toBe(
      hex(sha256(Buffer.from([0]), Buffer.from('2024-06-14|M000123|1234', 'utf8'))),
    );
  });

  it('hashes a text leaf as the leaf of its UTF-8 bytes, whatever characters it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(hex(leafHashOfText(text))).toBe(hex(leafHash(Buffer.from(text, 'utf8'))));
      }),
    );
    expect(hex(leafHashOfText('closure:计划|会员|1'))).toBe(hex(sha256(Buffer.from([0]), Buffer.from('closure:计划|会员|1', 'utf8'))));
  });
});

describe('roots', () => {
  const ctLeafHashes = CT_LEAF_INPUTS.map((input) => leafHash(input));

  it('the empty tree is SHA-256 of nothing', () => {
    expect(hex(merkleRoot([]))).toBe(CT_EMPTY_ROOT);
    expect(hex(new MerkleRootBuilder().root())).toBe(CT_EMPTY_ROOT);
    expect(hex(new MerkleTree([]).root())).toBe(CT_EMPTY_ROOT);
  });

  it('matches the CT roots for 1..8 leaves, in all three constructions', () => {
    const builder = new MerkleRootBuilder();
    CT_ROOTS.forEach((expected, position) => {
      const size = position + 1;
      const leaves = ctLeafHashes.slice(0, size);
      builder.push(ctLeafHashes[position] as Buffer);
      expect(hex(merkleRoot(leaves)), `merkleRoot(${size})`).toBe(expected);
      expect(hex(builder.root()), `builder(${size})`).toBe(expected);
      expect(builder.size).toBe(size);
      expect(hex(new MerkleTree(leaves).root()), `MerkleTree(${size})`).toBe(expected);
    });
  });

  it('rejects leaf hashes that are not 32 bytes (a caller bug)', () => {
    expect(() => merkleRoot([Buffer.alloc(31)])).toThrow(/invariant/);
    expect(() => new MerkleRootBuilder().push(Buffer.alloc(33))).toThrow(/invariant/);
    expect(() => new MerkleTree([Buffer.alloc(0)])).toThrow(/invariant/);
  });
});

describe('MerkleRootBuilder (streaming)', () => {
  it('equals merkleRoot for every size from 0 to 300, and keeps going after root()', () => {
    const leaves = distinctLeaves(300, 'stream');
    const builder = new MerkleRootBuilder();
    expect(builder.root().equals(merkleRoot([]))).toBe(true);
    for (let size = 1; size <= 300; size += 1) {
      builder.push(leaves[size - 1] as Buffer);
      expect(builder.size).toBe(size);
      expect(hex(builder.root()), `size ${size}`).toBe(hex(merkleRoot(leaves.slice(0, size))));
    }
  });

  it('equals merkleRoot and MerkleTree for random leaf sets (duplicates allowed)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 600 }), (inputs) => {
        const leaves = inputs.map((input) => leafHash(input));
        const builder = new MerkleRootBuilder();
        for (const leaf of leaves) builder.push(leaf);
        const expected = merkleRoot(leaves);
        expect(builder.root().equals(expected)).toBe(true);
        expect(new MerkleTree(leaves).root().equals(expected)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('equals merkleRoot on a large tree (2^17 + 3 leaves)', () => {
    const leaves = distinctLeaves(2 ** 17 + 3, 'large');
    const builder = new MerkleRootBuilder();
    for (const leaf of leaves) builder.push(leaf);
    expect(hex(builder.root())).toBe(hex(merkleRoot(leaves)));
  });

  it('copies pushed leaves, so a caller reusing its buffer cannot alter the root', () => {
    const leaves = distinctLeaves(5, 'copy');
    const builder = new MerkleRootBuilder();
    const scratch = Buffer.alloc(MERKLE_HASH_BYTES);
    for (const leaf of leaves) {
      leaf.copy(scratch);
      builder.push(scratch);
    }
    scratch.fill(0);
    expect(hex(builder.root())).toBe(hex(merkleRoot(leaves)));
  });

  it('commits to the leaf count: [a,b,c] and [a,b,c,c] differ (unlike Bitcoin-style trees)', () => {
    const [a, b, c] = distinctLeaves(3, 'count') as [Buffer, Buffer, Buffer];
    expect(merkleRoot([a, b, c]).equals(merkleRoot([a, b, c, c]))).toBe(false);
  });
});

describe('inclusion proofs: published vectors', () => {
  const ctLeafHashes = CT_LEAF_INPUTS.map((input) => leafHash(input));

  for (const vector of CT_INCLUSION_PROOFS) {
    it(`audit path of leaf ${vector.index} in a tree of ${vector.treeSize}`, () => {
      const leaves = ctLeafHashes.slice(0, vector.treeSize);
      const root = fromHex(CT_ROOTS[vector.treeSize - 1] as string);
      const leaf = leaves[vector.index] as Buffer;
      const proof = vector.path.map(fromHex);

      expect(proofToHex(inclusionProof(leaves, vector.index))).toEqual(vector.path);
      expect(proofToHex(new MerkleTree(leaves).proof(vector.index))).toEqual(vector.path);
      expect(verifyInclusion({ leafHash: leaf, index: vector.index, treeSize: vector.treeSize, proof, root })).toBe(true);

      // The corruptions of corruptInclusionProof() in proof/verify_test.go.
      const { index, treeSize } = vector;
      const probes: [string, Parameters<typeof verifyInclusion>[0]][] = [
        ['leafIndex - 1', { leafHash: leaf, index: index - 1, treeSize, proof, root }],
        ['leafIndex + 1', { leafHash: leaf, index: index + 1, treeSize, proof, root }],
        ['leafIndex ^ 2', { leafHash: leaf, index: index ^ 2, treeSize, proof, root }],
        ['treeSize * 2', { leafHash: leaf, index, treeSize: treeSize * 2, proof, root }],
        ['treeSize / 2', { leafHash: leaf, index, treeSize: Math.floor(treeSize / 2), proof, root }],
        ['wrong leaf', { leafHash: Buffer.from('WrongLeaf'), index, treeSize, proof, root }],
        ['empty root', { leafHash: leaf, index, treeSize, proof, root: fromHex(CT_EMPTY_ROOT) }],
        ['random root', { leafHash: leaf, index, treeSize, proof, root: fromHex(CT_SOME_HASH) }],
        ['trailing garbage', { leafHash: leaf, index, treeSize, proof: [...proof, Buffer.alloc(0)], root }],
        ['trailing root', { leafHash: leaf, index, treeSize, proof: [...proof, root], root }],
        ['preceding garbage', { leafHash: leaf, index, treeSize, proof: [Buffer.alloc(0), ...proof], root }],
        ['preceding root', { leafHash: leaf, index, treeSize, proof: [root, ...proof], root }],
      ];
      proof.forEach((_, element) => {
        const altered = proof.map((node, position) => (position === element ? flipByte(node, 0, 8) : node));
        probes.push([`modified proof[${element}] bit 3`, { leafHash: leaf, index, treeSize, proof: altered, root }]);
      });
      if (proof.length > 0) {
        probes.push(['removed component', { leafHash: leaf, index, treeSize, proof: proof.slice(0, -1), root }]);
      }
      if (proof.length > 1) {
        const inserted = [proof[0] as Buffer, fromHex(CT_SOME_HASH), ...proof.slice(1)];
        probes.push(['inserted component', { leafHash: leaf, index, treeSize, proof: inserted, root }]);
      }
      for (const [description, probe] of probes) {
        expect(verifyInclusion(probe), description).toBe(false);
      }
    });
  }

  it('single-entry trees and degenerate sizes (TestVerifyInclusionSingleEntry, TestVerifyInclusion)', () => {
    const hash = leafHash(Buffer.from('data'));
    const empty = Buffer.alloc(0);
    expect(verifyInclusion({ leafHash: hash, index: 0, treeSize: 1, proof: [], root: hash })).toBe(true);
    expect(verifyInclusion({ leafHash: empty, index: 0, treeSize: 1, proof: [], root: hash })).toBe(false);
    expect(verifyInclusion({ leafHash: hash, index: 0, treeSize: 1, proof: [], root: empty })).toBe(false);
    expect(verifyInclusion({ leafHash: empty, index: 0, treeSize: 1, proof: [], root: empty })).toBe(false);

    const someHash = fromHex(CT_SOME_HASH);
    const emptyTree = fromHex(CT_EMPTY_ROOT);
    for (const [index, treeSize] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [2, 1],
    ] as const) {
      expect(verifyInclusion({ leafHash: someHash, index, treeSize, proof: [], root: empty })).toBe(false);
      expect(verifyInclusion({ leafHash: empty, index, treeSize, proof: [], root: emptyTree })).toBe(false);
      expect(verifyInclusion({ leafHash: someHash, index, treeSize, proof: [], root: emptyTree })).toBe(false);
    }
  });

  it('audit path shapes match proof/proof_test.go TestInclusion', () => {
    const leaves = distinctLeaves(95, 'shape');
    for (const vector of PATH_SHAPE_VECTORS) {
      const tree = leaves.slice(0, vector.size);
      const ranges = vector.ids.map(([level, index]): [number, number] => [
        index * 2 ** level,
        Math.min((index + 1) * 2 ** level, vector.size),
      ]);
      if (vector.rehash !== undefined) {
        const [begin, end] = vector.rehash;
        const folded = ranges.slice(begin, end);
        const union: [number, number] = [
          Math.min(...folded.map(([from]) => from)),
          Math.max(...folded.map(([, to]) => to)),
        ];
        ranges.splice(begin, end - begin, union);
      }
      const expected = ranges.map(([from, to]) => hex(merkleRoot(tree.slice(from, to))));
      const label = `size ${vector.size} index ${vector.index}`;
      expect(proofToHex(inclusionProof(tree, vector.index)), label).toEqual(expected);
      expect(proofToHex(new MerkleTree(tree).proof(vector.index)), label).toEqual(expected);
    }
    for (const { size, index } of PATH_SHAPE_ERRORS) {
      expect(() => inclusionProof(leaves.slice(0, size), index)).toThrow(/invariant/);
      expect(() => new MerkleTree(leaves.slice(0, size)).proof(index)).toThrow(/invariant/);
    }
  });
});

describe('inclusion proofs: properties', () => {
  it('every leaf of every tree up to 64 leaves verifies; every single-byte change of anything fails', () => {
    for (let size = 1; size <= 64; size += 1) {
      const leaves = distinctLeaves(size, `exhaustive-${size}`);
      const root = merkleRoot(leaves);
      const tree = new MerkleTree(leaves);
      for (let index = 0; index < size; index += 1) {
        const proof = inclusionProof(leaves, index);
        expect(proofToHex(tree.proof(index))).toEqual(proofToHex(proof));
        const leaf = leaves[index] as Buffer;
        expect(verifyInclusion({ leafHash: leaf, index, treeSize: size, proof, root })).toBe(true);
        for (let other = 0; other < size; other += 1) {
          if (other === index) continue;
          expect(verifyInclusion({ leafHash: leaf, index: other, treeSize: size, proof, root })).toBe(false);
        }
        if (size > 16) continue; // every byte of every element: kept to the smaller trees for speed
        for (let element = 0; element < proof.length; element += 1) {
          for (let byte = 0; byte < MERKLE_HASH_BYTES; byte += 1) {
            const altered = proof.map((node, position) => (position === element ? flipByte(node, byte, 0x01) : node));
            expect(verifyInclusion({ leafHash: leaf, index, treeSize: size, proof: altered, root })).toBe(false);
          }
        }
      }
    }
  });

  it('random trees of 1..200 leaves: every leaf verifies, and tampering fails', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.string({ maxLength: 8 }),
        fc.nat(),
        fc.record({
          element: fc.nat(),
          byte: fc.nat({ max: MERKLE_HASH_BYTES - 1 }),
          mask: fc.integer({ min: 1, max: 255 }),
          otherIndex: fc.nat(),
        }),
        (size, salt, indexPick, pick) => {
          const leaves = distinctLeaves(size, salt);
          const root = merkleRoot(leaves);
          const tree = new MerkleTree(leaves);
          expect(tree.root().equals(root)).toBe(true);
          for (let index = 0; index < size; index += 1) {
            const proof = tree.proof(index);
            const leaf = leaves[index] as Buffer;
            expect(verifyInclusion({ leafHash: leaf, index, treeSize: size, proof, root })).toBe(true);
          }
          const index = indexPick % size;
          const proof = inclusionProof(leaves, index);
          expect(proofToHex(proof)).toEqual(proofToHex(tree.proof(index)));
          for (const [description, check] of tamperedChecks(leaves, index, proof, root, pick)) {
            expect(verifyInclusion(check), description).toBe(false);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('proof lengths: ⌈log2 n⌉ for the last leaf, and never more', () => {
    for (const size of [1, 2, 3, 4, 5, 8, 9, 255, 256, 257]) {
      const leaves = distinctLeaves(size, 'length');
      const tree = new MerkleTree(leaves);
      const depth = Math.ceil(Math.log2(size));
      for (let index = 0; index < size; index += 1) {
        expect(tree.proof(index).length).toBeLessThanOrEqual(depth);
      }
      expect(tree.proof(0).length).toBe(depth);
    }
  });

  it('verifyInclusion never throws on malformed input', () => {
    const leaves = distinctLeaves(4, 'malformed');
    const root = merkleRoot(leaves);
    const leaf = leaves[1] as Buffer;
    const proof = inclusionProof(leaves, 1);
    for (const [index, treeSize] of [
      [Number.NaN, 4],
      [1, Number.NaN],
      [1, Number.POSITIVE_INFINITY],
      [-1, 4],
      [1, 2 ** 60],
    ]) {
      expect(verifyInclusion({ leafHash: leaf, index: index as number, treeSize: treeSize as number, proof, root })).toBe(false);
    }
    const tooLong = Array.from({ length: 65 }, () => root);
    expect(verifyInclusion({ leafHash: leaf, index: 1, treeSize: 4, proof: tooLong, root })).toBe(false);
  });
});

describe('hex encoding of proofs', () => {
  it('round-trips lower-case hex', () => {
    const leaves = distinctLeaves(13, 'hex');
    const proof = inclusionProof(leaves, 6);
    const encoded = proofToHex(proof);
    for (const element of encoded) expect(element).toMatch(/^[0-9a-f]{64}$/);
    const decoded = proofFromHex(encoded);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(proofToHex(decoded.value)).toEqual(encoded);
    expect(proofFromHex([])).toEqual({ ok: true, value: [] });
  });

  it('accepts upper-case hex as the same bytes', () => {
    const element = 'ab'.repeat(32);
    const decoded = proofFromHex([element.toUpperCase()]);
    expect(decoded.ok && proofToHex(decoded.value)).toEqual([element]);
  });

  it('rejects non-hex and wrong-length elements with MERKLE_BAD_PROOF', () => {
    const good = '00'.repeat(32);
    const bad: unknown[][] = [
      ['zz'.repeat(32)],
      [good, 'g' + good.slice(1)],
      ['00'.repeat(31)], // 31 bytes
      ['00'.repeat(33)], // 33 bytes
      [good.slice(1)], // odd length
      [good + '0'], // odd length
      [''],
      ['0x' + '00'.repeat(31)],
      [' ' + good],
      [good + '\n'],
      [good, 42],
      [null],
      [Buffer.alloc(32)],
      Array.from({ length: 65 }, () => good), // longer than any tree of safe-integer size
    ];
    for (const input of bad) {
      const result = proofFromHex(input as string[]);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) expect(result.rejection.code).toBe('MERKLE_BAD_PROOF');
    }
    const notArray = proofFromHex('00' as unknown as string[]);
    expect(!notArray.ok && notArray.rejection.code).toBe('MERKLE_BAD_PROOF');
  });

  it('a proof survives hex and still verifies', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.nat(), (size, indexPick) => {
        const leaves = distinctLeaves(size, 'hex-verify');
        const index = indexPick % size;
        const decoded = proofFromHex(proofToHex(inclusionProof(leaves, index)));
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) return;
        const leaf = leaves[index] as Buffer;
        expect(verifyInclusion({ leafHash: leaf, index, treeSize: size, proof: decoded.value, root: merkleRoot(leaves) })).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe('StreamingInclusionProof', () => {
  it('gives the same audit path as inclusionProof for every leaf of trees of 1 to 70 leaves', async () => {
    const { StreamingInclusionProof } = await import('./streaming-proof.js');
    for (let size = 1; size <= 70; size += 1) {
      const leaves = Array.from({ length: size }, (_, index) => leafHash(Buffer.from(`leaf ${index}`)));
      for (let index = 0; index < size; index += 1) {
        const streaming = new StreamingInclusionProof(size, index);
        for (const leaf of leaves) streaming.push(leaf);
        expect(proofToHex(streaming.proof())).toEqual(proofToHex(inclusionProof(leaves, index)));
      }
    }
  });

  it('resumed at the leaf from the frontier of the leaves before it, gives the same path', async () => {
    const { StreamingInclusionProof } = await import('./streaming-proof.js');
    for (let size = 1; size <= 70; size += 1) {
      const leaves = Array.from({ length: size }, (_, index) => leafHash(Buffer.from(`leaf ${index}`)));
      const before = new MerkleRootBuilder();
      for (let index = 0; index < size; index += 1) {
        const streaming = StreamingInclusionProof.resumeAt(size, index, before.frontier());
        for (const leaf of leaves.slice(index)) streaming.push(leaf);
        expect(proofToHex(streaming.proof()), `size ${size} index ${index}`).toEqual(proofToHex(inclusionProof(leaves, index)));
        before.push(leaves[index]!);
      }
    }
  });

  it('refuses a frontier that is not the leaf\'s left siblings', async () => {
    const { StreamingInclusionProof } = await import('./streaming-proof.js');
    // Leaf 3 has two left siblings (leaves 0-1 and leaf 2); one root is not enough.
    expect(() => StreamingInclusionProof.resumeAt(8, 3, [leafHash(Buffer.from('x'))])).toThrow(/left sibling/);
  });
});

describe('cycleLeafHash', () => {
  it('is leafHash over cycleLeafData for any cycle id, member code (any Unicode) and share', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme', minLength: 1 }), fc.bigInt({ min: 0n, max: 10n ** 15n }), (cycle_id, member_code, share_minor) => {
        expect(cycleLeafHash(cycle_id, member_code, share_minor).equals(leafHash(cycleLeafData(cycle_id, member_code, share_minor)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('writeCycleLeafHash', () => {
  it('writes cycleLeafHash at the offset and nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme', minLength: 1 }), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.nat(4), (cycle_id, member_code, share_minor, slot) => {
        const target = Buffer.alloc(6 * MERKLE_HASH_BYTES, 0xab);
        writeCycleLeafHash(target, slot * MERKLE_HASH_BYTES, cycle_id, member_code, share_minor);
        const expected = Buffer.alloc(6 * MERKLE_HASH_BYTES, 0xab);
        cycleLeafHash(cycle_id, member_code, share_minor).copy(expected, slot * MERKLE_HASH_BYTES);
        expect(hex(target)).toBe(hex(expected));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses an offset where the hash does not fit (a caller bug)', () => {
    expect(() => writeCycleLeafHash(Buffer.alloc(40), 9, 'c', 'M1', 1n)).toThrow();
  });
});

describe('merkleRootInPlace', () => {
  it('equals merkleRoot for every size from 0 to 300 and for block sizes around powers of two', () => {
    const sizes = [...Array.from({ length: 301 }, (_, size) => size), 511, 512, 513, 1023, 1024, 1025, 4097];
    for (const size of sizes) {
      const leaves = Array.from({ length: size }, (_, index) => leafHash(Buffer.from(`leaf ${index}`)));
      // Room for more hashes than are counted: only the first `size` are the level.
      const level = Buffer.alloc((size + 3) * MERKLE_HASH_BYTES, 0x5a);
      leaves.forEach((leaf, index) => leaf.copy(level, index * MERKLE_HASH_BYTES));
      expect(hex(merkleRootInPlace(level, size)), `size ${size}`).toBe(hex(merkleRoot(leaves)));
    }
  });

  it('equals merkleRoot for random leaves, duplicates allowed (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 200 }), (leaves) => {
        const level = Buffer.concat(leaves.map((leaf) => Buffer.from(leaf)));
        expect(hex(merkleRootInPlace(level, leaves.length))).toBe(hex(merkleRoot(leaves)));
      }),
    );
  });

  it('refuses a count the level cannot hold (a caller bug)', () => {
    expect(() => merkleRootInPlace(Buffer.alloc(64), 3)).toThrow();
  });
});

describe('chunkedInclusionProof', () => {
  it('equals the whole tree\'s audit path for trees across chunk boundaries', async () => {
    const { chunkedInclusionProof, PROOF_CHUNK_LEAVES } = await import('./chunked-proof.js');
    for (const size of [1, 2, 1023, 1024, 1025, 2048, 3000, 4097]) {
      const leaves = Array.from({ length: size }, (_, index) => leafHash(Buffer.from(`leaf ${index}`)));
      const roots: Buffer[] = [];
      for (let start = 0; start < size; start += PROOF_CHUNK_LEAVES) roots.push(merkleRoot(leaves.slice(start, start + PROOF_CHUNK_LEAVES)));
      const tree = new MerkleTree(leaves);
      // The tree over the chunk roots has the same root as the tree over all leaves.
      expect(merkleRoot(roots).equals(tree.root())).toBe(true);
      for (const index of new Set([0, 1, size - 1, Math.floor(size / 2), 1023, 1024].filter((candidate) => candidate < size))) {
        const chunk = Math.floor(index / PROOF_CHUNK_LEAVES);
        const proof = chunkedInclusionProof(leaves.slice(chunk * PROOF_CHUNK_LEAVES, (chunk + 1) * PROOF_CHUNK_LEAVES), index % PROOF_CHUNK_LEAVES, roots, chunk);
        expect(proofToHex(proof), `size ${size} index ${index}`).toEqual(proofToHex(inclusionProof(leaves, index)));
      }
    }
  });

  it('equals the whole tree\'s audit path for every block size that is a power of two', async () => {
    const { chunkedInclusionProof } = await import('./chunked-proof.js');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 0, max: 5 }), fc.nat(), (size, log_block, pick) => {
        const block_leaves = 2 ** log_block;
        const leaves = Array.from({ length: size }, (_, index) => leafHash(Buffer.from(`leaf ${index}`)));
        const roots: Buffer[] = [];
        for (let start = 0; start < size; start += block_leaves) roots.push(merkleRoot(leaves.slice(start, start + block_leaves)));
        const index = pick % size;
        const chunk = Math.floor(index / block_leaves);
        const proof = chunkedInclusionProof(leaves.slice(chunk * block_leaves, (chunk + 1) * block_leaves), index % block_leaves, roots, chunk, block_leaves);
        expect(proofToHex(proof)).toEqual(proofToHex(inclusionProof(leaves, index)));
      }),
    );
  });

  it('refuses a block size that is not a power of two (its blocks are not nodes of the tree)', async () => {
    const { chunkedInclusionProof } = await import('./chunked-proof.js');
    const leaves = [leafHash(Buffer.from('a')), leafHash(Buffer.from('b')), leafHash(Buffer.from('c'))];
    expect(() => chunkedInclusionProof(leaves, 0, [merkleRoot(leaves)], 0, 3)).toThrow(/power of two/);
  });
});
