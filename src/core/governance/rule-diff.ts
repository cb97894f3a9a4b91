import { ok, reject, type Result } from '../rejection.js';

/**
 * One changed value between two rule sets, at a dotted path into the rules JSON
 * (`fee_bps`, `caps.per_year_minor`, `aid_bands.0.aid_minor`). A value present on one side only
 * has null on the other. Money stays a string of minor units, as stored.
 */
export interface RuleChange {
  readonly path: string;
  readonly from: unknown;
  readonly to: unknown;
}

/** Rule JSON is small (at most a few hundred illnesses): this bounds the diff's recursion and size. */
const maxDepth = 8;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameJson(a[key], b[key]));
  }
  return (a ?? null) === (b ?? null);
}

function collect(from: unknown, to: unknown, path: readonly string[], out: RuleChange[]): void {
  if (sameJson(from, to)) return;
  const deeper = path.length < maxDepth;
  if (deeper && isPlainObject(from) && isPlainObject(to)) {
    // Keys in sorted order, so the same two rule sets always give the same list.
    for (const key of [...new Set([...Object.keys(from), ...Object.keys(to)])].sort()) collect(from[key], to[key], [...path, key], out);
    return;
  }
  if (deeper && Array.isArray(from) && Array.isArray(to)) {
    for (let index = 0; index < Math.max(from.length, to.length); index += 1) collect(from[index], to[index], [...path, String(index)], out);
    return;
  }
  out.push({ path: path.join('.'), from: from ?? null, to: to ?? null });
}

/** Every value that differs between the current and the proposed rules, in a stable order. */
export function diffRules(current: unknown, proposed: unknown): RuleChange[] {
  const out: RuleChange[] = [];
  collect(current, proposed, [], out);
  return out;
}

export type ProposalRulesRejectionCode = 'GOV_NO_CHANGE' | 'PLAN_BAD_RULES';

/**
 * A proposal must change something, and may not change what a plan keeps for life (its currency
 * and funding model: wallet money and collected shares are booked apart, see plans.ts).
 */
export function checkProposedChange<Rules extends { readonly currency: string; readonly funding: { readonly model: string } }>(
  current: Rules,
  proposed: Rules,
): Result<RuleChange[], ProposalRulesRejectionCode> {
  if (proposed.currency !== current.currency) return reject('PLAN_BAD_RULES', `The plan's currency is ${current.currency}; a proposal cannot change it.`, { path: 'currency' });
  if (proposed.funding.model !== current.funding.model) {
    return reject('PLAN_BAD_RULES', `This plan is ${current.funding.model}; a proposal cannot change the funding model. Start a new plan instead.`, { path: 'funding.model' });
  }
  const changes = diffRules(current, proposed);
  if (changes.length === 0) return reject('GOV_NO_CHANGE', 'The proposed rules are the rules in force: there is nothing to vote on.');
  return ok(changes);
}
