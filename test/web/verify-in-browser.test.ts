import { createHash, generateKeyPairSync, hash as nodeHash, sign } from 'node:crypto';
import { Buffer as BufferPolyfill } from 'buffer/index.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildCycleExport, type BuiltCycleExport, type CycleExportSigner } from '../../src/core/cycles/build-cycle-export.js';
import { headerLine, memberLine, signedHeaderPayload, type CycleExportHeader } from '../../src/core/cycles/cycle-export.js';
import { GENESIS_ROOT_HEX } from '../../src/core/cycles/cycle-figures.js';
import * as nodeVerifier from '../../src/core/cycles/export-verifier.js';
import { MerkleTree, cycleLeafHash, proofToHex } from '../../src/core/merkle/merkle.js';
import { unwrap } from '../../src/core/rejection.js';
import * as shim from '../../web/src/shared/verify/node-crypto.js';
import { checkShareProof, readProof, type MemberProof } from '../../web/src/shared/verify/share-check.js';
import { buildVectorExport, cycleVectors, vectorSigner } from '../support/cycle-vectors.js';

type Verifier = typeof nodeVerifier;

/**
 * src/core's verifier as the browser runs it: loaded afresh with node:crypto replaced by the shim
 * (as web/vite.config.ts aliases it) and the `buffer` package as the global Buffer, which is what
 * the worker has. Calls run with the polyfill in place, since src/core reads the global at call time.
 */
async function browserVerifier(): Promise<{ run<T>(call: (verifier: Verifier) => T): T }> {
  const nodeBuffer = globalThis.Buffer;
  vi.resetModules();
  vi.doMock('node:crypto', () => import('../../web/src/shared/verify/node-crypto.js'));
  globalThis.Buffer = BufferPolyfill as unknown as typeof globalThis.Buffer;
  let verifier: Verifier;
  try {
    verifier = await import('../../src/core/cycles/export-verifier.js');
  } finally {
    globalThis.Buffer = nodeBuffer;
    vi.doUnmock('node:crypto');
  }
  expect(verifier).not.toBe(nodeVerifier);
  return {
    run(call) {
      globalThis.Buffer = BufferPolyfill as unknown as typeof globalThis.Buffer;
      try {
        return call(verifier);
      } finally {
        globalThis.Buffer = nodeBuffer;
      }
    },
  };
}

afterEach(() => {
  vi.doUnmock('node:crypto');
});

function otherSigner(): CycleExportSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return {
    public_key_hex: spki.subarray(spki.length - 32).toString('hex'),
    sign: (payload) => sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('hex'),
  };
}

const signer = vectorSigner();

/** A cycle of a few thousand members with weights, caps and ties: every check has work to do. */
function largerExport(): BuiltCycleExport {
  const members = Array.from({ length: 2_500 }, (_, index) => ({
    member_code: `M${index.toString(36).toUpperCase().padStart(5, '0')}`,
    weight: BigInt(1 + (index % 3)),
    cap_room_minor: index % 7 === 0 ? 40n : index % 11 === 0 ? null : 5_000n,
  }));
  return unwrap(
    buildCycleExport({
      cycle_id: 'critical-illness-20261121',
      plan_id: 'critical-illness',
      currency: 'CNY',
      snapshot_at: '2026-11-21T00:00:00.000Z',
      previous_root_hex: GENESIS_ROOT_HEX,
      cases: [
        { case_id: 'C-1', aid_minor: 30_000_000n },
        { case_id: 'C-2', aid_minor: 10_000_001n },
      ],
      fee_bps: 800,
      surplus_in_minor: 12_345n,
      weight_scheme: 'age-bands',
      cap_policy: 'backstop',
      members,
      signer,
    }),
  );
}

function withShare(text: string, lineNumber: number, share: (old: bigint) => bigint): string {
  const lines = text.split('\n');
  lines[lineNumber - 1] = lines[lineNumber - 1]!.replace(/"share_minor":"(\d+)"/, (_, old: string) => `"share_minor":"${share(BigInt(old))}"`);
  return lines.join('\n');
}

function resigned(built: BuiltCycleExport, by: CycleExportSigner): string {
  const { signature_hex: _old, ...unsigned } = built.header;
  const header: CycleExportHeader = { ...unsigned, public_key_hex: by.public_key_hex, signature_hex: '' };
  const { signature_hex: _none, ...toSign } = header;
  const signed = { ...toSign, signature_hex: by.sign(signedHeaderPayload(toSign)) };
  return [headerLine(signed), ...built.lines.map(memberLine)].map((line) => `${line}\n`).join('');
}

