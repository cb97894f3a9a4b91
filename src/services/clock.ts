/** Time enters the domain only through a clock, so tests and the simulator can set it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: string | Date): Clock & { set(at: string | Date): void } {
  let current = new Date(at);
  return { now: () => new Date(current), set: (next) => (current = new Date(next)) };
}

/**
 * A clock that started at `start` and runs at the system's pace from the moment it is made: the
 * server's test hook HUZHU_CLOCK_START, so a browser test can restart a server days later (after a
 * public notice ended) without waiting for them.
 */
export function shiftedClock(start: string | Date, system: Clock = systemClock): Clock {
  const offset_ms = new Date(start).getTime() - system.now().getTime();
  if (Number.isNaN(offset_ms)) throw new Error(`not a time: ${String(start)}`);
  return { now: () => new Date(system.now().getTime() + offset_ms) };
}
