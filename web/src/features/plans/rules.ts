import type { TFunction } from 'i18next';
import { formatMoney } from '../../shared/format/money';
import type { PlanRules } from './api';

/** One rule in plain words: `key` is stable across versions, so two versions can be compared. */
export interface RuleLine {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  /** The label in a list of changes, where the section's heading is not seen (an illness code). */
  readonly changeLabel?: string;
}

export interface RuleSection {
  readonly id: string;
  readonly title: string;
  readonly lines: readonly RuleLine[];
}

function list(items: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}

function percent(bps: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000);
}

const ordinalSuffix: Readonly<Record<string, string>> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

/** "the 7th and 21st" / "7日和21日". */
function daysOfMonth(days: readonly number[], t: TFunction, language: string): string {
  const sorted = [...days].sort((a, b) => a - b);
  if (language === 'en') {
    const rules = new Intl.PluralRules('en', { type: 'ordinal' });
    return t('plans.rules.daysOfMonth', { days: list(sorted.map((day) => `${day}${ordinalSuffix[rules.select(day)] ?? 'th'}`), language) });
  }
  return t('plans.rules.daysOfMonth', { days: list(sorted.map((day) => `${day}日`), language) });
}

/** Age bands as ranges: each band runs from the previous band's top + 1 (the first from `from`). */
function bandRanges<T extends { max_age_years: number }>(bands: readonly T[], from: number): Array<T & { min_age_years: number }> {
  return bands.map((band, index) => ({ ...band, min_age_years: index === 0 ? from : bands[index - 1]!.max_age_years + 1 }));
}

function ageRange(min: number, max: number, t: TFunction): string {
  // 130 is the rules' oldest age: a band up to it is open-ended.
  if (min <= 0 && max >= 130) return t('plans.rules.anyAge');
  if (max >= 130) return t('plans.rules.ageFrom', { min });
  if (min <= 0) return t('plans.rules.ageUpTo', { max });
  return t('plans.rules.ageRange', { min, max });
}

/**
 * A plan version's rules as a reader wants them: who may join, the aid, what is covered, what it
 * costs and when, how it is paid. The same lines make the version history's differences.
 */
