import { calendarDateOf, dayNumber, formatCalendarDate, fromDayNumber } from '../../core/members/age.js';
import { reject, RejectionError } from '../../core/rejection.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { MemoryBlobStore } from '../blobs/memory-blob-store.js';
import { fixedClock } from '../clock.js';
import type { ServiceContext } from '../context.js';
import { operatorKey } from '../cycles/index.js';
import { activateDueMemberships, enrolMembers, joinExistingPerson, type EnrolInput, type PersonInput } from '../members.js';
import { changeMembershipStatus } from '../membership-status.js';
import { ensureSamplePlans } from '../plans.js';
import { DemoCases, demoCycleWindowDays, type DemoCyclePlan } from './demo-cases.js';
import { DemoFunding, type FundingTotals } from './demo-funding.js';
import { DemoFailedPayout } from './demo-failed-payout.js';
import { communityCriticalIllnessPlan, communitySeniorCancerPlan, ensureCommunityPlans } from './demo-plans.js';
import { seedDemoClaimQueues } from './demo-claim-queues.js';
import { seedDemoStatement } from './demo-statement.js';
import { seedDemoComplaints } from './demo-complaints.js';
import { createDemoStaff } from './demo-staff.js';
import { DemoLogins, type DemoLogin, type DemoLoginStories } from './demo-logins.js';
import { seedDemoProposals } from './demo-proposals.js';
import { demoPerson } from './demo-people.js';
import { DemoRandom, seededRandomSource } from './demo-random.js';

/**
 * The demo community: a few thousand made-up members of the community's two plans (sized for
 * it, demo-plans.ts; the sample plans are created too, and stay empty), joined over the
 * past eighteen months so that waiting periods have passed, with withdrawals, lapses for unpaid
 * shares and rejoins, money through the funding services and the simulated gateway
 * (demo-funding.ts), and in the last two months real sharing cycles of both plans with cases from
 * the claims flow and their payouts (demo-cases.ts). Every person and membership row is marked
 * demo = 1. The same seed (and the same end time) gives the same community: people, dates, member
 * codes, claims and gateway outcomes come from seeded randomness, and the services run on a clock
 * that the seeding moves forward day by day.
 */

export const defaultDemoMembers = 3000;
export const defaultDemoSeed = 'huzhu-demo';
export const maxDemoMembers = 200_000;
/** How far back the first member joins: about eighteen months, so there is history to show. */
const demoDays = 540;

/** The plans the demo people join: the community's own (demo-plans.ts), not the sample plans. */
const join = { critical: communityCriticalIllnessPlan.id, senior: communitySeniorCancerPlan.id } as const;

export interface DemoOptions {
  readonly members?: number;
  readonly seed?: string;
  /**
   * Where the made-up claim evidence goes: the server's blob store (serve and `huzhu demo` pass
   * defaultBlobStore's); in memory when not given (tests).
   */
  readonly blobStore?: BlobStore;
  /** Progress and what was created, one line at a time. */
  readonly log?: (line: string) => void;
}

export interface DemoSummary {
  readonly seed: string;
  readonly people: number;
  readonly memberships: number;
  readonly from: string;
  readonly to: string;
  /** Memberships by plan and status. */
  readonly by_plan: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly rejoined: number;
  readonly funding: FundingTotals;
  /** The sharing cycles of both plans, oldest first. Money as strings of digits (minor units). */
  readonly cycles: readonly DemoCycleSummary[];
  /** Claims by state (submitted … in_notice, approved, scheduled, paid). */
  readonly claims: Readonly<Record<string, number>>;
  readonly payouts: DemoPayoutSummary;
  /** The demo logins (password demo-password) and the cases they take part in. */
  readonly logins: readonly DemoLogin[];
  readonly stories: DemoLoginStories;
}

export interface DemoCycleSummary {
  readonly cycle_id: string;
  readonly plan_id: string;
  readonly status: string;
  readonly member_count: number;
  readonly case_count: number;
  readonly total_minor: string;
  /** The cases' aid (total_minor adds the fee and takes off any surplus carried in). */
  readonly aid_total_minor: string;
  readonly share_total_minor: string;
  /** The smallest and the largest share of a member (they differ with share weights). */
  readonly share_min_minor: string;
  readonly share_max_minor: string;
  /** What the operator's backstop paid of the cycle's total (the capped part, under the backstop policy). */
  readonly backstop_minor: string;
  readonly capped_total_minor: string;
  /** Members whose share the caps held back (capped_minor > 0). */
  readonly capped_members: number;
  readonly merkle_root_hex: string | null;
}

