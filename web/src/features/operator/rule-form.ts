import type { TFunction } from 'i18next';
import { formatMoney, minorToDecimal, parseMoneyInput } from '../../shared/format/money';
import type { PlanRules } from './api';

/**
 * The plan rules as a form: each editable rule is one text value keyed by its path in the rules
 * (`caps.per_case_minor`, `aid_bands.0.aid_minor`), so an API issue's path names its field. The
 * same fields, in words, make the side-by-side comparison of two versions.
 */
export type RuleValues = Record<string, string>;

type Kind = 'money' | 'optionalMoney' | 'count' | 'percent' | 'dayList' | 'choice' | 'yesNo';

export interface RuleField {
  readonly path: string;
  readonly kind: Kind;
  readonly options?: readonly string[];
  readonly group: 'join' | 'aid' | 'costs' | 'schedule' | 'funding' | 'claims' | 'jury';
}

const commonFields: readonly RuleField[] = [
  { path: 'join_age.min_years', kind: 'count', group: 'join' },
  { path: 'join_age.max_years', kind: 'count', group: 'join' },
  { path: 'join_age.min_days', kind: 'count', group: 'join' },
  { path: 'waiting_days', kind: 'count', group: 'join' },
  { path: 'family_enrollment', kind: 'yesNo', group: 'join' },
  { path: 'max_aids_per_member', kind: 'count', group: 'aid' },
  { path: 'fee_bps', kind: 'percent', group: 'costs' },
  { path: 'caps.per_case_minor', kind: 'optionalMoney', group: 'costs' },
  { path: 'caps.per_year_minor', kind: 'optionalMoney', group: 'costs' },
  { path: 'caps.policy', kind: 'choice', options: ['backstop', 'reduce_aid'], group: 'costs' },
  { path: 'schedule.notice_days_of_month', kind: 'dayList', group: 'schedule' },
  { path: 'schedule.collection_days_of_month', kind: 'dayList', group: 'schedule' },
  { path: 'claim_window_days', kind: 'count', group: 'claims' },
  { path: 'notice_days', kind: 'count', group: 'claims' },
  { path: 'jury.quorum_votes', kind: 'count', group: 'jury' },
  { path: 'jury.quorum_share_bps', kind: 'percent', group: 'jury' },
  { path: 'jury.majority_bps', kind: 'percent', group: 'jury' },
  { path: 'jury.on_tie', kind: 'choice', options: ['approve', 'reject'], group: 'jury' },
  { path: 'jury.on_missed_quorum', kind: 'choice', options: ['approve', 'reject', 'operator_decides'], group: 'jury' },
];

const postPaidFields: readonly RuleField[] = [{ path: 'funding.retry_until_days_before_next', kind: 'count', group: 'funding' }];
const prepaidFields: readonly RuleField[] = [
  { path: 'funding.min_top_up_minor', kind: 'money', group: 'funding' },
  { path: 'funding.max_top_up_minor', kind: 'money', group: 'funding' },
  { path: 'funding.max_wallet_balance_minor', kind: 'money', group: 'funding' },
  { path: 'funding.low_balance_minor', kind: 'money', group: 'funding' },
  { path: 'funding.grace_days', kind: 'count', group: 'funding' },
];

export function ruleFields(rules: PlanRules, bands: number): RuleField[] {
  const aidBands: RuleField[] = [];
  for (let index = 0; index < bands; index += 1) {
    aidBands.push({ path: `aid_bands.${index}.max_age_years`, kind: 'count', group: 'aid' }, { path: `aid_bands.${index}.aid_minor`, kind: 'money', group: 'aid' });
  }
  return [...commonFields, ...aidBands, ...(rules.funding.model === 'prepaid' ? prepaidFields : postPaidFields)];
}

function read(rules: unknown, path: string): unknown {
  let value: unknown = rules;
  for (const part of path.split('.')) value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[part];
  return value;
}

function write(rules: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let target: Record<string, unknown> = rules;
  for (const part of parts.slice(0, -1)) target = target[part] as Record<string, unknown>;
  target[parts.at(-1)!] = value;
}

