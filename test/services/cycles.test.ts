import { afterEach, beforeEach, expect, it } from 'vitest';
import { CycleExportVerifier } from '../../src/core/cycles/export-verifier.js';
import { verifyJournal } from '../../src/ledger/verify-journal.js';
import { reconcileFundingAccounts } from '../../src/services/funding/funding-reconciliation.js';
import { CycleJobs, cycleExportChunks, cycleStatistics, listCycles, memberCycleProof, runCycle, runDueCycles } from '../../src/services/cycles/index.js';
import type { CycleProgress } from '../../src/services/cycles/cycle-rows.js';
import { codeOf } from '../support/rejection-code.js';
import { verifyCycleExport } from '../../src/core/cycles/export-verifier.js';
import { ensureSamplePlans } from '../../src/services/plans.js';
import { seedCycleWorld } from '../../bench/cycle-setup.js';
import { testContext } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';
import { cycleFixture, type CycleFixture } from '../support/cycle-fixture.js';

async function exportText(fixture: CycleFixture, cycle_id: string): Promise<string> {
  let text = '';
  for await (const chunk of cycleExportChunks(fixture.context, cycle_id)) text += chunk;
  return text;
}

function verify(text: string) {
  const verifier = new CycleExportVerifier();
  const lines = text.split('\n');
  // The text ends with "\n": the last element is the empty rest after it.
  for (const line of lines.slice(0, -1)) verifier.pushLine(line);
  return verifier.finish();
}

async function balances(fixture: CycleFixture): Promise<Record<string, string>> {
  const rows = await fixture.context.store.db.selectFrom('ledger_accounts').select(['code', 'net_debit_minor']).orderBy('code').execute();
  return Object.fromEntries(rows.map((row) => [row.code, row.net_debit_minor.toString()]));
}

