import { expect, it } from 'vitest';
import { serverClock } from '../../src/cli/serve-command.js';
import { fixedClock, shiftedClock, systemClock } from '../../src/services/clock.js';

it('a shifted clock starts at its time and runs at the pace of the clock under it', () => {
  const system = fixedClock('2026-12-01T08:00:00.000Z');
  const clock = shiftedClock('2027-01-20T00:00:00.000Z', system);
  expect(clock.now().toISOString()).toBe('2027-01-20T00:00:00.000Z');
  system.set('2026-12-01T08:00:05.250Z');
  expect(clock.now().toISOString()).toBe('2027-01-20T00:00:05.250Z');
});

it('the server takes HUZHU_CLOCK_START only outside production, and only as an ISO time with a zone', () => {
  expect(serverClock({}, false)).toBe(systemClock);
  expect(serverClock({ HUZHU_CLOCK_START: '2030-01-01T00:00:00Z' }, false).now().getUTCFullYear()).toBe(2030);
  expect(() => serverClock({ HUZHU_CLOCK_START: '2030-01-01T00:00:00Z' }, true)).toThrow(/refused with HUZHU_ENV=production/);
  expect(() => serverClock({ HUZHU_CLOCK_START: '2030-01-01 00:00' }, false)).toThrow(/ISO 8601/);
});
