import { cycleSteps, type CycleStep, type FailPoint } from '../services/cycles/cycle-rows.js';
import type { ServiceContext } from '../services/context.js';
import { StatementCounter } from '../store/statement-counter.js';

/**
 * Test hooks of `huzhu cycle run`, set by the environment (the crash test drives them):
 *
 * - `HUZHU_CYCLE_KILL_AT=<point>` SIGKILLs the process at a named point of the run
 *   (`charge:before-commit`, `publish:after`, …);
 * - `HUZHU_CYCLE_KILL_AT=<step>#<n>` SIGKILLs it right after the n-th database statement of that
 *   step (counting from 1), a point every machine reaches whatever its speed, inside open
 *   transactions too;
 * - `HUZHU_CYCLE_COUNT_STATEMENTS=1` prints the statements each step executed when the run ends,
 *   the range an n is drawn from. What runs between steps (and the final status update) counts in
 *   `<step>:after`, so the n-th statement of a step is always before the step is committed.
 */
export interface CycleRunHooks {
  readonly failPoint?: FailPoint;
  /** Statements from here on belong to this phase: a step, or `<step>:after` once it is recorded done. */
  enterPhase(phase: CycleStep | `${CycleStep}:after`): void;
  /** The context the run works on: the given one, or one whose statements are counted. */
  wrap(context: ServiceContext): ServiceContext;
  /** The line to print when the run ends, if counting was asked for. */
  countLine(): string | undefined;
}

const statementPoint = /^([a-z]+)#([1-9]\d{0,8})$/;

function isStep(name: string): name is CycleStep {
  return (cycleSteps as readonly string[]).includes(name);
}

function killNow(): void {
  process.kill(process.pid, 'SIGKILL');
}

export function cycleRunHooks(env: NodeJS.ProcessEnv): CycleRunHooks {
  const point = env.HUZHU_CYCLE_KILL_AT ?? '';
  const counting = env.HUZHU_CYCLE_COUNT_STATEMENTS === '1';
  const counted = statementPoint.exec(point);
  if (point.includes('#') && counted === null) {
    throw new Error(`HUZHU_CYCLE_KILL_AT: "${point}" is not <step>#<n> with n a statement number from 1`);
  }
  if (counted !== null && !isStep(counted[1]!)) {
    throw new Error(`HUZHU_CYCLE_KILL_AT: "${counted[1]}" is not a step (${cycleSteps.join(', ')})`);
  }
  const kill_step = counted?.[1];
  const kill_statement = counted === null ? undefined : Number(counted[2]);
  const failPoint: FailPoint | undefined =
    point === '' || counted !== null
      ? undefined
      : (name) => {
          if (name === point) killNow();
        };
  const counter =
    counting || counted !== null
      ? new StatementCounter('open', (phase, statement_number) => {
          if (phase === kill_step && statement_number === kill_statement) killNow();
        })
      : undefined;
  return {
    ...(failPoint === undefined ? {} : { failPoint }),
    enterPhase: (phase) => counter?.enter(phase),
    wrap: (context) =>
      counter === undefined ? context : { ...context, store: { ...context.store, db: context.store.db.withPlugin(counter) } },
    countLine: () =>
      counting && counter !== undefined ? `statements per step: ${JSON.stringify(counter.counts())}` : undefined,
  };
}