describeEachBackend('sharing cycles', (dialect) => {
  let fixture: CycleFixture;
  beforeEach(async () => {
    fixture = await cycleFixture(dialect);
  });
  afterEach(async () => fixture.context.store.close());

  it('runs a cycle: snapshot, capped allocation, signed publication, receivables, scheduled payouts', async () => {
    const result = await runCycle(fixture.context, 'critical-illness');
    expect(result.cycle_id).toBe('critical-illness-20270321');
    expect(result.steps_run).toEqual(['snapshot', 'allocate', 'publish', 'charge', 'schedule', 'collect', 'payout']);
    const cycle = result.cycle;
    expect(cycle.status).toBe('completed');
    // Twelve covered; the member who joined on 1 March is still waiting and pays nothing.
    expect(cycle.member_count).toBe(12n);
    // Aid by age at diagnosis: 36 → 300,000 CNY; 42 → 100,000 CNY; fee 8%.
    expect(cycle.aid_total_minor).toBe(40_000_000n);
    expect(cycle.fee_minor).toBe(3_200_000n);
    expect(cycle.total_minor).toBe(43_200_000n);
    // Per-case cap 0.10 CNY × 2 cases: each member pays 20 fen; the backstop bears the rest.
    expect(cycle.share_total_minor).toBe(240n);
    expect(cycle.capped_total_minor).toBe(43_200_000n - 240n);
    const members = await fixture.context.store.db.selectFrom('cycle_members').select(['membership_id', 'share_minor', 'cap_room_minor']).where('cycle_id', '=', cycle.id).execute();
    expect(members.map((row) => row.membership_id)).not.toContain(fixture.waiting);
    expect(new Set(members.map((row) => row.share_minor))).toEqual(new Set([20n]));

    const text = await exportText(fixture, cycle.cycle_code);
    const report = verify(text);
    expect(report.differences).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.merkle_root_hex).toBe(cycle.merkle_root_hex);

    const charges = await fixture.context.store.db.selectFrom('share_charges').select(['amount_minor', 'status', 'next_attempt_at']).where('reference', '=', 'cycle:critical-illness-20270321').execute();
    expect(charges).toHaveLength(12);
    expect(charges.every((charge) => charge.status === 'due' && charge.next_attempt_at === '2027-03-28T00:00:00.000Z')).toBe(true);
    const claims = await fixture.context.store.db.selectFrom('claims').select('state').where('id', 'in', fixture.claims).execute();
    expect(claims.map((claim) => claim.state)).toEqual(['scheduled', 'scheduled']);
    const journal = await verifyJournal(fixture.context.store);
    expect(journal.ok).toBe(true);
    for (const reconciliation of await reconcileFundingAccounts(fixture.context.store)) expect(reconciliation.ok).toBe(true);

    // Every member can prove their share is in the signed root.
    const code = (await fixture.context.store.db.selectFrom('memberships').select('member_code').where('id', '=', fixture.covered[5]!).executeTakeFirstOrThrow()).member_code;
    const proof = await memberCycleProof(fixture.context, cycle.cycle_code, code);
    const withProof = new CycleExportVerifier({ member: { member_code: code, proof } });
    for (const line of text.split('\n').slice(0, -1)) withProof.pushLine(line);
    expect(withProof.finish().ok).toBe(true);

    const stats = await cycleStatistics(fixture.context);
    // Each member paid 20 fen; what they were allocated before the caps, and what the backstop paid, are named as such.
    expect(stats.per_cycle[0]).toMatchObject({
      members_covered: 12,
      cases: 2,
      paid_share_per_member_minor: 20n,
      allocated_share_per_member_minor: 43_200_000n / 12n,
      share_total_minor: 240n,
      capped_total_minor: 43_200_000n - 240n,
      backstop_minor: 43_200_000n - 240n,
      shortfall_minor: 0n,
      people_helped_to_date: 2,
    });
    expect(stats.per_year[0]).toMatchObject({ period: '2027', cycles: 1, paid_share_per_member_minor: 20n });
    // The cycle says how it balances: charged + shortfall + backstop (+ surplus in) = aid payable + fee payable (+ surplus out).
    expect(cycle).toMatchObject({ charged_minor: 240n, shortfall_minor: 0n, backstop_minor: 43_200_000n - 240n, aid_payable_minor: 40_000_000n, fee_payable_minor: 3_200_000n });
    expect((await listCycles(fixture.context))[0]).toMatchObject({ cycle_id: 'critical-illness-20270321', case_count: 2, status: 'completed' });
  });

  it('refuses an unknown plan, a time in the future and a bad time, writing nothing', async () => {
    expect(await codeOf(runCycle(fixture.context, 'no-such-plan'))).toBe('CYCLE_UNKNOWN_PLAN');
    expect(await codeOf(runCycle(fixture.context, 'critical-illness', { at: '2027-04-01T00:00:00Z' }))).toBe('CYCLE_AT_IN_FUTURE');
    expect(await codeOf(runCycle(fixture.context, 'critical-illness', { at: 'tomorrow' }))).toBe('CYCLE_BAD_TIME');
    expect(await fixture.context.store.db.selectFrom('cycles').select('id').execute()).toEqual([]);
  });

  it('answers a second run for the same snapshot with the completed cycle, and refuses a time before its snapshot', async () => {
    const first = await runCycle(fixture.context, 'critical-illness');
    const journal_before = await fixture.context.store.db.selectFrom('ledger_transactions').select('id').execute();
    const again = await runCycle(fixture.context, 'critical-illness');
    expect(again).toMatchObject({ cycle_id: first.cycle_id, already_completed: true, resumed: false, steps_run: [] });
    expect(again.cycle).toEqual(first.cycle);
    // Nothing was posted again.
    expect(await fixture.context.store.db.selectFrom('ledger_transactions').select('id').execute()).toEqual(journal_before);
    // An earlier notice day than the last snapshot's is not due.
    expect(await codeOf(runCycle(fixture.context, 'critical-illness', { at: '2027-03-08T00:00:00Z' }))).toBe('CYCLE_NOT_DUE');
  });

  it('tells its progress: each step started and done, a resumed run counting the steps recorded before', async () => {
    const crashed: CycleProgress[] = [];
    const crash = runCycle(fixture.context, 'critical-illness', {
      onProgress: (progress) => {
        crashed.push(progress);
      },
      failPoint: (name) => {
        if (name === 'allocate:after') throw new Error('crash');
      },
    });
    await expect(crash).rejects.toThrow('crash');
    const events = (list: CycleProgress[]) => list.map((progress) => `${progress.step}:${progress.state}:${progress.steps_done}/${progress.steps_total}`);
    expect(events(crashed)).toEqual(['snapshot:started:0/7', 'snapshot:done:1/7', 'allocate:started:1/7', 'allocate:done:2/7']);
    const resumed: CycleProgress[] = [];
    await runCycle(fixture.context, 'critical-illness', {
      onProgress: (progress) => {
        resumed.push(progress);
      },
    });
    expect(events(resumed).slice(0, 2)).toEqual(['publish:started:2/7', 'publish:done:3/7']);
    expect(events(resumed).at(-1)).toBe('payout:done:7/7');
    expect(resumed.every((progress) => progress.cycle_id === 'critical-illness-20270321')).toBe(true);
  });

  it('refuses a concurrent run of the same cycle while the first holds it', async () => {
    let second: Promise<unknown> | undefined;
    const first = runCycle(fixture.context, 'critical-illness', {
      failPoint: async (name) => {
        if (name === 'snapshot:after' && second === undefined) {
          second = runCycle(fixture.context, 'critical-illness');
          expect(await codeOf(second)).toBe('CYCLE_ALREADY_RUNNING');
        }
      },
    });
    await first;
    expect(second).toBeDefined();
  });

  it('finishes an interrupted cycle on a re-run with the same export and balances as an uninterrupted run', async () => {
    const reference = await cycleFixture(dialect);
    try {
      const uninterrupted = await runCycle(reference.context, 'critical-illness');
      const expectedExport = await exportText(reference, uninterrupted.cycle_id);
      const expectedBalances = await balances(reference);

      const points = ['open:after', 'snapshot:before-commit', 'snapshot:after', 'allocate:before-commit', 'allocate:after', 'publish:streaming', 'publish:after', 'charge:before-commit', 'charge:after', 'schedule:before-commit', 'schedule:after', 'collect:after', 'payout:after'];
      for (const point of points) {
        const crash = runCycle(fixture.context, 'critical-illness', {
          failPoint: (name) => {
            if (name === point) throw new Error(`crash at ${point}`);
          },
        });
        await expect(crash).rejects.toThrow(`crash at ${point}`);
      }
      const finished = await runCycle(fixture.context, 'critical-illness');
      expect(finished.resumed).toBe(true);
      expect(finished.cycle.status).toBe('completed');
      expect(await exportText(fixture, finished.cycle_id)).toBe(expectedExport);
      expect(await balances(fixture)).toEqual(expectedBalances);
      expect((await verifyJournal(fixture.context.store)).ok).toBe(true);
    } finally {
      await reference.context.store.close();
    }
  });
});

