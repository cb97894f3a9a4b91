import { fromDayNumber } from '../../core/members/age.js';
import { RejectionError } from '../../core/rejection.js';
import { objectToClaim, resolveObjection } from '../claims/index.js';
import { castVote, closeJury, jurorQuiz, openJury, takeJurorQuiz, type JuryVote } from '../jury/index.js';
import { enrolMembers, type PersonInput } from '../members.js';
import { walletBalance } from '../funding/wallet-balances.js';
import { requestTopUp } from '../funding/top-ups.js';
import { createUser } from '../users.js';
import type { DemoCases } from './demo-cases.js';
import type { DemoFunding } from './demo-funding.js';
import { demoPerson } from './demo-people.js';
import { DemoRandom } from './demo-random.js';

/**
 * Demo logins (never in production: seedDemo refuses there): accounts a newcomer can log in with
 * to see every member and juror page with real-looking data. Each is an ordinary member account
 * (role member, password `demo-password`) made with createUser, whose people are enrolled with
 * enrolMembers as the API does (marked demo = 1), and whose history comes from the same services
 * the API and the background jobs use:
 *  - demo-member pays for herself in the post-paid plan; she shared in the demo's cycles (share
 *    lines, collections, proofs), had a claim of her own approved and paid, and objected to a case
 *    that the jury then decided;
 *  - demo-prepaid pays for herself and her husband in the prepaid plan: wallet top-ups, share
 *    deductions, a balance;
 *  - demo-juror passed the juror quiz and sits on two panels: one that closed with a published
 *    count (she voted), one whose vote is open now (she has not voted yet).
 * Eight more jurors (demo-juror-02 … demo-juror-09, same password, not advertised) fill the panels.
 */

export const demoLoginPassword = 'demo-password';

export interface DemoLogin {
  readonly username: string;
  readonly password: string;
  /** What logging in as this account shows (English, for the terminal and the README). */
  readonly shows: string;
}

export const demoLogins: readonly DemoLogin[] = [
  { username: 'demo-member', password: demoLoginPassword, shows: 'post-paid member: share history with proofs, collections, her own paid claim, an objection' },
  { username: 'demo-prepaid', password: demoLoginPassword, shows: 'prepaid member paying for herself and her husband: wallet top-ups, deductions, balance' },
  { username: 'demo-juror', password: demoLoginPassword, shows: 'qualified juror: a panel whose vote is open now, and a closed one with its count' },
];

/** The extra jurors on the demo's panels (same password; not printed). */
const extraJurors = 8;
/** How long the demo's open jury takes votes after it opens (two days before the end of the history). */
const openJuryWindowHours = 16 * 24;

/** The stories the demo logins take part in, by public case number (null when the community was too small for one). */
export interface DemoLoginStories {
  /** demo-member's own claim: approved, a case of a cycle, paid. */
  readonly member_claim: string | null;
  /** A case whose objection (demo-member's) went to the jury; the jury closed and published its count. */
  readonly closed_jury: string | null;
  /** A case whose jury vote is open at the end of the history; demo-juror has not voted. */
  readonly open_jury: string | null;
  /** Every case in public notice at the end (the notices page's case cards, with "I object"). */
  readonly in_notice: readonly string[];
}

export interface DemoLoginsInput {
  readonly seed: string;
  readonly firstDay: number;
  readonly demoDays: number;
  readonly post_paid_plan: string;
  readonly prepaid_plan: string;
  readonly funding: DemoFunding;
  readonly cases: DemoCases;
  /** The ID numbers the community took, so the logins' people get other ones. */
  readonly taken: Set<string>;
  /** Memberships that stay: the objector of the open jury's case comes from them. */
  readonly steady: ReadonlySet<bigint>;
  readonly schedule: (day: number, event: () => Promise<void>) => void;
  /** Tells the seeding loop a membership's waiting period ends then, so it activates on the day. */
  readonly expectActivation: (waiting_until: string) => void;
  /** The demo clock's time now, for createUser. */
  readonly now: () => string;
}

interface Account {
  readonly user_id: bigint;
  readonly memberships: bigint[];
}

const quizAnswers = jurorQuiz.map((question) => question.correct_index);

export class DemoLogins {
  readonly #input: DemoLoginsInput;
  readonly #random: DemoRandom;
  readonly #accounts = new Map<string, Account>();
  readonly #claims: { member_claim?: bigint; closed_jury?: bigint; open_jury?: bigint } = {};

  constructor(input: DemoLoginsInput) {
    this.#input = input;
    this.#random = new DemoRandom(input.seed, 'logins');
  }

