import { addDays, formatCalendarDate, fromDayNumber, parseCalendarDate } from '../../core/members/age.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { approveForNotice, endNotice, publishNotice, startReview, submitClaim, type EvidenceFile } from '../claims/index.js';
import { runCycle } from '../cycles/index.js';
import { advanceAid, payDueAid, planCashIn, repayAdvances } from '../payouts/index.js';
import type { DemoFunding } from './demo-funding.js';
import { DemoRandom } from './demo-random.js';

/**
 * Sharing cycles and cases for the demo community's last weeks, through the real services: on
 * every notice day (the 7th and 21st) of the window both community plans run their cycle; a few
 * covered members fall ill, and their claims go through evidence, review, public notice and
 * approval, so they become the cases of the next cycle; due aid is paid as far as each plan's
 * cash goes, the operator advancing what collections have not brought in yet once the
 * collection day has come, and getting it back as shares are collected. One claim is still in
 * public notice at the end, so the public case list has a live notice.
 */

/** How many days at the end of the demo's history have sharing cycles: about two months, four or five notice days. */
export const demoCycleWindowDays = 60;

export interface DemoCyclePlan {
  readonly plan_id: string;
  readonly prepaid: boolean;
  readonly illness_codes: ReadonlyArray<readonly [string, number]>;
  /** Cases for the window's cycles: [index of the notice day in the window (negative: from the end), number of cases]. */
  readonly cases: (random: DemoRandom) => ReadonlyArray<readonly [number, number]>;
}

export interface DemoCasesInput {
  readonly seed: string;
  readonly firstDay: number;
  readonly demoDays: number;
  readonly plans: readonly DemoCyclePlan[];
  /** The plan whose claim is still in public notice at the end. */
  readonly live_notice_plan: string;
  readonly funding: DemoFunding;
  readonly blobStore: BlobStore;
  /** Memberships that stay (no withdrawal or lapse ahead): only they fall ill, so a claim never meets a leaving member. */
  readonly steady: ReadonlySet<bigint>;
  /** Runs `event` at 08:00 of `day` (seed-demo's event list). */
  readonly schedule: (day: number, event: () => Promise<void>) => void;
  /** Sets the demo clock to `time` (HH:MM:SS) of `day`. */
  readonly setTime: (day: number, time: string) => void;
}

/** Whose claim it is when a demo login files it: her membership, submitted from her account. */
export interface DemoClaimant {
  readonly membership_id: bigint;
  readonly user_id: bigint;
}

export interface DemoClaimOptions {
  /** The day its notice ends and it is approved; undefined: it stays in notice (or `submitted` takes it further). */
  readonly approve?: number;
  /** Read on the day it is submitted; undefined then: no claim. */
  readonly claimant?: () => DemoClaimant | undefined;
  /** Called with the new claim's id on the day it is submitted. */
  readonly submitted?: (claim_id: bigint) => void;
}

export interface DemoCasesTotals {
  readonly claims_submitted: number;
  readonly advances: number;
}

const hospitals = ['市第一人民医院', '省人民医院', '市中心医院', '省肿瘤医院', '医科大学附属第一医院', '市第二人民医院', '中医院', '省立医院'];

/** A tiny made-up PDF: the evidence the demo stores for each claim, in the server's blob store. */
function demoEvidence(case_index: number, illness_code: string, hospital: string): EvidenceFile {
  const text = `%PDF-1.7\n% Huzhu DEMO: a made-up diagnosis report, not a real document\n% demo case ${case_index}: ${illness_code}, ${hospital}\n%%EOF\n`;
  return { bytes: Buffer.from(text, 'utf8'), content_type: 'application/pdf', file_name: `diagnosis-report-${case_index}.pdf` };
}

function dateOf(firstDay: number, day: number): string {
  return formatCalendarDate(fromDayNumber(firstDay + day));
}

export class DemoCases {
  readonly #input: DemoCasesInput;
  readonly #random: DemoRandom;
  /** Day indexes of the notice days in the window, oldest first. */
  readonly cycleDays: readonly number[];
  readonly #cycleDaySet: ReadonlySet<number>;
  readonly #firstWindowDay: number;
  readonly #claimedPersons = new Set<bigint>();
  readonly #advanced = new Set<bigint>();
  #claims = 0;
  #advances = 0;

