import { sql } from 'kysely';
import type { GovernanceSettings } from '../../core/governance/governance-rules.js';
import { countVotes } from '../../core/governance/proposal-count.js';
import { changeEffectiveAtMs, nextProposalState } from '../../core/governance/proposal-lifecycle.js';
import { assert } from '../../core/rejection.js';
import type { ServiceContext } from '../context.js';
import { getPlanIn } from '../funding/plan-in.js';
import { addPlanVersionIn } from '../plans.js';
import { notifyMemberships } from '../notifications/notify-memberships.js';

/** Votes counted per pass: a bound on one job step; the next pass takes the rest. */
const closeBatch = 50;

export interface CloseReport {
  readonly counted: number;
  readonly took_effect: number;
}

const resultText = {
  passed: { zh: '通过', en: 'passed' },
  failed: { zh: '未通过', en: 'failed' },
  no_quorum: { zh: '未达法定人数', en: 'did not reach its quorum' },
} as const;

/**
 * Counts one vote whose deadline has passed, in one transaction: the ballots are tallied (they
 * must match the marks on the roll), the count is published with the proposal, and a passed
 * proposal creates its plan version, effective notice_days after the count. Everyone on the roll
 * is told the result. Returns false when the proposal was counted meanwhile (idempotent).
 */
export async function closeProposal(context: ServiceContext, proposal_id: bigint): Promise<boolean> {
  const now = context.clock.now();
  const at = now.toISOString();
  return context.store.db.transaction().execute(async (trx) => {
    // Takes the row (an exclusive lock on PostgreSQL, after votes in flight) only while it is due.
    const proposal = await trx
      .updateTable('proposals')
      .set((eb) => ({ status: eb.ref('status') }))
      .where('id', '=', proposal_id)
      .where('status', '=', 'voting')
      .where('closes_at', '<=', at)
      .returningAll()
      .executeTakeFirst();
    if (proposal === undefined) return false;
    const tally = await trx
      .selectFrom('proposal_ballots')
      .select(['choice', (eb) => eb.fn.countAll<bigint | number | string>().as('n')])
      .where('proposal_id', '=', proposal_id)
      .groupBy('choice')
      .execute();
    const of = (choice: string) => Number(tally.find((row) => row.choice === choice)?.n ?? 0);
    const [yes, no, abstain] = [of('yes'), of('no'), of('abstain')];
    const marks = await trx
      .selectFrom('proposal_voters')
      .select((eb) => eb.fn.countAll<bigint | number | string>().as('n'))
      .where('proposal_id', '=', proposal_id)
      .where('voted_at', 'is not', null)
      .executeTakeFirstOrThrow();
    assert(Number(marks.n) === yes + no + abstain, `proposal ${proposal_id}: one ballot per mark on the roll`);
    const settings = JSON.parse(proposal.settings_json!) as GovernanceSettings;
    const count = countVotes(settings, { eligible: Number(proposal.eligible_count), yes, no, abstain });
    const next = nextProposalState(proposal.status, 'count', count.result);
    assert(next.ok, 'a voting proposal can be counted');
    let effective_at: string | null = null;
    let plan_version: bigint | null = null;
    if (count.result === 'passed') {
      effective_at = new Date(changeEffectiveAtMs(now.getTime(), settings.notice_days)).toISOString();
      const note = `Proposal ${proposal_id} passed by member vote (${yes} yes, ${no} no, ${abstain} abstain of ${count.eligible}): ${proposal.note}`;
      plan_version = await addPlanVersionIn(trx, proposal.plan_id, { rules: JSON.parse(proposal.rules_json), effective_at, note }, proposal.created_by, now);
    }
    await trx
      .updateTable('proposals')
      .set({
        status: next.value,
        counted_at: at,
        voted_count: BigInt(count.voted),
        yes_votes: BigInt(yes),
        no_votes: BigInt(no),
        abstain_votes: BigInt(abstain),
        quorum_votes: BigInt(count.quorum_votes),
        effective_at,
        plan_version,
      })
      .where('id', '=', proposal_id)
      .execute();
    const plan = await getPlanIn(trx, proposal.plan_id);
    const text = resultText[count.result];
    const leave_zh = effective_at === null ? '' : `新规则自 ${effective_at.slice(0, 10)} 起生效；不接受者可在此之前退出并全额退还钱包余额。`;
    const leave_en = effective_at === null ? '' : ` The new rules apply from ${effective_at.slice(0, 10)}; if you do not accept them you may leave before then with a full wallet refund.`;
    const notice = {
      kind: 'proposal_counted',
      title_zh: `${plan.name_zh}：第 ${proposal_id} 号提案${text.zh}`,
      title_en: `${plan.name_en}: proposal ${proposal_id} ${text.en}`,
      body_zh: `赞成 ${yes}，反对 ${no}，弃权 ${abstain}，共 ${count.eligible} 人有投票权。${leave_zh}`,
      body_en: `${yes} yes, ${no} no, ${abstain} abstain, of ${count.eligible} eligible.${leave_en}`,
    };
    const voters = sql`proposal_voters v join memberships m on m.id = v.membership_id where v.proposal_id = ${proposal_id} and m.payer_user_id is not null`;
    await notifyMemberships(trx, notice, voters, { channels: ['in_app'], dedupe_prefix: () => `proposal_counted:${proposal_id}:`, created_at: at });
    return true;
  });
}

/**
 * The background step: counts every vote past its deadline (a bounded batch, each in its own
 * transaction) and marks passed proposals whose change has taken effect (one UPDATE). Running it
 * twice changes nothing more.
 */
export async function closeDueProposals(context: ServiceContext): Promise<CloseReport> {
  const at = context.clock.now().toISOString();
  const due = await context.store.db
    .selectFrom('proposals')
    .select('id')
    .where('status', '=', 'voting')
    .where('closes_at', '<=', at)
    .orderBy('closes_at')
    .orderBy('id')
    .limit(closeBatch)
    .execute();
  let counted = 0;
  for (const { id } of due) if (await closeProposal(context, id)) counted += 1;
  const effective = await context.store.db.updateTable('proposals').set({ status: 'in_effect' }).where('status', '=', 'passed').where('effective_at', '<=', at).executeTakeFirst();
  return { counted, took_effect: Number(effective.numUpdatedRows) };
}