  /** Schedules everything up front: the accounts, their top-ups, the quiz, the claims and the juries. */
  plan(): void {
    const { schedule, demoDays, cases, post_paid_plan } = this.#input;
    // Joined about eight months before the end: waiting period and juror tenure long passed when the cycles start.
    const joinDay = Math.max(0, demoDays - 240);
    schedule(joinDay, () => this.#openAccounts(joinDay));
    schedule(joinDay + 40, () => this.#passQuizzes());
    // A second top-up of demo-prepaid's own wallet a month before the end.
    schedule(demoDays - 30, () => this.#topUp('demo-prepaid', 0, 20_000n));

    // demo-member's claim: a case of the third notice day of the window, so she has a share line before and after it.
    const memberCycle = cases.cycleDay(2);
    if (memberCycle !== undefined) {
      const submit = memberCycle - 12;
      cases.scheduleClaim(post_paid_plan, submit, {
        approve: submit + 10,
        claimant: () => this.#claimantOf('demo-member'),
        submitted: (claim_id) => (this.#claims.member_claim = claim_id),
      });
    }

    // A case demo-member objects to: referred to the jury, voted on, closed in time to be a case of the last notice day.
    const lastCycle = cases.cycleDay(-1);
    if (lastCycle !== undefined) {
      const submit = lastCycle - 12;
      let claim_id: bigint | undefined;
      cases.scheduleClaim(post_paid_plan, submit, { submitted: (id) => (this.#claims.closed_jury = claim_id = id) });
      schedule(submit + 3, async () => {
        if (claim_id !== undefined) await this.#object(claim_id, 'demo-member');
      });
      schedule(submit + 4, async () => {
        if (claim_id !== undefined) await this.#toJury(claim_id, 72);
      });
      schedule(submit + 5, async () => {
        if (claim_id !== undefined) await this.#vote(claim_id, ['approve', 'approve', 'reject', 'approve', 'approve', 'approve', 'approve', undefined, 'approve']);
      });
      schedule(submit + 8, async () => {
        if (claim_id !== undefined) await this.#closeJury(claim_id);
      });
    }

    // A case whose jury vote is open at the end: a few jurors have voted, demo-juror has not.
    {
      const submit = demoDays - 7;
      let claim_id: bigint | undefined;
      cases.scheduleClaim(post_paid_plan, submit, { submitted: (id) => (this.#claims.open_jury = claim_id = id) });
      schedule(submit + 3, async () => {
        if (claim_id !== undefined) await this.#object(claim_id, undefined);
      });
      schedule(submit + 5, async () => {
        if (claim_id !== undefined) await this.#toJury(claim_id, openJuryWindowHours);
      });
      schedule(submit + 6, async () => {
        if (claim_id !== undefined) await this.#vote(claim_id, [undefined, 'approve', 'reject', 'approve']);
      });
    }
  }

  /** The claimant of a login's claim, read when it is submitted (the accounts exist by then). */
  #claimantOf(username: string): { membership_id: bigint; user_id: bigint } | undefined {
    const account = this.#accounts.get(username);
    const membership_id = account?.memberships[0];
    return account === undefined || membership_id === undefined ? undefined : { membership_id, user_id: account.user_id };
  }

  async #openAccounts(day: number): Promise<void> {
    const { post_paid_plan, prepaid_plan } = this.#input;
    const on = fromDayNumber(this.#input.firstDay + day);
    const person = (age: number, relationship: PersonInput['relationship'], gender: 'female' | 'male') => demoPerson(this.#random, on, age, relationship, this.#input.taken, gender);
    await this.#account('demo-member', 'Demo member', [[post_paid_plan, person(34, 'self', 'female')]]);
    await this.#account('demo-prepaid', 'Demo prepaid member', [
      [prepaid_plan, person(62, 'self', 'female')],
      [prepaid_plan, person(66, 'spouse', 'male')],
    ]);
    await this.#account('demo-juror', 'Demo juror', [[post_paid_plan, person(45, 'self', 'male')]]);
    for (let n = 2; n <= extraJurors + 1; n += 1) {
      const age = this.#random.between(25, 58);
      await this.#account(`demo-juror-${String(n).padStart(2, '0')}`, `Demo juror ${n}`, [[post_paid_plan, person(age, 'self', this.#random.chance(0.5) ? 'female' : 'male')]]);
    }
    // Both wallets start with a top-up (300 CNY each).
    await this.#topUp('demo-prepaid', 0, 30_000n);
    await this.#topUp('demo-prepaid', 1, 30_000n);
  }

  async #account(username: string, display_name: string, people: ReadonlyArray<readonly [string, PersonInput]>): Promise<void> {
    const { store } = this.#input.funding.context;
    // A new database with no memberships may still have accounts: a name someone took is left alone.
    const taken = await store.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (taken !== undefined) return;
    const user = await createUser(store, { username, display_name, password: demoLoginPassword, roles: ['member'] }, this.#input.now());
    const results = await enrolMembers(
      this.#input.funding.context,
      people.map(([plan_id, person]) => ({ plan_id, payer_user_id: user.id, person, answers: noToAll, demo: true })),
    );
    const memberships: bigint[] = [];
    for (const result of results) {
      if (!result.ok) throw new Error(`demo: the ${username} login's member was refused: ${result.rejection.code} ${result.rejection.message}`);
      this.#input.expectActivation(result.value.waiting_until);
      memberships.push(result.value.membership_id);
    }
    this.#accounts.set(username, { user_id: user.id, memberships });
  }

  /** A top-up that the simulated gateway may fail now and then: tried again (at most three times) until it lands. */
  async #topUp(username: string, index: number, amount_minor: bigint): Promise<void> {
    const membership_id = this.#accounts.get(username)?.memberships[index];
    if (membership_id === undefined) return;
    const context = this.#input.funding.context;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const before = await walletBalance(context, membership_id);
      try {
        await requestTopUp(context, membership_id, amount_minor);
      } catch (error) {
        // The wallet is full or the membership lapsed: no top-up then.
        if (error instanceof RejectionError) return;
        throw error;
      }
      await this.#input.funding.gateway.deliverPending();
      if ((await walletBalance(context, membership_id)) > before) return;
    }
  }

  async #passQuizzes(): Promise<void> {
    for (const [username, account] of this.#accounts) {
      if (!username.startsWith('demo-juror')) continue;
      await takeJurorQuiz(this.#input.funding.context, account.user_id, account.memberships[0]!, quizAnswers);
    }
  }

  /** An "I object" during the notice: from `username`'s membership, or from a steady member of the plan. */
  async #object(claim_id: bigint, username: string | undefined): Promise<void> {
    const context = this.#input.funding.context;
    const claim = await context.store.db.selectFrom('claims').select(['membership_id', 'plan_id']).where('id', '=', claim_id).executeTakeFirstOrThrow();
    let objector = username === undefined ? undefined : this.#accounts.get(username)?.memberships[0];
    if (objector === undefined) {
      const active = await context.store.db
        .selectFrom('memberships')
        .select('id')
        .where('plan_id', '=', claim.plan_id)
        .where('status', '=', 'active')
        .where('demo', '=', 1n)
        .where('id', '<>', claim.membership_id)
        .orderBy('member_code')
        .execute();
      const steady = active.filter((row) => this.#input.steady.has(row.id));
      if (steady.length === 0) return;
      objector = this.#random.pick(steady).id;
    }
    await objectToClaim(context, claim_id, objector, '公示的确诊日期与住院记录看起来不一致，请评议团核实。');
  }

  /** The reviewer refers the open objection to the members' jury, which opens at once. */
  async #toJury(claim_id: bigint, window_hours: number): Promise<void> {
    const context = this.#input.funding.context;
    const objection = await context.store.db.selectFrom('objections').select('id').where('claim_id', '=', claim_id).where('status', '=', 'open').orderBy('id').executeTakeFirst();
    if (objection === undefined) return;
    await resolveObjection(context, objection.id, 'refer_to_jury', '异议涉及病历细节，交由会员评议团裁决。', 'operator');
    try {
      await openJury(context, claim_id, 'operator', { window_hours });
    } catch (error) {
      // Too few members for a jury (a tiny demo): the claim stays with the jury referral.
      if (!(error instanceof RejectionError) || error.rejection.code !== 'JURY_NO_ELIGIBLE_JURORS') throw error;
    }
  }

  /** Votes of demo-juror (first) and the extra jurors, in order; undefined abstains. */
  async #vote(claim_id: bigint, votes: ReadonlyArray<JuryVote | undefined>): Promise<void> {
    const context = this.#input.funding.context;
    const jury = await context.store.db.selectFrom('juries').select('claim_id').where('claim_id', '=', claim_id).executeTakeFirst();
    if (jury === undefined) return;
    const jurors = [...this.#accounts].filter(([username]) => username.startsWith('demo-juror'));
    for (const [index, vote] of votes.entries()) {
      const juror = jurors[index];
      if (vote === undefined || juror === undefined) continue;
      try {
        await castVote(context, claim_id, juror[1].user_id, vote);
      } catch (error) {
        // A juror the draw left off the panel (or who lapsed) has no seat: their vote is simply not cast.
        if (!(error instanceof RejectionError) || error.rejection.code !== 'JURY_NOT_A_JUROR') throw error;
      }
    }
  }

  async #closeJury(claim_id: bigint): Promise<void> {
    const context = this.#input.funding.context;
    const jury = await context.store.db.selectFrom('juries').select('closed_at').where('claim_id', '=', claim_id).executeTakeFirst();
    if (jury === undefined || jury.closed_at !== null) return;
    await closeJury(context, claim_id, 'system');
  }

  /** The logins that exist (all three unless a username was taken) and the stories' case numbers. */
  async summary(): Promise<{ logins: DemoLogin[]; stories: DemoLoginStories }> {
    const db = this.#input.funding.context.store.db;
    const caseOf = async (claim_id: bigint | undefined) =>
      claim_id === undefined ? null : ((await db.selectFrom('claims').select('case_number').where('id', '=', claim_id).executeTakeFirst())?.case_number ?? null);
    return {
      logins: demoLogins.filter((login) => this.#accounts.has(login.username)),
      stories: {
        member_claim: await caseOf(this.#claims.member_claim),
        closed_jury: await caseOf(this.#claims.closed_jury),
        open_jury: await caseOf(this.#claims.open_jury),
        in_notice: (await db.selectFrom('claims').select('case_number').where('state', '=', 'in_notice').orderBy('case_number').execute()).map((row) => row.case_number),
      },
    };
  }
}

const noToAll = { 'HQ-CANCER': false, 'HQ-HEART': false, 'HQ-HOSPITAL': false, 'HQ-CLAIM': false } as const;
