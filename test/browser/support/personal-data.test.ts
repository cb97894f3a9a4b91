import { describe, expect, it } from 'vitest';
import { leaks } from './personal-data.js';

describe('the personal-data scan', () => {
  it('finds a name in any case and a birth date written as a date', () => {
    expect(leaks('Patient: WU MAN', ['Wu Man'])).toEqual(['Wu Man']);
    expect(leaks('{"birth_date":"1990-04-15"}', ['1990-04-15'])).toEqual(['1990-04-15']);
    expect(leaks('opened 2026-04-15T08:00:00Z, born 2026-04-15.', ['2026-04-15'])).toEqual(['2026-04-15']);
  });

  it('does not read the day of an instant as a birth date', () => {
    expect(leaks('{"created_at":"2026-04-15T08:00:00.000Z"}', ['2026-04-15'])).toEqual([]);
  });
});