  constructor(input: DemoCasesInput) {
    this.#input = input;
    this.#random = new DemoRandom(input.seed, 'cases');
    this.#firstWindowDay = Math.max(0, input.demoDays - demoCycleWindowDays);
    const days: number[] = [];
    for (let day = this.#firstWindowDay; day < input.demoDays; day += 1) {
      const dayOfMonth = Number(dateOf(input.firstDay, day).slice(8, 10));
      if (dayOfMonth === 7 || dayOfMonth === 21) days.push(day);
    }
    this.cycleDays = days;
    this.#cycleDaySet = new Set(days);
  }

  /** True on the days of the cycle window, when the day's collections, lapses and payouts run. */
  inWindow(day: number): boolean {
    return day >= this.#firstWindowDay;
  }

  isCycleDay(day: number): boolean {
    return this.#cycleDaySet.has(day);
  }

  /** Draws the claims (plan, days) up front and schedules their steps. */
  planClaims(): void {
    for (const plan of this.#input.plans) {
      for (const [index, count] of plan.cases(this.#random)) {
        const cycleDay = this.cycleDays.at(index);
        if (cycleDay === undefined) continue;
        for (let n = 0; n < count; n += 1) {
          // Submitted 11–14 days before the snapshot: reviewed the next day, in public notice from
          // the day after for the plan's 7 days, approved the day after the notice ends.
          const submit = cycleDay - this.#random.between(11, 14);
          this.#scheduleClaim(plan, submit, submit + 10);
        }
      }
    }
    const live = this.#input.plans.find((plan) => plan.plan_id === this.#input.live_notice_plan);
    // Submitted four days before the end: its notice runs past the end of the history.
    if (live !== undefined) this.#scheduleClaim(live, this.#input.demoDays - 4, undefined);
  }

  /** The notice day of the window at `index` (negative: from the end), or undefined when the window has fewer. */
  cycleDay(index: number): number | undefined {
    return this.cycleDays.at(index);
  }

  /**
   * One more claim of `plan_id`, submitted on `submit`: reviewed the next day and in public
   * notice the day after. With `approve`, its notice ends that day (approved); without, the
   * notice goes on unless `submitted`'s caller takes it further (an objection, a jury). `claimant` fixes whose claim it is (a demo login's
   * membership, submitted by her account); otherwise a steady covered member is drawn.
   */
  scheduleClaim(plan_id: string, submit: number, options: DemoClaimOptions = {}): void {
    const plan = this.#input.plans.find((entry) => entry.plan_id === plan_id);
    if (plan === undefined) throw new Error(`demo: no cycle plan ${plan_id}`);
    this.#scheduleClaim(plan, submit, options.approve, options);
  }

  #scheduleClaim(plan: DemoCyclePlan, submit: number, approve: number | undefined, options: DemoClaimOptions = {}): void {
    const illness_code = this.#random.weighted(plan.illness_codes);
    const hospital = this.#random.pick(hospitals);
    const diagnosed_days_before = this.#random.between(3, 30);
    const { schedule } = this.#input;
    let claim_id: bigint | undefined;
    schedule(submit, async () => {
      const fixed = options.claimant === undefined ? undefined : options.claimant();
      if (options.claimant !== undefined && fixed === undefined) return;
      claim_id = await this.#submit(plan, submit, diagnosed_days_before, illness_code, hospital, fixed);
      if (claim_id !== undefined) options.submitted?.(claim_id);
    });
    schedule(submit + 1, async () => {
      if (claim_id === undefined) return;
      const context = this.#input.funding.context;
      await startReview(context, claim_id, 'operator');
      await approveForNotice(context, claim_id, 'operator');
    });
    schedule(submit + 2, async () => {
      if (claim_id !== undefined) await publishNotice(this.#input.funding.context, claim_id, 'operator');
    });
    if (approve !== undefined) {
      schedule(approve, async () => {
        if (claim_id !== undefined) await endNotice(this.#input.funding.context, claim_id, 'system');
      });
    }
  }

  /** The claimant: a steady, covered member of the plan, picked by the seeded random; undefined when there is none. */
  async #submit(plan: DemoCyclePlan, day: number, diagnosed_days_before: number, illness_code: string, hospital: string, fixed?: DemoClaimant): Promise<bigint | undefined> {
    const context = this.#input.funding.context;
    const today = parseCalendarDate(dateOf(this.#input.firstDay, day));
    if (today === undefined) throw new Error('demo: a bad calendar date');
    const diagnosis_date = formatCalendarDate(addDays(today, -diagnosed_days_before));
    const candidates = await context.store.db
      .selectFrom('memberships')
      .select(['id', 'person_id'])
      .where('plan_id', '=', plan.plan_id)
      .where('status', '=', 'active')
      .where('demo', '=', 1n)
      .where('waiting_until', '<', diagnosis_date)
      .orderBy('member_code')
      .execute();
    const eligible = candidates.filter((row) => (fixed === undefined ? this.#input.steady.has(row.id) : row.id === fixed.membership_id) && !this.#claimedPersons.has(row.person_id));
    if (eligible.length === 0) return undefined;
    const claimant = fixed === undefined ? this.#random.pick(eligible) : eligible[0]!;
    this.#claimedPersons.add(claimant.person_id);
    this.#claims += 1;
    const submitted = await submitClaim(
      context,
      {
        membership_id: claimant.id,
        submitted_by_user_id: fixed?.user_id ?? null,
        illness_code,
        diagnosis_date,
        hospital,
        files: [demoEvidence(this.#claims, illness_code, hospital)],
      },
      this.#input.blobStore,
    );
    return submitted.claim_id;
  }

  /** The notice day's cycles of both plans, run for that day's snapshot. */
  async runCycles(day: number): Promise<void> {
    const at = `${dateOf(this.#input.firstDay, day)}T01:00:00.000Z`;
    this.#input.setTime(day, '01:00:00');
    for (const plan of this.#input.plans) {
      if (plan.prepaid) await this.#input.funding.beforePrepaidCycle(plan.plan_id);
      await runCycle(this.#input.funding.context, plan.plan_id, { at });
    }
    await this.#input.funding.trackNewCharges();
    await this.#input.funding.gateway.deliverPending();
  }

  /**
   * The day's payout work, as serve's background jobs do it: pay due aid as far as the plans'
   * cash goes. From a cycle's collection day on, the operator advances what the members' shares
   * have not brought in yet (once per payout), and is repaid as collections catch up.
   */
  async payDay(): Promise<void> {
    const context = this.#input.funding.context;
    const now = context.clock.now().toISOString();
    // Bounded: each pass advances at most one payout per plan, and there are only a few cases.
    for (let pass = 0; pass < 8; pass += 1) {
      const report = await payDueAid(context);
      await this.#input.funding.gateway.deliverPending();
      let advanced = false;
      const seen = new Set<string>();
      for (const uncovered of report.uncovered) {
        if (seen.has(uncovered.plan_id)) continue;
        seen.add(uncovered.plan_id);
        if (this.#advanced.has(uncovered.payout_id)) continue;
        const payout = await context.store.db
          .selectFrom('aid_payouts as p')
          .innerJoin('cycles as c', 'c.id', 'p.cycle_id')
          .select(['c.collection_at'])
          .where('p.id', '=', uncovered.payout_id)
          .executeTakeFirstOrThrow();
        if (payout.collection_at > now) continue;
        // An advance pays only aid that members were charged for (aid payable): a prepaid share
        // that a wallet could not pay waits for its write-off after the grace days.
        const cash = await planCashIn(context.store.db, uncovered.plan_id);
        if (uncovered.amount_minor > cash.aid_payable_minor) continue;
        const amount_minor = uncovered.amount_minor - uncovered.available_minor;
        if (amount_minor <= 0n) continue;
        this.#advanced.add(uncovered.payout_id);
        await advanceAid(context, { plan_id: uncovered.plan_id, amount_minor, actor: 'operator', idempotency_key: `demo-advance-${uncovered.payout_id}` });
        this.#advances += 1;
        advanced = true;
      }
      if (!advanced) break;
    }
    await repayAdvances(context);
    await this.#input.funding.gateway.deliverPending();
  }

  totals(): DemoCasesTotals {
    return { claims_submitted: this.#claims, advances: this.#advances };
  }
}
