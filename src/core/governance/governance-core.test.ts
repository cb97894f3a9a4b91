import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { samplePlans } from '../plans/sample-plans.js';
import { parsePlanRules, type PlanRulesJson } from '../plans/plan-rules.js';
import { governanceSettingsOf, defaultGovernanceSettings, type GovernanceSettings } from './governance-rules.js';
import { countVotes, quorumVotesFor } from './proposal-count.js';
import { changeEffectiveAtMs, leaveWindowOpen, nextProposalState, voteClosesAtMs } from './proposal-lifecycle.js';
import { checkProposedChange, diffRules } from './rule-diff.js';

const rules = (): PlanRulesJson => {
  const parsed = parsePlanRules(structuredClone(samplePlans[0]!.rules));
  if (!parsed.ok) throw new Error('sample rules invalid');
  return parsed.value;
};

const approve = (approve_bps: number, quorum_bps = 0): GovernanceSettings => ({ ...defaultGovernanceSettings, quorum_bps, decision: { kind: 'approve_share', approve_bps } });
const objections = (object_bps: number): GovernanceSettings => ({ ...defaultGovernanceSettings, quorum_bps: 10_000, decision: { kind: 'passes_unless_objections', object_bps } });

describe('governance rules', () => {
  it('are optional in plan rules and default when absent', () => {
    const current = rules();
    expect(current.governance).toBeUndefined();
    expect(governanceSettingsOf(current)).toEqual(defaultGovernanceSettings);
    const samaritan = { vote_days: 30, quorum_bps: 0, decision: { kind: 'passes_unless_objections', object_bps: 5000 }, notice_days: 30 };
    const parsed = parsePlanRules({ ...current, governance: samaritan });
    expect(parsed.ok && governanceSettingsOf(parsed.value)).toEqual(samaritan);
  });

  it('refuse a notice shorter than 30 days and a majority under half', () => {
    const bad = [
      { ...defaultGovernanceSettings, notice_days: 29 },
      { ...defaultGovernanceSettings, decision: { kind: 'approve_share', approve_bps: 4999 } },
      { ...defaultGovernanceSettings, decision: { kind: 'other' } },
    ];
    for (const governance of bad) expect(parsePlanRules({ ...rules(), governance })).toMatchObject({ ok: false, rejection: { code: 'PLAN_BAD_RULES' } });
  });
});

