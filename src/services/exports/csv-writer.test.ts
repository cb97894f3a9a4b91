import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, csvRecord } from './csv-writer.js';
import { column, type ExportColumn } from './export-table.js';

const text = column('note', 'text', 'A note', '备注');
const amount = column('amount_minor', 'minor_units', 'An amount', '金额');
const count = column('count', 'integer', 'A count', '数量');
const at = column('at', 'instant', 'A time', '时间');

describe('CSV writer', () => {
  it('quotes quotes, commas and line breaks as RFC 4180 says, and leaves other text alone', () => {
    expect(csvCell('plain 文字', text)).toBe('plain 文字');
    expect(csvCell('a,b', text)).toBe('"a,b"');
    expect(csvCell('say "hi"', text)).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak', text)).toBe('"line\nbreak"');
    expect(csvCell('carriage\rreturn', text)).toBe('"carriage\rreturn"');
    expect(csvCell('', text)).toBe('');
    expect(csvCell(null, text)).toBe('');
    expect(csvCell(null, amount)).toBe('');
  });

  it('puts an apostrophe before text a spreadsheet would run as a formula, never before a number', () => {
    for (const start of ['=', '+', '-', '@', '\t']) expect(csvCell(`${start}SUM(A1:A9)`, text)).toBe(`'${start}SUM(A1:A9)`);
    // Guarded, then quoted: the apostrophe goes inside the quotes.
    expect(csvCell('=HYPERLINK("http://x","y")', text)).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('\r=1', text)).toBe(`"'\r=1"`);
    expect(csvCell('a=b', text)).toBe('a=b');
    expect(csvCell(-120n, amount)).toBe('-120');
    expect(csvCell('-7', count)).toBe('-7');
    expect(csvCell('-2026-11-28T00:00:00.000Z', at)).toBe("'-2026-11-28T00:00:00.000Z");
  });

  it('writes bigints exactly, far beyond a double', () => {
    expect(csvCell(9_223_372_036_854_775_807n, amount)).toBe('9223372036854775807');
    expect(csvCell(-9_223_372_036_854_775_808n, amount)).toBe('-9223372036854775808');
    expect(csvCell(12_345_678_901_234_567n, count)).toBe('12345678901234567');
  });

  it('refuses a number column holding anything but an integer', () => {
    expect(() => csvCell('12.5', amount)).toThrow(/integer/);
    expect(() => csvCell('=1', count)).toThrow(/integer/);
  });

  it('writes the header and records in the documented column order, and a parser reads them back', () => {
    const columns: ExportColumn[] = [text, amount, count, at];
    const rows = [
      { at: '2026-11-28T10:00:00.000Z', count: 3n, amount_minor: -5n, note: 'x, "y"\nz' },
      { at: null, count: 0n, amount_minor: 9_007_199_254_740_993n, note: '@mention' },
    ];
    const file = csvHeader(columns) + rows.map((row) => csvRecord(row, columns)).join('');
    expect(file.endsWith('\r\n')).toBe(true);
    expect(parse(file, { relax_column_count: false })).toEqual([
      ['note', 'amount_minor', 'count', 'at'],
      ['x, "y"\nz', '-5', '3', '2026-11-28T10:00:00.000Z'],
      ["'@mention", '9007199254740993', '0', ''],
    ]);
  });

  it('refuses a row that lacks a documented column', () => {
    expect(() => csvRecord({ note: 'x' }, [text, amount])).toThrow(/amount_minor/);
  });
});