export interface DemoPayoutSummary {
  /** Aid payouts by status (due, in_flight, paid, failed). */
  readonly by_status: Readonly<Record<string, number>>;
  readonly paid_minor: string;
  readonly advances: number;
  readonly advanced_minor: string;
  readonly repaid_minor: string;
}

type Fate =
  | { readonly kind: 'stays' }
  | { readonly kind: 'withdraws'; readonly day: number }
  | { readonly kind: 'lapses'; readonly day: number; readonly rejoin_after_days: number | undefined };

interface DemoMember {
  readonly index: number;
  readonly day: number;
  readonly plan_id: string;
  readonly person: PersonInput;
  readonly fate: Fate;
}

interface Joined {
  readonly member: DemoMember;
  readonly membership_id: bigint;
  readonly person_id: bigint;
}

const noToAll = { 'HQ-CANCER': false, 'HQ-HEART': false, 'HQ-HOSPITAL': false, 'HQ-CLAIM': false } as const;

/** An age on joining: critical illness 0–59 skewed to 25–45; senior cancer 60–70. */
function demoAge(random: DemoRandom, plan_id: string): number {
  if (plan_id === join.senior) return random.between(60, 70);
  const band = random.weighted([
    [[0, 17], 12],
    [[18, 24], 12],
    [[25, 45], 56],
    [[46, 59], 20],
  ] as const);
  return random.between(band[0], band[1]);
}

function relationshipFor(random: DemoRandom, age: number, plan_id: string): PersonInput['relationship'] {
  if (age < 18) return 'child';
  if (plan_id === join.senior) return random.chance(0.5) ? 'parent' : 'self';
  return random.chance(0.15) ? 'spouse' : 'self';
}

/** Who joins when, and what becomes of them; drawn up front so the order of draws never depends on the database. */
function planCommunity(random: DemoRandom, count: number, firstDay: number, taken: Set<string>): DemoMember[] {
  const members: DemoMember[] = [];
  for (let index = 0; index < count; index += 1) {
    // More joins in recent months than at the start: a growing community.
    const day = Math.min(demoDays - 1, Math.floor(demoDays * Math.sqrt(random.next())));
    const plan_id = random.chance(0.8) ? join.critical : join.senior;
    const age = demoAge(random, plan_id);
    const person = demoPerson(random, fromDayNumber(firstDay + day), age, relationshipFor(random, age, plan_id), taken);
    const draw = random.next();
    const lapseRate = plan_id === join.critical ? 0.05 : 0.06;
    let fate: Fate = { kind: 'stays' };
    if (draw < lapseRate) {
      // Post-paid: collections fail from this day on, so the member lapses at the deadline of the
      // first cycle that charges them after it (demo-cases.ts). Prepaid: the member never tops up,
      // so the first deduction after the waiting period is unmet and the membership lapses after
      // the grace days. Some rejoin a few days after the lapse, with a new waiting period.
      const lapseDay = day + 90 + random.between(5, 200);
      fate = { kind: 'lapses', day: lapseDay, rejoin_after_days: random.chance(0.35) ? random.between(3, 20) : undefined };
    } else if (draw < lapseRate + 0.05) {
      fate = { kind: 'withdraws', day: day + random.between(3, 300) };
    }
    members.push({ index, day, plan_id, person, fate });
  }
  return members;
}

/**
 * Makes sure a prepaid member lapses for an unmet deduction in the window of cycles: if no
 * senior member who never tops up is covered by the window's start, the earliest senior joiner
 * who would have stayed becomes one. No draws, so the rest of the community is unchanged.
 */
function withPrepaidLapse(members: DemoMember[], coveredBy: number): DemoMember[] {
  const senior = members.filter((member) => member.plan_id === join.senior && member.day + 95 < coveredBy);
  if (senior.some((member) => member.fate.kind === 'lapses')) return members;
  const first = senior.filter((member) => member.fate.kind === 'stays').sort((a, b) => a.day - b.day || a.index - b.index)[0];
  if (first === undefined) return members;
  return members.map((member) => (member === first ? { ...member, fate: { kind: 'lapses', day: member.day + 95, rejoin_after_days: undefined } } : member));
}

