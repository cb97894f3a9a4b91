import { generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDateOf } from '../members/age.js';
import { buildClosureReport, type ClosureReportFacts } from './build-closure-report.js';
import { closureHeaderLine, closureLeafData, closureLeafHash, parseClosureHeader, parseClosureLine, type ClosureReportLine } from './closure-report.js';
import { inclusionProof, leafHash, proofToHex } from '../merkle/merkle.js';
import { compareUtf8 } from '../money/byte-order.js';
import { checkAnnouncement, checkDiagnosisBeforeClosure, refundOutcome, MAX_CLOSURE_REFUND_ATTEMPTS } from './closure-rules.js';
import { MAX_LINE_BYTES } from '../records/strict-fields.js';
import { ClosureReportStream, closureProofHolds, parseClosureProof, verifyClosureReport } from './closure-verifier.js';

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
  claims_paid_count: 2,
  claims_paid_minor: 20_000_000n,
  claims_rejected_count: 1,
  receivables_written_off_minor: 1234n,
};

/** Lines with distinct codes; each wallet split into a refunded and an unclaimed part. */
const linesArbitrary = fc
  .uniqueArray(
    fc.record({
      member_code: fc.stringMatching(/^M[0-9A-Z]{4,8}$/),
      wallet: fc.bigInt({ min: 0n, max: 10n ** 15n }),
      unclaimed: fc.boolean(),
    }),
    { selector: (line) => line.member_code, minLength: 1, maxLength: 40 },
  )
  .map((entries) =>
    entries.map(
      ({ member_code, wallet, unclaimed }): ClosureReportLine => ({
        member_code,
        wallet_at_closure_minor: wallet,
        refunded_minor: unclaimed ? 0n : wallet,
        unclaimed_minor: unclaimed ? wallet : 0n,
      }),
    ),
  );

