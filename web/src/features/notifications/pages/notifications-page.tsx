import { useTranslation } from 'react-i18next';
import { RequireSession } from '../../../shared/auth/require-session';
import { errorMessage } from '../../../shared/i18n/error-message';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Instant } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { useMarkRead, useNotifications, type Notification } from '../api';

function NotificationItem({ notification }: { notification: Notification }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const markRead = useMarkRead();
  const unread = notification.read_at === null;
  const titleId = `notification-${notification.id}`;
  const title = language === 'en' ? notification.title_en : notification.title_zh;
  return (
    <li className={unread ? 'card notification unread' : 'card notification'} aria-labelledby={titleId}>
      <div className="spread">
        <h2 id={titleId} className="notification-title">
          {unread ? <span className="badge warn">{t('notifications.new')}</span> : null} {title}
        </h2>
        <span className="muted">
          <Instant value={notification.created_at} />
        </span>
      </div>
      <p>{language === 'en' ? notification.body_en : notification.body_zh}</p>
      {unread ? (
        <button type="button" className="button secondary" onClick={() => markRead.mutate(notification.id)} disabled={markRead.isPending} aria-label={t('notifications.markReadNamed', { title })}>
          {t('notifications.markRead')}
        </button>
      ) : (
        <p className="muted">
          {t('notifications.readAt')} <Instant value={notification.read_at ?? notification.created_at} />
        </p>
      )}
      {markRead.isError ? (
        <p className="field-error" role="alert">
          {errorMessage(t, markRead.error)}
        </p>
      ) : null}
    </li>
  );
}

function Notifications() {
  const { t } = useTranslation();
  const query = useNotifications();
  const unread = query.data?.pages[0]?.unread;
  return (
    <Page title={t('notifications.title')}>
      {query.data === undefined ? (
        query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Loading />
        )
      ) : (
        <>
          {query.data.pages[0]?.notifications.length === 0 ? null : (
            <p className="muted" role="status">
              {unread === undefined || unread === 0 ? t('notifications.allRead') : t('notifications.unreadCount', { count: unread })}
            </p>
          )}
          {query.data.pages[0]?.notifications.length === 0 ? (
            <div className="card">
              <p>{t('notifications.none')}</p>
            </div>
          ) : (
            <ul className="notifications-list">
              {query.data.pages.flatMap((page) => page.notifications).map((notification) => (
                <NotificationItem key={notification.id} notification={notification} />
              ))}
            </ul>
          )}
          {query.isFetchNextPageError ? <ErrorState error={query.error} onRetry={() => void query.fetchNextPage()} /> : null}
          {query.hasNextPage ? (
            <button type="button" className="button secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
              {query.isFetchingNextPage ? t('common.loading') : t('notifications.more')}
            </button>
          ) : null}
        </>
      )}
    </Page>
  );
}

export function NotificationsPage() {
  return (
    <RequireSession>
      <Notifications />
    </RequireSession>
  );
}