describeEachBackend('due cycles (serve schedule)', (dialect) => {
  it('runs each plan as a cycle job, and a plan whose run fails does not stop the others', async () => {
    const fixture = await cycleFixture(dialect);
    try {
      // The first run to reach the snapshot's commit fails as a full disk would; the second plan's run is not touched.
      let failed = false;
      const jobs = new CycleJobs(fixture.context, {
        failPoint: (name) => {
          if (name !== 'snapshot:before-commit' || failed) return;
          failed = true;
          throw new Error('disk full');
        },
      });
      const reports = await runDueCycles(fixture.context, jobs);
      expect(reports.map(({ plan_id, outcome, message }) => ({ plan_id, outcome, message }))).toEqual([
        { plan_id: 'critical-illness', outcome: 'CYCLE_JOB_FAILED', message: 'disk full' },
        { plan_id: 'senior-cancer', outcome: 'ran', message: undefined },
      ]);
      const job = await jobs.get(reports[1]!.job_id!);
      expect(job).toMatchObject({ status: 'succeeded', created_by: 'schedule', cycle_id: 'senior-cancer-20270321', steps_done: job.steps_total });
      // The next pass finishes the failed plan's cycle (resumed: its open was kept) and leaves the other as done.
      expect((await runDueCycles(fixture.context, jobs)).map((report) => report.outcome)).toEqual(['resumed', 'NOT_DUE']);
    } finally {
      await fixture.context.store.close();
    }
  });

  it('runs each plan\'s cycle once per notice day and reports the rest as not due', async () => {
    const fixture = await cycleFixture(dialect);
    try {
      const first = await runDueCycles(fixture.context);
      expect(first).toEqual([
        { plan_id: 'critical-illness', outcome: 'ran', cycle_id: 'critical-illness-20270321', job_id: expect.any(String) },
        { plan_id: 'senior-cancer', outcome: 'ran', cycle_id: 'senior-cancer-20270321', job_id: expect.any(String) },
      ]);
      expect((await runDueCycles(fixture.context)).map((report) => report.outcome)).toEqual(['NOT_DUE', 'NOT_DUE']);
      fixture.context.clock.set('2027-04-07T00:05:00.000Z');
      expect((await runDueCycles(fixture.context)).map((report) => report.cycle_id)).toEqual(['critical-illness-20270407', 'senior-cancer-20270407']);
      const cycles = await listCycles(fixture.context, { plan_id: 'critical-illness' });
      // The second cycle's seed chains to the first cycle's root.
      expect(cycles[0]!.previous_root_hex).toBe(cycles[1]!.merkle_root_hex);
    } finally {
      await fixture.context.store.close();
    }
  });
});