/** What each plan's cycles in the window share: cases drawn per notice day (index in the window). */
const cyclePlans: readonly DemoCyclePlan[] = [
  {
    plan_id: join.critical,
    prepaid: false,
    illness_codes: [['CI-01', 50], ['CI-02', 14], ['CI-03', 10], ['CI-04', 3], ['CI-05', 6], ['CI-06', 5], ['CI-08', 2], ['CI-09', 3], ['CI-13', 2], ['CI-18', 3], ['CI-19', 2]],
    // Every post-paid cycle with cases charges every covered member, each a collection and a
    // webhook: three such cycles keep a first start quick. The last notice day's case is still
    // being collected (or scheduled) at the end.
    cases: (random) => [
      [0, random.between(1, 2)],
      [2, 1],
      [-1, 1],
    ],
  },
  {
    plan_id: join.senior,
    prepaid: true,
    illness_codes: [['CI-01', 1]],
    cases: (random) => [
      [0, 1],
      [1, random.chance(0.5) ? 1 : 0],
      [2, 1],
    ],
  },
];

function pushTo<T>(map: Map<number, T[]>, key: number, item: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [item]);
  else list.push(item);
}

function at(firstDay: number, day: number, time: string): string {
  return `${formatCalendarDate(fromDayNumber(firstDay + day))}T${time}.000Z`;
}

