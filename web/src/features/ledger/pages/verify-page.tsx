import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { formatNumber } from '../../../shared/format/dates';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { useVerify, type JournalReport } from '../api/ledger-api';
import { accountPath, LedgerTabs } from '../components/ledger-parts';

/** Problems of the hash chain itself (as opposed to balances): the first of them is where the chain breaks. */
const chainCodes = ['JOURNAL_SEQUENCE_GAP', 'JOURNAL_CHAIN_BROKEN', 'JOURNAL_HASH_MISMATCH', 'JOURNAL_HEAD_MISMATCH'];
const balanceCodes = ['JOURNAL_BALANCE_MISMATCH', 'JOURNAL_BALANCE_OUT_OF_RANGE', 'JOURNAL_GUARD_VIOLATED'];

function Report({ report }: { report: JournalReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const chainBreak = report.problems.find((problem) => chainCodes.includes(problem.code));
  const balanceProblems = report.problems.filter((problem) => balanceCodes.includes(problem.code)).length;
  const number = (value: number) => formatNumber(value, language);
  return (
    <section className="card" aria-labelledby="ledger-verify-result">
      <div className="spread">
        <h2 id="ledger-verify-result">{t('ledger.verify.result')}</h2>
        <span className={report.ok ? 'badge' : 'badge bad'} data-ok={String(report.ok)}>
          {report.ok ? t('ledger.verify.ok') : t('ledger.verify.problems', { count: report.problems.length })}
        </span>
      </div>
      <ul className="ledger-checks">
        <li>
          <strong>{chainBreak === undefined ? t('ledger.verify.chainIntact') : t('ledger.verify.chainBroken')}</strong>{' '}
          {t('ledger.verify.chainDetail', { transactions: number(report.transactions), postings: number(report.postings) })}
        </li>
        <li>
          <strong>{balanceProblems === 0 ? t('ledger.verify.balancesOk') : t('ledger.verify.balancesBad', { count: balanceProblems })}</strong>{' '}
          {t('ledger.verify.balancesDetail', { accounts: number(report.accounts) })}
        </li>
      </ul>
      <dl className="facts">
        <div>
          <dt>{t('ledger.verify.headSeq')}</dt>
          <dd>{report.head_seq}</dd>
        </div>
        <div>
          <dt>{t('ledger.verify.headHash')}</dt>
          <dd className="ledger-hash">{report.head_hash}</dd>
        </div>
      </dl>
      {chainBreak === undefined ? null : (
        <div className="alert error" role="alert">
          <h3>{t('ledger.verify.firstBreak')}</h3>
          <p>
            <code>{chainBreak.code}</code> {chainBreak.message}
          </p>
          {chainBreak.transaction_id === undefined ? null : (
            <Link to={`/staff/ledger/transactions/${chainBreak.transaction_id}`}>{t('ledger.verify.openTransaction', { id: chainBreak.transaction_id })}</Link>
          )}
        </div>
      )}
      {report.problems.length === 0 ? null : (
        <div className="table-wrap">
          <table className="ledger-table">
            <caption>{t('ledger.verify.problemsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ledger.verify.code')}</th>
                <th scope="col">{t('ledger.verify.message')}</th>
                <th scope="col">{t('ledger.verify.where')}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((problem, index) => (
                <tr key={index}>
                  <td>
                    <code>{problem.code}</code>
                  </td>
                  <td>{problem.message}</td>
                  <td>
                    {problem.transaction_id === undefined ? null : <Link to={`/staff/ledger/transactions/${problem.transaction_id}`}>#{problem.transaction_id}</Link>}
                    {problem.account_code === undefined ? null : <Link to={accountPath(problem.account_code)}>{problem.account_code}</Link>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function VerifyContent() {
  const { t } = useTranslation();
  const [asked, setAsked] = useState(false);
  const query = useVerify(asked);
  const running = asked && query.isFetching;
  return (
    <Page title={t('ledger.verify.title')}>
      <LedgerTabs />
      <p>{t('ledger.verify.lead')}</p>
      <p>
        <button
          type="button"
          className="button"
          disabled={running}
          onClick={() => {
            if (asked) void query.refetch();
            else setAsked(true);
          }}
        >
          {asked && query.data !== undefined ? t('ledger.verify.again') : t('ledger.verify.run')}
        </button>
      </p>
      {running ? <Loading label={t('ledger.verify.running')} /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data === undefined || running ? null : <Report report={query.data} />}
    </Page>
  );
}

export function VerifyPage() {
  return (
    <RequireRole roles={staffAccess.ledger}>
      <VerifyContent />
    </RequireRole>
  );
}
