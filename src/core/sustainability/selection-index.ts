import { expectedSumOf, meanExpectedPer100k, type AgeCount, type IncidenceTable } from './expected-incidence.js';
import { twoDecimals } from './ratios.js';

/** The members who joined, left and stayed over a window, by age (a histogram, not people). */
export interface FlowGroups {
  readonly joiners: readonly AgeCount[];
  readonly leavers: ReadonlyArray<AgeCount & { readonly ever_claimed: boolean }>;
  /** Covered at the window's end and members already at its start. */
  readonly stayers: readonly AgeCount[];
}

export interface GroupRisk {
  readonly members: bigint;
  /** Mean expected incidence per 100,000 a year from the plan's table and the members' ages; null for no members. */
  readonly expected_per_100k: number | null;
}

export interface SelectionMetrics {
  readonly joiners: GroupRisk;
  readonly leavers: GroupRisk;
  readonly stayers: GroupRisk;
  /** Joiners' mean expected incidence over stayers', in basis points (10,000: as risky). */
  readonly joiners_index_bps: number | null;
  /** Leavers' over stayers' (below 10,000: the healthier leave). */
  readonly leavers_index_bps: number | null;
  /**
   * Joiners' over leavers': above 10,000 those who come are riskier than those who go, and the
   * pool's expected incidence rises from the flows alone. The alert watches this one.
   */
  readonly adverse_selection_index_bps: number | null;
}

function indexBps(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator <= 0) return null;
  return Math.round((numerator / denominator) * 10_000);
}

export function selectionMetrics(table: IncidenceTable, flows: FlowGroups): SelectionMetrics {
  const risk = (ages: readonly AgeCount[]): { members: bigint; exact: number | null } => {
    const sum = expectedSumOf(table, ages);
    return { members: sum.members, exact: meanExpectedPer100k(sum) };
  };
  const [joiners, leavers, stayers] = [risk(flows.joiners), risk(flows.leavers), risk(flows.stayers)];
  const shown = (group: { members: bigint; exact: number | null }): GroupRisk => ({ members: group.members, expected_per_100k: group.exact === null ? null : twoDecimals(group.exact) });
  return {
    joiners: shown(joiners),
    leavers: shown(leavers),
    stayers: shown(stayers),
    joiners_index_bps: indexBps(joiners.exact, stayers.exact),
    leavers_index_bps: indexBps(leavers.exact, stayers.exact),
    adverse_selection_index_bps: indexBps(joiners.exact, leavers.exact),
  };
}