export function ruleSections(rules: PlanRules, t: TFunction, language: string): RuleSection[] {
  const money = (minor: string) => formatMoney(minor, rules.currency, language);
  const joinAge = rules.join_age;
  const joinFrom = joinAge.min_years === 0 && joinAge.min_days > 0 ? t('plans.rules.daysOld', { count: joinAge.min_days }) : t('plans.rules.yearsOld', { count: joinAge.min_years });
  const funding = rules.funding;
  const fundingLines: RuleLine[] =
    funding.model === 'post_paid'
      ? [
          { key: 'funding.model', label: t('plans.rules.fundingModel'), value: t('plans.rules.postPaid') },
          { key: 'funding.retry', label: t('plans.rules.retry'), value: t('plans.rules.retryValue', { count: funding.retry_until_days_before_next }) },
        ]
      : [
          { key: 'funding.model', label: t('plans.rules.fundingModel'), value: t('plans.rules.prepaid') },
          { key: 'funding.min_top_up', label: t('plans.rules.minTopUp'), value: money(funding.min_top_up_minor) },
          { key: 'funding.max_top_up', label: t('plans.rules.maxTopUp'), value: money(funding.max_top_up_minor) },
          { key: 'funding.max_wallet', label: t('plans.rules.maxWallet'), value: money(funding.max_wallet_balance_minor) },
          { key: 'funding.low_balance', label: t('plans.rules.lowBalance'), value: money(funding.low_balance_minor) },
          { key: 'funding.grace', label: t('plans.rules.grace'), value: t('plans.rules.graceValue', { count: funding.grace_days }) },
        ];
  const weights = rules.share_weights;
  return [
    {
      id: 'join',
      title: t('plans.rules.whoMayJoin'),
      lines: [
        { key: 'join.age', label: t('plans.rules.joinAge'), value: t('plans.rules.joinAgeValue', { from: joinFrom, max: joinAge.max_years }) },
        { key: 'join.family', label: t('plans.rules.family'), value: rules.family_enrollment ? t('plans.rules.familyYes') : t('plans.rules.familyNo') },
        { key: 'join.health', label: t('plans.rules.healthQuestions'), value: t('plans.rules.healthQuestionsValue', { count: rules.health_questions.length }) },
        ...rules.health_questions.map((question, index) => ({ key: `join.health.${question.code}`, label: t('plans.rules.question', { number: index + 1 }), value: language === 'en' ? question.text_en : question.text_zh })),
      ],
    },
    {
      id: 'aid',
      title: t('plans.rules.aid'),
      lines: [
        ...bandRanges(rules.aid_bands, 0).map((band) => ({
          key: `aid.band.${band.max_age_years}`,
          label: t('plans.rules.diagnosedAt', { range: ageRange(band.min_age_years, band.max_age_years, t) }),
          value: money(band.aid_minor),
        })),
        { key: 'aid.max', label: t('plans.rules.maxAids'), value: t('plans.rules.maxAidsValue', { count: rules.max_aids_per_member }) },
      ],
    },
    {
      id: 'illnesses',
      title: t('plans.rules.illnesses', { count: rules.illnesses.length }),
      lines: rules.illnesses.map((illness) => ({ key: `illness.${illness.code}`, label: illness.code, changeLabel: t('plans.rules.illnessChange', { code: illness.code }), value: language === 'en' ? illness.name_en : illness.name_zh })),
    },
    {
      id: 'cost',
      title: t('plans.rules.cost'),
      lines: [
        { key: 'waiting', label: t('plans.rules.waiting'), value: t('plans.rules.waitingValue', { count: rules.waiting_days }) },
        { key: 'fee', label: t('plans.rules.fee'), value: t('plans.rules.feeValue', { percent: percent(rules.fee_bps, language) }) },
        {
          key: 'weights',
          label: t('plans.rules.weights'),
          value:
            weights === null
              ? t('plans.rules.weightsEqual')
              : list(bandRanges(weights, 0).map((band) => t('plans.rules.weightBand', { range: ageRange(band.min_age_years, band.max_age_years, t), weight: band.weight })), language),
        },
        { key: 'caps.per_case', label: t('plans.rules.capPerCase'), value: rules.caps.per_case_minor === null ? t('plans.rules.noCap') : money(rules.caps.per_case_minor) },
        { key: 'caps.per_year', label: t('plans.rules.capPerYear'), value: rules.caps.per_year_minor === null ? t('plans.rules.noCap') : money(rules.caps.per_year_minor) },
        { key: 'caps.policy', label: t('plans.rules.capPolicy'), value: t(`plans.rules.capPolicy_${rules.caps.policy}`) },
      ],
    },
    {
      id: 'schedule',
      title: t('plans.rules.schedule'),
      lines: [
        { key: 'schedule.notice', label: t('plans.rules.noticeDays'), value: daysOfMonth(rules.schedule.notice_days_of_month, t, language) },
        { key: 'schedule.collection', label: t('plans.rules.collectionDays'), value: daysOfMonth(rules.schedule.collection_days_of_month, t, language) },
      ],
    },
    { id: 'funding', title: t('plans.rules.funding'), lines: fundingLines },
    {
      id: 'claims',
      title: t('plans.rules.claims'),
      lines: [
        { key: 'claims.window', label: t('plans.rules.claimWindow'), value: t('plans.rules.claimWindowValue', { count: rules.claim_window_days }) },
        { key: 'claims.notice', label: t('plans.rules.noticeLength'), value: t('plans.rules.noticeLengthValue', { count: rules.notice_days }) },
        {
          key: 'claims.jury',
          label: t('plans.rules.jury'),
          value: t('plans.rules.juryValue', { quorum: rules.jury.quorum_votes, share: percent(rules.jury.quorum_share_bps, language), majority: percent(rules.jury.majority_bps, language) }),
        },
        { key: 'claims.jury.tie', label: t('plans.rules.juryTie'), value: t(`plans.rules.outcome_${rules.jury.on_tie}`) },
        { key: 'claims.jury.quorum', label: t('plans.rules.juryMissed'), value: t(`plans.rules.outcome_${rules.jury.on_missed_quorum}`) },
      ],
    },
  ];
}

export interface RuleChange {
  readonly key: string;
  readonly label: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** What changed from one version's rules to the next's, line by line, in plain words. */
export function ruleChanges(before: PlanRules, after: PlanRules, t: TFunction, language: string): RuleChange[] {
  const lines = (rules: PlanRules) => new Map(ruleSections(rules, t, language).flatMap((section) => section.lines.map((line) => [line.key, line] as const)));
  const old = lines(before);
  const next = lines(after);
  const changes: RuleChange[] = [];
  for (const [key, line] of next) {
    const previous = old.get(key);
    if (previous === undefined) changes.push({ key, label: line.changeLabel ?? line.label, before: null, after: line.value });
    else if (previous.value !== line.value || previous.label !== line.label) changes.push({ key, label: line.changeLabel ?? line.label, before: previous.value, after: line.value });
  }
  for (const [key, line] of old) if (!next.has(key)) changes.push({ key, label: line.changeLabel ?? line.label, before: line.value, after: null });
  return changes;
}
