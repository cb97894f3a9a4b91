import { createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildClosureReport } from '../../src/core/closure/build-closure-report.js';
import { verifyClosureReport } from '../../src/core/closure/closure-verifier.js';
import { runCli } from '../support/run-cli.js';

const { privateKey } = generateKeyPairSync('ed25519');
const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
const signer = {
  public_key_hex: spki.subarray(spki.length - 32).toString('hex'),
  sign: (payload: string) => sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('hex'),
};

const built = buildClosureReport(
  {
    plan_id: 'senior-cancer',
    currency: 'CNY',
    closure_date: '2027-04-01',
    announced_at: '2027-03-21T01:10:00.000Z',
    finalised_at: '2027-04-02T09:00:00.000Z',
    last_cycles_paid_by: 'members',
    claims_paid_count: 1,
    claims_paid_minor: 10_000_000n,
    claims_rejected_count: 0,
    receivables_written_off_minor: 0n,
  },
  [
    { member_code: 'MK7Q2', wallet_at_closure_minor: 5_000n, refunded_minor: 5_000n, unclaimed_minor: 0n },
    { member_code: 'MP9X1', wallet_at_closure_minor: 3_000n, refunded_minor: 0n, unclaimed_minor: 3_000n },
    { member_code: 'MZ0Z0', wallet_at_closure_minor: 0n, refunded_minor: 0n, unclaimed_minor: 0n },
  ],
  signer,
);

describe('huzhu verify <closure report>', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'huzhu-closure-verify-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function write(name: string, text: string): string {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  }

  it('tells a closure report by its header and checks it, and one member\'s line with its proof', async () => {
    const path = write('closure.jsonl', built.text);
    const plain = await runCli(['verify', path, '--public-key', signer.public_key_hex], {});
    expect(plain.exitCode).toBe(0);
    expect(plain.out).toMatch(/^OK closure of plan senior-cancer on 2027-04-01: 3 memberships, wallets 8000, refunded 5000, unclaimed 3000, custody after 3000/);

    const member = await runCli(['verify', path, '--member', 'MP9X1'], {});
    expect(member.exitCode).toBe(0);
    expect(member.out).toMatch(/member MP9X1: wallet 3000, refunded 0, unclaimed 3000 \(minor units\) is leaf 1, proven in the root/);

    const proof = verifyClosureReport(built.text, { member: { member_code: 'MK7Q2' } }).member!.proof;
    const withProof = await runCli(['verify', path, '--proof', write('proof.json', JSON.stringify(proof))], {});
    expect(withProof.exitCode).toBe(0);
    expect(withProof.out).toMatch(/member MK7Q2: wallet 5000, refunded 5000/);

    const lying = write('proof-lying.json', JSON.stringify({ ...proof, refunded_minor: '6000' }));
    const refused = await runCli(['verify', path, '--proof', lying], {});
    expect(refused.exitCode).toBe(1);
    expect(refused.out).toMatch(/the proof gives member MK7Q2 refunded_minor 6000 but the report has 5000/);

    const absent = await runCli(['verify', path, '--member', 'MNOPE'], {});
    expect(absent.exitCode).toBe(1);
    expect(absent.out).toMatch(/member MNOPE has no line in the report/);
  });

  it('fails a report whose line does not add up, and another key', async () => {
    const tampered = write('tampered.jsonl', built.text.replace('"refunded_minor":"5000"', '"refunded_minor":"4000"'));
    const result = await runCli(['verify', tampered], {});
    expect(result.exitCode).toBe(1);
    expect(result.out).toMatch(/FAILED closure of plan senior-cancer/);
    expect(result.out).toMatch(/refunded 4000 \+ unclaimed 0 is not the wallet at closure 5000/);
    const other = await runCli(['verify', write('ok.jsonl', built.text), '--public-key', 'ab'.repeat(32)], {});
    expect(other.exitCode).toBe(1);
    expect(other.out).toMatch(/not the operator's published/);
  });

  it('says so in --help', async () => {
    const help = await runCli(['verify', '--help'], {});
    expect(help.out + help.err).toMatch(/closure report \(huzhu-closure\/1/);
  });
});
