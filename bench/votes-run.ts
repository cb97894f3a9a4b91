import { randomBytes } from 'node:crypto';
import { buildApp } from '../src/http/app.js';
import { fixedClock } from '../src/services/clock.js';
import { cryptoRandom, type ServiceContext } from '../src/services/context.js';
import { FieldCipher } from '../src/services/crypto/field-cipher.js';
import { closeJury } from '../src/services/jury/index.js';
import type { PaymentGateway } from '../src/services/payments/payment-gateway.js';
import type { DialectName } from '../src/store/schema.js';
import { migrateToLatest, openStore } from '../src/store/store.js';
import { createBenchDatabase, settleBenchDatabase } from './bench-database.js';
import { BenchFailure } from './ledger-setup.js';
import { PeakRssSampler } from './peak-rss.js';
import { Progress } from './progress.js';
import { note, roundTo, type BenchResult } from './result-line.js';
import { buildVotesWorld } from './votes-setup.js';

const noPayments: PaymentGateway = {
  name: 'none',
  collect: async () => {
    throw new BenchFailure('the votes bench asked for a payment');
  },
  payout: async () => {
    throw new BenchFailure('the votes bench asked for a payout');
  },
  verifyWebhook: () => false,
};

export interface VotesBenchOptions {
  readonly dialect: DialectName;
  readonly votes: number;
  readonly concurrency: number;
}

/** Juror i votes reject when i is a multiple of 3, approve otherwise: a known split to check. */
function choiceOf(index: number): 'approve' | 'reject' {
  return index % 3 === 0 ? 'reject' : 'approve';
}

/**
 * Sends `count` requests with at most `concurrency` in flight (a fixed pool of async loops
 * taking the next index), and returns the elapsed seconds. Any failed request fails the run.
 */
async function runBounded(label: string, count: number, concurrency: number, request: (index: number) => Promise<void>): Promise<number> {
  const progress = new Progress(label);
  let next = 0;
  let done = 0;
  const startedAt = performance.now();
  const reporter = setInterval(() => progress.report(done, count, (performance.now() - startedAt) / 1000), 1000);
  reporter.unref();
  const loop = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await request(index);
      done += 1;
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, loop));
  } finally {
    clearInterval(reporter);
  }
  return (performance.now() - startedAt) / 1000;
}

/**
 * `votes` jurors of one claim each cast one vote through the real HTTP server (buildApp, listening
 * on 127.0.0.1), `concurrency` requests in flight. Setup (members, quiz passes, claim, jury,
 * sessions) is not timed. Floor: as many GET /api/jury/quiz requests (static, no database) at the
 * same concurrency through the same server, measured in the same run. Afterwards exactly `votes`
 * markers and ballots must be stored, and closing the jury must count the known split.
 */
export async function runVotesBench(options: VotesBenchOptions): Promise<BenchResult> {
  const sampler = new PeakRssSampler();
  sampler.start();
  const database = await createBenchDatabase(options.dialect);
  let seconds: number;
  let floor_seconds: number;
  try {
    note(`votes: ${database.label}; ${options.votes.toLocaleString('en')} votes, ${options.concurrency} in flight`);
    const store = openStore(database.url);
    try {
      await migrateToLatest(store);
      const clock = fixedClock('2026-01-05T08:00:00.000Z');
      const context: ServiceContext & { clock: typeof clock } = { store, clock, cipher: new FieldCipher(randomBytes(32)), random: cryptoRandom, gateway: noPayments };
      const setupAt = performance.now();
      const world = await buildVotesWorld(context, options.votes);
      await settleBenchDatabase(store);
      note(`setup: ${((performance.now() - setupAt) / 1000).toFixed(1)} s (not timed)`);

      const app = await buildApp({ context });
      try {
        const address = await app.listen({ host: '127.0.0.1', port: 0 });
        const voteUrl = `${address}/api/claims/${world.claim_id}/votes`;
        floor_seconds = await runBounded('floor', options.votes, options.concurrency, async () => {
          const response = await fetch(`${address}/api/jury/quiz`);
          await response.arrayBuffer();
          if (response.status !== 200) throw new BenchFailure(`floor request answered ${response.status}`);
        });
        note(`floor: ${options.votes.toLocaleString('en')} GET /api/jury/quiz in ${floor_seconds.toFixed(3)} s`);

        seconds = await runBounded('votes', options.votes, options.concurrency, async (index) => {
          const response = await fetch(voteUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: `huzhu_session=${world.tokens[index]!}` },
            body: JSON.stringify({ vote: choiceOf(index) }),
          });
          const body = await response.text();
          if (response.status !== 201) throw new BenchFailure(`vote ${index} answered ${response.status}: ${body}`);
        });
        note(`votes: ${options.votes.toLocaleString('en')} in ${seconds.toFixed(3)} s (${Math.round(options.votes / seconds).toLocaleString('en')}/s)`);
      } finally {
        await app.close();
      }

      // Exactly one marker and one ballot per vote, and the count matches what was sent.
      const count = async (table: 'jury_voted' | 'jury_ballots') =>
        Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<bigint | number>().as('n')).where('claim_id', '=', world.claim_id).executeTakeFirstOrThrow()).n);
      const [markers, ballots] = [await count('jury_voted'), await count('jury_ballots')];
      if (markers !== options.votes || ballots !== options.votes) throw new BenchFailure(`stored ${markers} voters and ${ballots} ballots, expected ${options.votes} each`);
      const rejectExpected = Math.floor((options.votes - 1) / 3) + 1;
      clock.set('2026-04-21T08:00:00.000Z');
      const closed = await closeJury(context, world.claim_id, 'bench');
      if (closed.counts === null || closed.counts.reject !== rejectExpected || closed.counts.approve !== options.votes - rejectExpected) {
        throw new BenchFailure(`closing counted ${JSON.stringify(closed.counts)}, expected ${options.votes - rejectExpected} approve and ${rejectExpected} reject`);
      }
      note(`check: ${markers} voters, ${ballots} ballots; closed with ${closed.counts.approve} approve, ${closed.counts.reject} reject → ${closed.verdict?.outcome ?? '?'}`);
    } finally {
      await store.close();
    }
  } finally {
    await database.dispose();
  }
  const rss = sampler.stop();
  return {
    bench: 'votes',
    db: options.dialect,
    votes: options.votes,
    seconds: roundTo(seconds, 3),
    per_second: Math.round(options.votes / seconds),
    concurrency: options.concurrency,
    floor_seconds: roundTo(floor_seconds, 3),
    ratio: roundTo(seconds / floor_seconds, 2),
    peak_rss_mb: roundTo(rss.peak_rss_mb, 1),
  };
}
