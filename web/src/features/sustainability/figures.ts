import { formatNumber } from '../../shared/format/dates';
import { formatMoney } from '../../shared/format/money';

/**
 * The API's figures as people read them. Ratios come as integer basis points (10,000 = 1× or
 * 100%), counts and money as strings of digits; null is "nothing to compare with" and shows "—".
 */
export const noFigure = '—';

/** 7,151 bps → "0.72×" (a ratio against an expectation or another group). */
export function formatTimes(bps: number | null, locale: string): string {
  if (bps === null) return noFigure;
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(bps / 10_000)}×`;
}

/** 4,000 bps → "40%" (a part of a whole). */
export function formatShareBps(bps: number | null, locale: string): string {
  if (bps === null) return noFigure;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(bps / 10_000);
}

/** A change against 12 months before, signed: 2,500 bps → "+25%". */
export function formatChangeBps(bps: number | null, locale: string): string {
  if (bps === null) return noFigure;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(bps / 10_000);
}

/** Cases per 100,000 members a year, with one decimal. */
export function formatRate(value: number | null, locale: string): string {
  if (value === null) return noFigure;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

export function formatCount(value: string | number | null, locale: string): string {
  return value === null ? noFigure : formatNumber(value, locale);
}

/** Money for a chart's axis and table: the chart's numbers are minor units, rounded to whole ones. */
export function moneyFormatter(currency: string, locale: string): (value: number) => string {
  return (value) => formatMoney(String(Math.round(value)), currency, locale);
}

/**
 * Money on a chart's axis: the shared format without the minor digits when they are zero, so
 * "CN¥120" fits a phone's axis (the table and tooltips keep every digit).
 */
export function axisMoneyFormatter(currency: string, locale: string): (value: number) => string {
  return (value) => formatMoney(String(Math.round(value)), currency, locale).replace(/[.,]00(?=\D*$)/, '');
}

/** A figure for a chart: null stays a gap, a count or an amount becomes a plain number. */
export function chartNumber(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}

/** How a change reads in a sentence: up, down or the same. */
export function direction(bps: number | null): 'up' | 'down' | 'same' | 'none' {
  if (bps === null) return 'none';
  return bps > 0 ? 'up' : bps < 0 ? 'down' : 'same';
}

/**
 * A shipped scenario's title in the page's language; a scenario without one (a run from a plan,
 * one written by the operator) is shown by its name.
 */
export function scenarioTitle(t: (key: string, options: { defaultValue: string }) => string, name: string): string {
  return t(`sustainability.scenarioTitles.${name}`, { defaultValue: name });
}
