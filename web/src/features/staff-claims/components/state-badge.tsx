import { useTranslation } from 'react-i18next';
import type { ClaimState } from '../api';

/** The states a claim waits in for staff, in the order of the work; the rest are past the console's hands. */
export const queueStates: readonly ClaimState[] = ['submitted', 'in_review', 'investigating', 'approved_for_notice', 'in_notice', 'objected', 'appealed', 'in_jury', 'approved', 'scheduled', 'paid', 'rejected', 'rejected_final'];

const tone: Partial<Record<ClaimState, 'warn' | 'bad'>> = {
  investigating: 'warn',
  objected: 'warn',
  in_jury: 'warn',
  appealed: 'warn',
  rejected: 'bad',
  rejected_final: 'bad',
};

export function StateBadge({ state }: { state: ClaimState }) {
  const { t } = useTranslation();
  const kind = tone[state];
  return <span className={kind === undefined ? 'badge' : `badge ${kind}`}>{t(`staffClaims.state.${state}`)}</span>;
}
