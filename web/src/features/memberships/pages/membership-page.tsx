import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RequireSession } from '../../../shared/auth/require-session';
import { errorMessage } from '../../../shared/i18n/error-message';
import { Day, Instant } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { Loading } from '../../../shared/ui/query-state';
import { usePlanClosure } from '../../../shared/api/plan-closure';
import { useMembership, useWithdraw, type MembershipDetail } from '../api/members-api';
import { coveredSince, StatusBadge, StatusHistory } from '../components/membership-status';
import { MembershipError } from '../components/not-yours';
import { usePlanName } from '../components/plan-name';

function Withdraw({ membership }: { membership: MembershipDetail }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useWithdraw(membership.membership_id);
  if (membership.status !== 'waiting' && membership.status !== 'active') return null;
  return (
    <section className="card" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t('memberships.withdraw.title')}</h2>
      {!confirming ? (
        <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
          {t('memberships.withdraw.start')}
        </button>
      ) : (
        <div className="alert warning" role="alertdialog" aria-labelledby="withdraw-confirm-title" aria-describedby="withdraw-confirm-text">
          <h3 id="withdraw-confirm-title">{t('memberships.withdraw.confirmTitle')}</h3>
          <ul id="withdraw-confirm-text">
            <li>{t('memberships.withdraw.meansCover')}</li>
            <li>{t('memberships.withdraw.meansShares')}</li>
            <li>{membership.funding_model === 'prepaid' ? t('memberships.withdraw.meansWallet') : t('memberships.withdraw.meansBills')}</li>
            <li>{t('memberships.withdraw.meansRejoin')}</li>
          </ul>
          {withdraw.isError ? (
            <p className="field-error" role="alert">
              {errorMessage(t, withdraw.error)}
            </p>
          ) : null}
          <div className="row">
            <button type="button" className="button danger" disabled={withdraw.isPending} onClick={() => withdraw.mutate()}>
              {withdraw.isPending ? t('memberships.withdraw.sending') : t('memberships.withdraw.confirm')}
            </button>
            <button type="button" className="button secondary" disabled={withdraw.isPending} onClick={() => setConfirming(false)}>
              {t('memberships.withdraw.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** When the plan is closing or closed: the closure date and links to the member's refund and the plan's closure status. */
function ClosureNotice({ membership }: { membership: MembershipDetail }) {
  const { t } = useTranslation();
  const closure = usePlanClosure(membership.plan_id);
  if (closure.data === undefined || closure.data === null) return null;
  const finalised = closure.data.step === 'finalised';
  return (
    <section className="alert warning" aria-labelledby="closure-notice-title">
      <h2 id="closure-notice-title">{finalised ? t('memberships.closure.closedTitle') : t('memberships.closure.closingTitle')}</h2>
      <p>
        {t('memberships.closure.date')} <Day value={closure.data.closure_date} />
      </p>
      <p>
        {membership.funding_model === 'prepaid'
          ? t(finalised ? 'memberships.closure.prepaidDone' : 'memberships.closure.prepaid')
          : t('memberships.closure.postpaid')}
      </p>
      <div className="row">
        {/* The closure feature's pages, linked by their paths (features never import each other). */}
        <Link className="button" to={`/memberships/${membership.membership_id}/closure`} data-testid="my-refund-link">
          {t('memberships.closure.myRefund')}
        </Link>
        <Link className="button secondary" to={`/plans/${encodeURIComponent(membership.plan_id)}/closure`}>
          {t('memberships.closure.status')}
        </Link>
      </div>
    </section>
  );
}

function Detail({ membership }: { membership: MembershipDetail }) {
  const { t } = useTranslation();
  const since = coveredSince(membership);
  const moneyLink =
    membership.funding_model === 'prepaid'
      ? { to: `/me/memberships/${membership.membership_id}/wallet`, label: t('memberships.wallet') }
      : { to: `/me/memberships/${membership.membership_id}/bills`, label: t('memberships.bills') };
  return (
    <>
      <ClosureNotice membership={membership} />
      <section className="card person-card" aria-labelledby="summary-title">
        <div className="spread">
          <h2 id="summary-title">
            {membership.person.name_masked} <span className="muted">({t(`memberships.relationship.${membership.person.relationship}`, { defaultValue: membership.person.relationship })})</span>
          </h2>
          <StatusBadge status={membership.status} />
        </div>
        <dl className="membership-facts">
          <dt>{t('memberships.memberCode')}</dt>
          <dd>
            <code>{membership.member_code}</code>
          </dd>
          <dt>{t('memberships.fundingLabel')}</dt>
          <dd>{t(`memberships.funding.${membership.funding_model}`)}</dd>
          <dt>{t('memberships.joinedAt')}</dt>
          <dd>
            <Instant value={membership.joined_at} />
          </dd>
          {/* Once cover has begun, "covered since" says it; the planned start would repeat the day. */}
          {since !== undefined && membership.status !== 'waiting' ? null : (
            <>
              <dt>{membership.status === 'waiting' ? t('memberships.waitingUntil') : t('memberships.coverFrom')}</dt>
              <dd>
                <Day value={membership.waiting_until} />
              </dd>
            </>
          )}
          {since === undefined ? null : (
            <>
              <dt>{t('memberships.coveredSince')}</dt>
              <dd>
                <Day value={since} />
              </dd>
            </>
          )}
          <dt>{t('memberships.planVersion')}</dt>
          <dd>{membership.plan_version}</dd>
        </dl>
        {membership.status === 'waiting' ? <p className="muted">{t('memberships.waitingExplained')}</p> : null}
        <div className="row">
          <Link className="button" to={moneyLink.to}>
            {moneyLink.label}
          </Link>
          <Link className="button secondary" to="/me/shares">
            {t('memberships.links.shares')}
          </Link>
          <Link className="button secondary" to="/me/claims">
            {t('memberships.links.claims')}
          </Link>
        </div>
      </section>
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('memberships.history')}</h2>
        <StatusHistory events={membership.events} />
      </section>
      <Withdraw membership={membership} />
    </>
  );
}

function MembershipView() {
  const { t } = useTranslation();
  const { membership_id = '' } = useParams();
  const membership = useMembership(membership_id);
  const planName = usePlanName();
  return (
    <Page title={membership.data === undefined ? t('memberships.detailTitle') : planName(membership.data)}>
      <p>
        <Link to="/me">{t('memberships.backToMe')}</Link>
      </p>
      {membership.isPending ? (
        <Loading />
      ) : membership.isError ? (
        <MembershipError error={membership.error} onRetry={() => void membership.refetch()} />
      ) : (
        <Detail membership={membership.data} />
      )}
    </Page>
  );
}

export function MembershipPage() {
  return (
    <RequireSession>
      <MembershipView />
    </RequireSession>
  );
}