function bpsToPercent(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const rest = bps % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** "8", "8.5", "8.25" → basis points; undefined when it is not a percentage with at most two decimals. */
export function percentToBps(text: string): number | undefined {
  const match = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (match === null) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** The form's values for a version's rules. */
export function valuesOf(rules: PlanRules): RuleValues {
  const values: RuleValues = {};
  for (const field of ruleFields(rules, rules.aid_bands.length)) {
    const value = read(rules, field.path);
    if (field.kind === 'money' || field.kind === 'optionalMoney') values[field.path] = value === null || value === undefined ? '' : minorToDecimal(String(value), rules.currency);
    else if (field.kind === 'percent') values[field.path] = bpsToPercent(Number(value));
    else if (field.kind === 'dayList') values[field.path] = (value as number[]).join(', ');
    else if (field.kind === 'yesNo') values[field.path] = value === true ? 'yes' : 'no';
    else values[field.path] = String(value);
  }
  return values;
}

/**
 * The rules the form describes, on top of `base` (the rules it started from: the illnesses, health
 * questions and share weights it does not edit), with the fields it could not read. Checked
 * again by the server, whose issues come back to the same fields.
 */
export function rulesOf(base: PlanRules, values: RuleValues, bands: number, t: TFunction): { rules: PlanRules; errors: Record<string, string> } {
  const rules = structuredClone(base) as PlanRules & Record<string, unknown>;
  rules.aid_bands = Array.from({ length: bands }, (_, index) => base.aid_bands[index] ?? base.aid_bands.at(-1)!).map((band) => ({ ...band }));
  const errors: Record<string, string> = {};
  for (const field of ruleFields(base, bands)) {
    const text = (values[field.path] ?? '').trim();
    if (field.kind === 'money' || field.kind === 'optionalMoney') {
      if (text === '' && field.kind === 'optionalMoney') write(rules, field.path, null);
      else {
        const minor = parseMoneyInput(text, base.currency);
        if (minor === undefined) errors[field.path] = t('operator.form.badMoney');
        else write(rules, field.path, minor.toString());
      }
    } else if (field.kind === 'percent') {
      const bps = percentToBps(text);
      if (bps === undefined) errors[field.path] = t('operator.form.badPercent');
      else write(rules, field.path, bps);
    } else if (field.kind === 'count') {
      if (!/^\d{1,7}$/.test(text)) errors[field.path] = t('operator.form.badCount');
      else write(rules, field.path, Number(text));
    } else if (field.kind === 'dayList') {
      const days = text.split(/[,，、\s]+/).filter((part) => part !== '');
      if (days.length === 0 || days.some((day) => !/^\d{1,2}$/.test(day) || Number(day) < 1 || Number(day) > 28)) errors[field.path] = t('operator.form.badDays');
      else write(rules, field.path, days.map(Number).sort((a, b) => a - b));
    } else if (field.kind === 'yesNo') write(rules, field.path, text === 'yes');
    else write(rules, field.path, text);
  }
  return { rules, errors };
}

const ordinalSuffix: Readonly<Record<string, string>> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

/** 21 → "21st" in English; the Chinese text adds 日 itself. */
function dayName(day: number, language: string): string {
  return language === 'en' ? `${day}${ordinalSuffix[new Intl.PluralRules('en', { type: 'ordinal' }).select(day)] ?? 'th'}` : String(day);
}

/** A rule's value in words, for the comparison. */
function describe(field: RuleField, value: unknown, rules: PlanRules, t: TFunction, language: string): string {
  if (value === null || value === undefined) return field.kind === 'optionalMoney' ? t('operator.rules.noCap') : '—';
  switch (field.kind) {
    case 'money':
    case 'optionalMoney':
      return formatMoney(String(value), rules.currency, language);
    case 'percent':
      return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(Number(value) / 10_000);
    case 'dayList':
      return new Intl.ListFormat(language, { type: 'conjunction' }).format((value as number[]).map((day) => t('operator.rules.dayOfMonth', { day: dayName(day, language) })));
    case 'yesNo':
      return value === true ? t('operator.rules.yes') : t('operator.rules.no');
    case 'choice':
      return t(`operator.rules.choice.${String(value)}`);
    case 'count':
      return /days(_before_next)?$/.test(field.path)
        ? t('operator.rules.days', { count: Number(value) })
        : field.path.includes('years')
          ? t('operator.rules.years', { count: Number(value) })
          : new Intl.NumberFormat(language).format(Number(value));
  }
}

/** The field's name in words: aid bands are numbered. */
export function fieldLabel(path: string, t: TFunction): string {
  const band = /^aid_bands\.(\d+)\.(max_age_years|aid_minor)$/.exec(path);
  if (band !== null) return t(`operator.rules.field.aid_band_${band[2]}`, { band: Number(band[1]) + 1 });
  return t(`operator.rules.field.${path.replaceAll('.', '_')}`);
}

export interface RuleComparison {
  readonly path: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
  readonly changed: boolean;
}

/** Every editable rule of two versions side by side, in words; `changed` where the values differ. */
export function compareRules(before: PlanRules, after: PlanRules, t: TFunction, language: string): RuleComparison[] {
  const bands = Math.max(before.aid_bands.length, after.aid_bands.length);
  const fields = ruleFields(after, bands);
  const lines = fields.map((field) => {
    const old = read(before, field.path);
    const next = read(after, field.path);
    return {
      path: field.path,
      label: fieldLabel(field.path, t),
      before: describe(field, old, before, t, language),
      after: describe(field, next, after, t, language),
      changed: JSON.stringify(old ?? null) !== JSON.stringify(next ?? null),
    };
  });
  const illnesses = (rules: PlanRules) => t('operator.rules.illnessCount', { count: rules.illnesses.length });
  lines.push({
    path: 'illnesses',
    label: t('operator.rules.field.illnesses'),
    before: illnesses(before),
    after: illnesses(after),
    changed: JSON.stringify(before.illnesses) !== JSON.stringify(after.illnesses),
  });
  return lines;
}

/** Issues of a PLAN_BAD_RULES refusal by field path (`aid_bands.0.aid_minor`). */
export function issuesByPath(details: unknown): Record<string, string> {
  const issues = (details as { issues?: Array<{ path?: unknown; message?: unknown }> } | null)?.issues ?? [];
  const byPath: Record<string, string> = {};
  for (const issue of issues) if (typeof issue.path === 'string' && typeof issue.message === 'string') byPath[issue.path] ??= issue.message;
  return byPath;
}
