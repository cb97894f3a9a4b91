import { formatMoney } from '../format/money';
import { formatDay, formatInstant } from '../format/dates';
import { useLanguage } from '../i18n/i18n';

export function Money({ minor, currency = 'CNY' }: { minor: string | bigint; currency?: string }) {
  const language = useLanguage();
  return <span className="money">{formatMoney(minor, currency, language)}</span>;
}

export function Day({ value }: { value: string }) {
  const language = useLanguage();
  return <time dateTime={value.slice(0, 10)}>{formatDay(value, language)}</time>;
}

export function Instant({ value }: { value: string }) {
  const language = useLanguage();
  return <time dateTime={value}>{formatInstant(value, language)}</time>;
}