describe('closure report huzhu-closure/1', () => {
  it('verifies what it builds, and every member line has a proof that leads to the root', () => {
    fc.assert(
      fc.property(linesArbitrary, (lines) => {
        const built = buildClosureReport(facts, lines, signer);
        const report = verifyClosureReport(built.text, { public_key_hex: signer.public_key_hex });
        expect(report.differences).toEqual([]);
        expect(report.ok).toBe(true);
        expect(built.header.custody_after_minor).toBe(built.header.unclaimed_total_minor);
        expect(built.header.refunded_total_minor + built.header.unclaimed_total_minor).toBe(built.header.wallet_total_minor);
        const member = lines[lines.length - 1]!.member_code;
        const withMember = verifyClosureReport(built.text, { member: { member_code: member } });
        expect(withMember.ok).toBe(true);
        expect(withMember.member?.member_code).toBe(member);
        const proof = parseClosureProof(JSON.parse(JSON.stringify(withMember.member!.proof)));
        expect(proof.ok && closureProofHolds(proof.value)).toBe(true);
        // The proof, given back, is checked against the report.
        expect(verifyClosureReport(built.text, { member: { member_code: member, proof: withMember.member!.proof } }).ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('computes any member\'s proof from the file as the whole tree\'s audit path, keeping no leaves', () => {
    fc.assert(
      fc.property(linesArbitrary, fc.nat(), (lines, pick) => {
        const built = buildClosureReport(facts, lines, signer);
        const sorted = [...lines].sort((left, right) => compareUtf8(left.member_code, right.member_code));
        const index = pick % sorted.length;
        const report = verifyClosureReport(built.text, { member: { member_code: sorted[index]!.member_code } });
        expect(report.differences).toEqual([]);
        expect(report.member?.proof).toMatchObject({ leaf_index: index, tree_size: sorted.length });
        const leaves = sorted.map((line) => closureLeafHash(facts.plan_id, line));
        expect(report.member?.proof.proof_hex).toEqual(proofToHex(inclusionProof(leaves, index)));
      }),
      { numRuns: 100 },
    );
  });

  it('proves no member against a header that counts other lines than the file has', () => {
    const lines: ClosureReportLine[] = [
      { member_code: 'MAAAA', wallet_at_closure_minor: 1n, refunded_minor: 1n, unclaimed_minor: 0n },
      { member_code: 'MBBBB', wallet_at_closure_minor: 2n, refunded_minor: 2n, unclaimed_minor: 0n },
    ];
    const built = buildClosureReport(facts, lines, signer);
    for (const stated of [1, 3]) {
      const lying = built.text.replace('"member_count":2', `"member_count":${stated}`);
      const report = verifyClosureReport(lying, { member: { member_code: 'MBBBB' } });
      expect(report.ok).toBe(false);
      expect(report.member).toBeNull();
      expect(report.differences.join('\n')).toMatch(new RegExp(`member_count ${stated}; the lines give 2`));
    }
  });

  it('catches any change of one byte in a member line', () => {
    fc.assert(
      fc.property(linesArbitrary, fc.nat(), (lines, position) => {
        const built = buildClosureReport(facts, lines, signer);
        const headerLength = built.header_line.length + 1;
        const bodyLength = built.text.length - headerLength;
        const at = headerLength + (position % bodyLength);
        const original = built.text[at]!;
        if (original === '\n') return;
        const replaced = original === '1' ? '2' : '1';
        const tampered = built.text.slice(0, at) + replaced + built.text.slice(at + 1);
        expect(verifyClosureReport(tampered).ok).toBe(false);
      }),
      { numRuns: 80 },
    );
  });

  it('refuses a line whose refund and unclaimed part do not add up to the wallet, and a header that lies about a total', () => {
    const lines: ClosureReportLine[] = [
      { member_code: 'MAAAA', wallet_at_closure_minor: 500n, refunded_minor: 500n, unclaimed_minor: 0n },
      { member_code: 'MBBBB', wallet_at_closure_minor: 300n, refunded_minor: 0n, unclaimed_minor: 300n },
    ];
    const built = buildClosureReport(facts, lines, signer);
    const bad = built.text.replace('"refunded_minor":"500"', '"refunded_minor":"400"');
    const report = verifyClosureReport(bad);
    expect(report.ok).toBe(false);
    expect(report.differences.join('\n')).toMatch(/refunded 400 \+ unclaimed 0 is not the wallet at closure 500/);
    const lying = built.text.replace('"custody_after_minor":"300"', '"custody_after_minor":"0"');
    expect(verifyClosureReport(lying).differences.join('\n')).toMatch(/custody_after_minor 0 is not the unclaimed total 300/);
  });

  it('hashes a line as the RFC 6962 leaf of its documented leaf bytes', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), fc.bigInt({ min: 0n, max: 10n ** 15n }), (member_code, wallet) => {
        const line: ClosureReportLine = { member_code, wallet_at_closure_minor: wallet, refunded_minor: wallet, unclaimed_minor: 0n };
        expect(closureLeafHash('计划', line).equals(leafHash(closureLeafData('计划', line)))).toBe(true);
        expect(closureLeafData('计划', line).toString('utf8')).toBe(`closure:计划|${member_code}|${wallet}|${wallet}|0`);
      }),
    );
  });

  it('rejects a header or a line that lacks a field', () => {
    const built = buildClosureReport(facts, [{ member_code: 'MAAAA', wallet_at_closure_minor: 1n, refunded_minor: 1n, unclaimed_minor: 0n }], signer);
    const header = JSON.parse(built.header_line) as Record<string, unknown>;
    for (const key of Object.keys(header)) {
      const { [key]: _dropped, ...rest } = header;
      const parsed = parseClosureHeader(JSON.stringify(rest));
      expect(parsed.ok ? null : parsed.rejection.code).toBe('CLOSURE_REPORT_BAD_HEADER');
    }
    const line = parseClosureLine('{"member_code":"MAAAA","wallet_at_closure_minor":"1","refunded_minor":"1"}');
    expect(line.ok ? null : line.rejection.message).toMatch(/lacks unclaimed_minor/);
    expect(closureHeaderLine(built.header)).toBe(built.header_line);
  });

  it('reads a report streamed in chunks cut anywhere, even inside a character, as it reads the whole text', () => {
    fc.assert(
      fc.property(linesArbitrary, fc.array(fc.nat(), { maxLength: 6 }), (lines, cuts) => {
        // A member code outside ASCII, so some cuts fall inside a character's UTF-8 bytes.
        const built = buildClosureReport(facts, [...lines, { member_code: 'Z会员', wallet_at_closure_minor: 7n, refunded_minor: 7n, unclaimed_minor: 0n }], signer);
        const bytes = Buffer.from(built.text, 'utf8');
        const points = [...new Set(cuts.map((cut) => cut % bytes.length))].sort((a, b) => a - b);
        const stream = new ClosureReportStream({ member: { member_code: 'Z会员' } });
        let from = 0;
        for (const point of [...points, bytes.length]) {
          stream.push(bytes.subarray(from, point));
          from = point;
        }
        const streamed = stream.end();
        expect(streamed.differences).toEqual([]);
        expect(streamed).toEqual(verifyClosureReport(built.text, { member: { member_code: 'Z会员' } }));
      }),
      { numRuns: 60 },
    );
  });

  it('names a last line without its newline and a line too long to read', () => {
    const built = buildClosureReport(facts, [{ member_code: 'MAAAA', wallet_at_closure_minor: 1n, refunded_minor: 1n, unclaimed_minor: 0n }], signer);
    const cut = verifyClosureReport(built.text.slice(0, -1));
    expect(cut.ok).toBe(false);
    expect(cut.differences).toContain('the last line does not end in "\\n"');
    const stream = new ClosureReportStream();
    stream.push(Buffer.from(`${built.header_line}\n`));
    const tooLong = Buffer.alloc(1024 * 1024, 'x');
    for (let part = 0; part <= MAX_LINE_BYTES / tooLong.length; part += 1) stream.push(tooLong);
    stream.push(Buffer.from('\n'));
    const report = stream.end();
    expect(report.ok).toBe(false);
    expect(report.member_count).toBe(1);
    expect(report.differences[0]).toBe(`line 2: longer than ${MAX_LINE_BYTES} bytes, not read`);
  });

  it('refuses a signature by another key', () => {
    const built = buildClosureReport(facts, [{ member_code: 'MAAAA', wallet_at_closure_minor: 1n, refunded_minor: 1n, unclaimed_minor: 0n }], signer);
    const report = verifyClosureReport(built.text, { public_key_hex: 'ab'.repeat(32) });
    expect(report.differences.join('\n')).toMatch(/not the operator's published/);
  });
});

describe('wind-down rules', () => {
  const today = calendarDateOf('2027-03-01T10:00:00.000Z');
  it('announces a closure once, on a date not in the past', () => {
    expect(checkAnnouncement({ closure_date: '2027-06-01', today, already_announced: false, last_cycles_paid_by: 'operator' }).ok).toBe(true);
    expect(checkAnnouncement({ closure_date: '2027-03-01', today, already_announced: false, last_cycles_paid_by: 'members' }).ok).toBe(true);
    const past = checkAnnouncement({ closure_date: '2027-02-28', today, already_announced: false, last_cycles_paid_by: 'members' });
    expect(past.ok ? null : past.rejection.code).toBe('CLOSURE_DATE_PAST');
    const twice = checkAnnouncement({ closure_date: '2027-06-01', today, already_announced: true, last_cycles_paid_by: 'members' });
    expect(twice.ok ? null : twice.rejection.code).toBe('PLAN_CLOSING');
    const payer = checkAnnouncement({ closure_date: '2027-06-01', today, already_announced: false, last_cycles_paid_by: 'nobody' });
    expect(payer.ok ? null : payer.rejection.code).toBe('CLOSURE_BAD_PAYER');
    const bad = checkAnnouncement({ closure_date: '2027-02-30', today, already_announced: false, last_cycles_paid_by: 'members' });
    expect(bad.ok ? null : bad.rejection.code).toBe('CLOSURE_BAD_DATE');
  });

  it('covers a diagnosis before the closure date only', () => {
    expect(checkDiagnosisBeforeClosure(calendarDateOf('2027-05-31'), '2027-06-01').ok).toBe(true);
    const on = checkDiagnosisBeforeClosure(calendarDateOf('2027-06-01'), '2027-06-01');
    expect(on.ok ? null : on.rejection.code).toBe('CLAIM_AFTER_CLOSURE');
  });

  it('lists a refund as unclaimed after the last failed attempt', () => {
    expect(refundOutcome(true, 1)).toBe('refunded');
    expect(refundOutcome(false, 1)).toBe('retry');
    expect(refundOutcome(false, MAX_CLOSURE_REFUND_ATTEMPTS)).toBe('unclaimed');
  });
});
