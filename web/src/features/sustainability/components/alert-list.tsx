import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Day } from '../../../shared/ui/money';
import type { PublicAlert, StaffAlert } from '../api';

/**
 * The alerts the metrics raised, newest first, in the reader's language (the server writes each
 * alert's text in both). For staff each says whether the public health page shows it.
 */
function AlertItems({ alerts, headingLevel = 3 }: { alerts: ReadonlyArray<StaffAlert | PublicAlert>; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <ul className="sustainability-alerts">
      {alerts.map((alert) => (
        <li key={`${alert.kind}-${alert.cycle_id}`} className="card sustainability-alert" data-alert-kind={alert.kind}>
          <div className="spread">
            <Heading>{language === 'en' ? alert.title_en : alert.title_zh}</Heading>
            {'public' in alert ? (
              <span className={`badge ${alert.public ? 'warn' : ''}`} data-testid="alert-visibility">
                {alert.public ? t('sustainability.alerts.public') : t('sustainability.alerts.staffOnly')}
              </span>
            ) : null}
          </div>
          <p>{language === 'en' ? alert.body_en : alert.body_zh}</p>
          <p className="muted">
            {t(`sustainability.alertKind.${alert.kind}`)} · {t('sustainability.alerts.cycleOf')} <Day value={alert.snapshot_at} />
          </p>
        </li>
      ))}
    </ul>
  );
}

/**
 * The newest alert of each kind first; the same alert raised again at earlier cycles folds into
 * "earlier alerts", so a figure that stays over its threshold does not fill the page.
 */
export function AlertList({ alerts }: { alerts: ReadonlyArray<StaffAlert | PublicAlert> }) {
  const { t } = useTranslation();
  const seen = new Set<string>();
  const newest: Array<StaffAlert | PublicAlert> = [];
  const earlier: Array<StaffAlert | PublicAlert> = [];
  for (const alert of alerts) {
    (seen.has(alert.kind) ? earlier : newest).push(alert);
    seen.add(alert.kind);
  }
  return (
    <>
      <AlertItems alerts={newest} />
      {earlier.length === 0 ? null : (
        <details className="sustainability-earlier">
          <summary>{t('sustainability.alerts.earlier', { count: earlier.length })}</summary>
          <AlertItems alerts={earlier} headingLevel={4} />
        </details>
      )}
    </>
  );
}
