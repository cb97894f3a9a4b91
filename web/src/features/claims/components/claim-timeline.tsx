import { useTranslation } from 'react-i18next';
import { Instant } from '../../../shared/ui/money';
import type { OwnClaim } from '../api';

/**
 * The claim's history as the member reads it: each step with its date and what it means in
 * plain words. The API names no staff; a step this page does not know is shown by its new state.
 */
export function ClaimTimeline({ events }: { events: OwnClaim['events'] }) {
  const { t } = useTranslation();
  return (
    <ol className="timeline">
      {events.map((entry, index) => {
        const known = t(`claims.event.${entry.event}`, { defaultValue: '' });
        return (
          <li key={`${entry.at}-${index}`}>
            <strong>{known || t(`claims.state.${entry.to_state}`, { defaultValue: entry.to_state })}</strong>{' '}
            <span className="muted">
              <Instant value={entry.at} />
            </span>
            {known === '' ? null : <p className="muted claims-meaning">{t(`claims.eventMeaning.${entry.event}`)}</p>}
          </li>
        );
      })}
    </ol>
  );
}
