import { hostname } from 'node:os';
import type { Db } from '../../store/schema.js';
import { cycleRejection } from './cycle-rejections.js';
import type { CycleRow } from './cycle-rows.js';

/** Long enough for the largest step; renewed before each step. */
export const defaultLeaseSeconds = 600;

/** Who runs a cycle: host and process, so a run that died can be recognised and taken over at once. */
export function runOwner(random_hex: string): string {
  return `${hostname()}:${process.pid}:${random_hex}`;
}

/** True when the owner ran on this host in a process that is gone; an owner elsewhere is never presumed dead. */
export function ownerIsDead(token: string): boolean {
  const [host, pid] = token.split(':');
  if (host !== hostname() || pid === undefined || !/^\d+$/.test(pid)) return false;
  if (Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Takes or renews the run lease of a cycle. A second run of the same cycle is refused while the
 * first one's lease lasts, unless the first one's process on this host is gone (killed): then the
 * new run takes over and resumes from the last recorded step.
 */
export async function acquireLease(db: Db, cycle: CycleRow, owner: string, now: string, lease_seconds: number): Promise<void> {
  const until = new Date(Date.parse(now) + lease_seconds * 1000).toISOString();
  const taken = await db
    .updateTable('cycles')
    .set({ run_token: owner, run_lease_until: until })
    .where('id', '=', cycle.id)
    .where((eb) => eb.or([eb('run_token', 'is', null), eb('run_token', '=', owner), eb('run_lease_until', '<', now)]))
    .executeTakeFirst();
  if (taken.numUpdatedRows === 1n) return;
  const current = await db.selectFrom('cycles').select(['run_token', 'run_lease_until']).where('id', '=', cycle.id).executeTakeFirstOrThrow();
  if (current.run_token !== null && ownerIsDead(current.run_token)) {
    const stolen = await db
      .updateTable('cycles')
      .set({ run_token: owner, run_lease_until: until })
      .where('id', '=', cycle.id)
      .where('run_token', '=', current.run_token)
      .executeTakeFirst();
    if (stolen.numUpdatedRows === 1n) return;
  }
  cycleRejection('CYCLE_ALREADY_RUNNING', `Cycle ${cycle.cycle_code} is being run by another process until ${current.run_lease_until ?? '?'}.`, {
    cycle_id: cycle.cycle_code,
    lease_until: current.run_lease_until,
  });
}

export async function releaseLease(db: Db, cycle_id: bigint, owner: string): Promise<void> {
  await db.updateTable('cycles').set({ run_token: null, run_lease_until: null }).where('id', '=', cycle_id).where('run_token', '=', owner).execute();
}
