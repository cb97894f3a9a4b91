import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedCycleWorld } from '../../bench/cycle-setup.js';
import type { ServiceContext } from '../../src/services/context.js';
import { ensureSamplePlans } from '../../src/services/plans.js';
import { testContext } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';

describeEachBackend('store contract: share charges belong to a membership and a plan', (dialect) => {
  let context: ServiceContext;
  beforeEach(async () => {
    context = await testContext(dialect, { now: '2026-12-07T01:00:00.000Z' });
    await ensureSamplePlans(context);
    // Two members of the critical-illness plan.
    await seedCycleWorld(context.store, 2, 0);
  });
  afterEach(async () => context.store.close());

  const charge = (membership_id: bigint, plan_id: string, reference: string) => ({
    membership_id,
    plan_id,
    reference,
    amount_minor: 300n,
    status: 'due' as const,
    attempts: 0n,
    retry_until: '2026-12-20T00:00:00.000Z',
    next_attempt_at: '2026-12-10T00:00:00.000Z',
    created_at: '2026-12-07T01:00:00.000Z',
    paid_at: null,
  });

  it('takes a charge of a membership and its plan, and refuses an unknown plan or membership', async () => {
    const db = context.store.db;
    const [first] = await db.selectFrom('memberships').select(['id', 'plan_id']).orderBy('id').execute();
    expect(first?.plan_id).toBe('critical-illness');
    await db.insertInto('share_charges').values(charge(first!.id, 'critical-illness', 'ok')).execute();
    await expect(db.insertInto('share_charges').values(charge(first!.id, 'no-such-plan', 'unknown-plan')).execute()).rejects.toThrow(/foreign key/i);
    await expect(db.insertInto('share_charges').values(charge(999_999n, 'critical-illness', 'unknown-membership')).execute()).rejects.toThrow(/foreign key/i);
    await expect(db.updateTable('share_charges').set({ membership_id: 999_999n }).where('reference', '=', 'ok').execute()).rejects.toThrow(/foreign key/i);
    if (dialect === 'postgres') {
      // The composite key of migration 0010 also holds the plan to the membership's (SQLite keeps its two plain keys).
      await expect(db.insertInto('share_charges').values(charge(first!.id, 'senior-cancer', 'other-plan')).execute()).rejects.toThrow(/foreign key/i);
      await expect(db.updateTable('share_charges').set({ plan_id: 'senior-cancer' }).where('reference', '=', 'ok').execute()).rejects.toThrow(/foreign key/i);
    }
    const kept = await db.selectFrom('share_charges').select(['reference', 'plan_id']).execute();
    expect(kept).toEqual([{ reference: 'ok', plan_id: 'critical-illness' }]);
  });
});
