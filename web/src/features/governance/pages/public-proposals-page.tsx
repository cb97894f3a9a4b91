import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Day } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { usePublicProposals, type Proposal } from '../api/governance-api';
import { RuleChanges } from '../components/rule-changes';
import { VoteCount } from '../components/vote-count';

function ClosedVotes({ proposals }: { proposals: readonly Proposal[] }) {
  const { t } = useTranslation();
  if (proposals.length === 0) return <p className="muted">{t('governance.public.none')}</p>;
  return (
    <>
      {proposals.map((proposal) => (
        <article key={proposal.id} className="card governance-public" aria-labelledby={`proposal-${proposal.id}`}>
          <h2 id={`proposal-${proposal.id}`}>{t('governance.proposalNumber', { id: proposal.id })}</h2>
          <p>{proposal.note}</p>
          {proposal.count === null ? null : (
            <p className="muted">
              {t('governance.public.counted')} <Day value={proposal.count.counted_at} />
            </p>
          )}
          <RuleChanges changes={proposal.changes} caption={t('governance.diff.caption', { version: proposal.base_version })} />
          <VoteCount proposal={proposal} />
        </article>
      ))}
    </>
  );
}

/** A plan's closed member votes, for everyone: the diff and the count of each (no names, no codes). */
export function PublicProposalsPage() {
  const { t } = useTranslation();
  const { plan_id = '' } = useParams();
  return (
    <Page title={t('governance.public.title')}>
      <p>{t('governance.public.intro')}</p>
      <QueryState query={usePublicProposals(plan_id)}>{(data) => <ClosedVotes proposals={data.proposals} />}</QueryState>
      <p>
        <Link className="more-link" to={`/plans/${encodeURIComponent(plan_id)}`}>
          {t('governance.public.back')}
        </Link>
      </p>
    </Page>
  );
}