async function demoMembershipCount(context: ServiceContext): Promise<number> {
  const row = await context.store.db.selectFrom('memberships').select((eb) => eb.fn.countAll<bigint | number | string>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Seeds the demo community into an empty database (no memberships). Refuses in production
 * (DEMO_IN_PRODUCTION) and on a database with members (DEMO_DATABASE_NOT_EMPTY): demo members
 * in a real plan would share in its real cycles.
 */
export async function seedDemo(context: ServiceContext, env: NodeJS.ProcessEnv, options: DemoOptions = {}): Promise<DemoSummary> {
  const count = options.members ?? defaultDemoMembers;
  const seed = options.seed ?? defaultDemoSeed;
  const log = options.log ?? (() => undefined);
  if (env.HUZHU_ENV === 'production') throw new RejectionError(reject('DEMO_IN_PRODUCTION', 'Demo data is never seeded with HUZHU_ENV=production.').rejection);
  if (!Number.isInteger(count) || count < 1 || count > maxDemoMembers) {
    throw new RejectionError(reject('DEMO_BAD_SIZE', `The demo has 1 to ${maxDemoMembers} members.`).rejection);
  }
  if ((await demoMembershipCount(context)) > 0) {
    throw new RejectionError(reject('DEMO_DATABASE_NOT_EMPTY', 'The database has memberships already; demo data goes only into a new database.').rejection);
  }

  const end = context.clock.now().toISOString();
  const lastDay = dayNumber(calendarDateOf(end));
  const firstDay = lastDay - demoDays;
  const clock = fixedClock(at(firstDay, 0, '00:00:00'));
  // The key that signs cycle records comes from the server's own randomness, never from the demo's seed.
  await operatorKey(context, end);
  const funding = new DemoFunding({ ...context, clock, random: seededRandomSource(seed) }, clock, seed);
  const demo = funding.context;
  funding.decidePayoutsWith(new DemoFailedPayout(demoDays));
  log(`DEMO DATA: seeding ${count} made-up members (seed ${JSON.stringify(seed)}), joined from ${formatCalendarDate(fromDayNumber(firstDay))}; every row is marked demo=1`);
  // Plans made here start with the demo's history; plans that exist already are kept. The demo's
  // people join the community's plans, sized for its few thousand members; the sample plans stay empty.
  await ensureSamplePlans(demo);
  await ensureCommunityPlans(demo);

  const random = new DemoRandom(seed, 'community');
  const taken = new Set<string>();
  const community = withPrepaidLapse(planCommunity(random, count, firstDay, taken), demoDays - demoCycleWindowDays);
  const joinsByDay = new Map<number, DemoMember[]>();
  for (const member of community) pushTo(joinsByDay, member.day, member);
  const eventsByDay = new Map<number, Array<() => Promise<void>>>();
  const schedule = (day: number, event: () => Promise<void>) => {
    if (day < demoDays) pushTo(eventsByDay, day, event);
  };
  const dueByDay = new Map<number, number>();
  const expectActivation = (waiting_until: string) => {
    const day = dayNumber(calendarDateOf(waiting_until)) - firstDay;
    dueByDay.set(day, (dueByDay.get(day) ?? 0) + 1);
  };
  let rejoined = 0;
  /** Memberships that neither withdraw nor lapse: the claimants come from them. */
  const steady = new Set<bigint>();
  /** Lapsing memberships whose person rejoins this many days after the lapse. */
  const rejoinAfterLapse = new Map<bigint, { joined: Joined; after_days: number }>();
  const blobStore = options.blobStore ?? new MemoryBlobStore();
  const cases = new DemoCases({
    seed,
    firstDay,
    demoDays,
    plans: cyclePlans,
    live_notice_plan: join.critical,
    funding,
    blobStore,
    steady,
    schedule,
    setTime: (day, time) => clock.set(at(firstDay, day, time)),
  });
  cases.planClaims();
  const logins = new DemoLogins({
    seed,
    firstDay,
    demoDays,
    post_paid_plan: join.critical,
    prepaid_plan: join.senior,
    funding,
    cases,
    taken,
    steady,
    schedule,
    expectActivation,
    now: () => clock.now().toISOString(),
  });
  logins.plan();

  const prepaid = (plan_id: string) => plan_id === join.senior;
  const rejoin = async (joined: Joined, attempt: number, day: number): Promise<void> => {
    const { plan_id } = joined.member;
    try {
      const again = await joinExistingPerson(demo, { plan_id, person_id: joined.person_id, payer_user_id: null, answers: noToAll });
      expectActivation(again.waiting_until);
      if (prepaid(plan_id)) await funding.joinedPrepaid(again.membership_id, true);
      rejoined += 1;
    } catch (error) {
      if (!(error instanceof RejectionError)) throw error;
      // Still a member somehow (bounded: three tries a month apart). Grown past the plan's ages: no rejoin.
      if (error.rejection.code === 'MEMBER_ALREADY_JOINED' && attempt < 3) schedule(day + 30, () => rejoin(joined, attempt + 1, day + 30));
    }
  };
  const scheduleFate = async (joined: Joined) => {
    const { fate, plan_id } = joined.member;
    if (prepaid(plan_id)) await funding.joinedPrepaid(joined.membership_id, fate.kind !== 'lapses');
    if (fate.kind === 'stays') steady.add(joined.membership_id);
    if (fate.kind === 'withdraws') {
      schedule(fate.day, async () => {
        try {
          await changeMembershipStatus(demo, joined.membership_id, 'member_withdrew', 'The member left the plan (demo)', 'member');
        } catch (error) {
          // Lapsed meanwhile (a wallet that ran dry): nothing left to withdraw from.
          if (!(error instanceof RejectionError) || error.rejection.code !== 'MEMBERSHIP_BAD_TRANSITION') throw error;
        }
        if (prepaid(plan_id)) await funding.withdrewPrepaid(joined.membership_id);
      });
    } else if (fate.kind === 'lapses') {
      if (!prepaid(plan_id)) funding.stopsPayingFrom(joined.membership_id, fate.day);
      if (fate.rejoin_after_days !== undefined) rejoinAfterLapse.set(joined.membership_id, { joined, after_days: fate.rejoin_after_days });
    }
  };
  /** Lapses happen at cycles' deadlines: whoever lapsed today and rejoins gets a rejoin scheduled. */
  const scheduleRejoins = async (day: number) => {
    if (rejoinAfterLapse.size === 0) return;
    const lapsed = await demo.store.db
      .selectFrom('memberships')
      .select('id')
      .where('id', 'in', [...rejoinAfterLapse.keys()])
      .where('status', '=', 'lapsed')
      .orderBy('id')
      .execute();
    for (const { id } of lapsed) {
      const { joined, after_days } = rejoinAfterLapse.get(id)!;
      rejoinAfterLapse.delete(id);
      schedule(day + after_days, () => rejoin(joined, 1, day + after_days));
    }
  };

  for (let day = 0; day < demoDays; day += 1) {
    // better-sqlite3 is synchronous: yield to the event loop once a simulated day so a server that is
    // already listening keeps answering (health checks, logins) while the demo is seeded.
    await new Promise((resolve) => setImmediate(resolve));
    funding.setDay(day);
    if ((dueByDay.get(day) ?? 0) > 0) {
      clock.set(at(firstDay, day, '00:10:00'));
      await activateDueMemberships(demo);
    }
    // A notice day in the window: both plans' cycles take their 00:00 snapshot (at 01:00).
    if (cases.isCycleDay(day)) await cases.runCycles(day);
    const joiners = joinsByDay.get(day) ?? [];
    if (joiners.length > 0) {
      clock.set(at(firstDay, day, '02:00:00'));
      const inputs: EnrolInput[] = joiners.map((member) => ({ plan_id: member.plan_id, payer_user_id: null, person: member.person, answers: noToAll, demo: true }));
      const results = await enrolMembers(demo, inputs);
      for (const [position, result] of results.entries()) {
        if (!result.ok) throw new Error(`demo: a made-up member was refused: ${result.rejection.code} ${result.rejection.message}`);
        expectActivation(result.value.waiting_until);
        await scheduleFate({ member: joiners[position]!, membership_id: result.value.membership_id, person_id: result.value.person_id });
      }
    }
    const events = eventsByDay.get(day) ?? [];
    if (events.length > 0) {
      clock.set(at(firstDay, day, '08:00:00'));
      for (const event of events) await event();
    }
    eventsByDay.delete(day);
    if (cases.inWindow(day)) {
      // What serve's background jobs do every minute, once a day: collections, webhooks, lapses, payouts.
      clock.set(at(firstDay, day, '12:00:00'));
      await funding.runDay();
      await cases.payDay();
      await scheduleRejoins(day);
    }
  }
  clock.set(end);
  await activateDueMemberships(demo);
  await funding.gateway.deliverPending();
  const staff = await createDemoStaff(context.store, end);
  await seedDemoClaimQueues({ seed, context: demo, setTime: (at_time) => clock.set(at_time), blobStore, plan_id: join.critical, end });
  clock.set(end);
  const statement = await seedDemoStatement(demo, end);
  log(`DEMO DATA: imported a bank statement of the custody account (${statement.lines} lines, ${statement.breaks} break to resolve)`);
  await seedDemoProposals(demo, (at_time) => clock.set(at_time), join.critical, end);
  await seedDemoComplaints({ context: demo, setTime: (at_time) => clock.set(at_time), end });
  const memberSide = await logins.summary();
  const summary = {
    ...(await summarize(context, seed, firstDay, end, rejoined, await funding.totals())),
    ...memberSide,
    logins: [...memberSide.logins, ...staff],
  };
  const claims = Object.values(summary.claims).reduce((total, n) => total + n, 0);
  log(`DEMO DATA: created ${summary.people} made-up people and ${summary.memberships} memberships (all marked demo=1), ${summary.cycles.length} sharing cycles and ${claims} made-up claims`);
  return summary;
}

async function summarize(context: ServiceContext, seed: string, firstDay: number, end: string, rejoined: number, funding: FundingTotals): Promise<Omit<DemoSummary, 'logins' | 'stories'>> {
  const rows = await context.store.db
    .selectFrom('memberships')
    .select(['plan_id', 'status', (eb) => eb.fn.countAll<bigint | number | string>().as('count')])
    .where('demo', '=', 1n)
    .groupBy(['plan_id', 'status'])
    .orderBy('plan_id')
    .orderBy('status')
    .execute();
  const by_plan: Record<string, Record<string, number>> = {};
  let memberships = 0;
  for (const row of rows) {
    (by_plan[row.plan_id] ??= {})[row.status] = Number(row.count);
    memberships += Number(row.count);
  }
  const people = await context.store.db.selectFrom('persons').select((eb) => eb.fn.countAll<bigint | number | string>().as('count')).where('demo', '=', 1n).executeTakeFirstOrThrow();
  return {
    seed,
    people: Number(people.count),
    memberships,
    from: formatCalendarDate(fromDayNumber(firstDay)),
    to: end,
    by_plan,
    rejoined,
    funding,
    cycles: await summarizeCycles(context),
    claims: await countBy(context.store.db.selectFrom('claims').select(['state as key', (eb) => eb.fn.countAll<bigint | number | string>().as('count')]).groupBy('state').orderBy('state').execute()),
    payouts: await summarizePayouts(context),
  };
}

async function countBy(rows: Promise<Array<{ key: string; count: bigint | number | string }>>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const row of await rows) counts[row.key] = Number(row.count);
  return counts;
}

function sumOf(value: bigint | number | string | null | undefined): string {
  return BigInt(value ?? 0).toString();
}

async function summarizeCycles(context: ServiceContext): Promise<DemoCycleSummary[]> {
  const db = context.store.db;
  const cycles = await db.selectFrom('cycles').selectAll().orderBy('snapshot_at').orderBy('plan_id').execute();
  const cases = await db.selectFrom('cycle_cases').select(['cycle_id', (eb) => eb.fn.countAll<bigint | number | string>().as('count')]).groupBy('cycle_id').execute();
  const capped = await db
    .selectFrom('cycle_members')
    .select(['cycle_id', (eb) => eb.fn.countAll<bigint | number | string>().as('count')])
    .where('capped_minor', '>', 0n)
    .groupBy('cycle_id')
    .execute();
  const shares = await db
    .selectFrom('cycle_members')
    .select(['cycle_id', (eb) => eb.fn.min<bigint>('share_minor').as('min'), (eb) => eb.fn.max<bigint>('share_minor').as('max')])
    .groupBy('cycle_id')
    .execute();
  const countIn = (rows: ReadonlyArray<{ cycle_id: bigint; count: bigint | number | string }>, id: bigint) => Number(rows.find((row) => row.cycle_id === id)?.count ?? 0);
  return cycles.map((cycle) => ({
    cycle_id: cycle.cycle_code,
    plan_id: cycle.plan_id,
    status: cycle.status,
    member_count: Number(cycle.member_count ?? 0),
    case_count: countIn(cases, cycle.id),
    total_minor: cycle.total_minor.toString(),
    aid_total_minor: cycle.aid_total_minor.toString(),
    share_total_minor: sumOf(cycle.share_total_minor),
    share_min_minor: sumOf(shares.find((row) => row.cycle_id === cycle.id)?.min),
    share_max_minor: sumOf(shares.find((row) => row.cycle_id === cycle.id)?.max),
    backstop_minor: sumOf(cycle.backstop_minor),
    capped_total_minor: sumOf(cycle.capped_total_minor),
    capped_members: countIn(capped, cycle.id),
    merkle_root_hex: cycle.merkle_root_hex,
  }));
}

async function summarizePayouts(context: ServiceContext): Promise<DemoPayoutSummary> {
  const db = context.store.db;
  const by_status = await countBy(db.selectFrom('aid_payouts').select(['status as key', (eb) => eb.fn.countAll<bigint | number | string>().as('count')]).groupBy('status').orderBy('status').execute());
  const paid = await db.selectFrom('aid_payouts').select((eb) => eb.fn.sum<bigint | number | string | null>('amount_minor').as('total')).where('status', '=', 'paid').executeTakeFirstOrThrow();
  const advances = await db
    .selectFrom('operator_advances')
    .select(['kind', (eb) => eb.fn.countAll<bigint | number | string>().as('count'), (eb) => eb.fn.sum<bigint | number | string | null>('amount_minor').as('total')])
    .groupBy('kind')
    .execute();
  const advance = advances.find((row) => row.kind === 'advance');
  return {
    by_status,
    paid_minor: sumOf(paid.total),
    advances: Number(advance?.count ?? 0),
    advanced_minor: sumOf(advance?.total),
    repaid_minor: sumOf(advances.find((row) => row.kind === 'repayment')?.total),
  };
}

/**
 * Called by `serve` on every start: seeds the demo community into a new database (no
 * memberships yet) unless HUZHU_ENV=production. Returns what it did, or undefined when it skipped.
 */
export async function seedDemoOnFirstStart(
  context: ServiceContext,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void = () => undefined,
  options: Omit<DemoOptions, 'log'> = {},
): Promise<DemoSummary | undefined> {
  if (env.HUZHU_ENV === 'production') return undefined;
  if ((await demoMembershipCount(context)) > 0) return undefined;
  log('New database: seeding a DEMO community of made-up members so there is something to look at (never with HUZHU_ENV=production)');
  return seedDemo(context, env, { ...options, log });
}