function proofFor(built: BuiltCycleExport, index: number): MemberProof {
  const tree = new MerkleTree(built.lines.map((line) => cycleLeafHash(built.header.cycle_id, line.member_code, line.share_minor)));
  const line = built.lines[index]!;
  return {
    format: 'huzhu-proof/1',
    cycle_id: built.header.cycle_id,
    member_code: line.member_code,
    weight: line.weight.toString(),
    cap_room_minor: line.cap_room_minor === null ? null : line.cap_room_minor.toString(),
    share_minor: line.share_minor.toString(),
    capped_minor: line.capped_minor.toString(),
    leaf_index: index,
    tree_size: built.lines.length,
    merkle_root_hex: tree.root().toString('hex'),
    proof_hex: proofToHex(tree.proof(index)),
  };
}

/** The file's bytes as the browser hands them over: plain Uint8Array chunks of an awkward size. */
function chunksOf(bytes: Uint8Array, size = 4093): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.slice(start, start + size));
  return chunks;
}

function verifyWith(verifier: Verifier, file: string | Uint8Array, options: nodeVerifier.VerifyOptions): nodeVerifier.VerifyReport {
  const splitter = new verifier.ExportLineSplitter(new verifier.CycleExportVerifier(options));
  for (const chunk of chunksOf(typeof file === 'string' ? new TextEncoder().encode(file) : file)) splitter.push(chunk);
  return splitter.end();
}

describe('the node:crypto shim', () => {
  it('hashes as node:crypto does, one-shot and incrementally, in every encoding src/core asks for', () => {
    for (const input of ['', 'a', '\u0000cycle|M-1|10', '会员-E5|混合 ✓', 'x'.repeat(1000)]) {
      expect(shim.hash('sha256', input, 'hex')).toBe(nodeHash('sha256', input, 'hex'));
      expect(shim.hash('sha256', input, 'binary')).toBe(nodeHash('sha256', input, 'binary'));
      const bytes = new TextEncoder().encode(input);
      expect(shim.hash('sha256', bytes, 'binary')).toBe(createHash('sha256').update(bytes).digest('binary'));
      expect(shim.createHash('sha256').update(input, 'utf8').update(bytes).digest('hex')).toBe(createHash('sha256').update(input, 'utf8').update(bytes).digest('hex'));
    }
    expect(() => shim.createHash('sha1')).toThrow(/only sha256/);
  });

  it('verifies ed25519 as node:crypto does, and refuses anything but an ed25519 SPKI key', () => {
    const payload = Buffer.from('{"format":"huzhu-cycle/1"}', 'utf8');
    const signature = Buffer.from(signer.sign(payload.toString('utf8')), 'hex');
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(signer.public_key_hex, 'hex')]);
    const key = shim.createPublicKey({ key: spki, format: 'der', type: 'spki' });
    expect(shim.verify(null, payload, key, signature)).toBe(true);
    const flipped = Buffer.from(signature);
    flipped[10]! ^= 1;
    expect(shim.verify(null, payload, key, flipped)).toBe(false);
    expect(shim.verify(null, payload, key, signature.subarray(1))).toBe(false);
    expect(shim.verify(null, Buffer.from('another payload'), key, signature)).toBe(false);
    expect(() => shim.createPublicKey({ key: spki.subarray(1), format: 'der', type: 'spki' })).toThrow(/ed25519/);
  });
});

