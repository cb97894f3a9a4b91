import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { ClosureReportStream, closureProofHolds } from '../src/core/closure/closure-verifier.js';
import { fixedClock } from '../src/services/clock.js';
import { closureReportChunks, membershipClosureLine } from '../src/services/closure/closure-queries.js';
import { finaliseClosure } from '../src/services/closure/finalise-closure.js';
import { cryptoRandom, type ServiceContext } from '../src/services/context.js';
import { FieldCipher } from '../src/services/crypto/field-cipher.js';
import type { PaymentGateway } from '../src/services/payments/payment-gateway.js';
import { ensureSamplePlans } from '../src/services/plans.js';
import type { DialectName } from '../src/store/schema.js';
import type { Store } from '../src/store/store.js';
import { migrateToLatest, openStore } from '../src/store/store.js';
import { createBenchDatabase, settleBenchDatabase } from './bench-database.js';
import { floorInsertSelect, seedCycleWorld } from './cycle-setup.js';
import { BenchFailure } from './ledger-setup.js';
import { PeakRssSampler } from './peak-rss.js';
import { note, roundTo, type BenchResult } from './result-line.js';

const plan_id = 'critical-illness';

/** Finalising moves no money: a gateway that is never called. */
const idleGateway: PaymentGateway = {
  name: 'bench',
  collect: () => Promise.reject(new Error('the closure bench collects nothing')),
  payout: () => Promise.reject(new Error('the closure bench pays nothing out')),
  verifyWebhook: () => false,
};

export interface ClosureBenchOptions {
  readonly dialect: DialectName;
  readonly members: number;
  readonly proofs: number;
}

/**
 * The plan's memberships (from the cycle bench's set-based setup, no claims) and its closure at
 * the last step, the claim window long over: every wallet refunded in full, some thousands of
 * fen each, so the lines differ as real ones do. Not timed.
 */
async function seedClosingPlan(store: Store, members: number): Promise<void> {
  await seedCycleWorld(store, members, 0);
  await sql`
    insert into plan_closures (plan_id, closure_date, last_cycles_paid_by, step, announced_at, closed_at, refunds_done_at, receivables_done_at, receivables_written_off_minor)
    values (${plan_id}, '2026-03-01', 'operator', 'receivables_done', '2026-01-15T00:00:00.000Z', '2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z', '2026-03-02T00:00:00.000Z', 0)`.execute(store.db);
  await sql`
    insert into plan_closure_members (plan_id, membership_id, member_code, wallet_at_closure_minor, refunded_minor, unclaimed_minor, refund_attempts, refund_state)
    select plan_id, id, member_code, (id * 7919) % 50000, (id * 7919) % 50000, 0, 1, 'refunded' from memberships where plan_id = ${plan_id}`.execute(store.db);
  if (store.dialect === 'postgres') await sql`analyze`.execute(store.db);
}

async function verifyReportFile(path: string, member_code: string) {
  const stream = new ClosureReportStream({ member: { member_code } });
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) stream.push(chunk as Buffer);
  return stream.end();
}

/**
 * A closure report over `members` memberships: finaliseClosure (rows read in pages, lines hashed,
 * stored as gzip pages with their block roots, the header signed) and the report streamed from its
 * pages to a file, timed together; then `proofs` members' own lines with their proofs, timed on
 * their own (stderr). The floor is a bare INSERT … SELECT of as many rows on the same database in
 * the same run. The file is verified afterwards (not timed) with `huzhu verify`'s streaming reader.
 */
export async function runClosureBench(options: ClosureBenchOptions): Promise<BenchResult> {
  const sampler = new PeakRssSampler();
  sampler.start();
  const database = await createBenchDatabase(options.dialect);
  const directory = mkdtempSync(join(tmpdir(), 'huzhu-closure-report-'));
  try {
    note(`closure: ${database.label}; ${options.members.toLocaleString('en')} memberships`);
    const store = openStore(database.url);
    try {
      await migrateToLatest(store);
      const context: ServiceContext = { store, clock: fixedClock('2026-12-07T01:00:00.000Z'), cipher: new FieldCipher(Buffer.alloc(32, 7)), random: cryptoRandom, gateway: idleGateway };
      await ensureSamplePlans(context);
      let started = performance.now();
      await seedClosingPlan(store, options.members);
      note(`closure: setup ${roundTo((performance.now() - started) / 1000, 1)} s`);
      await settleBenchDatabase(store);
      const floor_seconds = await floorInsertSelect(store);
      note(`closure: floor (INSERT … SELECT of ${options.members.toLocaleString('en')} rows) ${roundTo(floor_seconds, 3)} s`);
      await settleBenchDatabase(store);

      started = performance.now();
      const finalised = await finaliseClosure(context, plan_id);
      const finalise_seconds = (performance.now() - started) / 1000;
      const reportPath = join(directory, `${plan_id}-closure.jsonl`);
      const out = createWriteStream(reportPath);
      for await (const chunk of await closureReportChunks(context, plan_id)) if (!out.write(chunk)) await once(out, 'drain');
      out.end();
      await once(out, 'close');
      const seconds = (performance.now() - started) / 1000;
      note(`closure: finalise ${roundTo(finalise_seconds, 3)} s, report streamed to a file ${roundTo(seconds - finalise_seconds, 3)} s`);
      if (finalised.step !== 'finalised') throw new BenchFailure(`the closure ended at step ${finalised.step}`);

      // Members spread over the report: the setup numbers the memberships 1 … members.
      const count = Math.min(options.proofs, options.members);
      const picks = Array.from({ length: count }, (_, n) => BigInt(1 + Math.floor((n * (options.members - 1)) / Math.max(1, count - 1))));
      const proofsStarted = performance.now();
      for (const membership_id of picks) {
        const { proof } = await membershipClosureLine(context, membership_id);
        if (!closureProofHolds(proof)) throw new BenchFailure(`the proof of membership ${membership_id} does not hold`);
      }
      const proof_ms = (performance.now() - proofsStarted) / picks.length;
      note(`closure: ${picks.length} members' lines with proofs, ${roundTo(proof_ms, 2)} ms each`);
      const peak = sampler.stop();

      // As `huzhu verify --member` does: the whole file checked and one member's proof computed from it.
      const first = await store.db.selectFrom('plan_closure_members').select('member_code').where('membership_id', '=', 1n).executeTakeFirstOrThrow();
      const verifyStarted = performance.now();
      const verifyRss = new PeakRssSampler();
      verifyRss.start();
      const report = await verifyReportFile(reportPath, first.member_code);
      const verify_peak = verifyRss.stop();
      note(
        `closure: huzhu verify --member ${report.ok ? 'OK' : 'FAILED'} in ${roundTo((performance.now() - verifyStarted) / 1000, 1)} s, RSS at most ${roundTo(verify_peak.sampled_mb, 1)} MB (sampled)` +
          `${report.ok ? '' : `: ${report.differences.slice(0, 5).join('; ')}`}`,
      );
      if (!report.ok || report.member_count !== options.members || report.member === null) throw new BenchFailure('the closure report does not verify');
      return {
        bench: 'closure',
        db: options.dialect,
        members: options.members,
        seconds: roundTo(seconds, 3),
        floor_seconds: roundTo(floor_seconds, 3),
        ratio: roundTo(seconds / floor_seconds, 2),
        proof_ms: roundTo(proof_ms, 2),
        peak_rss_mb: roundTo(peak.peak_rss_mb, 1),
      };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
    await database.dispose();
  }
}
