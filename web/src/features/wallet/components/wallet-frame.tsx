import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { useMembership, type Membership } from '../api/wallet-api';

/** A plan's name in the reader's language. */
export function usePlanName(): (membership: { plan_name_zh: string; plan_name_en: string }) => string {
  const language = useLanguage();
  return (membership) => (language === 'zh-CN' ? membership.plan_name_zh : membership.plan_name_en);
}

/**
 * The frame of a membership's money page: loads the membership (the API answers 404 for one that
 * is missing or paid for by someone else, and the page says so), then shows the page's content.
 */
export function WalletFrame({ membership_id, titleKey, children }: { membership_id: string; titleKey: string; children: (membership: Membership) => ReactNode }) {
  const { t } = useTranslation();
  const membership = useMembership(membership_id);
  const planName = usePlanName();
  const title = membership.data === undefined ? t(titleKey) : `${t(titleKey)} · ${planName(membership.data)}`;
  return (
    <Page title={title}>
      <p>
        <Link to={`/me/memberships/${membership_id}`}>{t('wallet.backToMembership')}</Link>
      </p>
      {membership.isPending ? (
        <Loading />
      ) : membership.isError ? (
        membership.error instanceof ApiError && (membership.error.status === 404 || membership.error.status === 403) ? (
          <div className="alert error" role="alert">
            <p>{t('wallet.notFound')}</p>
            <Link to="/me">{t('wallet.backToMe')}</Link>
          </div>
        ) : (
          <ErrorState error={membership.error} onRetry={() => void membership.refetch()} />
        )
      ) : (
        <>
          <p className="muted">
            {membership.data.person.name_masked} · {t('wallet.memberCode')} <code>{membership.data.member_code}</code>
          </p>
          {children(membership.data)}
        </>
      )}
    </Page>
  );
}
