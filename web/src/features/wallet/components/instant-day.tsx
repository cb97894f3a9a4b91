import { displayTimeZone, formatInstant } from '../../../shared/format/dates';
import { useLanguage } from '../../../shared/i18n/i18n';

/** The day of an instant in the plan's zone (a statement's date column), with the full time on hover. */
export function InstantDay({ value }: { value: string }) {
  const language = useLanguage();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <>{value}</>;
  return (
    <time dateTime={value} title={formatInstant(value, language)}>
      {new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: displayTimeZone }).format(date)}
    </time>
  );
}
