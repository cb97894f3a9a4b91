import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client';
import { formatInstant } from '../../../shared/format/dates';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { useDevMailbox } from '../api/account-api';

/** Outside production: the codes the server would send by e-mail or SMS, for a newcomer without either. */
export function DevMailboxPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const mailbox = useDevMailbox();
  const zh = language === 'zh-CN';
  return (
    <Page
      title={t('account.mailboxTitle')}
      actions={
        <button type="button" className="button secondary" onClick={() => void mailbox.refetch()} disabled={mailbox.isFetching}>
          {t('account.mailboxRefresh')}
        </button>
      }
    >
      <p className="alert warning">{t('account.mailboxIntro')}</p>
      {mailbox.isPending ? (
        <Loading />
      ) : mailbox.isError ? (
        mailbox.error instanceof ApiError && mailbox.error.status === 404 ? (
          <p className="alert info">{t('account.mailboxNone')}</p>
        ) : (
          <ErrorState error={mailbox.error} onRetry={() => void mailbox.refetch()} />
        )
      ) : mailbox.data.messages.length === 0 ? (
        <p className="muted">{t('account.mailboxEmpty')}</p>
      ) : (
        <ol className="mailbox" aria-label={t('account.mailboxList')}>
          {mailbox.data.messages.map((message) => (
            <li key={message.id} className="card">
              <h2 className="mailbox-subject">{zh ? message.subject_zh : message.subject_en}</h2>
              <p className="muted">
                {t(message.channel === 'sms' ? 'account.mailboxSms' : 'account.mailboxEmail', { to: message.to })} · <time dateTime={message.created_at}>{formatInstant(message.created_at, language)}</time>
              </p>
              <p>{zh ? message.body_zh : message.body_en}</p>
            </li>
          ))}
        </ol>
      )}
    </Page>
  );
}