describeEachBackend('member proofs from stored block roots', (dialect) => {
  it('gives every member across block boundaries a proof that verifies against the export', async () => {
    const context = await testContext(dialect, { now: '2026-12-07T01:00:00.000Z' });
    try {
      await ensureSamplePlans(context);
      await seedCycleWorld(context.store, 2500, 3);
      const { cycle } = await runCycle(context, 'critical-illness');
      expect(cycle.member_count).toBe(2500n);
      const chunks = await context.store.db.selectFrom('cycle_proof_chunks').select(['chunk_index', 'leaf_count']).where('cycle_id', '=', cycle.id).orderBy('chunk_index').execute();
      expect(chunks.map((chunk) => chunk.leaf_count)).toEqual([1024n, 1024n, 452n]);
      let text = '';
      for await (const chunk of cycleExportChunks(context, cycle.cycle_code)) text += chunk;
      const codes = text.split('\n').slice(1, -1).map((line) => (JSON.parse(line) as { member_code: string }).member_code);
      for (const index of [0, 1, 1023, 1024, 1500, 2047, 2048, 2499]) {
        const proof = await memberCycleProof(context, cycle.cycle_code, codes[index]!);
        expect(proof.leaf_index).toBe(index);
        const report = verifyCycleExport(text, { member: { member_code: codes[index]!, proof } });
        expect(report.differences, `member #${index}`).toEqual([]);
      }
    } finally {
      await context.store.close();
    }
  });
});

describeEachBackend('stored export pages', (dialect) => {
  it('stores the published lines in compressed pages and exports the same bytes as from the member rows', async () => {
    const context = await testContext(dialect, { now: '2026-12-07T01:00:00.000Z' });
    try {
      await ensureSamplePlans(context);
      await seedCycleWorld(context.store, 25_000, 3);
      const { cycle } = await runCycle(context, 'critical-illness');
      const pages = await context.store.db.selectFrom('cycle_export_pages').select(['page_index', 'line_count', 'gzip_bytes']).where('cycle_id', '=', cycle.id).orderBy('page_index').execute();
      expect(pages.map((page) => [page.page_index, page.line_count])).toEqual([[0n, 10_000n], [1n, 10_000n], [2n, 5_000n]]);
      const stored_bytes = pages.reduce((sum, page) => sum + page.gzip_bytes.length, 0);
      const exportOf = async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of cycleExportChunks(context, cycle.cycle_code)) chunks.push(chunk);
        return Buffer.concat(chunks);
      };
      const from_pages = await exportOf();
      // Compression pays: export lines are very alike.
      expect(stored_bytes * 5).toBeLessThan(from_pages.length);
      expect(verify(from_pages.toString('utf8'))).toMatchObject({ ok: true, differences: [] });

      // An incomplete set of pages is not used: the lines are rebuilt from the member rows.
      await context.store.db.deleteFrom('cycle_export_pages').where('cycle_id', '=', cycle.id).where('page_index', '=', 2n).execute();
      expect((await exportOf()).equals(from_pages)).toBe(true);
      await context.store.db.deleteFrom('cycle_export_pages').where('cycle_id', '=', cycle.id).execute();
      expect((await exportOf()).equals(from_pages)).toBe(true);
    } finally {
      await context.store.close();
    }
  });
});
