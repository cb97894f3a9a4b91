import { createHash, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MerkleTree, cycleLeafHash, emptyRoot, proofToHex } from '../merkle/merkle.js';
import type { AllocationMember } from '../money/allocate.js';
import { buildCycleExport, type BuiltCycleExport, type CycleExportInput, type CycleExportSigner } from './build-cycle-export.js';
import { headerLine, memberLine, signedHeaderPayload, type CycleExportHeader, type CycleExportLine } from './cycle-export.js';
import { CLOSING_CYCLE_FEE_BPS } from './closing-cycle.js';
import { GENESIS_ROOT_HEX } from './cycle-figures.js';
import { CycleExportVerifier, ExportLineSplitter, parseMemberProof, verifyCycleExport, type MemberProof } from './export-verifier.js';

function makeSigner(): CycleExportSigner {
  const { privateKey } = generateKeyPairSync('ed25519');
  return signerOf(privateKey);
}

function signerOf(privateKey: KeyObject): CycleExportSigner {
  // The raw ed25519 public key is the last 32 bytes of its SPKI DER encoding.
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return {
    public_key_hex: spki.subarray(spki.length - 32).toString('hex'),
    sign: (payload) => sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('hex'),
  };
}

const signer = makeSigner();

function build(overrides: Partial<CycleExportInput> & { members: AllocationMember[] }): BuiltCycleExport {
  const result = buildCycleExport({
    cycle_id: 'cycle-2024-07-14',
    plan_id: 'critical-illness',
    currency: 'CNY',
    snapshot_at: '2024-07-07T00:00:00.000Z',
    previous_root_hex: GENESIS_ROOT_HEX,
    cases: [
      { case_id: 'C-0001', aid_minor: 1_000n },
      { case_id: 'C-0002', aid_minor: 333n },
    ],
    fee_bps: 800,
    surplus_in_minor: 0n,
    weight_scheme: 'age-bands',
    cap_policy: 'backstop',
    signer,
    ...overrides,
  });
  if (!result.ok) throw new Error(result.rejection.message);
  return result.value;
}

const member = (member_code: string, weight: bigint, cap_room_minor: bigint | null = null): AllocationMember => ({ member_code, weight, cap_room_minor });

/**
 * Five members, two cases: T = 1333 + 106 fee = 1439 over weights 1+1+2+1+3 = 8, so remainders
 * and leftover units; one non-ASCII code. Caps of every kind: two binding (M-B2 at 150, 会员-E5 at
 * 0), two that do not bind (M-A1 at 500, a little above its share of 179 or 180, and M-D4 far
 * above it), and one uncapped (M-C3). A cap that does not bind enters no sum, leaf or check, so
 * only lines_sha256_hex covers it.
 */
const small = build({
  members: [member('M-A1', 1n, 500n), member('M-B2', 1n, 150n), member('M-C3', 2n), member('M-D4', 1n, 90_000_000n), member('会员-E5', 3n, 0n)],
});

