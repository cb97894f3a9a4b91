import { sql, type Kysely } from 'kysely';
import { parsePlanRules, type PlanRulesJson } from '../core/plans/plan-rules.js';
import { samplePlans } from '../core/plans/sample-plans.js';
import { RejectionError, reject, unwrap } from '../core/rejection.js';
import { openAccountsIn } from '../ledger/ledger.js';
import type { ServiceContext } from './context.js';
import type { Database } from '../store/schema.js';
import { currencyAccounts, planAccounts } from './plan-accounts.js';
import { notifyMemberships } from './notifications/notify-memberships.js';

export interface PlanVersion {
  readonly version: number;
  readonly effective_at: string;
  readonly note: string;
  readonly created_at: string;
  readonly rules: PlanRulesJson;
}

export interface Plan {
  readonly id: string;
  readonly name_zh: string;
  readonly name_en: string;
  readonly currency: string;
  readonly status: 'open' | 'closed';
  readonly created_at: string;
  readonly versions: readonly PlanVersion[];
}

const planIdPattern = /^[a-z][a-z0-9-]{1,47}$/;

function fail(code: string, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}

/** Creates a plan whose version 1 applies from now, with its ledger accounts. */
export async function createPlan(
  context: ServiceContext,
  input: { id: string; name_zh: string; name_en: string; rules: unknown },
  actor_user_id: bigint | null,
): Promise<Plan> {
  if (!planIdPattern.test(input.id)) fail('PLAN_BAD_ID', 'A plan id is 2–48 lower-case letters, digits and dashes, starting with a letter.', { id: input.id });
  if (input.name_zh.trim() === '' || input.name_en.trim() === '') fail('PLAN_BAD_NAME', 'A plan needs a Chinese and an English name.');
  const rules = unwrap(parsePlanRules(input.rules));
  const now = context.clock.now().toISOString();
  await context.store.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('plans').select('id').where('id', '=', input.id).executeTakeFirst();
    if (existing !== undefined) fail('PLAN_EXISTS', `A plan ${input.id} exists already.`, { id: input.id });
    await trx.insertInto('plans').values({ id: input.id, name_zh: input.name_zh, name_en: input.name_en, currency: rules.currency, status: 'open', created_at: now }).execute();
    await trx
      .insertInto('plan_versions')
      .values({ plan_id: input.id, version: 1n, effective_at: now, rules_json: JSON.stringify(rules), note: 'Initial rules', created_at: now, created_by: actor_user_id })
      .execute();
    await openAccountsIn(trx, [...currencyAccounts(rules.currency), ...planAccounts(input.id, rules.currency)], now);
  });
  return getPlan(context, input.id);
}

/** The in-app message every live membership's payer gets when a new rule version is announced. */
export interface PlanVersionNotice {
  readonly title_zh: string;
  readonly title_en: string;
  readonly body_zh: string;
  readonly body_en: string;
}

/** The one place the announcement's text is written: the preview shows exactly what is sent. */
export function planVersionNotice(plan: { name_zh: string; name_en: string }, version: bigint, effective_at: string, note: string): PlanVersionNotice {
  const day = effective_at.slice(0, 10);
  return {
    title_zh: `${plan.name_zh}规则变更`,
    title_en: `${plan.name_en}: rules change`,
    body_zh: `自 ${day} 起实行第 ${version} 版规则：${note}`,
    body_en: `From ${day}, version ${version} of the rules applies: ${note}`,
  };
}

interface CheckedVersion {
  readonly plan: { readonly name_zh: string; readonly name_en: string };
  readonly version: bigint;
  readonly effective_at: string;
  readonly rules: PlanRulesJson;
}