describe('src/core verifier on the shim, as the browser runs it', () => {
  it('gives the node verifier\'s report for the known-answer cycles and a larger one, intact and tampered', async () => {
    const browser = await browserVerifier();
    const other = otherSigner();
    const exports = [...cycleVectors().map((vector) => buildVectorExport(vector, signer)), largerExport()];
    let compared = 0;
    let failed = 0;
    for (const built of exports) {
      const last = built.lines.length + 1;
      const bytes = new TextEncoder().encode(built.text);
      const notUtf8 = bytes.slice();
      notUtf8[bytes.indexOf(0x0a) + 20] = 0xff;
      const cases: Array<[string, string | Uint8Array, nodeVerifier.VerifyOptions]> = [
        ['intact', built.text, { public_key_hex: signer.public_key_hex }],
        ['intact, with a proof', built.text, { public_key_hex: signer.public_key_hex, member: { member_code: built.lines[0]!.member_code, proof: proofFor(built, 0) } }],
        ['one share changed', withShare(built.text, 2, (old) => old + 1n), { public_key_hex: signer.public_key_hex }],
        ['last share lowered', withShare(built.text, last, (old) => (old === 0n ? 7n : old - 1n)), {}],
        ['signed by another key', resigned(built, other), { public_key_hex: signer.public_key_hex }],
        ['signature changed', built.text.replace(/"signature_hex":"(.)/, (_, first: string) => `"signature_hex":"${first === '0' ? '1' : '0'}`), {}],
        ['truncated', built.text.slice(0, -5), { public_key_hex: signer.public_key_hex }],
        ['not UTF-8', notUtf8, {}],
      ];
      for (const [name, file, options] of cases) {
        const expected = nodeVerifier.verifyCycleExport(file, options);
        const actual = browser.run((verifier) => verifyWith(verifier, file, options));
        expect(actual, `${built.header.cycle_id}: ${name}`).toEqual(expected);
        expect(expected.ok, `${built.header.cycle_id}: ${name}`).toBe(name.startsWith('intact'));
        compared += 1;
        if (!expected.ok) failed += 1;
      }
    }
    expect(compared).toBe(exports.length * 8);
    expect(failed).toBe(exports.length * 6);
  });

  it('names the line of a changed share whose cap binds, as huzhu verify does', async () => {
    const browser = await browserVerifier();
    const built = largerExport();
    // Line 100 is member 98, whose cap room of 40 binds; line 1 is the header.
    expect(built.lines[98]).toMatchObject({ cap_room_minor: 40n, share_minor: 40n });
    const report = browser.run((verifier) => verifyWith(verifier, withShare(built.text, 100, (old) => old + 1n), { public_key_hex: signer.public_key_hex }));
    expect(report.ok).toBe(false);
    expect(report.differences.some((difference) => difference.startsWith(`line 100 (member ${built.lines[98]!.member_code})`))).toBe(true);
  });
});

describe('the share check of /verify/share (WebCrypto, or @noble without it)', () => {
  const built = largerExport();
  const header_json = headerLine(built.header);

  for (const preferNoble of [false, true]) {
    const engine = preferNoble ? '@noble' : 'WebCrypto';
    it(`accepts every member's proof and finds each kind of tampering (${engine})`, async () => {
      for (const index of [0, 1, 2, 1023, 1024, 2047, 2048, built.lines.length - 1]) {
        const proof = proofFor(built, index);
        const read = readProof(JSON.stringify(proof));
        expect(read.ok).toBe(true);
        const result = await checkShareProof(proof, { header_json }, signer.public_key_hex, { preferNoble });
        expect(result.ok, `leaf ${index}`).toBe(true);
        expect(result.engine).toEqual(preferNoble ? { hash: 'noble', signature: 'noble' } : { hash: 'webcrypto', signature: 'webcrypto' });
      }
      const proof = proofFor(built, 77);
      const failing = async (changed: MemberProof, cycle: { header_json: string | null } = { header_json }, key = signer.public_key_hex) =>
        (await checkShareProof(changed, cycle, key, { preferNoble })).checks.filter((check) => !check.ok).map((check) => check.id);
      expect(await failing({ ...proof, share_minor: (BigInt(proof.share_minor) + 1n).toString() })).toEqual(['path']);
      expect(await failing({ ...proof, member_code: built.lines[78]!.member_code })).toEqual(['path']);
      expect(await failing({ ...proof, leaf_index: 78 })).toEqual(['path']);
      expect(await failing({ ...proof, proof_hex: [...proof.proof_hex.slice(1)] })).toEqual(['path']);
      expect(await failing({ ...proof, merkle_root_hex: 'a'.repeat(64) })).toEqual(['root']);
      expect(await failing({ ...proof, tree_size: proof.tree_size + 1 })).toEqual(['tree_size']);
      expect(await failing(proof, { header_json }, otherSigner().public_key_hex)).toEqual(['operator_key']);
      expect(await failing(proof, { header_json: header_json.replace(/"signature_hex":"(.)/, (_, c: string) => `"signature_hex":"${c === '0' ? '1' : '0'}`) })).toEqual([
        'signature',
      ]);
      expect(await failing(proof, { header_json: null })).toEqual(['header']);
    });
  }

  it('reads proofs with src/core\'s strict parser', () => {
    expect(readProof('not json')).toMatchObject({ ok: false, reason: 'json' });
    expect(readProof('{"format":"huzhu-proof/1"}')).toMatchObject({ ok: false, reason: 'format', message: expect.stringContaining('lacks') });
    expect(readProof(JSON.stringify({ ...proofFor(built, 3), extra: 1 }))).toMatchObject({ ok: false, reason: 'format' });
  });
});
