import type { ServiceContext } from '../context.js';
import { closeDueProposals } from '../governance/close-proposals.js';
import { createProposal, openProposal } from '../governance/proposal-actions.js';
import { getPlan } from '../plans.js';

const dayMs = 86_400_000;

/**
 * The demo's member votes (issue 14): on the community's critical-illness plan, one past proposal
 * that nobody voted on (counted as no_quorum, so the public page shows a closed count and the rules
 * stay as they are) and one open now, on which the demo logins who pay for a membership may vote.
 * Deterministic: fixed texts and changes, times from the demo's clock.
 */
export async function seedDemoProposals(context: ServiceContext, setTime: (at: string) => void, plan_id: string, end: string): Promise<void> {
  const operator = await context.store.db.selectFrom('users').select('id').where('username', '=', 'demo-operator').executeTakeFirstOrThrow();
  const end_ms = Date.parse(end);
  const current = (await getPlan(context, plan_id)).versions.at(-1)!.rules;
  setTime(new Date(end_ms - 40 * dayMs).toISOString());
  const past = await createProposal(context, plan_id, { rules: { ...current, waiting_days: 120 }, note: '将观察期由 90 天延长到 120 天，以减少带病加入。Waiting period from 90 to 120 days, against joining when already ill.' }, operator.id);
  await openProposal(context, past.id, operator.id);
  setTime(new Date(end_ms - 20 * dayMs).toISOString());
  await closeDueProposals(context);
  setTime(new Date(end_ms - 2 * dayMs).toISOString());
  const caps = { ...current.caps, per_year_minor: current.caps.per_year_minor === null ? null : (BigInt(current.caps.per_year_minor) + 2000n).toString() };
  const open = await createProposal(context, plan_id, { rules: { ...current, fee_bps: current.fee_bps === 600 ? 700 : 600, caps }, note: '管理费降低，年度分摊上限提高 20 元。A lower management fee, and the yearly cap 20 CNY higher.' }, operator.id);
  await openProposal(context, open.id, operator.id);
  setTime(end);
}
