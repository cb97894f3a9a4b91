import { useTranslation } from 'react-i18next';
import type { JuryOverview } from '../api';

/** The phase in words; a jury waiting for the operator's decision says so. */
export function PhaseBadge({ jury }: { jury: Pick<JuryOverview, 'phase' | 'awaiting_operator'> }) {
  const { t } = useTranslation();
  if (jury.awaiting_operator) return <span className="badge bad">{t('staffJury.phases.awaiting_operator')}</span>;
  const tone = jury.phase === 'to_open' || jury.phase === 'counting' ? 'badge warn' : 'badge';
  return <span className={tone}>{t(`staffJury.phases.${jury.phase}`)}</span>;
}

export function VerdictWords({ verdict, decision }: { verdict: NonNullable<JuryOverview['verdict']>; decision: JuryOverview['operator_decision'] }) {
  const { t } = useTranslation();
  if (verdict === 'operator_decides') return <>{decision === null ? t('staffJury.verdicts.operator_pending') : t(`staffJury.verdicts.operator_${decision}`)}</>;
  return <>{t(`staffJury.verdicts.${verdict}`)}</>;
}
