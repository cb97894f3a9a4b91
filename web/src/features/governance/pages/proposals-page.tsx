import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSession } from '../../../shared/auth/require-session';
import { Day, Instant } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useMyProposals, type MemberProposal } from '../api/governance-api';

/** Where I stand on a proposal, in one phrase (never how I voted). */
export function standingOf(proposal: MemberProposal, t: (key: string) => string): string {
  if (proposal.can_vote) return t('governance.standing.canVote');
  if (proposal.voted) return t('governance.standing.voted');
  if (proposal.left) return t('governance.standing.left');
  if (proposal.can_leave) return t('governance.standing.canLeave');
  return t(`governance.status.${proposal.status}`);
}

function ProposalList({ proposals }: { proposals: readonly MemberProposal[] }) {
  const { t } = useTranslation();
  if (proposals.length === 0) return <p className="muted">{t('governance.mine.none')}</p>;
  return (
    <ul className="governance-list">
      {proposals.map((proposal) => (
        <li key={proposal.id} className="card">
          <h2>
            <Link to={`/proposals/${proposal.id}`}>{t('governance.proposalNumber', { id: proposal.id })}</Link>{' '}
            <span className={`badge governance-status-${proposal.status}`}>{t(`governance.status.${proposal.status}`)}</span>
          </h2>
          <p>{proposal.note}</p>
          <p className="muted">
            {t('governance.changeCount', { count: proposal.changes.length })}
            {proposal.status !== 'voting' || proposal.closes_at === null ? null : (
              <>
                {' · '}
                {t('governance.closesAt')} <Instant value={proposal.closes_at} />
              </>
            )}
            {proposal.count === null ? null : (
              <>
                {' · '}
                {t('governance.public.counted')} <Day value={proposal.count.counted_at} />
              </>
            )}
          </p>
          <p>
            <strong>{standingOf(proposal, t)}</strong>
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Asks only once the session is known (inside RequireSession), so a visitor's page asks nothing. */
function MyProposals() {
  return <QueryState query={useMyProposals()}>{(data) => <ProposalList proposals={data.proposals} />}</QueryState>;
}

export function ProposalsPage() {
  const { t } = useTranslation();
  return (
    <RequireSession>
      <Page title={t('governance.mine.title')}>
        <p>{t('governance.mine.intro')}</p>
        <MyProposals />
      </Page>
    </RequireSession>
  );
}