/** Every check a new version must pass, on the caller's connection; shared by the announcement and its preview. */
async function checkPlanVersionIn(
  db: Kysely<Database>,
  plan_id: string,
  input: { rules: unknown; effective_at: string; note: string },
  now: Date,
): Promise<CheckedVersion> {
  const rules = unwrap(parsePlanRules(input.rules));
  const effective = new Date(input.effective_at);
  if (Number.isNaN(effective.getTime())) fail('PLAN_BAD_EFFECTIVE_DATE', 'effective_at must be an ISO 8601 time.', { effective_at: input.effective_at });
  if (effective.getTime() <= now.getTime()) {
    fail('PLAN_VERSION_IN_PAST', 'A new rule version must take effect in the future, so members can read it first.', { effective_at: input.effective_at, now: now.toISOString() });
  }
  if (input.note.trim() === '' || input.note.length > 2000) fail('PLAN_BAD_NOTE', 'Say what changes and why, in at most 2,000 characters.');
  const plan = await db.selectFrom('plans').selectAll().where('id', '=', plan_id).executeTakeFirst();
  if (plan === undefined) fail('PLAN_NOT_FOUND', `No plan ${plan_id}.`, { plan_id });
  if (plan.currency !== rules.currency) fail('PLAN_BAD_RULES', `The plan's currency is ${plan.currency}; a version cannot change it.`);
  const last = await db.selectFrom('plan_versions').select(['version', 'effective_at', 'rules_json']).where('plan_id', '=', plan_id).orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
  // Wallet money and collected shares are booked per plan; switching between prepaid and post-paid
  // would mix the two in one aid-payable account, so a plan keeps its funding model for life.
  const last_model = (JSON.parse(last.rules_json) as PlanRulesJson).funding.model;
  if (last_model !== rules.funding.model) {
    fail('PLAN_BAD_RULES', `This plan is ${last_model}; a new version cannot change the funding model. Start a new plan instead.`, { funding_model: last_model });
  }
  if (input.effective_at <= last.effective_at) {
    fail('PLAN_VERSION_IN_PAST', `Version ${last.version} takes effect at ${last.effective_at}; a new version must come after it.`);
  }
  return { plan, version: BigInt(last.version) + 1n, effective_at: effective.toISOString(), rules };
}

/**
 * Rules change only by a new version that takes effect in the future; members of the plan are
 * notified, and the history is kept.
 */
export async function addPlanVersion(
  context: ServiceContext,
  plan_id: string,
  input: { rules: unknown; effective_at: string; note: string },
  actor_user_id: bigint | null,
): Promise<Plan> {
  const now = context.clock.now();
  await context.store.db.transaction().execute(async (trx) => {
    // While members vote on a change, the rules they vote over stay as they are: a version added
    // now could make the accepted change impossible to apply (or undo it) when the vote is counted.
    const voting = await trx.selectFrom('proposals').select('id').where('plan_id', '=', plan_id).where('status', '=', 'voting').executeTakeFirst();
    if (voting !== undefined) {
      throw new RejectionError(
        reject('PLAN_VOTE_OPEN', `Members are voting on proposal ${voting.id} for this plan; change the rules after it is counted, or by a proposal.`, { proposal_id: voting.id.toString() }).rejection,
      );
    }
    return addPlanVersionIn(trx, plan_id, input, actor_user_id, now);
  });
  return getPlan(context, plan_id);
}

/**
 * addPlanVersion inside the caller's transaction, for a change that must commit together with
 * something else (a member vote's count, which creates the version it accepted). Returns the new
 * version's number.
 */
export async function addPlanVersionIn(
  trx: Kysely<Database>,
  plan_id: string,
  input: { rules: unknown; effective_at: string; note: string },
  actor_user_id: bigint | null,
  now: Date,
): Promise<bigint> {
  const created_at = now.toISOString();
  const { plan, version, effective_at, rules } = await checkPlanVersionIn(trx, plan_id, input, now);
  await trx
    .insertInto('plan_versions')
    .values({ plan_id, version, effective_at, rules_json: JSON.stringify(rules), note: input.note, created_at, created_by: actor_user_id })
    .execute();
  const notice = planVersionNotice(plan, version, effective_at, input.note);
  // One set-based statement tells every payer with a live membership, however many members there are.
  await notifyMemberships(trx, { kind: 'plan_rules_changed', ...notice }, noticeRecipients(plan_id), {
    channels: ['in_app'],
    dedupe_prefix: () => `plan_rules_changed:${plan_id}:${version}:`,
    created_at,
  });
  return version;
}

