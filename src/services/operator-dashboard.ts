import { sql } from 'kysely';
import { claimStates, type ClaimState } from '../core/claims/claim-lifecycle.js';
import { balancesIn } from '../ledger/ledger-reads.js';
import type { ServiceContext } from './context.js';
import { nextCyclePreview, type NextCyclePreview } from './cycles/next-cycle-preview.js';
import { accountCodes } from './plan-accounts.js';
import { getPlan } from './plans.js';

/** The most past cycles the joins-and-exits series covers. */
export const maxDashboardCycles = 24;

/** Statuses that end a membership: an event into one of them is an exit. */
const exitStatuses = ['lapsed', 'withdrawn', 'terminated', 'ended'] as const;
type ExitStatus = (typeof exitStatuses)[number];

export interface MembershipFlow {
  /** The cycle whose snapshot closes the window, or the next cycle for the window still open. */
  readonly cycle_id: string;
  /** Exclusive start (the previous snapshot; null before the plan's first cycle) and inclusive end. */
  readonly since_at: string | null;
  readonly until_at: string;
  /** Null for the open window: the next snapshot has not been taken. */
  readonly member_count: bigint | null;
  readonly joins: bigint;
  readonly exits: bigint;
  readonly exits_by_status: Readonly<Record<ExitStatus, bigint>>;
}

export interface OperatorDashboard {
  readonly plan_id: string;
  readonly currency: string;
  readonly at: string;
  readonly members: { readonly covered: bigint; readonly waiting: bigint };
  readonly flows: readonly MembershipFlow[];
  readonly claims_by_state: Readonly<Record<ClaimState, bigint>>;
  readonly next_cycle: NextCyclePreview;
  readonly cash: {
    /** Post-paid shares charged and not yet collected (share_charges due). */
    readonly in_collection_minor: bigint;
    readonly in_collection_count: bigint;
    /** The ledger's shares receivable of the plan: the above plus prepaid shortfalls. */
    readonly shares_receivable_minor: bigint;
    /** The currency's segregated custody account: every prepaid wallet's money, of all plans in this currency. */
    readonly custody_minor: bigint;
    /** Aid payouts not paid yet (due, in flight, or failed awaiting a retry). */
    readonly payouts_due_minor: bigint;
    readonly payouts_due_count: bigint;
    readonly payouts_failed_count: bigint;
    /** The operator's advances to the plan not yet repaid (ledger). */
    readonly advances_outstanding_minor: bigint;
  };
}

type Count = string | number | bigint;
const big = (value: Count | null | undefined) => BigInt(value ?? 0);

/**
 * The operator's view of one plan, in a bounded number of set-based statements: member counts,
 * joins and exits between the last cycles' snapshots (one statement each, by index ranges over
 * the windows), claims by state, the next cycle's preview and the cash positions from the ledger
 * and the payout and charge tables.
 */
