import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format/dates';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Day } from '../../../shared/ui/money';
import type { Proposal } from '../api/governance-api';

/** The published count of a closed vote, and what it means. */
export function VoteCount({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const count = proposal.count;
  if (count === null) return null;
  const figures = [
    ['eligible', count.eligible],
    ['voted', count.voted],
    ['yes', count.yes],
    ['no', count.no],
    ['abstain', count.abstain],
  ] as const;
  return (
    <section className="card" aria-labelledby={`count-${proposal.id}`}>
      <h3 id={`count-${proposal.id}`}>
        {t('governance.count.heading')}: <span className={`badge governance-result-${count.result}`}>{t(`governance.result.${count.result}`)}</span>
      </h3>
      <dl className="governance-count">
        {figures.map(([key, value]) => (
          <div key={key}>
            <dt>{t(`governance.count.${key}`)}</dt>
            <dd>{formatNumber(value, language)}</dd>
          </div>
        ))}
      </dl>
      {proposal.effective_at === null ? null : (
        <p>
          {t('governance.count.effective')} <Day value={proposal.effective_at} />
        </p>
      )}
    </section>
  );
}

/** How this vote is decided, in words. */
export function VoteRules({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const settings = proposal.settings;
  if (settings === null) return null;
  const percent = (bps: number) => `${bps / 100}%`;
  return (
    <section className="card" aria-labelledby={`rules-${proposal.id}`}>
      <h3 id={`rules-${proposal.id}`}>{t('governance.rules.heading')}</h3>
      <ul className="governance-rules">
      {settings.decision.kind === 'approve_share' ? (
        <>
          <li>{t('governance.rules.quorum', { quorum: percent(settings.quorum_bps) })}</li>
          <li>{t('governance.rules.approve', { share: percent(settings.decision.approve_bps) })}</li>
        </>
      ) : (
        <li>{t('governance.rules.objections', { share: percent(settings.decision.object_bps) })}</li>
      )}
      <li>{t('governance.rules.notice', { count: settings.notice_days })}</li>
        <li>{t('governance.rules.secret')}</li>
      </ul>
    </section>
  );
}
