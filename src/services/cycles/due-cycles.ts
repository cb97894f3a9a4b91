import { RejectionError } from '../../core/rejection.js';
import type { ServiceContext } from '../context.js';
import { runCycle } from './run-cycle.js';

export interface DueCycleReport {
  readonly plan_id: string;
  /**
   * `ran` or `resumed`; NOT_DUE when the latest notice day's cycle is already completed (a normal
   * day, not an error), ALREADY_RUNNING when another process holds it, or the code of a refusal.
   */
  readonly outcome: string;
  readonly cycle_id?: string;
}

/** Refusals that only mean "nothing to do now"; anything else is reported as a failure. */
const quiet = new Set(['CYCLE_NOT_DUE', 'CYCLE_ALREADY_RUNNING']);

/**
 * What `serve` does on the plans' schedule: for every plan, run the cycle of the latest notice day
 * if it has none yet, or finish one a crashed run left unfinished. A plan's refusal (no covered
 * members for its cases, say) is reported and does not stop the other plans.
 */
export async function runDueCycles(context: ServiceContext): Promise<DueCycleReport[]> {
  const plans = await context.store.db.selectFrom('plans').select('id').orderBy('id').execute();
  const reports: DueCycleReport[] = [];
  for (const { id: plan_id } of plans) {
    try {
      const result = await runCycle(context, plan_id);
      const outcome = result.already_completed ? 'NOT_DUE' : result.resumed ? 'resumed' : 'ran';
      reports.push({ plan_id, outcome, cycle_id: result.cycle_id });
    } catch (error) {
      if (!(error instanceof RejectionError)) throw error;
      reports.push({ plan_id, outcome: quiet.has(error.rejection.code) ? error.rejection.code.replace('CYCLE_', '') : error.rejection.code });
    }
  }
  return reports;
}
