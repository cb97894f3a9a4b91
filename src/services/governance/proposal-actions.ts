import { sql } from 'kysely';
import { governanceSettingsOf, type GovernanceSettings } from '../../core/governance/governance-rules.js';
import { nextProposalState, voteClosesAtMs } from '../../core/governance/proposal-lifecycle.js';
import { checkProposedChange } from '../../core/governance/rule-diff.js';
import { parsePlanRules, type PlanRulesJson } from '../../core/plans/plan-rules.js';
import { unwrap } from '../../core/rejection.js';
import type { ServiceContext } from '../context.js';
import { getPlanIn } from '../funding/plan-in.js';
import { versionAt } from '../plans.js';
import { governanceRejection } from './governance-rejections.js';
import { getStaffProposal } from './proposal-queries.js';
import { getProposalRowIn, proposalOf, type Proposal } from './proposal-rows.js';
import { notifyMemberships } from '../notifications/notify-memberships.js';

export const maxProposalNoteChars = 1500;

function checkNote(note: string): string {
  const trimmed = note.trim();
  const length_chars = [...trimmed].length;
  // The note goes into the new version's note (at most 2,000 characters) with the count before it.
  if (length_chars < 1 || length_chars > maxProposalNoteChars) {
    governanceRejection('GOV_BAD_NOTE', `note: say what changes and why, in 1–${maxProposalNoteChars} characters (got ${length_chars}).`, { field: 'note', length_chars });
  }
  return trimmed;
}

export interface ProposalPreview {
  readonly base_version: number;
  readonly changes: Proposal['changes'];
  readonly rules: PlanRulesJson;
}

/** The latest version (in force or announced): a proposal is written over it, so no announced change is lost. */
async function diffAgainstLatest(context: ServiceContext, plan_id: string, rules_input: unknown): Promise<ProposalPreview> {
  const plan = await getPlanIn(context.store.db, plan_id);
  const latest = plan.versions.at(-1)!;
  const rules = unwrap(parsePlanRules(rules_input));
  const changes = unwrap(checkProposedChange(latest.rules, rules));
  return { base_version: latest.version, changes, rules };
}

/** What createProposal would store, after the same checks, writing nothing (the staff page's preview). */
export async function previewProposal(context: ServiceContext, plan_id: string, input: { rules: unknown }): Promise<ProposalPreview> {
  return diffAgainstLatest(context, plan_id, input.rules);
}

/** A draft proposal by staff (operator or admin): the proposed rules, their diff and the reason. */
export async function createProposal(context: ServiceContext, plan_id: string, input: { rules: unknown; note: string }, actor_user_id: bigint): Promise<Proposal> {
  const note = checkNote(input.note);
  const { base_version, changes, rules } = await diffAgainstLatest(context, plan_id, input.rules);
  const created_at = context.clock.now().toISOString();
  const row = await context.store.db
    .insertInto('proposals')
    .values({
      plan_id,
      base_version: BigInt(base_version),
      rules_json: JSON.stringify(rules),
      diff_json: JSON.stringify(changes),
      note,
      status: 'draft',
      created_by: actor_user_id,
      created_at,
      settings_json: null,
      opened_by: null,
      opened_at: null,
      closes_at: null,
      eligible_count: null,
      counted_at: null,
      voted_count: null,
      yes_votes: null,
      no_votes: null,
      abstain_votes: null,
      quorum_votes: null,
      effective_at: null,
      plan_version: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getStaffProposal(context, row.id);
}

/**
 * Opens the vote, in one transaction: the governance settings in force now are copied in, the
 * eligible set is snapshotted with one INSERT … SELECT (every waiting or covered membership of the
 * plan with a payer who can vote), and each payer is told through the outbox with one more.
 */
export async function openProposal(context: ServiceContext, proposal_id: bigint, actor_user_id: bigint): Promise<Proposal> {
  const now = context.clock.now();
  const at = now.toISOString();
  await context.store.db.transaction().execute(async (trx) => {
    // A no-op write locks the row on both backends, so two openings cannot both snapshot.
    const locked = await trx.updateTable('proposals').set((eb) => ({ status: eb.ref('status') })).where('id', '=', proposal_id).returningAll().executeTakeFirst();
    if (locked === undefined) governanceRejection('GOV_NOT_FOUND', `No proposal ${proposal_id}.`, { proposal_id: proposal_id.toString() });
    const next = nextProposalState(locked.status, 'open');
    if (!next.ok) governanceRejection('GOV_BAD_TRANSITION', next.rejection.message, { status: locked.status });
    const plan = await getPlanIn(trx, locked.plan_id);
    const latest = plan.versions.at(-1)!;
    if (BigInt(latest.version) !== locked.base_version) {
      governanceRejection('GOV_PLAN_CHANGED', `The proposal was written over version ${locked.base_version}; version ${latest.version} came since. Write it again over the rules now.`, {
        base_version: Number(locked.base_version),
        latest_version: latest.version,
      });
    }
    const settings: GovernanceSettings = governanceSettingsOf(versionAt(plan, at).rules);
    const inserted = await sql`
      insert into proposal_voters (proposal_id, membership_id, member_code, voted_at)
      select ${proposal_id}, m.id, m.member_code, null
      from memberships m
      where m.plan_id = ${locked.plan_id} and m.status in ('waiting', 'active') and m.payer_user_id is not null`.execute(trx);
    const eligible_count = Number(inserted.numAffectedRows ?? 0n);
    if (eligible_count === 0) governanceRejection('GOV_NO_ELIGIBLE_MEMBERS', 'No member of this plan can vote yet.');
    const closes_at = new Date(voteClosesAtMs(now.getTime(), settings.vote_days)).toISOString();
    await trx
      .updateTable('proposals')
      .set({ status: next.value, settings_json: JSON.stringify(settings), opened_by: actor_user_id, opened_at: at, closes_at, eligible_count: BigInt(eligible_count) })
      .where('id', '=', proposal_id)
      .execute();
    const day = closes_at.slice(0, 10);
    const notice = {
      kind: 'proposal_opened',
      title_zh: `${plan.name_zh}：规则变更投票`,
      title_en: `${plan.name_en}: vote on a rules change`,
      body_zh: `请在 ${day} 前对第 ${proposal_id} 号提案投票：${locked.note}`,
      body_en: `Vote on proposal ${proposal_id} by ${day}: ${locked.note}`,
    };
    await notifyMemberships(trx, notice, sql`proposal_voters v join memberships m on m.id = v.membership_id where v.proposal_id = ${proposal_id}`, {
      channels: ['in_app'],
      dedupe_prefix: () => `proposal_opened:${proposal_id}:`,
      created_at: at,
    });
  });
  return proposalOf(await getProposalRowIn(context.store.db, proposal_id));
}
