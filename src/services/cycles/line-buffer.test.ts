import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineBuffer } from './line-buffer.js';

describe('LineBuffer', () => {
  it('holds exactly the UTF-8 of the lines, each ending in a newline, however it grows (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 60 }), fc.integer({ min: 1, max: 64 }), (lines, initial_bytes) => {
        const buffer = new LineBuffer(initial_bytes);
        for (const line of lines) buffer.push(line);
        expect(buffer.view().equals(Buffer.from(lines.map((line) => `${line}\n`).join(''), 'utf8'))).toBe(true);
      }),
    );
  });

  it('take gives a copy and starts again; clear empties it', () => {
    const buffer = new LineBuffer(4);
    buffer.push('第一行');
    const first = buffer.take();
    buffer.push('two');
    expect(first.toString('utf8')).toBe('第一行\n');
    expect(buffer.view().toString('utf8')).toBe('two\n');
    buffer.clear();
    expect(buffer.view().length).toBe(0);
  });
});
