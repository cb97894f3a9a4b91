import { useTranslation } from 'react-i18next';

/** The verdict in words: the jury's outcome, or the operator's decision after a missed quorum. */
export function VerdictText({ outcome, operatorDecision }: { outcome: 'approve' | 'reject' | 'operator_decides'; operatorDecision: 'approve' | 'reject' | null }) {
  const { t } = useTranslation();
  if (outcome === 'operator_decides') {
    return <>{operatorDecision === null ? t('jury.verdict.operatorPending') : t(`jury.verdict.operator_${operatorDecision}`)}</>;
  }
  return <>{t(`jury.verdict.${outcome}`)}</>;
}
