/**
 * Dates as people read them in their language. A calendar date (YYYY-MM-DD: a diagnosis, a notice
 * day) has no time zone and is shown as that day; an instant is shown in the plan's zone, China's.
 */
export const displayTimeZone = 'Asia/Shanghai';

export function formatDay(day: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (match === null) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function formatInstant(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: displayTimeZone }).format(date);
}

export function formatNumber(value: number | bigint | string, locale: string): string {
  return new Intl.NumberFormat(locale).format(typeof value === 'string' ? (value as `${number}`) : value);
}
