import { z } from 'zod';

/**
 * The optional `governance` section of a plan version's rules (issue 14, item 3): how members
 * decide a change of the rules. Two decision rules are known:
 * - approve_share (Medi-Share's 67%): a quorum of the eligible members must vote, and the change
 *   passes when yes votes are strictly more than approve_bps of the yes and no votes cast
 *   (abstentions count toward the quorum only);
 * - passes_unless_objections (Samaritan Ministries): the change passes unless strictly more than
 *   object_bps of the eligible members vote no; no quorum applies, since silence is consent.
 * An accepted change takes effect notice_days after the count, so members who do not accept it can
 * leave first with a full wallet refund.
 */
export const minGovernanceNoticeDays = 30;
export const maxGovernanceNoticeDays = 365;
export const maxVoteDays = 90;

const decisionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('approve_share'),
    /** Passes when yes × 10,000 > approve_bps × (yes + no); 5000 is a simple majority, 6700 Medi-Share's. */
    approve_bps: z.number().int().min(5000).max(9999),
  }),
  z.object({
    kind: z.literal('passes_unless_objections'),
    /** Fails when no × 10,000 > object_bps × eligible; 5000: more than half of the eligible members object. */
    object_bps: z.number().int().min(1).max(10_000),
  }),
]);

export const governanceSchema = z.object({
  /** How long the vote stays open, in whole days from its opening. */
  vote_days: z.number().int().min(1).max(maxVoteDays),
  /** Of the eligible members, the share that must vote (yes, no or abstain); ignored by passes_unless_objections. */
  quorum_bps: z.number().int().min(0).max(10_000),
  decision: decisionSchema,
  /** Days from the count to the new rules taking effect: the window in which members may leave. */
  notice_days: z.number().int().min(minGovernanceNoticeDays).max(maxGovernanceNoticeDays),
});

export type GovernanceSettings = z.infer<typeof governanceSchema>;
export type GovernanceDecision = GovernanceSettings['decision'];

/** For rules without a section: two weeks to vote, a fifth must vote, more than half of them yes, 30 days' notice. */
export const defaultGovernanceSettings: GovernanceSettings = {
  vote_days: 14,
  quorum_bps: 2000,
  decision: { kind: 'approve_share', approve_bps: 5000 },
  notice_days: minGovernanceNoticeDays,
};

/** The section of these rules, or the defaults when they have none (rules stored before it existed). */
export function governanceSettingsOf(rules: { readonly governance?: GovernanceSettings | undefined }): GovernanceSettings {
  return rules.governance ?? defaultGovernanceSettings;
}
