import { useTranslation } from 'react-i18next';
import type { ClaimState } from '../api';

const tone: Partial<Record<ClaimState, 'warn' | 'bad'>> = {
  investigating: 'warn',
  objected: 'warn',
  in_jury: 'warn',
  appealed: 'warn',
  rejected: 'bad',
  rejected_final: 'bad',
};

export function ClaimStateBadge({ state }: { state: ClaimState }) {
  const { t } = useTranslation();
  const kind = tone[state];
  return <span className={kind === undefined ? 'badge' : `badge ${kind}`}>{t(`claims.state.${state}`)}</span>;
}

/** States in which the case card is public (after the notice started), as the server's. */
export const publishedStates: readonly ClaimState[] = ['in_notice', 'objected', 'in_jury', 'approved', 'scheduled', 'paid'];