/** SHA-256 of the member lines' bytes, each with its "\n": what the header's lines_sha256_hex holds. */
function linesHashOf(lines: CycleExportLine[]): string {
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${memberLine(line)}\n`, 'utf8');
  return hash.digest('hex');
}

/**
 * Re-signs a header after an edit, as a dishonest operator could; given the member lines, it also
 * recomputes their hash, so that only the arithmetic can catch the edit.
 */
function resign(header: CycleExportHeader, lines?: CycleExportLine[]): CycleExportHeader {
  const { signature_hex: _old, ...unsigned } = header;
  if (lines !== undefined) unsigned.lines_sha256_hex = linesHashOf(lines);
  return { ...unsigned, signature_hex: signer.sign(signedHeaderPayload(unsigned)) };
}

function fileOf(header: CycleExportHeader, lines: CycleExportLine[]): string {
  return [headerLine(header), ...lines.map(memberLine)].map((line) => `${line}\n`).join('');
}

function rootOf(cycle_id: string, lines: CycleExportLine[]): MerkleTree {
  return new MerkleTree(lines.map((line) => cycleLeafHash(cycle_id, line.member_code, line.share_minor)));
}

function proofFor(built: BuiltCycleExport, index: number): MemberProof {
  const tree = rootOf(built.header.cycle_id, built.lines);
  const line = built.lines[index]!;
  return {
    format: 'huzhu-proof/1',
    cycle_id: built.header.cycle_id,
    member_code: line.member_code,
    share_minor: line.share_minor.toString(),
    leaf_index: index,
    tree_size: built.lines.length,
    merkle_root_hex: tree.root().toString('hex'),
    proof_hex: proofToHex(tree.proof(index)),
  };
}

describe('the cycle export verifier', () => {
  it('accepts the export built from the inputs, and reports the root and count', () => {
    expect(small.header.total_minor).toBe(1_439n);
    expect(small.header.capped_total_minor > 0n).toBe(true);
    expect(small.lines.map((line) => line.member_code)).toEqual(['M-A1', 'M-B2', 'M-C3', 'M-D4', '会员-E5']);
    // The lines hash is over the file's bytes after the header line's "\n".
    const afterHeader = Buffer.from(small.text, 'utf8').subarray(Buffer.from(small.text, 'utf8').indexOf(0x0a) + 1);
    expect(small.header.lines_sha256_hex).toBe(createHash('sha256').update(afterHeader).digest('hex'));
    expect(small.header.lines_sha256_hex).toBe(linesHashOf(small.lines));
    const report = verifyCycleExport(small.text, { public_key_hex: signer.public_key_hex });
    expect(report).toEqual({
      ok: true,
      differences: [],
      member_count: 5,
      merkle_root_hex: small.header.merkle_root_hex,
      cycle_id: 'cycle-2024-07-14',
      member: null,
    });
  });

  it('accepts random cycles: weights, caps, ties, surplus, 1–300 members (fast-check)', () => {
    const members = fc.uniqueArray(
      fc.record({
        member_code: fc.oneof(fc.stringMatching(/^[A-Z0-9]{1,6}$/), fc.string({ minLength: 1, maxLength: 4, unit: 'grapheme' })),
        weight: fc.oneof(fc.constant(1n), fc.bigInt({ min: 1n, max: 5n }), fc.bigInt({ min: 1n, max: 1_000_000n })),
        cap_room_minor: fc.option(fc.bigInt({ min: 0n, max: 2_000n }), { nil: null }),
      }),
      { minLength: 1, maxLength: 300, selector: (entry) => entry.member_code },
    );
    const cycles = fc.record({
      members,
      aids: fc.array(fc.bigInt({ min: 0n, max: 5_000_000n }), { maxLength: 3 }),
      fee_bps: fc.integer({ min: 0, max: 2_000 }),
      surplus_in_minor: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 6_000_000n })),
      cap_policy: fc.constantFrom('backstop' as const, 'reduce_aid' as const),
      proof_at: fc.nat(),
    });
    fc.assert(
      fc.property(cycles, ({ members, aids, fee_bps, surplus_in_minor, cap_policy, proof_at }) => {
        const built = build({
          members,
          cases: aids.map((aid_minor, index) => ({ case_id: `C-${index}`, aid_minor })),
          fee_bps,
          surplus_in_minor,
          cap_policy,
        });
        const proof = proofFor(built, proof_at % built.lines.length);
        const report = verifyCycleExport(built.text, { public_key_hex: signer.public_key_hex, member: { member_code: proof.member_code, proof } });
        expect(report.differences).toEqual([]);
        expect(report.ok).toBe(true);
        expect(report.member_count).toBe(members.length);
      }),
      { numRuns: 60 },
    );
  });

  it('fails when any single byte of the export changes, non-binding cap rooms included', () => {
    // The export must hold every kind of cap room, or this proves less than it says.
    const caps = small.lines.map(({ cap_room_minor, share_minor, capped_minor }) =>
      cap_room_minor === null ? 'none' : cap_room_minor > share_minor + capped_minor ? 'loose' : 'binding',
    );
    expect(new Set(caps)).toEqual(new Set(['none', 'loose', 'binding']));
    expect(small.lines.some((line) => line.cap_room_minor !== null && line.cap_room_minor > 1_000n * (line.share_minor + line.capped_minor))).toBe(true);
    const bytes = Buffer.from(small.text, 'utf8');
    const otherOfClass = (byte: number): number => {
      const char = String.fromCharCode(byte);
      if (/[0-9]/.test(char)) return 0x30 + ((byte - 0x30 + 3) % 10);
      if (/[a-z]/.test(char)) return 0x61 + ((byte - 0x61 + 7) % 26);
      if (/[A-Z]/.test(char)) return 0x41 + ((byte - 0x41 + 7) % 26);
      return byte === 0x20 ? 0x21 : 0x20;
    };
    let checked = 0;
    for (let offset = 0; offset < bytes.length; offset += 1) {
      const original = bytes[offset]!;
      for (const replacement of new Set([original ^ 0x01, otherOfClass(original), 0x0a, 0x00])) {
        if (replacement === original) continue;
        const changed = Buffer.from(bytes);
        changed[offset] = replacement;
        const report = verifyCycleExport(changed);
        if (report.ok || report.differences.length === 0) {
          throw new Error(`byte ${offset} changed from ${original} to ${replacement} went unnoticed`);
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(3 * bytes.length);
  });

  it('detects a cap room that does not bind changed to another that does not bind', () => {
    // Formerly a known gap: such a cap room enters no sum or leaf, only the signed lines hash.
    const loose = build({ members: [member('M-1', 1n, 100_000n), member('M-2', 1n)] });
    const edited = loose.text.replace('"cap_room_minor":"100000"', '"cap_room_minor":"900000"');
    expect(edited).not.toBe(loose.text);
    const report = verifyCycleExport(edited);
    expect(report.ok).toBe(false);
    const editedLines = loose.lines.map((line) => (line.member_code === 'M-1' ? { ...line, cap_room_minor: 900_000n } : line));
    expect(report.differences).toEqual([
      `header lines_sha256_hex is ${loose.header.lines_sha256_hex} but the member lines hash to ${linesHashOf(editedLines)}`,
    ]);
    // Its root and sums are unchanged, so nothing else could have caught it.
    expect(report.merkle_root_hex).toBe(loose.header.merkle_root_hex);

    // The operator cannot move the hash without re-signing: a header carrying the new lines' hash
    // under the old signature fails the signature instead.
    const rehashed = fileOf({ ...loose.header, lines_sha256_hex: linesHashOf(editedLines) }, editedLines);
    expect(verifyCycleExport(rehashed).differences).toEqual([
      `header signature_hex is not a valid ed25519 signature of the header by public_key_hex ${signer.public_key_hex}`,
    ]);
  });

  it('reports a truncated file, a missing final newline, a dropped line and swapped lines', () => {
    const lines = small.text.split('\n');
    const withoutLastNewline = small.text.slice(0, -1);
    expect(verifyCycleExport(withoutLastNewline).differences).toEqual([
      'line 6 does not end with "\\n": the file is truncated or was changed after it was written',
    ]);

    const cut = verifyCycleExport(small.text.slice(0, small.text.length - 20));
    expect(cut.ok).toBe(false);
    expect(cut.differences.some((text) => text.startsWith('line 6: the line is not valid JSON'))).toBe(true);
    expect(cut.differences).toContain('line 6 does not end with "\\n": the file is truncated or was changed after it was written');

    const dropped = verifyCycleExport([...lines.slice(0, 3), ...lines.slice(4)].join('\n'));
    expect(dropped.differences).toContain('header member_count is 5 but the export has 4 member line(s)');
    expect(dropped.differences).toContain(`header share_total_minor is ${small.header.share_total_minor} but the members' shares sum to ${small.header.share_total_minor - small.lines[2]!.share_minor}`);
    expect(dropped.differences.some((text) => text.startsWith('header merkle_root_hex is'))).toBe(true);

    const swapped = verifyCycleExport([lines[0], lines[2], lines[1], ...lines.slice(3)].join('\n'));
    expect(swapped.differences).toContain('line 3 (member M-A1): member M-A1 comes after M-B2 (line 2), not in UTF-8 byte order');

    const duplicated = verifyCycleExport([lines[0], lines[1], lines[1], ...lines.slice(2)].join('\n'));
    expect(duplicated.differences).toContain('line 3 (member M-A1): member M-A1 already appears on line 2');

    expect(verifyCycleExport('').differences).toEqual(['the export is empty: it has no header line']);
    const headerOnly = verifyCycleExport(`${lines[0]}\n`);
    expect(headerOnly.differences[0]).toBe('header member_count is 5 but the export has 0 member line(s)');
  });

  it('names the exact figure that is wrong', () => {
    // An operator that re-signs and re-roots a wrong export is still caught by the arithmetic.
    const lines = small.lines.map((line) => ({ ...line }));
    const capped = lines.find((line) => line.capped_minor > 0n && line.cap_room_minor !== 0n)!;
    capped.share_minor -= 1n;
    capped.capped_minor += 1n;
    const header = resign(
      {
        ...small.header,
        merkle_root_hex: rootOf(small.header.cycle_id, lines).root().toString('hex'),
        share_total_minor: small.header.share_total_minor - 1n,
        capped_total_minor: small.header.capped_total_minor + 1n,
      },
      lines,
    );
    const report = verifyCycleExport(fileOf(header, lines));
    expect(report.differences).toEqual([
      `line 3 (member M-B2): share_minor is ${capped.share_minor} but min(allocated ${capped.share_minor + capped.capped_minor}, cap room 150) is 150`,
    ]);

    const wrongFee = verifyCycleExport(fileOf(resign({ ...small.header, fee_minor: 107n }), small.lines));
    expect(wrongFee.differences).toEqual(['header fee_minor is 107 but floor(aid 1333 × 800 bps / 10000) is 106']);

    const wrongSeed = verifyCycleExport(fileOf(resign({ ...small.header, seed_hex: 'e'.repeat(64) }), small.lines));
    expect(wrongSeed.differences[0]).toMatch(/^header seed_hex is e{64} but SHA-256\(previous_root_hex \+ "\|" \+ cycle_id\) is [0-9a-f]{64}$/);
  });

  it('catches a leftover unit given to the wrong member, even when re-rooted and re-signed', () => {
    // Equal weights and caps: every remainder ties, so the units follow the tie-break hash.
    const even = build({ members: ['P', 'Q', 'R', 'S'].map((code) => member(code, 1n)), cases: [{ case_id: 'C', aid_minor: 1_002n }], fee_bps: 0 });
    const lines = even.lines.map((line) => ({ ...line }));
    const winner = lines.find((line) => line.share_minor === 251n)!;
    const loser = lines.find((line) => line.share_minor === 250n)!;
    winner.share_minor -= 1n;
    loser.share_minor += 1n;
    const header = resign({ ...even.header, merkle_root_hex: rootOf(even.header.cycle_id, lines).root().toString('hex') }, lines);
    const report = verifyCycleExport(fileOf(header, lines));
    expect(report.ok).toBe(false);
    expect(report.differences).toHaveLength(1);
    expect(report.differences[0]).toMatch(/got a leftover unit but member .+, which ranks before it \(remainder 2 vs 2, tie-break hash [0-9a-f]{64} < [0-9a-f]{64}\), did not$/);

    const tooMany = lines.map((line) => ({ ...line, share_minor: 251n }));
    const inflated = resign(
      { ...even.header, total_minor: 1_004n, share_total_minor: 1_004n, merkle_root_hex: rootOf(even.header.cycle_id, tooMany).root().toString('hex') },
      tooMany,
    );
    expect(verifyCycleExport(fileOf(inflated, tooMany)).differences).toContain(
      'header total_minor is 1004 but max(0, aid 1002 + fee 0 − surplus in 0) is 1002',
    );
  });

  it('accepts a closing cycle: no member line, the operator paying the whole total, the empty tree\'s root', () => {
    const closing = build({ members: [], fee_bps: CLOSING_CYCLE_FEE_BPS, surplus_in_minor: 33n, closing: true });
    expect(closing.header).toMatchObject({ format: 'huzhu-cycle/2', member_count: 0, fee_minor: 0n, total_minor: 1_300n, share_total_minor: 0n, capped_total_minor: 0n, operator_paid_minor: 1_300n });
    // RFC 6962's root of no leaves, SHA-256 of nothing, as the services' publication writes it; and no line bytes.
    expect(closing.header.merkle_root_hex).toBe(emptyRoot().toString('hex'));
    expect(closing.header.merkle_root_hex).toBe(createHash('sha256').digest('hex'));
    expect(closing.header.lines_sha256_hex).toBe(createHash('sha256').digest('hex'));
    expect(closing.text).toBe(`${headerLine(closing.header)}\n`);
    expect(verifyCycleExport(closing.text, { public_key_hex: signer.public_key_hex })).toEqual({
      ok: true,
      differences: [],
      member_count: 0,
      merkle_root_hex: closing.header.merkle_root_hex,
      cycle_id: 'cycle-2024-07-14',
      member: null,
    });
    // A closing cycle whose surplus covers everything has nothing for the operator to pay: huzhu-cycle/1.
    const covered = build({ members: [], fee_bps: CLOSING_CYCLE_FEE_BPS, surplus_in_minor: 5_000n, closing: true });
    expect(covered.header).toMatchObject({ format: 'huzhu-cycle/1', total_minor: 0n, surplus_out_minor: 3_667n });
    expect(covered.header.operator_paid_minor).toBeUndefined();
    expect(verifyCycleExport(covered.text).ok).toBe(true);
  });

  it('catches a closing cycle that does not add up, even re-signed', () => {
    const closing = build({ members: [], fee_bps: CLOSING_CYCLE_FEE_BPS, closing: true });
    const header = closing.header;
    const less = verifyCycleExport(fileOf(resign({ ...header, operator_paid_minor: 1_332n }), []));
    expect(less.differences).toEqual(['header operator_paid_minor is 1332 but a cycle the operator pays is paid wholly, its total_minor 1333 (> 0)']);
    // The operator charging itself a fee on a cycle it pays.
    const fee = verifyCycleExport(fileOf(resign({ ...header, fee_bps: 800, fee_minor: 106n, total_minor: 1_439n, operator_paid_minor: 1_439n }), []));
    expect(fee.differences).toEqual(['header fee_bps is 800 but the operator charges itself no fee on a cycle it pays (fee_bps 0)']);
    // Members in a cycle the operator says it paid.
    const paying = [{ member_code: 'M-1', weight: 1n, cap_room_minor: null, share_minor: 0n, capped_minor: 0n }];
    const withMember = verifyCycleExport(fileOf(resign({ ...header, member_count: 1, weight_total: 1n, merkle_root_hex: rootOf(header.cycle_id, paying).root().toString('hex') }, paying), paying));
    expect(withMember.differences).toContain(
      'header operator_paid_minor is set, but the operator pays only a cycle without members: member_count is 1, share_total_minor 0, capped_total_minor 0 (all must be 0)',
    );
    // The same figures as huzhu-cycle/1, without saying who paid: the total is nobody's.
    const { operator_paid_minor: _paid, ...figures } = header;
    const unpaid = verifyCycleExport(fileOf(resign({ ...figures, format: 'huzhu-cycle/1' }), []));
    expect(unpaid.differences).toEqual(['header share_total_minor 0 + capped_total_minor 0 is 0, not total_minor 1333']);
  });

  it('checks the signature and the operator key', () => {
    const other = makeSigner();
    const wrongKey = verifyCycleExport(small.text, { public_key_hex: other.public_key_hex });
    expect(wrongKey.differences).toEqual([`header public_key_hex is ${signer.public_key_hex} but the operator's key is ${other.public_key_hex}`]);

    // Another key in the header, the old signature: the signature does not hold.
    const swappedKey = verifyCycleExport(fileOf({ ...small.header, public_key_hex: other.public_key_hex }, small.lines));
    expect(swappedKey.differences).toEqual([
      `header signature_hex is not a valid ed25519 signature of the header by public_key_hex ${other.public_key_hex}`,
    ]);
    // Plan id is covered by no hash, only by the signature.
    const renamed = verifyCycleExport(fileOf({ ...small.header, plan_id: 'senior-cancer' }, small.lines));
    expect(renamed.differences).toHaveLength(1);
    expect(renamed.differences[0]).toContain('signature_hex is not a valid ed25519 signature');
  });

  it('checks a member proof, and names the member of a proof for someone else', () => {
    const proof = proofFor(small, 2);
    const good = verifyCycleExport(small.text, { member: { member_code: 'M-C3', proof } });
    expect(good.ok).toBe(true);
    expect(good.member).toEqual({ member_code: 'M-C3', share_minor: proof.share_minor, leaf_index: 2 });

    const forOther = verifyCycleExport(small.text, { member: { member_code: 'M-A1', proof } });
    expect(forOther.ok).toBe(false);
    expect(forOther.member).toBeNull();
    expect(forOther.differences).toEqual(['the proof is for member M-C3, not M-A1', 'member M-A1 is leaf 0 of the export, but the proof is for leaf 2']);

    // A proof claiming M-A1 sits at leaf 2, where M-C3 is.
    const stolen = verifyCycleExport(small.text, { member: { member_code: 'M-A1', proof: { ...proof, member_code: 'M-A1' } } });
    expect(stolen.differences).toContain('leaf 2 of the export is member M-C3, not the proof\'s member M-A1');
    expect(stolen.differences.some((text) => text.includes('audit path does not lead'))).toBe(true);

    const absent = verifyCycleExport(small.text, { member: { member_code: 'M-ZZ', proof: { ...proof, member_code: 'M-ZZ' } } });
    expect(absent.differences).toContain('member M-ZZ is not in the export');

    const wrongShare = verifyCycleExport(small.text, { member: { member_code: 'M-C3', proof: { ...proof, share_minor: '1' } } });
    expect(wrongShare.differences).toContain(`the proof gives member M-C3 share_minor 1 but the export has ${proof.share_minor}`);

    const wrongPath = verifyCycleExport(small.text, { member: { member_code: 'M-C3', proof: { ...proof, proof_hex: [...proof.proof_hex].reverse() } } });
    expect(wrongPath.differences).toEqual([`the proof's audit path does not lead from member M-C3's leaf to root ${proof.merkle_root_hex}`]);

    // The server's proofs also carry the rest of the member's line; each field is checked.
    const line = small.lines[2]!;
    const full = { ...proof, weight: line.weight.toString(), cap_room_minor: null, capped_minor: line.capped_minor.toString() };
    const parsedFull = parseMemberProof(JSON.parse(JSON.stringify(full)));
    expect(parsedFull).toEqual({ ok: true, value: full });
    expect(verifyCycleExport(small.text, { member: { member_code: 'M-C3', proof: full } }).ok).toBe(true);
    const wrongCap = verifyCycleExport(small.text, { member: { member_code: 'M-C3', proof: { ...full, cap_room_minor: '5' } } });
    expect(wrongCap.differences).toEqual(['the proof gives member M-C3 cap_room_minor 5 but the export has null']);

    const otherCycle = verifyCycleExport(small.text, { member: { member_code: 'M-C3', proof: { ...proof, cycle_id: 'cycle-2024-07-28' } } });
    expect(otherCycle.differences[0]).toBe('the proof is for cycle cycle-2024-07-28, not cycle-2024-07-14');
  });

  it('parses member proofs strictly', () => {
    const proof = proofFor(small, 1);
    expect(parseMemberProof(JSON.parse(JSON.stringify(proof)))).toEqual({ ok: true, value: proof });
    const message = (value: unknown) => {
      const result = parseMemberProof(value);
      return result.ok ? 'ok' : result.rejection.message;
    };
    expect(message([])).toBe('the proof is not a JSON object');
    expect(message({ ...proof, extra: true })).toBe('the proof has unknown key(s) extra');
    expect(message({ ...proof, leaf_index: 5 })).toBe('leaf_index is not an integer from 0 to tree_size − 1');
    expect(message({ ...proof, share_minor: 12 })).toContain('share_minor');
    expect(message({ ...proof, proof_hex: ['abc'] })).toContain('proof_hex: proof element 0');
    expect(message({ ...proof, format: 'huzhu-proof/2' })).toContain('format');
    expect(message({ ...proof, weight: 2 })).toBe('weight is not a string of digits ≥ 1');
    expect(message({ ...proof, cap_room_minor: '' })).toBe('cap_room_minor is neither null nor a string of digits (minor units)');
  });

  it('reads bytes in any chunking, rejects invalid UTF-8, and caps the listed differences', () => {
    const bytes = Buffer.from(small.text, 'utf8');
    const splitter = new ExportLineSplitter(new CycleExportVerifier());
    for (let offset = 0; offset < bytes.length; offset += 7) splitter.push(bytes.subarray(offset, offset + 7));
    expect(splitter.end().ok).toBe(true);

    const invalid = Buffer.from(bytes);
    invalid[invalid.indexOf('会')] = 0xff;
    const undecodable = verifyCycleExport(invalid).differences;
    expect(undecodable).toContain('line 6: not valid UTF-8');
    expect(undecodable).toContain('1 member line(s) could not be read, so the sums, the leftover units, the Merkle root and the lines hash were not checked');
    const withBom = verifyCycleExport(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]));
    expect(withBom.differences[0]).toMatch(/^line 1 \(header\): the header is not valid JSON/);

    const many = build({ members: Array.from({ length: 80 }, (_, index) => member(`M${String(index).padStart(3, '0')}`, 1n)) });
    const broken = many.text.replaceAll('"weight":1,', '"weight":1 ,');
    const report = verifyCycleExport(broken);
    expect(report.differences).toHaveLength(51);
    // 80 lines not in canonical form, then the lines hash they no longer match.
    expect(report.differences[50]).toBe('… and 31 more difference(s) not listed');
  });
});
