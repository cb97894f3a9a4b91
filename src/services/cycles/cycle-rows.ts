import type { Selectable } from 'kysely';
import type { CyclesTable } from '../../store/schema.js';

export type CycleRow = Selectable<CyclesTable>;

/** The steps of a cycle run, in order; each is recorded in cycle_steps when done. */
export const cycleSteps = ['snapshot', 'allocate', 'publish', 'charge', 'schedule', 'collect', 'payout'] as const;
export type CycleStep = (typeof cycleSteps)[number];

/** Called at named points of a run; the crash test kills the process there. */
export type FailPoint = (name: string) => void | Promise<void>;

/** Where a run is: told when a step starts and when it is recorded done. */
export interface CycleProgress {
  readonly cycle_id: string;
  readonly step: CycleStep;
  readonly state: 'started' | 'done';
  /** Steps recorded done, including those an earlier (crashed) run recorded. */
  readonly steps_done: number;
  readonly steps_total: number;
}

/** The charge reference of a cycle's shares: unique per membership, so a re-run charges nobody twice. */
export function cycleChargeReference(cycle_code: string): string {
  return `cycle:${cycle_code}`;
}
