import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CYCLE_EXPORT_FORMAT,
  OPERATOR_PAID_EXPORT_FORMAT,
  headerLine,
  memberLine,
  parseHeaderLine,
  parseMemberLine,
  signedHeaderPayload,
  type CycleExportHeader,
  type CycleExportLine,
} from './cycle-export.js';
import { capReductionOfAid, cycleSeedHex, cycleTotals, GENESIS_ROOT_HEX } from './cycle-figures.js';

/** Member lines with the given codes, weights from `weight_min`, and amounts up to 10^30. */
function memberLines(member_code: fc.Arbitrary<string>, weight_min: bigint): fc.Arbitrary<CycleExportLine> {
  return fc.record({
    member_code,
    weight: fc.bigInt({ min: weight_min, max: BigInt(Number.MAX_SAFE_INTEGER) }),
    cap_room_minor: fc.option(fc.bigInt({ min: 0n, max: 10n ** 30n }), { nil: null }),
    share_minor: fc.bigInt({ min: 0n, max: 10n ** 30n }),
    capped_minor: fc.bigInt({ min: 0n, max: 10n ** 30n }),
  });
}

const header: CycleExportHeader = {
  format: CYCLE_EXPORT_FORMAT,
  cycle_id: 'cycle-2024-07',
  plan_id: 'critical-illness',
  currency: 'CNY',
  snapshot_at: '2024-07-07T00:00:00.000Z',
  previous_root_hex: GENESIS_ROOT_HEX,
  seed_hex: 'a'.repeat(64),
  cases: [
    { case_id: 'C-1', aid_minor: 30_000_000n },
    { case_id: '病例-2', aid_minor: 10_000_000n },
  ],
  aid_total_minor: 40_000_000n,
  fee_bps: 800,
  fee_minor: 3_200_000n,
  surplus_in_minor: 0n,
  total_minor: 43_200_000n,
  surplus_out_minor: 0n,
  weight_scheme: 'equal',
  member_count: 2,
  weight_total: 2n,
  share_total_minor: 43_199_990n,
  capped_total_minor: 10n,
  cap_policy: 'backstop',
  merkle_root_hex: 'b'.repeat(64),
  lines_sha256_hex: 'f'.repeat(64),
  public_key_hex: 'c'.repeat(64),
  signature_hex: 'd'.repeat(128),
};

const line: CycleExportLine = { member_code: 'M3K7', weight: 2n, cap_room_minor: 18_800n, share_minor: 18_800n, capped_minor: 5n };

