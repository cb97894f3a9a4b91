import { afterEach, expect, it } from 'vitest';
import { seedDemo } from '../../src/services/demo/seed-demo.js';
import { demoBankFeeMinor } from '../../src/services/demo/demo-statement.js';
import { listBreaks } from '../../src/services/reconciliation/break-queries.js';
import { listStatements } from '../../src/services/reconciliation/statement-queries.js';
import { testContext, type TestContext } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';

describeEachBackend('the demo’s bank statement', (dialect) => {
  let context: TestContext;
  afterEach(async () => context?.store.close());

  it('imports one statement of the custody account whose only break is the bank fee; the days before it reconcile', async () => {
    context = await testContext(dialect, { now: '2026-11-28T10:00:00.000Z' });
    await seedDemo(context, {}, { members: 60, seed: 'statement-seed' });
    const statements = await listStatements(context, { currency: 'CNY' });
    // The lines are the ledger's custody movements of the 30 days before the demo ends (few in a small demo), and the fee.
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ open_breaks: 1n });
    expect(statements[0]!.first_on <= '2026-11-13' && statements[0]!.last_on <= '2026-11-27').toBe(true);
    const breaks = await listBreaks(context, { currency: 'CNY' });
    expect(breaks.map((found) => [found.kind, found.occurred_on, found.bank_amount_minor, found.age_days])).toEqual([['unknown', '2026-11-13', -demoBankFeeMinor, 15]]);
    const days = await context.store.db.selectFrom('reconciliation_days').select(['day', 'status', 'difference_minor']).orderBy('day').execute();
    expect(days).toHaveLength(30);
    const covered = days.filter((day) => day.status !== 'no_statement');
    expect(covered.length).toBeGreaterThan(0);
    expect(covered.filter((day) => day.day < '2026-11-13').every((day) => day.status === 'reconciled' && day.difference_minor === 0n)).toBe(true);
    expect(covered.filter((day) => day.day >= '2026-11-13').every((day) => day.status === 'differs' && day.difference_minor === demoBankFeeMinor)).toBe(true);
  }, 300_000);
});
