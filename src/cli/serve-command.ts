import { Cron } from 'croner';
import { z } from 'zod';
import { pino } from 'pino';
import { loadConfig } from '../config.js';
import { buildApp, defaultBlobStore } from '../http/app.js';
import { shiftedClock, systemClock, type Clock } from '../services/clock.js';
import { seedDemoOnFirstStart } from '../services/demo/seed-demo.js';
import { runBackgroundJobs } from '../services/jobs/background-jobs.js';
import { CycleJobs, operatorKey, runDueCycles } from '../services/cycles/index.js';
import { ensureSamplePlans } from '../services/plans.js';
import { SimulationJobs } from '../services/sustainability/simulation-jobs.js';
import { bookUnbookedShortfalls } from '../services/funding/unbooked-shortfalls.js';
import { ensureInitialAdmin } from '../services/users.js';
import { describeTarget } from '../store/database-url.js';
import { migrateToLatest, openStore } from '../store/store.js';
import { serviceContextFor } from './cli-context.js';
import { describeDemoLogins } from './demo-command.js';
import { packageVersion } from './package-version.js';
import type { CliIo } from './program.js';

/** The system clock, or outside production the test hook HUZHU_CLOCK_START (an ISO time the clock starts at). */
export function serverClock(env: NodeJS.ProcessEnv, production: boolean): Clock {
  const start = env.HUZHU_CLOCK_START;
  if (start === undefined || start === '') return systemClock;
  if (production) throw new Error('HUZHU_CLOCK_START is a test hook and is refused with HUZHU_ENV=production');
  if (!z.iso.datetime({ offset: true }).safeParse(start).success) throw new Error(`HUZHU_CLOCK_START must be an ISO 8601 time with a zone, not ${JSON.stringify(start)}`);
  return shiftedClock(start);
}

export async function serve(overrides: { port?: number; host?: string }, io: CliIo): Promise<void> {
  const config = loadConfig(io.env);
  const clock = serverClock(io.env, config.production);
  const logger = pino({ level: config.logLevel });
  const store = openStore(config.databaseUrl);
  const migrations = await migrateToLatest(store);
  for (const result of migrations.results ?? []) logger.info({ migration: result.migrationName, status: result.status }, 'migration');

  // The data key comes from HUZHU_DATA_KEY or the key file next to the SQLite file; the gateway is
  // the simulated provider (cli-context.ts), whose webhooks the background jobs deliver.
  const context = serviceContextFor(store, io.env, { clock });

  const admin = await ensureInitialAdmin(store, clock.now().toISOString(), config.adminPassword);
  // Listen first, so /healthz answers within a second; /readyz says 503 until the start-up work below is done.
  let startup: string | undefined = 'preparing the sample plans (and, on a new database, the demo community)';
  // Claim evidence lives in blobs/ next to the SQLite file (./data/blobs by default, and for PostgreSQL).
  const blobStore = defaultBlobStore(store);
  // One set of cycle jobs for the API and the schedule: a run asked over HTTP while the schedule runs the plan joins it.
  const cycleJobs = new CycleJobs(context);
  // Runs a crash left queued or running are marked failed (SIM_INTERRUPTED) before anyone reads them.
  const simulationJobs = new SimulationJobs(context);
  const interrupted = await simulationJobs.recoverInterrupted();
  if (interrupted > 0) logger.warn({ runs: interrupted }, 'simulation runs interrupted by the last stop were marked failed');
  const app = await buildApp({
    context,
    logger,
    secureCookies: config.secureCookies,
    production: config.production,
    version: packageVersion(),
    startup: () => startup,
    blobStore,
    cycleJobs,
    simulationJobs,
  });
  const port = overrides.port ?? config.port;
  const host = overrides.host ?? config.host;
  await app.listen({ port, host });
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const url = `http://${shownHost}:${port}`;
  logger.info({ url, database: describeTarget(store.target) }, 'Huzhu is serving');
  if (admin !== undefined) {
    // Printed once, to the terminal only: the database keeps just the scrypt hash.
    io.out(
      `\n  New database: created the administrator account.\n` +
        `  Log in at ${url}/api/docs (POST /api/auth/login) as "${admin.username}" with password: ${admin.password}\n` +
        `  This password is shown once; change it with POST /api/auth/password.\n`,
    );
  }

  // The demo goes first on a new database so its plans get back-dated creation times; then any
  // missing sample plan of DESIGN.md is created. Existing plans are left as they are.
  try {
    const demo = await seedDemoOnFirstStart(context, io.env, (line) => logger.warn(line), { blobStore });
    // Printed once, next to the admin's password: the demo logins a newcomer can look around with.
    if (demo !== undefined && demo.logins.length > 0) io.out(`\n${describeDemoLogins(demo, url).map((line) => `  ${line}`).join('\n')}\n`);
  } catch (error) {
    logger.error({ err: error }, 'demo seeding failed; serving without the demo community');
  }
  await ensureSamplePlans(context);
  // A database from before migration 0014 may hold prepaid shares that are due but not yet receivables.
  for (const correction of await bookUnbookedShortfalls(store, context.clock.now().toISOString())) logger.warn({ plan_id: correction.plan_id, booked_minor: correction.booked_minor.toString() }, 'booked due shares as receivables');
  // The key that signs every cycle is made at setup, so its public half is published from the start.
  await operatorKey(context, context.clock.now().toISOString());
  startup = undefined;
  logger.info('ready');

  // Every minute: cover starts, collections, lapses, resends, webhook delivery. `protect` skips a
  // tick while the previous pass still runs, so passes never overlap.
  const jobs = new Cron(
    io.env.HUZHU_JOBS_CRON ?? '* * * * *',
    { protect: true, catch: (error) => logger.error({ err: error }, 'background jobs failed') },
    async () => {
      const report = await runBackgroundJobs(context, logger);
      if (Object.values(report).some((count) => count > 0)) logger.info(report, 'background jobs');
    },
  );

  // The plans' sharing cycles: each day shortly after midnight UTC, the cycle of every plan whose
  // latest notice day has none yet is run (or a crashed run finished). Runs never overlap.
  const cycles = new Cron(
    io.env.HUZHU_CYCLES_CRON ?? '5 0 * * *',
    { protect: true, catch: (error) => logger.error({ err: error }, 'sharing cycles failed') },
    async () => {
      for (const report of await runDueCycles(context, cycleJobs)) {
        if (report.message !== undefined) logger.error(report, 'sharing cycle failed; the other plans ran');
        else if (report.outcome !== 'NOT_DUE') logger.info(report, 'sharing cycle');
      }
    },
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    jobs.stop();
    cycles.stop();
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