describe('rule diff', () => {
  it('lists each changed leaf with its path, in a stable order', () => {
    const current = rules();
    const proposed = structuredClone(current);
    proposed.fee_bps = 600;
    proposed.caps.per_year_minor = '25000';
    proposed.aid_bands[0]!.aid_minor = '20000000';
    proposed.waiting_days = 180;
    expect(diffRules(current, proposed)).toEqual([
      { path: 'aid_bands.0.aid_minor', from: current.aid_bands[0]!.aid_minor, to: '20000000' },
      { path: 'caps.per_year_minor', from: current.caps.per_year_minor, to: '25000' },
      { path: 'fee_bps', from: 800, to: 600 },
      { path: 'waiting_days', from: 90, to: 180 },
    ]);
  });

  it('shows a section or band added on one side against null', () => {
    const current = rules();
    const proposed = { ...structuredClone(current), share_weights: [{ max_age_years: 130, weight: 2 }] };
    expect(diffRules(current, proposed)).toEqual([{ path: 'share_weights', from: null, to: [{ max_age_years: 130, weight: 2 }] }]);
    const fewer = { ...structuredClone(current), aid_bands: current.aid_bands.slice(1) };
    expect(diffRules(current, fewer).at(-1)).toEqual({ path: `aid_bands.${current.aid_bands.length - 1}`, from: current.aid_bands.at(-1), to: null });
  });

  it('is empty exactly when the rules are equal, and applying it gives the proposed values (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 730 }), fc.option(fc.bigInt({ min: 0n, max: 10n ** 6n })), (fee_bps, waiting_days, cap) => {
        const current = rules();
        const proposed = { ...structuredClone(current), fee_bps, waiting_days, caps: { ...current.caps, per_year_minor: cap === null ? null : cap.toString() } };
        const changes = diffRules(current, proposed);
        const same = fee_bps === current.fee_bps && waiting_days === current.waiting_days && proposed.caps.per_year_minor === current.caps.per_year_minor;
        expect(changes.length === 0).toBe(same);
        const applied = structuredClone(current) as unknown as Record<string, unknown>;
        for (const change of changes) {
          const keys = change.path.split('.');
          let target = applied;
          for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
          target[keys.at(-1)!] = change.to;
        }
        expect(applied).toEqual(proposed);
      }),
    );
  });

  it('refuses no change, another currency or another funding model', () => {
    const current = rules();
    expect(checkProposedChange(current, structuredClone(current))).toMatchObject({ ok: false, rejection: { code: 'GOV_NO_CHANGE' } });
    expect(checkProposedChange(current, { ...current, currency: 'USD' })).toMatchObject({ ok: false, rejection: { code: 'PLAN_BAD_RULES' } });
    const prepaid = { ...current, funding: { model: 'prepaid' } };
    expect(checkProposedChange(current, prepaid)).toMatchObject({ ok: false, rejection: { code: 'PLAN_BAD_RULES' } });
    expect(checkProposedChange(current, { ...current, fee_bps: 700 })).toMatchObject({ ok: true, value: [{ path: 'fee_bps', from: 800, to: 700 }] });
  });
});

