import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { Instant } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useManualPosting } from '../api/ledger-api';
import { LedgerTabs } from '../components/ledger-parts';
import { PostingDecision } from '../components/posting-decision';
import { PostingFacts } from '../components/posting-summary';

function PostingContent({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useManualPosting(id);
  return (
    <Page title={t('ledger.posting.title', { id })}>
      <LedgerTabs />
      <p>
        <Link to="/staff/ledger/postings">{t('ledger.posting.back')}</Link>
      </p>
      <QueryState query={query}>
        {({ manual_posting, events }) => (
          <>
            <section className="card" aria-labelledby="ledger-posting-facts">
              <h2 id="ledger-posting-facts">{t('ledger.posting.facts')}</h2>
              <PostingFacts posting={manual_posting} />
              <PostingDecision posting={manual_posting} />
            </section>
            <section className="card" aria-labelledby="ledger-posting-trail">
              <h2 id="ledger-posting-trail">{t('ledger.posting.trail')}</h2>
              <ol className="timeline ledger-trail">
                {events.map((event) => (
                  <li key={event.id}>
                    <strong>{t(`ledger.audit.${event.action}`)}</strong> · {event.actor.username} · <Instant value={event.at} />
                    {event.reason === null ? null : <p className="ledger-reason">{t('ledger.audit.reason', { reason: event.reason })}</p>}
                    {event.transaction_id === null ? null : (
                      <p>
                        <Link to={`/staff/ledger/transactions/${event.transaction_id}`}>{t('ledger.audit.transaction', { id: event.transaction_id })}</Link>
                      </p>
                    )}
                  </li>
                ))}
              </ol>
            </section>
          </>
        )}
      </QueryState>
    </Page>
  );
}

export function PostingPage() {
  const { id = '' } = useParams();
  return (
    <RequireRole roles={staffAccess.ledger}>
      <PostingContent id={id} />
    </RequireRole>
  );
}
