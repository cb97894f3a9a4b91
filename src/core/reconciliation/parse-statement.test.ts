import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMinorPlain } from '../money/format-money.js';
import { bankLayouts } from './bank-layouts.js';
import { parseStatement } from './parse-statement.js';

const genericHeader = 'date,value_date,reference,description,amount,currency,balance';
const cnHeader = '交易日期,摘要,对方户名,交易金额,币种,余额,流水号';

function generic(...rows: string[]): string {
  return [genericHeader, ...rows].join('\n');
}

function codeAndLine(text: string, layout = bankLayouts.generic): [string, unknown] {
  const result = parseStatement(text, layout, 'CNY');
  if (result.ok) return ['ok', null];
  return [result.rejection.code, result.rejection.details?.line];
}

describe('parseStatement', () => {
  it('reads the generic layout into signed minor units, with opening and closing balances', () => {
    const result = parseStatement(
      generic('2026-11-02,2026-11-02,settle:top_up:1,Top-up,"1,000.00",CNY,1000.00', '2026-11-03,,refund:1,Refund,-250.5,CNY,749.50'),
      bankLayouts.generic,
      'CNY',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.lines.map((line) => [line.line_number, line.booked_on, line.value_on, line.amount_minor, line.balance_after_minor])).toEqual([
      [2, '2026-11-02', '2026-11-02', 100000n, 100000n],
      [3, '2026-11-03', null, -25050n, 74950n],
    ]);
    expect(result.value).toMatchObject({ first_on: '2026-11-02', last_on: '2026-11-03', opening_balance_minor: 0n, closing_balance_minor: 74950n });
  });

  it('reads the Chinese layout: columns in any order, compact dates, 人民币, a "+" sign, a BOM', () => {
    const text = `\ufeff${cnHeader}\n20261102,top_up:7:key:ab,张*,+50.00,人民币,50.00,B0001\n2026/11/03,,李*,-20.00,CNY,30.00,B0002`;
    const result = parseStatement(text, bankLayouts.cn_bank, 'CNY');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.lines.map((line) => [line.booked_on, line.reference, line.counterparty, line.bank_serial, line.amount_minor])).toEqual([
      ['2026-11-02', 'top_up:7:key:ab', '张*', 'B0001', 5000n],
      ['2026-11-03', '', '李*', 'B0002', -2000n],
    ]);
  });

  it('names the code and the line of each bad input', () => {
    expect(codeAndLine('date,reference,amount,currency,balance\n')).toEqual(['RECON_BAD_COLUMNS', 1]);
    expect(codeAndLine(`${genericHeader},memo\n`)).toEqual(['RECON_BAD_COLUMNS', 1]);
    expect(codeAndLine(generic('2026-11-02,,a,b,1.00,CNY,1.00', '2026-11-02,,a,b,1.00,CNY'))).toEqual(['RECON_BAD_COLUMNS', 3]);
    expect(codeAndLine(generic('2026-11-02,,a,b,1.00,CNY,1.00', '2026-11-02,,a,b,1.0x,CNY,2.00'))).toEqual(['RECON_BAD_AMOUNT', 3]);
    expect(codeAndLine(generic('2026-11-02,,a,b,1e3,CNY,1.00'))).toEqual(['RECON_BAD_AMOUNT', 2]);
    expect(codeAndLine(generic('2026-11-02,,a,b,1.001,CNY,1.00'))).toEqual(['RECON_BAD_AMOUNT', 2]);
    expect(codeAndLine(generic('2026-11-02,,a,b,1.00,CNY,1.00', '2026-11-02,,a,b,1.00,USD,2.00'))).toEqual(['RECON_WRONG_CURRENCY', 3]);
    expect(codeAndLine(generic('2026-02-30,,a,b,1.00,CNY,1.00'))).toEqual(['RECON_BAD_DATE', 2]);
    expect(codeAndLine(generic('20261102,,a,b,1.00,CNY,1.00'))).toEqual(['RECON_BAD_DATE', 2]);
    expect(codeAndLine(generic('2026-11-03,,a,b,1.00,CNY,1.00', '2026-11-02,,a,b,1.00,CNY,2.00'))).toEqual(['RECON_BAD_DATE', 3]);
    expect(codeAndLine(generic('2026-11-02,,a,b,1.00,CNY,1.00', '2026-11-02,,c,d,1.00,CNY,2.00', '2026-11-02,,a,b,1.00,CNY,1.00'))).toEqual(['RECON_DUPLICATE_LINE', 4]);
    expect(codeAndLine(genericHeader)).toEqual(['RECON_EMPTY_STATEMENT', undefined]);
    expect(codeAndLine('')).toEqual(['RECON_EMPTY_STATEMENT', undefined]);
    expect(codeAndLine(generic('2026-11-02,,"a,b,1.00,CNY,1.00'))[0]).toBe('RECON_BAD_CSV');
  });

  it('keeps a transfer booked twice by the bank as two lines: their balances differ', () => {
    const result = parseStatement(generic('2026-11-02,,ref:1,x,5.00,CNY,5.00', '2026-11-02,,ref:1,x,5.00,CNY,10.00'), bankLayouts.generic, 'CNY');
    expect(result.ok && result.value.lines.length).toBe(2);
  });

  it('reads back every amount it is given, exactly (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }).filter((amount) => amount !== 0n), { minLength: 1, maxLength: 30 }), (amounts) => {
        let balance = 0n;
        const rows = amounts.map((amount_minor, index) => {
          balance += amount_minor;
          const sign = amount_minor < 0n ? '-' : '';
          const magnitude = amount_minor < 0n ? -amount_minor : amount_minor;
          const balanceSign = balance < 0n ? '-' : '';
          return `2026-11-02,,ref:${index},x,${sign}${formatMinorPlain(magnitude, 'CNY')},CNY,${balanceSign}${formatMinorPlain(balance < 0n ? -balance : balance, 'CNY')}`;
        });
        const result = parseStatement(generic(...rows), bankLayouts.generic, 'CNY');
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.value.lines.map((line) => line.amount_minor)).toEqual(amounts);
        expect(result.value.opening_balance_minor).toBe(0n);
        expect(result.value.closing_balance_minor).toBe(balance);
        expect(result.value.lines.map((line) => line.line_number)).toEqual(amounts.map((_, index) => index + 2));
      }),
    );
  });
});
