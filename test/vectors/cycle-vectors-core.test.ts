import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { headerLine, memberLine, signedHeaderPayload, type CycleExportHeader } from '../../src/core/cycles/cycle-export.js';
import { capReductionOfAid, cycleSeedHex, cycleTotals } from '../../src/core/cycles/cycle-figures.js';
import { verifyCycleExport } from '../../src/core/cycles/export-verifier.js';
import { MerkleRootBuilder, MerkleTree, cycleLeafHash, merkleRoot } from '../../src/core/merkle/merkle.js';
import { allocate } from '../../src/core/money/allocate.js';
import { unwrap } from '../../src/core/rejection.js';
import {
  buildVectorExport,
  cycleVectors,
  figuresOf,
  linesText,
  vectorCurrency,
  vectorFileSha256,
  vectorSigner,
  vectorSnapshotAt,
  type CycleVector,
} from '../support/cycle-vectors.js';

/**
 * The core reproduces each known-answer vector exactly: the seed, the figures, the allocation
 * with caps, every member line byte for byte, the lines hash and the Merkle root; and the
 * verifier accepts the vector's own bytes under a header made from its figures.
 */

const vectors = cycleVectors();
const reduceAidVectors = vectors.filter((vector) => vector.input.cap_policy === 'reduce_aid');
const signer = vectorSigner();
const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

it('finds the four vectors unedited, each with its member lines', () => {
  expect(Object.fromEntries(vectors.map((vector) => [vector.file, vector.file_sha256_hex]))).toEqual(vectorFileSha256);
  for (const vector of vectors) expect(vector.expected.member_lines).toHaveLength(vector.expected.member_count);
  expect(reduceAidVectors).toHaveLength(1);
});

/** The header the vector describes, signed with the test key: what the verifier sees. */
function headerFromVector(vector: CycleVector): CycleExportHeader {
  const { input, expected } = vector;
  const unsigned = {
    format: 'huzhu-cycle/1' as const,
    cycle_id: input.cycle_id,
    plan_id: input.plan_id,
    currency: vectorCurrency,
    snapshot_at: vectorSnapshotAt(input.cycle_id),
    previous_root_hex: input.previous_root_hex,
    seed_hex: expected.seed_hex,
    cases: input.cases.map(({ case_id, aid_minor }) => ({ case_id, aid_minor })),
    aid_total_minor: expected.aid_total_minor,
    fee_bps: input.fee_bps,
    fee_minor: expected.fee_minor,
    surplus_in_minor: input.surplus_in_minor,
    total_minor: expected.total_minor,
    surplus_out_minor: expected.surplus_out_minor,
    weight_scheme: input.weight_scheme,
    member_count: expected.member_count,
    weight_total: expected.weight_total,
    share_total_minor: expected.share_total_minor,
    capped_total_minor: expected.capped_total_minor,
    cap_policy: input.cap_policy,
    merkle_root_hex: expected.merkle_root_hex,
    lines_sha256_hex: expected.lines_sha256_hex,
    public_key_hex: signer.public_key_hex,
  };
  return { ...unsigned, signature_hex: signer.sign(signedHeaderPayload(unsigned)) };
}

