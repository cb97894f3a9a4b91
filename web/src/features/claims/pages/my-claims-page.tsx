import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSession } from '../../../shared/auth/require-session';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Instant, Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useMyClaims, usePlans } from '../api';
import { ClaimStateBadge } from '../components/claim-state';
import { illnessName } from '../illness-names';

function MyClaims() {
  const { t } = useTranslation();
  const language = useLanguage();
  const claims = useMyClaims();
  const plans = usePlans();
  return (
    <Page
      title={t('claims.listTitle')}
      actions={
        <Link className="button" to="/me/claims/new">
          {t('claims.apply')}
        </Link>
      }
    >
      <p className="muted">{t('claims.listIntro')}</p>
      <QueryState query={claims}>
        {(data) =>
          data.claims.length === 0 ? (
            <div className="card">
              <p>{t('claims.none')}</p>
            </div>
          ) : (
            <ul className="claims-list">
              {data.claims.map((claim) => (
                <li key={claim.claim_id} className="card">
                  <div className="spread">
                    <h2 className="claims-card-title">
                      <Link to={`/me/claims/${claim.claim_id}`}>
                        {t('claims.caseLabel', { case_number: claim.case_number })}
                      </Link>
                    </h2>
                    <ClaimStateBadge state={claim.state} />
                  </div>
                  <dl className="claims-facts">
                    <div>
                      <dt>{t('claims.for')}</dt>
                      <dd>{claim.name_masked}</dd>
                    </div>
                    <div>
                      <dt>{t('claims.illness')}</dt>
                      <dd>{illnessName(plans.data?.plans, claim.plan_id, claim.illness_code, language)}</dd>
                    </div>
                    <div>
                      <dt>{t('claims.aid')}</dt>
                      <dd>
                        <Money minor={claim.aid_minor} />
                      </dd>
                    </div>
                    <div>
                      <dt>{t('claims.submittedOn')}</dt>
                      <dd>
                        <Instant value={claim.submitted_at} />
                      </dd>
                    </div>
                  </dl>
                  <p className="muted claims-meaning">{t(`claims.stateMeaning.${claim.state}`)}</p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Page>
  );
}

export function MyClaimsPage() {
  return (
    <RequireSession>
      <MyClaims />
    </RequireSession>
  );
}
