import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CycleExportVerifier } from '../src/core/cycles/export-verifier.js';
import { fixedClock } from '../src/services/clock.js';
import { cryptoRandom, type ServiceContext } from '../src/services/context.js';
import { FieldCipher } from '../src/services/crypto/field-cipher.js';
import { cycleExportChunks, runCycle } from '../src/services/cycles/index.js';
import type { PaymentGateway } from '../src/services/payments/payment-gateway.js';
import { ensureSamplePlans } from '../src/services/plans.js';
import type { DialectName } from '../src/store/schema.js';
import { migrateToLatest, openStore } from '../src/store/store.js';
import { createBenchDatabase, settleBenchDatabase } from './bench-database.js';
import { floorInsertSelect, seedCycleWorld } from './cycle-setup.js';
import { hashFloorSeconds } from './hash-floor.js';
import { BenchFailure } from './ledger-setup.js';
import { PeakRssSampler } from './peak-rss.js';
import { note, roundTo, type BenchResult } from './result-line.js';

/** Accepts payout requests and never reports back: the bench measures the cycle, not a provider. */
const acceptingGateway: PaymentGateway = {
  name: 'bench',
  collect: async (charge) => ({ gateway_payment_id: `bench-${charge.reference}` }),
  payout: async (charge) => ({ gateway_payment_id: `bench-${charge.reference}` }),
  verifyWebhook: () => false,
};

export interface CycleBenchOptions {
  readonly dialect: DialectName;
  readonly members: number;
  readonly cases: number;
  readonly verify: boolean;
}

async function verifyExportFile(path: string): Promise<{ ok: boolean; differences: string[] }> {
  const verifier = new CycleExportVerifier();
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (rest + (chunk as string)).split('\n');
    rest = lines.pop()!;
    for (const line of lines) verifier.pushLine(line);
  }
  if (rest !== '') verifier.pushLine(rest);
  return verifier.finish();
}

/**
 * One whole sharing cycle over `members` covered members: snapshot, allocation, publication
 * (Merkle root, signature), charges (receivables and their ledger posting), payout scheduling,
 * and the export written to a file — timed together. The floor is a bare INSERT … SELECT of as
 * many rows on the same database in the same run; the SHA-256 work alone is printed next to it
 * (stderr) as the least any cycle can take. Setup is not timed; the export is verified
 * afterwards (not timed) with the streaming verifier.
 */
export async function runCycleBench(options: CycleBenchOptions): Promise<BenchResult> {
  const sampler = new PeakRssSampler();
  sampler.start();
  const database = await createBenchDatabase(options.dialect);
  const directory = mkdtempSync(join(tmpdir(), 'huzhu-cycle-export-'));
  try {
    note(`cycle: ${database.label}; ${options.members.toLocaleString('en')} members, ${options.cases} cases`);
    const store = openStore(database.url);
    try {
      await migrateToLatest(store);
      const clock = fixedClock('2026-12-07T01:00:00.000Z');
      const context: ServiceContext = { store, clock, cipher: new FieldCipher(Buffer.alloc(32, 7)), random: cryptoRandom, gateway: acceptingGateway };
      await ensureSamplePlans(context);
      let started = performance.now();
      await seedCycleWorld(store, options.members, options.cases);
      note(`cycle: setup ${roundTo((performance.now() - started) / 1000, 1)} s`);
      await settleBenchDatabase(store);
      const floor_seconds = await floorInsertSelect(store);
      note(`cycle: floor (INSERT … SELECT of ${options.members.toLocaleString('en')} rows) ${roundTo(floor_seconds, 3)} s`);
      const hash_seconds = hashFloorSeconds(options.members);
      note(`cycle: SHA-256 alone (tie key, Merkle leaf and node per member, no database) ${roundTo(hash_seconds, 3)} s = ${roundTo(hash_seconds / floor_seconds, 2)} × the floor`);
      await settleBenchDatabase(store);

      started = performance.now();
      // The run calls its fail points after each step: a free stopwatch for the step timings.
      const stepTimes: string[] = [];
      let stepStarted = performance.now();
      const result = await runCycle(context, 'critical-illness', {
        failPoint: (name) => {
          if (!name.endsWith(':after')) return;
          stepTimes.push(`${name.slice(0, -6)} ${roundTo((performance.now() - stepStarted) / 1000, 2)} s`);
          stepStarted = performance.now();
        },
      });
      const cycle_seconds = (performance.now() - started) / 1000;
      const exportPath = join(directory, `${result.cycle_id}.jsonl`);
      const out = createWriteStream(exportPath);
      for await (const chunk of cycleExportChunks(context, result.cycle_id)) if (!out.write(chunk)) await once(out, 'drain');
      out.end();
      await once(out, 'close');
      const seconds = (performance.now() - started) / 1000;
      note(`cycle: run ${roundTo(cycle_seconds, 3)} s (steps ${result.steps_run.join(', ')}), export ${roundTo(seconds - cycle_seconds, 3)} s`);
      const steps = await store.db.selectFrom('cycle_steps').select(['step', 'completed_at']).where('cycle_id', '=', result.cycle.id).execute();
      note(`cycle: steps ${stepTimes.join(', ')}; recorded ${steps.length}`);
      if (result.cycle.status !== 'completed' || result.cycle.member_count !== BigInt(options.members)) {
        throw new BenchFailure(`the cycle ended ${result.cycle.status} with ${result.cycle.member_count} members`);
      }
      const peak = sampler.stop();
      if (options.verify) {
        const verifyStarted = performance.now();
        const report = await verifyExportFile(exportPath);
        note(`cycle: huzhu verify ${report.ok ? 'OK' : 'FAILED'} in ${roundTo((performance.now() - verifyStarted) / 1000, 1)} s${report.ok ? '' : `: ${report.differences.slice(0, 5).join('; ')}`}`);
        if (!report.ok) throw new BenchFailure('the export does not verify');
      }
      return {
        bench: 'cycle',
        db: options.dialect,
        members: options.members,
        seconds: roundTo(seconds, 3),
        floor_seconds: roundTo(floor_seconds, 3),
        ratio: roundTo(seconds / floor_seconds, 2),
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