/** The memberships told of a new version (alias m): live, with a payer to tell. */
function noticeRecipients(plan_id: string) {
  return sql`memberships m where m.plan_id = ${plan_id} and m.status in ('waiting', 'active') and m.payer_user_id is not null`;
}

export interface PlanVersionPreview {
  readonly version: number;
  readonly effective_at: string;
  readonly notice: PlanVersionNotice;
  /** How many messages the announcement would send now. */
  readonly recipient_count: number;
}

/** What addPlanVersion would do with this input, after the same checks, writing nothing. */
export async function previewPlanVersion(context: ServiceContext, plan_id: string, input: { rules: unknown; effective_at: string; note: string }): Promise<PlanVersionPreview> {
  const db = context.store.db;
  const { plan, version, effective_at } = await checkPlanVersionIn(db, plan_id, input, context.clock.now());
  const counted = await sql<{ count: string | number | bigint }>`select count(*) as count from ${noticeRecipients(plan_id)}`.execute(db);
  return {
    version: Number(version),
    effective_at,
    notice: planVersionNotice(plan, version, effective_at, input.note),
    recipient_count: Number(counted.rows[0]?.count ?? 0),
  };
}

export async function setPlanStatus(context: ServiceContext, plan_id: string, status: 'open' | 'closed'): Promise<Plan> {
  // A plan winding down never takes members again: its closure is final.
  if (status === 'open') {
    const closure = await context.store.db.selectFrom('plan_closures').select('closure_date').where('plan_id', '=', plan_id).executeTakeFirst();
    if (closure !== undefined) fail('PLAN_CLOSING', `Plan ${plan_id} closes on ${closure.closure_date}; it cannot be opened again.`, { plan_id, closure_date: closure.closure_date });
  }
  const result = await context.store.db.updateTable('plans').set({ status }).where('id', '=', plan_id).executeTakeFirst();
  if (result.numUpdatedRows === 0n) fail('PLAN_NOT_FOUND', `No plan ${plan_id}.`, { plan_id });
  return getPlan(context, plan_id);
}

/**
 * Reads a plan and its versions on the given connection or transaction: inside a transaction a
 * query on the store's own handle would wait for the transaction's connection on SQLite.
 */
export async function findPlanIn(db: Kysely<Database>, plan_id: string): Promise<Plan | undefined> {
  const plan = await db.selectFrom('plans').selectAll().where('id', '=', plan_id).executeTakeFirst();
  if (plan === undefined) return undefined;
  const versions = await db.selectFrom('plan_versions').selectAll().where('plan_id', '=', plan_id).orderBy('version').execute();
  return {
    ...plan,
    versions: versions.map((row) => ({
      version: Number(row.version),
      effective_at: row.effective_at,
      note: row.note,
      created_at: row.created_at,
      rules: unwrap(parsePlanRules(JSON.parse(row.rules_json))),
    })),
  };
}

export async function findPlan(context: ServiceContext, plan_id: string): Promise<Plan | undefined> {
  return findPlanIn(context.store.db, plan_id);
}

export async function getPlan(context: ServiceContext, plan_id: string): Promise<Plan> {
  return (await findPlan(context, plan_id)) ?? fail('PLAN_NOT_FOUND', `No plan ${plan_id}.`, { plan_id });
}

export async function listPlans(context: ServiceContext): Promise<Plan[]> {
  const ids = await context.store.db.selectFrom('plans').select('id').orderBy('id').execute();
  return Promise.all(ids.map((row) => getPlan(context, row.id)));
}

/** The version in force at a time: the latest whose effective_at is not after it. */
export function versionAt(plan: Plan, at: string): PlanVersion {
  let current = plan.versions[0];
  for (const version of plan.versions) if (version.effective_at <= at) current = version;
  if (current === undefined) throw new Error(`plan ${plan.id} has no versions`);
  return current;
}

/** Creates the two sample plans of DESIGN.md when they are missing. */
export async function ensureSamplePlans(context: ServiceContext): Promise<void> {
  for (const sample of samplePlans) {
    if ((await findPlan(context, sample.id)) === undefined) await createPlan(context, sample, null);
  }
}
