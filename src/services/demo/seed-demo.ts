import { calendarDateOf, dayNumber, formatCalendarDate, fromDayNumber } from '../../core/members/age.js';
import { reject, RejectionError } from '../../core/rejection.js';
import { fixedClock } from '../clock.js';
import type { ServiceContext } from '../context.js';
import { activateDueMemberships, enrolMembers, joinExistingPerson, type EnrolInput, type PersonInput } from '../members.js';
import { changeMembershipStatus } from '../membership-status.js';
import { ensureSamplePlans } from '../plans.js';
import { demoCycleDay, DemoFunding, postPaidCycleDates, type FundingTotals } from './demo-funding.js';
import { demoPerson } from './demo-people.js';
import { DemoRandom, seededRandomSource } from './demo-random.js';

/**
 * The demo community: a few thousand made-up members of the two sample plans, joined over the
 * past eighteen months so that waiting periods have passed, with withdrawals, lapses for unpaid
 * shares and rejoins, and money through the funding services and the simulated gateway
 * (demo-funding.ts). Every person and membership row is marked demo = 1. The same seed (and the
 * same end time) gives the same community: people, dates, member codes and gateway outcomes come
 * from seeded randomness, and the services run on a clock that the seeding moves forward day by day.
 */

export const defaultDemoMembers = 3000;
export const defaultDemoSeed = 'huzhu-demo';
export const maxDemoMembers = 200_000;
/** How far back the first member joins: about eighteen months, so there is history to show. */
const demoDays = 540;

const join = { critical: 'critical-illness', senior: 'senior-cancer' } as const;

export interface DemoOptions {
  readonly members?: number;
  readonly seed?: string;
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
}

type Fate =
  | { readonly kind: 'stays' }
  | { readonly kind: 'withdraws'; readonly day: number }
  | { readonly kind: 'lapses'; readonly day: number; readonly rejoin_day: number | undefined };

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
function planCommunity(random: DemoRandom, count: number, firstDay: number): DemoMember[] {
  const taken = new Set<string>();
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
      // charged cycle (demo-funding.ts). Prepaid: the member never tops up, so the first deduction
      // after the waiting period is unmet and the membership lapses after the grace days.
      const lapseDay = day + 90 + random.between(5, 200);
      fate = { kind: 'lapses', day: lapseDay, rejoin_day: random.chance(0.35) ? lapseDay + random.between(60, 150) : undefined };
    } else if (draw < lapseRate + 0.05) {
      fate = { kind: 'withdraws', day: day + random.between(3, 300) };
    }
    members.push({ index, day, plan_id, person, fate });
  }
  return members;
}

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
  const cycleDates = Array.from({ length: demoDays }, (_, day) => formatCalendarDate(fromDayNumber(firstDay + day))).filter((date) => Number(date.slice(8, 10)) === demoCycleDay);
  const funding = new DemoFunding({ ...context, clock, random: seededRandomSource(seed) }, clock, seed, postPaidCycleDates(cycleDates, end));
  const demo = funding.context;
  log(`DEMO DATA: seeding ${count} made-up members (seed ${JSON.stringify(seed)}), joined from ${formatCalendarDate(fromDayNumber(firstDay))}; every row is marked demo=1`);
  // Plans made here start with the demo's history; plans that exist already are kept.
  await ensureSamplePlans(demo);

  const random = new DemoRandom(seed, 'community');
  const community = planCommunity(random, count, firstDay);
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

  const prepaid = (plan_id: string) => plan_id === join.senior;
  const scheduleFate = async (joined: Joined) => {
    const { fate, plan_id } = joined.member;
    if (prepaid(plan_id)) await funding.joinedPrepaid(joined.membership_id, fate.kind !== 'lapses');
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
      if (fate.rejoin_day !== undefined) {
        const rejoin = async (attempt: number, day: number): Promise<void> => {
          try {
            const again = await joinExistingPerson(demo, { plan_id, person_id: joined.person_id, payer_user_id: null, answers: noToAll });
            expectActivation(again.waiting_until);
            if (prepaid(plan_id)) await funding.joinedPrepaid(again.membership_id, true);
            rejoined += 1;
          } catch (error) {
            if (!(error instanceof RejectionError)) throw error;
            // Not lapsed yet (the lapse comes at a cycle's deadline): try again a month later. Grown past the plan's ages: no rejoin.
            if (error.rejection.code === 'MEMBER_ALREADY_JOINED' && attempt < 3) schedule(day + 30, () => rejoin(attempt + 1, day + 30));
          }
        };
        const first = fate.rejoin_day;
        schedule(first, () => rejoin(1, first));
      }
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
    clock.set(at(firstDay, day, '12:00:00'));
    await funding.runDay(formatCalendarDate(fromDayNumber(firstDay + day)));
  }
  clock.set(end);
  await activateDueMemberships(demo);
  await funding.gateway.deliverPending();
  const summary = await summarize(context, seed, firstDay, end, rejoined, await funding.totals());
  log(`DEMO DATA: created ${summary.people} made-up people and ${summary.memberships} memberships (all marked demo=1)`);
  return summary;
}

async function summarize(context: ServiceContext, seed: string, firstDay: number, end: string, rejoined: number, funding: FundingTotals): Promise<DemoSummary> {
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
