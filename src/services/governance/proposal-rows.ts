import type { Kysely, Selectable } from 'kysely';
import type { GovernanceSettings } from '../../core/governance/governance-rules.js';
import type { CountResult } from '../../core/governance/proposal-count.js';
import type { ProposalState } from '../../core/governance/proposal-lifecycle.js';
import type { RuleChange } from '../../core/governance/rule-diff.js';
import type { Database, ProposalsTable } from '../../store/schema.js';
import { governanceRejection } from './governance-rejections.js';

export type ProposalRow = Selectable<ProposalsTable>;

/** The published count of a closed vote: what anyone may read. */
export interface ProposalCount {
  readonly eligible: number;
  readonly voted: number;
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
  readonly quorum_votes: number;
  readonly result: CountResult;
  readonly counted_at: string;
}

/** A proposal as every reader sees it; who may read which proposal is decided by the queries. */
export interface Proposal {
  readonly id: bigint;
  readonly plan_id: string;
  readonly base_version: number;
  readonly note: string;
  readonly status: ProposalState;
  readonly changes: readonly RuleChange[];
  /** The settings the vote runs by: copied at opening; a draft shows those in force now (null: not known here). */
  readonly settings: GovernanceSettings | null;
  readonly created_at: string;
  readonly opened_at: string | null;
  readonly closes_at: string | null;
  readonly eligible_count: number | null;
  /** Only once the vote is counted: a running tally is never shown. */
  readonly count: ProposalCount | null;
  readonly effective_at: string | null;
  readonly plan_version: number | null;
}

export function proposalOf(row: ProposalRow): Proposal {
  const counted = row.counted_at !== null && row.voted_count !== null && row.yes_votes !== null && row.no_votes !== null && row.abstain_votes !== null;
  return {
    id: row.id,
    plan_id: row.plan_id,
    base_version: Number(row.base_version),
    note: row.note,
    status: row.status,
    changes: JSON.parse(row.diff_json) as RuleChange[],
    settings: row.settings_json === null ? null : (JSON.parse(row.settings_json) as GovernanceSettings),
    created_at: row.created_at,
    opened_at: row.opened_at,
    closes_at: row.closes_at,
    eligible_count: row.eligible_count === null ? null : Number(row.eligible_count),
    count: counted
      ? {
          eligible: Number(row.eligible_count),
          voted: Number(row.voted_count),
          yes: Number(row.yes_votes),
          no: Number(row.no_votes),
          abstain: Number(row.abstain_votes),
          quorum_votes: Number(row.quorum_votes ?? 0),
          result: row.status === 'in_effect' ? 'passed' : (row.status as CountResult),
          counted_at: row.counted_at!,
        }
      : null,
    effective_at: row.effective_at,
    plan_version: row.plan_version === null ? null : Number(row.plan_version),
  };
}

export async function getProposalRowIn(db: Kysely<Database>, proposal_id: bigint): Promise<ProposalRow> {
  const row = await db.selectFrom('proposals').selectAll().where('id', '=', proposal_id).executeTakeFirst();
  if (row === undefined) governanceRejection('GOV_NOT_FOUND', `No proposal ${proposal_id}.`, { proposal_id: proposal_id.toString() });
  return row;
}

/** Closed states: the count is published and the diff is public. */
export const countedStates: readonly ProposalState[] = ['passed', 'failed', 'no_quorum', 'in_effect'];
