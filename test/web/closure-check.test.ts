import { generateKeyPairSync, sign } from 'node:crypto';
import { expect, it } from 'vitest';
import { buildClosureReport, type ClosureReportFacts } from '../../src/core/closure/build-closure-report.js';
import { closureProofFromReport } from '../../src/core/closure/closure-verifier.js';
import { checkClosureLine } from '../../web/src/shared/verify/closure-check.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const signer = {
  public_key_hex: publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex'),
  sign: (payload: string) => sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('hex'),
};

const facts: ClosureReportFacts = {
  plan_id: 'senior-cancer',
  currency: 'CNY',
  closure_date: '2027-06-01',
  announced_at: '2027-03-01T10:00:00.000Z',
  finalised_at: '2027-06-03T10:00:00.000Z',
  last_cycles_paid_by: 'operator',
  claims_paid_count: 1,
  claims_paid_minor: 10_000_000n,
  claims_rejected_count: 0,
  receivables_written_off_minor: 0n,
};

const built = buildClosureReport(
  facts,
  [
    { member_code: 'MAAAA', wallet_at_closure_minor: 500n, refunded_minor: 500n, unclaimed_minor: 0n },
    { member_code: 'MBBBB', wallet_at_closure_minor: 300n, refunded_minor: 0n, unclaimed_minor: 300n },
    { member_code: 'MCCCC', wallet_at_closure_minor: 0n, refunded_minor: 0n, unclaimed_minor: 0n },
  ],
  signer,
);
const header = built.text.split('\n')[0]!;
const proof = closureProofFromReport(built.text, 'MBBBB');
const failed = (result: ReturnType<typeof checkClosureLine>) => result.checks.filter((check) => !check.ok).map((check) => check.id);

it('passes a member line of a signed report against the operator key the site publishes', () => {
  expect(proof).not.toBeNull();
  const result = checkClosureLine(JSON.parse(JSON.stringify(proof)), header, signer.public_key_hex);
  expect([result.ok, failed(result)]).toEqual([true, []]);
  expect(result.checks.map((check) => check.id)).toEqual(['header', 'operator_key', 'signature', 'root', 'path']);
});

it('fails the key check when no published key is known or the report names another key', () => {
  expect(failed(checkClosureLine(proof, header, null))).toEqual(['operator_key']);
  expect(checkClosureLine(proof, header, null).ok).toBe(false);
  expect(failed(checkClosureLine(proof, header, 'ab'.repeat(32)))).toEqual(['operator_key']);
});

it('fails a changed amount, another root, or a header that does not parse', () => {
  expect(failed(checkClosureLine({ ...proof, refunded_minor: '300', unclaimed_minor: '0' }, header, signer.public_key_hex))).toEqual(['path']);
  expect(failed(checkClosureLine({ ...proof, merkle_root_hex: 'cd'.repeat(32) }, header, signer.public_key_hex))).toEqual(['root', 'path']);
  expect(checkClosureLine(proof, '{"format":"huzhu-closure/1"}', signer.public_key_hex)).toEqual({ ok: false, checks: [{ id: 'header', ok: false }] });
});