describe('cycle export lines', () => {
  it('writes the header with the keys in the fixed order, money as digit strings, no spaces', () => {
    const text = headerLine(header);
    expect(text.startsWith('{"format":"huzhu-cycle/1","cycle_id":"cycle-2024-07","plan_id":"critical-illness","currency":"CNY",')).toBe(true);
    expect(text).toContain('"cases":[{"case_id":"C-1","aid_minor":"30000000"},{"case_id":"病例-2","aid_minor":"10000000"}],"aid_total_minor":"40000000","fee_bps":800,');
    expect(text).toContain('"member_count":2,"weight_total":2,"share_total_minor":"43199990"');
    expect(
      text.endsWith(
        `"merkle_root_hex":"${'b'.repeat(64)}","lines_sha256_hex":"${'f'.repeat(64)}","public_key_hex":"${'c'.repeat(64)}","signature_hex":"${'d'.repeat(128)}"}`,
      ),
    ).toBe(true);
    expect(text).not.toMatch(/[ \n]/);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(Object.keys(header));
  });

  it('signs the header without its signature_hex, byte for byte the rest of the line', () => {
    const { signature_hex, ...unsigned } = header;
    const payload = signedHeaderPayload(unsigned);
    expect(payload).toBe(headerLine(header).replace(`,"signature_hex":"${signature_hex}"`, ''));
    expect(payload).not.toContain('signature_hex');
    // The member lines' hash is signed with the rest.
    expect(payload).toContain(`"lines_sha256_hex":"${'f'.repeat(64)}"`);
  });

  it('writes a member line, with null for an uncapped member', () => {
    expect(memberLine(line)).toBe('{"member_code":"M3K7","weight":2,"cap_room_minor":"18800","share_minor":"18800","capped_minor":"5"}');
    expect(memberLine({ ...line, cap_room_minor: null, capped_minor: 0n })).toBe(
      '{"member_code":"M3K7","weight":2,"cap_room_minor":null,"share_minor":"18800","capped_minor":"0"}',
    );
  });

  it('round-trips header and member lines', () => {
    const parsed = parseHeaderLine(headerLine(header));
    expect(parsed).toEqual({ ok: true, value: header });
    expect(parseMemberLine(memberLine(line))).toEqual({ ok: true, value: line });
  });

  it('writes a closing cycle\'s header as huzhu-cycle/2, with operator_paid_minor after capped_total_minor, and round-trips it', () => {
    const closing: CycleExportHeader = {
      ...header,
      format: OPERATOR_PAID_EXPORT_FORMAT,
      fee_bps: 0,
      fee_minor: 0n,
      total_minor: 40_000_000n,
      member_count: 0,
      weight_total: 0n,
      share_total_minor: 0n,
      capped_total_minor: 0n,
      operator_paid_minor: 40_000_000n,
    };
    const text = headerLine(closing);
    expect(text.startsWith('{"format":"huzhu-cycle/2",')).toBe(true);
    expect(text).toContain('"share_total_minor":"0","capped_total_minor":"0","operator_paid_minor":"40000000","cap_policy":"backstop",');
    expect(parseHeaderLine(text)).toEqual({ ok: true, value: closing });
    // A member-shared cycle keeps its huzhu-cycle/1 bytes: no operator_paid_minor key at all.
    expect(headerLine(header)).not.toContain('operator_paid_minor');
    // The format and the field go together.
    expect(() => headerLine({ ...header, operator_paid_minor: 1n })).toThrow(/says what the operator paid/);
    const { operator_paid_minor: _omitted, ...without } = closing;
    expect(() => headerLine(without)).toThrow(/says what the operator paid/);
  });

  it('round-trips any member line (fast-check)', () => {
    const lines = memberLines(fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }), 1n);
    fc.assert(
      fc.property(lines, (value) => {
        const text = memberLine(value);
        expect(parseMemberLine(text)).toEqual({ ok: true, value });
      }),
    );
  });

  it('writes a member line exactly as JSON.stringify writes the object of its keys in order (fast-check)', () => {
    // Any code: quotes, backslashes, control characters and lone surrogates must be escaped the same way.
    const lines = memberLines(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('"', '\\', '\u2028', '\u0000', '\ud800')), 0n);
    fc.assert(
      fc.property(lines, (line) => {
        const expected = JSON.stringify({
          member_code: line.member_code,
          weight: Number(line.weight),
          cap_room_minor: line.cap_room_minor === null ? null : line.cap_room_minor.toString(),
          share_minor: line.share_minor.toString(),
          capped_minor: line.capped_minor.toString(),
        });
        expect(memberLine(line)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects missing, unknown and mistyped keys, naming the field', () => {
    const object = JSON.parse(headerLine(header)) as Record<string, unknown>;
    const variant = (change: (copy: Record<string, unknown>) => void): string => {
      const copy = { ...object };
      change(copy);
      return JSON.stringify(copy);
    };
    const message = (text: string): string => {
      const result = parseHeaderLine(text);
      expect(result.ok).toBe(false);
      return result.ok ? '' : `${result.rejection.code}: ${result.rejection.message}`;
    };
    expect(message(variant((copy) => delete copy.plan_id))).toBe('EXPORT_BAD_HEADER: the header lacks plan_id');
    expect(message(variant((copy) => (copy.extra = 1)))).toBe('EXPORT_BAD_HEADER: the header has unknown key(s) "extra"');
    expect(message(variant((copy) => (copy.fee_minor = 3_200_000)))).toContain('fee_minor is not a string of digits');
    expect(message(variant((copy) => (copy.fee_minor = '-1')))).toContain('fee_minor');
    expect(message(variant((copy) => (copy.fee_minor = '007')))).toContain('fee_minor');
    expect(message(variant((copy) => (copy.weight_total = '2')))).toContain('weight_total is not an integer');
    expect(message(variant((copy) => (copy.member_count = 1.5)))).toContain('member_count is not an integer');
    expect(message(variant((copy) => (copy.seed_hex = 'A'.repeat(64))))).toContain('seed_hex is not 64 lower-case hex digits');
    expect(message(variant((copy) => (copy.signature_hex = 'd'.repeat(64))))).toContain('signature_hex is not 128');
    expect(message(variant((copy) => delete copy.lines_sha256_hex))).toBe('EXPORT_BAD_HEADER: the header lacks lines_sha256_hex');
    expect(message(variant((copy) => (copy.lines_sha256_hex = 'F'.repeat(64))))).toContain('lines_sha256_hex is not 64 lower-case hex digits');
    expect(message(variant((copy) => (copy.lines_sha256_hex = 'f'.repeat(63))))).toContain('lines_sha256_hex is not 64 lower-case hex digits');
    expect(message(variant((copy) => (copy.cap_policy = 'other')))).toContain('cap_policy');
    expect(message(variant((copy) => (copy.format = 'huzhu-cycle/3')))).toContain('format is neither "huzhu-cycle/1" nor "huzhu-cycle/2"');
    // huzhu-cycle/2 is huzhu-cycle/1 with operator_paid_minor; each format has exactly its keys.
    expect(message(variant((copy) => (copy.format = 'huzhu-cycle/2')))).toBe('EXPORT_BAD_HEADER: the header lacks operator_paid_minor');
    expect(message(variant((copy) => (copy.operator_paid_minor = '5')))).toBe('EXPORT_BAD_HEADER: the header has unknown key(s) "operator_paid_minor"');
    expect(message(variant((copy) => (copy.snapshot_at = '7 July 2024')))).toContain('snapshot_at');
    expect(message(variant((copy) => (copy.cases = [{ case_id: 'C-1' }])))).toContain('cases[0] lacks aid_minor');
    expect(message('[1]')).toContain('not a JSON object');
    expect(message('{"format":')).toContain('not valid JSON');

    const memberMessage = (text: string): string => {
      const result = parseMemberLine(text);
      return result.ok ? 'ok' : `${result.rejection.code}: ${result.rejection.message}`;
    };
    expect(memberMessage('{"member_code":"M","weight":0,"cap_room_minor":null,"share_minor":"1","capped_minor":"0"}')).toBe(
      'EXPORT_BAD_LINE: weight is not an integer ≥ 1',
    );
    expect(memberMessage('{"member_code":"","weight":1,"cap_room_minor":null,"share_minor":"1","capped_minor":"0"}')).toContain('member_code');
    expect(memberMessage('{"member_code":"\\ud800","weight":1,"cap_room_minor":null,"share_minor":"1","capped_minor":"0"}')).toContain(
      'lone surrogate',
    );
    expect(memberMessage('{"member_code":"M","weight":1,"cap_room_minor":0,"share_minor":"1","capped_minor":"0"}')).toContain('cap_room_minor');
    expect(memberMessage('{"member_code":"M","weight":1,"share_minor":"1","capped_minor":"0"}')).toBe('EXPORT_BAD_LINE: the line lacks cap_room_minor');
  });

  it('parses a non-canonical spelling, which the canonical re-serialization then exposes', () => {
    const canonical = memberLine(line);
    for (const variant of [
      canonical.replace('"weight":2', '"weight":2.0'),
      canonical.replace('"M3K7"', '"\\u004d3K7"'),
      canonical.replace(',"weight"', ', "weight"'),
      `${canonical} `,
    ]) {
      const parsed = parseMemberLine(variant);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(memberLine(parsed.value)).not.toBe(variant);
    }
  });
});

describe('cycle figures', () => {
  it('derives the seed from the previous root and the cycle id', () => {
    const expected = createHash('sha256').update(`${GENESIS_ROOT_HEX}|cycle-1`).digest('hex');
    expect(cycleSeedHex(GENESIS_ROOT_HEX, 'cycle-1')).toBe(expected);
    expect(GENESIS_ROOT_HEX).toBe('0'.repeat(64));
  });

  it('computes fee, total and surplus carried out', () => {
    expect(cycleTotals({ aid_total_minor: 40_000_000n, fee_bps: 800, surplus_in_minor: 0n })).toEqual({
      fee_minor: 3_200_000n,
      total_minor: 43_200_000n,
      surplus_out_minor: 0n,
    });
    // Rounded down: 999 × 8% = 79.92.
    expect(cycleTotals({ aid_total_minor: 999n, fee_bps: 800, surplus_in_minor: 79n })).toEqual({ fee_minor: 79n, total_minor: 999n, surplus_out_minor: 0n });
    expect(cycleTotals({ aid_total_minor: 1_000n, fee_bps: 800, surplus_in_minor: 1_500n })).toEqual({ fee_minor: 80n, total_minor: 0n, surplus_out_minor: 420n });
    expect(cycleTotals({ aid_total_minor: 0n, fee_bps: 800, surplus_in_minor: 0n })).toEqual({ fee_minor: 0n, total_minor: 0n, surplus_out_minor: 0n });
  });

  it('takes a cap shortfall off the aid pro rata, never more than a case has', () => {
    const cases = [
      { case_id: 'A', aid_minor: 300n },
      { case_id: 'B', aid_minor: 100n },
      { case_id: 'Z', aid_minor: 0n },
    ];
    const reduced = capReductionOfAid(cases, 10n, 'f'.repeat(64));
    expect(reduced.ok).toBe(true);
    if (!reduced.ok) return;
    // 10 × 300/400 = 7.5 and 10 × 100/400 = 2.5: one leftover unit, to the tie-break winner.
    const [a, b, z] = reduced.value.cases;
    expect(a!.reduction_minor + b!.reduction_minor).toBe(10n);
    expect([7n, 8n]).toContain(a!.reduction_minor);
    expect(z).toEqual({ case_id: 'Z', aid_minor: 0n, reduction_minor: 0n, payable_minor: 0n });
    expect(a!.payable_minor).toBe(300n - a!.reduction_minor);
    expect(reduced.value.fee_reduction_minor).toBe(0n);

    const all = capReductionOfAid(cases, 450n);
    expect(all.ok && all.value.cases.map((entry) => entry.payable_minor)).toEqual([0n, 0n, 0n]);
    expect(all.ok && all.value.fee_reduction_minor).toBe(50n);

    expect(capReductionOfAid([...cases, { case_id: 'A', aid_minor: 1n }], 1n).ok).toBe(false);
  });

  it('never reduces a case below zero and reduces exactly the capped total (fast-check)', () => {
    const input = fc.record({
      aids: fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 8 }),
      capped: fc.bigInt({ min: 0n, max: 10n ** 10n }),
    });
    fc.assert(
      fc.property(input, ({ aids, capped }) => {
        const cases = aids.map((aid_minor, index) => ({ case_id: `case-${index}`, aid_minor }));
        const result = capReductionOfAid(cases, capped, GENESIS_ROOT_HEX);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        let reduced = 0n;
        for (const entry of result.value.cases) {
          expect(entry.reduction_minor >= 0n && entry.reduction_minor <= entry.aid_minor).toBe(true);
          reduced += entry.reduction_minor;
        }
        expect(reduced + result.value.fee_reduction_minor).toBe(capped);
      }),
    );
  });
});
