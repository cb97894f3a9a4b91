import { createHash, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCycleExport, type BuiltCycleExport } from '../../src/core/cycles/build-cycle-export.js';
import { GENESIS_ROOT_HEX } from '../../src/core/cycles/cycle-figures.js';
import type { MemberProof } from '../../src/core/cycles/export-verifier.js';
import { MerkleTree, cycleLeafHash, proofToHex } from '../../src/core/merkle/merkle.js';
import { runCli } from '../support/run-cli.js';

const { privateKey } = generateKeyPairSync('ed25519');
const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
const signer = {
  public_key_hex: spki.subarray(spki.length - 32).toString('hex'),
  sign: (payload: string) => sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('hex'),
};

function exportOf(): BuiltCycleExport {
  const result = buildCycleExport({
    cycle_id: 'cycle-2024-07-14',
    plan_id: 'critical-illness',
    currency: 'CNY',
    snapshot_at: '2024-07-07T00:00:00.000Z',
    previous_root_hex: GENESIS_ROOT_HEX,
    cases: [
      { case_id: 'C-0001', aid_minor: 30_000_000n },
      { case_id: 'C-0002', aid_minor: 10_000_001n },
    ],
    fee_bps: 800,
    surplus_in_minor: 0n,
    weight_scheme: 'equal',
    cap_policy: 'backstop',
    // M3KA's cap binds; P9X1's is far above its share, so it binds nothing and only the lines hash covers it.
    members: ['K7Q2', 'M3KA', 'P9X1', 'Z0Z0'].map((member_code, index) => ({
      member_code,
      weight: 1n,
      cap_room_minor: index === 1 ? 1_880n : index === 2 ? 99_000_000n : null,
    })),
    signer,
  });
  if (!result.ok) throw new Error(result.rejection.message);
  return result.value;
}

function proofFor(built: BuiltCycleExport, index: number): MemberProof {
  const tree = new MerkleTree(built.lines.map((line) => cycleLeafHash(built.header.cycle_id, line.member_code, line.share_minor)));
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

describe('huzhu verify', () => {
  const built = exportOf();
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'huzhu-verify-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function file(name: string, content: string | Buffer): string {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  }

  it('prints OK with the member count and root, exit 0', async () => {
    const path = file('cycle.jsonl', built.text);
    const result = await runCli(['verify', path, '--public-key', signer.public_key_hex], {});
    expect(result).toEqual({ exitCode: 0, out: `OK cycle cycle-2024-07-14: 4 members, root ${built.header.merkle_root_hex}`, err: '' });

    const json = await runCli(['verify', path, '--json'], {});
    expect(json.exitCode).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, differences: [], member_count: 4, merkle_root_hex: built.header.merkle_root_hex });
  });

  it('prints each difference and exits 1 when one byte changed', async () => {
    const bytes = Buffer.from(built.text, 'utf8');
    // The first digit of the first member's share.
    const offset = bytes.indexOf('"share_minor":"', bytes.indexOf('\n')) + '"share_minor":"'.length;
    const changed = Buffer.from(bytes);
    changed[offset] = changed[offset] === 0x31 ? 0x32 : 0x31;
    const result = await runCli(['verify', file('changed.jsonl', changed)], {});
    expect(result.exitCode).toBe(1);
    const [first, ...differences] = result.out.split('\n');
    expect(first).toBe('FAILED cycle cycle-2024-07-14');
    expect(differences.length).toBeGreaterThan(0);
    expect(differences.every((line) => line.startsWith('  '))).toBe(true);
    expect(result.out).toMatch(/header merkle_root_hex is [0-9a-f]{64} but the members give [0-9a-f]{64}/);
    expect(result.out).toMatch(/header lines_sha256_hex is [0-9a-f]{64} but the member lines hash to [0-9a-f]{64}/);

    // A cap room that does not bind, changed to another that does not bind.
    const loose = Buffer.from(built.text.replace('"cap_room_minor":"99000000"', '"cap_room_minor":"98000000"'), 'utf8');
    expect(loose.equals(bytes)).toBe(false);
    const looseResult = await runCli(['verify', file('loose.jsonl', loose)], {});
    expect(looseResult.exitCode).toBe(1);
    expect(looseResult.out).toBe(
      `FAILED cycle cycle-2024-07-14\n  header lines_sha256_hex is ${built.header.lines_sha256_hex} but the member lines hash to ${createHash('sha256').update(loose.subarray(loose.indexOf(0x0a) + 1)).digest('hex')}`,
    );

    const truncated = await runCli(['verify', file('cut.jsonl', built.text.slice(0, -1))], {});
    expect(truncated.exitCode).toBe(1);
    expect(truncated.out).toContain('line 5 does not end with "\\n"');

    const wrongKey = await runCli(['verify', file('cycle.jsonl', built.text), '--public-key', 'ab'.repeat(32)], {});
    expect(wrongKey.exitCode).toBe(1);
    expect(wrongKey.out).toContain(`header public_key_hex is ${signer.public_key_hex} but the operator's key is ${'ab'.repeat(32)}`);
  });

  it('checks a member proof, and fails a proof for another member', async () => {
    const exportPath = file('cycle.jsonl', built.text);
    const proofPath = file('proof.json', JSON.stringify(proofFor(built, 1)));
    const good = await runCli(['verify', exportPath, '--member', 'M3KA', '--proof', proofPath], {});
    expect(good.exitCode).toBe(0);
    expect(good.out.split('\n')[1]).toBe('member M3KA: share 1880 (minor units) is leaf 1, proven in the root');

    const other = await runCli(['verify', exportPath, '--member', 'K7Q2', '--proof', proofPath], {});
    expect(other.exitCode).toBe(1);
    expect(other.out).toContain('  the proof is for member M3KA, not K7Q2');

    const badProof = await runCli(['verify', exportPath, '--proof', file('bad.json', '{"format":"huzhu-proof/1"}')], {});
    expect(badProof.exitCode).toBe(2);
    expect(badProof.err).toMatch(/^error PROOF_BAD_FORMAT: .*bad\.json: the proof lacks cycle_id/);

    const memberOnly = await runCli(['verify', exportPath, '--member', 'M3KA'], {});
    expect(memberOnly.exitCode).toBe(2);
    expect(memberOnly.err).toBe('error CLI_BAD_OPTION: --member needs --proof <file>');
  });

  it('reports a missing file clearly, exit 2', async () => {
    const missing = join(dir, 'nope.jsonl');
    const result = await runCli(['verify', missing], {});
    expect(result.exitCode).toBe(2);
    expect(result.err).toBe(`error CLI_BAD_FILE: ${missing}: no such file`);
    expect(result.out).toBe('');
  });

  it('explains itself with --help', async () => {
    const result = await runCli(['verify', '--help'], {});
    expect(result.exitCode).toBe(0);
    expect(result.out).toContain('Recompute a published cycle export');
    expect(result.out).toContain('A closing cycle (huzhu-cycle/2');
    expect(result.out).toContain('--proof <file>');
    expect(result.out).toContain('--public-key <hex>');
  });
});