describe.each(vectors.map((vector) => [vector.name, vector] as const))('vector %s', (_name, vector) => {
  const { input, expected } = vector;

  it('is consistent with itself: the lines hash and the sums follow from its member lines', () => {
    expect(sha256Hex(linesText(expected.member_lines))).toBe(expected.lines_sha256_hex);
    expect(expected.share_total_minor + expected.capped_total_minor).toBe(expected.total_minor);
    // Several members are given out of export order, so the tests see the sort happen.
    const given = input.members.map((member) => member.member_code);
    if (given.length > 1) expect(given).not.toEqual(given.slice().sort());
  });

  it('gives the seed and the figures', () => {
    expect(cycleSeedHex(input.previous_root_hex, input.cycle_id)).toBe(expected.seed_hex);
    const aid_total_minor = input.cases.reduce((total, entry) => total + entry.aid_minor, 0n);
    expect(aid_total_minor).toBe(expected.aid_total_minor);
    expect(cycleTotals({ aid_total_minor, fee_bps: input.fee_bps, surplus_in_minor: input.surplus_in_minor })).toEqual({
      fee_minor: expected.fee_minor,
      total_minor: expected.total_minor,
      surplus_out_minor: expected.surplus_out_minor,
    });
  });

  it('allocates with caps to every member line byte for byte, the lines hash and the Merkle root', () => {
    // The members in the vector's order: allocate sorts them into export order itself.
    const allocation = unwrap(
      allocate({ total_minor: expected.total_minor, members: input.members, seed_hex: expected.seed_hex }),
    );
    expect({
      member_count: allocation.shares.length,
      weight_total: allocation.weight_total,
      share_total_minor: allocation.share_total_minor,
      capped_total_minor: allocation.capped_total_minor,
    }).toEqual({
      member_count: expected.member_count,
      weight_total: expected.weight_total,
      share_total_minor: expected.share_total_minor,
      capped_total_minor: expected.capped_total_minor,
    });
    const lines = allocation.shares.map(memberLine);
    expect(lines).toEqual(expected.member_lines);
    expect(sha256Hex(linesText(lines))).toBe(expected.lines_sha256_hex);

    const leaves = allocation.shares.map((share) => cycleLeafHash(input.cycle_id, share.member_code, share.share_minor));
    const builder = new MerkleRootBuilder();
    for (const leaf of leaves) builder.push(leaf);
    expect(builder.root().toString('hex')).toBe(expected.merkle_root_hex);
    expect(merkleRoot(leaves).toString('hex')).toBe(expected.merkle_root_hex);
    expect(new MerkleTree(leaves).root().toString('hex')).toBe(expected.merkle_root_hex);
  });

  it('builds the export with the vector figures and member lines', () => {
    const built = buildVectorExport(vector, signer);
    expect(figuresOf(built.header)).toEqual(figuresOf(vector.expected));
    const header = headerFromVector(vector);
    expect(built.header).toEqual(header);
    expect(built.text).toBe(`${headerLine(header)}\n${linesText(expected.member_lines)}`);
  });

  it("is accepted by the verifier as the vector's own bytes", () => {
    const text = `${headerLine(headerFromVector(vector))}\n${linesText(expected.member_lines)}`;
    const report = verifyCycleExport(text, { public_key_hex: signer.public_key_hex });
    expect(report).toMatchObject({
      ok: true,
      differences: [],
      member_count: expected.member_count,
      merkle_root_hex: expected.merkle_root_hex,
    });
  });
});

it.each(reduceAidVectors.map((vector) => [vector.name, vector] as const))(
  'vector %s: what the caps held back comes off the aid, pro rata',
  (_name, vector) => {
    const { input, expected } = vector;
    expect(expected.capped_total_minor).toBeGreaterThan(0n);
    const reduction = unwrap(capReductionOfAid(input.cases, expected.capped_total_minor, expected.seed_hex));
    // Up to all the aid comes off the cases; only a capped total above it would come off the fee.
    const from_aid_minor =
      expected.capped_total_minor < expected.aid_total_minor ? expected.capped_total_minor : expected.aid_total_minor;
    expect(reduction.cases.reduce((total, entry) => total + entry.reduction_minor, 0n)).toBe(from_aid_minor);
    expect(reduction.fee_reduction_minor).toBe(expected.capped_total_minor - from_aid_minor);
    for (const entry of reduction.cases) expect(entry.payable_minor).toBe(entry.aid_minor - entry.reduction_minor);
    // The header still states the aid approved, not the aid paid: the reduction is the caps' shortfall.
    expect(expected.aid_total_minor).toBe(input.cases.reduce((total, entry) => total + entry.aid_minor, 0n));
  },
);