describe('the count', () => {
  it('decides approve_share at its exact thresholds', () => {
    // 67%: 67 of 100 is exactly 6700 bps and fails; 68 passes.
    expect(countVotes(approve(6700), { eligible: 100, yes: 67, no: 33, abstain: 0 }).result).toBe('failed');
    expect(countVotes(approve(6700), { eligible: 100, yes: 68, no: 32, abstain: 0 }).result).toBe('passed');
    // A tie at a simple majority fails; abstentions do not count as votes cast.
    expect(countVotes(approve(5000), { eligible: 10, yes: 2, no: 2, abstain: 6 }).result).toBe('failed');
    expect(countVotes(approve(5000), { eligible: 10, yes: 3, no: 2, abstain: 5 }).result).toBe('passed');
    expect(countVotes(approve(5000), { eligible: 10, yes: 0, no: 0, abstain: 10 }).result).toBe('failed');
  });

  it('meets the quorum exactly at quorum_bps of the eligible, and never with nobody voting', () => {
    expect(quorumVotesFor(2000, 10)).toBe(2);
    expect(quorumVotesFor(2000, 11)).toBe(3);
    expect(countVotes(approve(5000, 2000), { eligible: 10, yes: 2, no: 0, abstain: 0 })).toMatchObject({ result: 'passed', voted: 2, quorum_votes: 2 });
    expect(countVotes(approve(5000, 2000), { eligible: 11, yes: 2, no: 0, abstain: 0 }).result).toBe('no_quorum');
    expect(countVotes(approve(5000, 0), { eligible: 11, yes: 0, no: 0, abstain: 0 }).result).toBe('no_quorum');
  });

  it('decides passes_unless_objections against the eligible, with no quorum', () => {
    expect(countVotes(objections(5000), { eligible: 10, yes: 0, no: 5, abstain: 0 }).result).toBe('passed');
    expect(countVotes(objections(5000), { eligible: 10, yes: 0, no: 6, abstain: 0 }).result).toBe('failed');
    expect(countVotes(objections(5000), { eligible: 10, yes: 0, no: 0, abstain: 0 })).toMatchObject({ result: 'passed', quorum_votes: 0 });
  });

  const tallies = fc
    .record({ eligible: fc.integer({ min: 0, max: 1_000_000 }), a: fc.nat(), b: fc.nat(), c: fc.nat() })
    .map(({ eligible, a, b, c }) => {
      const yes = eligible === 0 ? 0 : a % (eligible + 1);
      const no = eligible - yes === 0 ? 0 : b % (eligible - yes + 1);
      const abstain = eligible - yes - no === 0 ? 0 : c % (eligible - yes - no + 1);
      return { eligible, yes, no, abstain };
    });

  it('agrees with exact rational comparisons (property)', () => {
    fc.assert(
      fc.property(tallies, fc.integer({ min: 5000, max: 9999 }), fc.integer({ min: 0, max: 10_000 }), (tally, approve_bps, quorum_bps) => {
        const count = countVotes(approve(approve_bps, quorum_bps), tally);
        const voted = tally.yes + tally.no + tally.abstain;
        expect(count.voted).toBe(voted);
        // quorum: voted / eligible ≥ quorum_bps / 10,000, with nobody voting never enough.
        const quorum = voted > 0 && voted * 10_000 >= quorum_bps * tally.eligible;
        const share = tally.yes * 10_000 > approve_bps * (tally.yes + tally.no);
        expect(count.result).toBe(!quorum ? 'no_quorum' : share ? 'passed' : 'failed');
      }),
    );
    fc.assert(
      fc.property(tallies, fc.integer({ min: 1, max: 10_000 }), (tally, object_bps) => {
        expect(countVotes(objections(object_bps), tally).result).toBe(tally.no * 10_000 > object_bps * tally.eligible ? 'failed' : 'passed');
      }),
    );
  });

  it('is monotone: one more yes never turns passed into failed (property)', () => {
    fc.assert(
      fc.property(tallies, fc.integer({ min: 5000, max: 9999 }), (tally, approve_bps) => {
        fc.pre(tally.abstain > 0);
        const before = countVotes(approve(approve_bps), tally);
        const after = countVotes(approve(approve_bps), { ...tally, yes: tally.yes + 1, abstain: tally.abstain - 1 });
        if (before.result === 'passed') expect(after.result).toBe('passed');
      }),
    );
  });

  it('refuses impossible tallies', () => {
    expect(() => countVotes(approve(5000), { eligible: 1, yes: 1, no: 1, abstain: 0 })).toThrow(/invariant/);
  });
});

describe('lifecycle and dates', () => {
  it('moves draft → voting → result → in_effect and nothing else', () => {
    expect(nextProposalState('draft', 'open')).toEqual({ ok: true, value: 'voting' });
    expect(nextProposalState('voting', 'count', 'no_quorum')).toEqual({ ok: true, value: 'no_quorum' });
    expect(nextProposalState('passed', 'take_effect')).toEqual({ ok: true, value: 'in_effect' });
    expect(nextProposalState('voting', 'open')).toMatchObject({ ok: false, rejection: { code: 'GOV_BAD_TRANSITION' } });
    expect(nextProposalState('failed', 'take_effect')).toMatchObject({ ok: false });
    expect(nextProposalState('draft', 'count', 'passed')).toMatchObject({ ok: false });
  });

  it('takes effect notice_days after the count; leaving is open until then', () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(iso(voteClosesAtMs(Date.parse('2027-01-01T10:00:00.000Z'), 14))).toBe('2027-01-15T10:00:00.000Z');
    const effective_at = iso(changeEffectiveAtMs(Date.parse('2027-01-15T10:00:00.000Z'), 30));
    expect(effective_at).toBe('2027-02-14T10:00:00.000Z');
    expect(leaveWindowOpen('passed', effective_at, '2027-02-14T09:59:59.999Z')).toBe(true);
    expect(leaveWindowOpen('passed', effective_at, effective_at)).toBe(false);
    expect(leaveWindowOpen('failed', effective_at, '2027-01-20T00:00:00.000Z')).toBe(false);
  });
});