export async function operatorDashboard(context: ServiceContext, plan_id: string, options: { cycles: number }): Promise<OperatorDashboard> {
  const db = context.store.db;
  const plan = await getPlan(context, plan_id);
  const at = context.clock.now().toISOString();
  const cycle_count = Math.min(Math.max(1, options.cycles), maxDashboardCycles);

  const members = await sql<{ covered: Count | null; waiting: Count | null }>`
    select sum(case when m.waiting_until <= ${at} then 1 else 0 end) as covered, sum(case when m.waiting_until > ${at} then 1 else 0 end) as waiting
    from memberships m where m.plan_id = ${plan_id} and m.status in ('waiting', 'active')`.execute(db);

  const next_cycle = await nextCyclePreview(context, plan);
  // One row more than shown: its snapshot opens the oldest window.
  const recent = await db
    .selectFrom('cycles')
    .select(['cycle_code', 'snapshot_at', 'member_count'])
    .where('plan_id', '=', plan_id)
    .orderBy('sequence', 'desc')
    .limit(cycle_count + 1)
    .execute();
  const ordered = recent.reverse();
  const windows: Array<{ cycle_id: string; since_at: string | null; until_at: string; member_count: bigint | null }> = [];
  for (const [index, cycle] of ordered.entries()) {
    if (index === 0 && ordered.length > cycle_count) continue;
    windows.push({ cycle_id: cycle.cycle_code, since_at: ordered[index - 1]?.snapshot_at ?? null, until_at: cycle.snapshot_at, member_count: cycle.member_count });
  }
  windows.push({ cycle_id: next_cycle.cycle_id, since_at: ordered.at(-1)?.snapshot_at ?? null, until_at: at, member_count: null });

  // The windows as a VALUES list (at most maxDashboardCycles + 1 rows); the empty string sorts before every time.
  const windowRows = sql.join(windows.map((window, index) => sql`(${index}, ${window.since_at ?? ''}, ${window.until_at})`));
  const windowTable = sql`with w(slot, since_at, until_at) as (values ${windowRows})`;
  const joins = await sql<{ slot: Count; joins: Count }>`
    ${windowTable}
    select w.slot as slot, count(m.id) as joins
    from w join memberships m on m.plan_id = ${plan_id} and m.joined_at > w.since_at and m.joined_at <= w.until_at
    group by w.slot`.execute(db);
  const exits = await sql<{ slot: Count; to_status: ExitStatus; exits: Count }>`
    ${windowTable}
    select w.slot as slot, e.to_status as to_status, count(*) as exits
    from w join membership_events e on e.at > w.since_at and e.at <= w.until_at
    join memberships m on m.id = e.membership_id
    where m.plan_id = ${plan_id} and e.to_status in (${sql.join(exitStatuses)})
    group by w.slot, e.to_status`.execute(db);
  const joinsAt = new Map(joins.rows.map((row) => [Number(row.slot), big(row.joins)]));
  const flows = windows.map((window, index) => {
    const by_status = Object.fromEntries(exitStatuses.map((status) => [status, 0n])) as Record<ExitStatus, bigint>;
    for (const row of exits.rows) if (Number(row.slot) === index) by_status[row.to_status] = big(row.exits);
    return {
      ...window,
      joins: joinsAt.get(index) ?? 0n,
      exits: Object.values(by_status).reduce((total, value) => total + value, 0n),
      exits_by_status: by_status,
    };
  });

  const claimRows = await db
    .selectFrom('claims')
    .select(['state', (eb) => eb.fn.countAll<Count>().as('count')])
    .where('plan_id', '=', plan_id)
    .groupBy('state')
    .execute();
  const claims_by_state = Object.fromEntries(claimStates.map((state) => [state, 0n])) as Record<ClaimState, bigint>;
  for (const row of claimRows) claims_by_state[row.state] = big(row.count);

  const collection = await db
    .selectFrom('share_charges')
    .select([(eb) => eb.fn.countAll<Count>().as('count'), (eb) => eb.fn.sum<Count | null>('amount_minor').as('amount_minor')])
    .where('status', '=', 'due')
    .where('plan_id', '=', plan_id)
    .executeTakeFirstOrThrow();
  const payouts = await db
    .selectFrom('aid_payouts')
    .select(['status', (eb) => eb.fn.countAll<Count>().as('count'), (eb) => eb.fn.sum<Count | null>('amount_minor').as('amount_minor')])
    .where('status', 'in', ['due', 'in_flight', 'failed'])
    .where('plan_id', '=', plan_id)
    .groupBy('status')
    .execute();
  const balances = await balancesIn(db, [accountCodes.custody(plan.currency), accountCodes.sharesReceivable(plan_id), accountCodes.operatorAdvances(plan_id)]);

  return {
    plan_id,
    currency: plan.currency,
    at,
    members: { covered: big(members.rows[0]?.covered), waiting: big(members.rows[0]?.waiting) },
    flows,
    claims_by_state,
    next_cycle,
    cash: {
      in_collection_minor: big(collection.amount_minor),
      in_collection_count: big(collection.count),
      shares_receivable_minor: balances.get(accountCodes.sharesReceivable(plan_id)) ?? 0n,
      custody_minor: balances.get(accountCodes.custody(plan.currency)) ?? 0n,
      payouts_due_minor: payouts.reduce((total, row) => total + big(row.amount_minor), 0n),
      payouts_due_count: payouts.reduce((total, row) => total + big(row.count), 0n),
      payouts_failed_count: big(payouts.find((row) => row.status === 'failed')?.count),
      advances_outstanding_minor: balances.get(accountCodes.operatorAdvances(plan_id)) ?? 0n,
    },
  };
}
