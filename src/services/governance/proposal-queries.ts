import { governanceSettingsOf } from '../../core/governance/governance-rules.js';
import { leaveWindowOpen } from '../../core/governance/proposal-lifecycle.js';
import { liveStates } from '../../core/members/membership-lifecycle.js';
import type { ServiceContext } from '../context.js';
import { getPlanIn } from '../funding/plan-in.js';
import { versionAt, type Plan } from '../plans.js';
import { governanceRejection } from './governance-rejections.js';
import { countedStates, getProposalRowIn, proposalOf, type Proposal, type ProposalRow } from './proposal-rows.js';

/** Rows per list: a plan has few proposals; the bound keeps a page small whatever happens. */
export const proposalPageSize = 200;

/** Staff: every proposal, drafts too, newest first; a draft shows the settings its vote would run by now. */
export async function listProposals(context: ServiceContext, filter: { plan_id?: string } = {}): Promise<Proposal[]> {
  const rows = await context.store.db
    .selectFrom('proposals')
    .selectAll()
    .$if(filter.plan_id !== undefined, (query) => query.where('plan_id', '=', filter.plan_id!))
    .orderBy('id', 'desc')
    .limit(proposalPageSize)
    .execute();
  return staffViews(context, rows);
}

export async function getStaffProposal(context: ServiceContext, proposal_id: bigint): Promise<Proposal> {
  const [proposal] = await staffViews(context, [await getProposalRowIn(context.store.db, proposal_id)]);
  return proposal!;
}

async function staffViews(context: ServiceContext, rows: readonly ProposalRow[]): Promise<Proposal[]> {
  const at = context.clock.now().toISOString();
  const plans = new Map<string, Plan>();
  const out: Proposal[] = [];
  for (const row of rows) {
    const proposal = proposalOf(row);
    if (proposal.settings !== null) {
      out.push(proposal);
      continue;
    }
    const plan = plans.get(row.plan_id) ?? (await getPlanIn(context.store.db, row.plan_id));
    plans.set(row.plan_id, plan);
    out.push({ ...proposal, settings: governanceSettingsOf(versionAt(plan, at).rules) });
  }
  return out;
}

/** A member's view: the proposal, and where they stand (may vote, voted, may leave, left); never how they voted. */
export interface MemberProposal extends Proposal {
  readonly eligible: boolean;
  readonly voted: boolean;
  readonly can_vote: boolean;
  readonly can_leave: boolean;
  readonly left: boolean;
  /** The user's memberships on the roll or live in the plan, for a payer of several to choose from. */
  readonly memberships: ReadonlyArray<{ readonly membership_id: bigint; readonly member_code: string; readonly eligible: boolean; readonly voted: boolean; readonly live: boolean; readonly left: boolean }>;
}

async function memberViews(context: ServiceContext, user_id: bigint, proposal_ids: readonly bigint[] | null): Promise<MemberProposal[]> {
  const db = context.store.db;
  const paid = await db.selectFrom('memberships').select(['id', 'plan_id', 'member_code', 'status']).where('payer_user_id', '=', user_id).execute();
  if (paid.length === 0) return [];
  const plan_ids = [...new Set(paid.map((row) => row.plan_id))];
  let query = db.selectFrom('proposals').selectAll().where('plan_id', 'in', plan_ids).where('status', '<>', 'draft');
  if (proposal_ids !== null) query = query.where('id', 'in', proposal_ids.length === 0 ? [-1n] : [...proposal_ids]);
  const rows = await query.orderBy('id', 'desc').limit(proposalPageSize).execute();
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const membership_ids = paid.map((row) => row.id);
  const roll = await db.selectFrom('proposal_voters').select(['proposal_id', 'membership_id', 'voted_at']).where('proposal_id', 'in', ids).where('membership_id', 'in', membership_ids).execute();
  const leaves = await db.selectFrom('proposal_leaves').select(['proposal_id', 'membership_id']).where('proposal_id', 'in', ids).where('membership_id', 'in', membership_ids).execute();
  const at = context.clock.now().toISOString();
  return rows.map((row) => {
    const proposal = proposalOf(row);
    const memberships = paid
      .filter((membership) => membership.plan_id === row.plan_id)
      .map((membership) => {
        const seat = roll.find((entry) => entry.proposal_id === row.id && entry.membership_id === membership.id);
        return {
          membership_id: membership.id,
          member_code: membership.member_code,
          eligible: seat !== undefined,
          voted: seat?.voted_at !== null && seat?.voted_at !== undefined,
          live: (liveStates as readonly string[]).includes(membership.status),
          left: leaves.some((entry) => entry.proposal_id === row.id && entry.membership_id === membership.id),
        };
      })
      .filter((membership) => membership.eligible || membership.live || membership.left);
    const voting = row.status === 'voting' && row.closes_at !== null && at < row.closes_at;
    return {
      ...proposal,
      eligible: memberships.some((membership) => membership.eligible),
      voted: memberships.some((membership) => membership.voted),
      can_vote: voting && memberships.some((membership) => membership.eligible && !membership.voted),
      can_leave: leaveWindowOpen(row.status, row.effective_at, at) && memberships.some((membership) => membership.live),
      left: memberships.some((membership) => membership.left),
      memberships,
    };
  });
}

/** Proposals in the plans the user pays a membership of (not drafts), newest first. */
export async function listMemberProposals(context: ServiceContext, user_id: bigint): Promise<MemberProposal[]> {
  return memberViews(context, user_id, null);
}

export async function getMemberProposal(context: ServiceContext, proposal_id: bigint, user_id: bigint): Promise<MemberProposal> {
  const [view] = await memberViews(context, user_id, [proposal_id]);
  if (view === undefined) governanceRejection('GOV_NOT_FOUND', `No proposal ${proposal_id} in your plans.`, { proposal_id: proposal_id.toString() });
  return view;
}

/** Public: a plan's counted proposals with their diffs and counts (no names, no member codes). */
export async function listPublicProposals(context: ServiceContext, plan_id: string): Promise<Proposal[]> {
  await getPlanIn(context.store.db, plan_id);
  const rows = await context.store.db
    .selectFrom('proposals')
    .selectAll()
    .where('plan_id', '=', plan_id)
    .where('status', 'in', [...countedStates])
    .orderBy('id', 'desc')
    .limit(proposalPageSize)
    .execute();
  return rows.map(proposalOf);
}
