import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, formatInstant, formatNumber } from '../../../shared/format/dates';
import { formatMoney } from '../../../shared/format/money';
import { useLanguage } from '../../../shared/i18n/i18n';
import type { SupervisorReport } from '../api';

/** A table whose first column names the row; the others are figures (right-aligned) unless listed in `text_columns`. */
function Table({
  id,
  title,
  headers,
  rows,
  empty,
  text_columns = [],
}: {
  id: string;
  title: string;
  headers: readonly string[];
  rows: readonly ReactNode[][];
  empty?: string;
  text_columns?: readonly number[];
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`report-${id}`} className="card report-table">
      <h3 id={`report-${id}`}>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{empty ?? t('reports.none')}</p>
      ) : (
        // Wide tables scroll on a phone: the region takes focus so the keyboard can scroll it too.
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={`report-${id}`}>
          <table>
            <thead>
              <tr>
                {headers.map((header) => (
                  <th key={header} scope="col">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((cells, index) => (
                <tr key={index}>
                  {cells.map((cell, column) =>
                    column === 0 ? (
                      <th key={column} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={column} className={text_columns.includes(column) ? undefined : 'number'}>
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The report's tables as the printable page has them, with the operator's details first. */
export function ReportView({ report }: { report: SupervisorReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const number = (value: string | number) => formatNumber(value, language);
  const currencyOf = new Map(report.plans.map((plan) => [plan.plan_id, plan.currency]));
  const planName = (plan_id: string) => {
    const plan = report.plans.find((entry) => entry.plan_id === plan_id);
    return plan === undefined ? plan_id : language === 'en' ? plan.name_en : plan.name_zh;
  };
  const money = (amount: string | null, currency: string) => (amount === null ? '—' : formatMoney(amount, currency, language));
  const days = (ms: number | null) => (ms === null ? '—' : t('reports.complaints.days', { days: formatNumber(Math.round(ms / 864_000) / 100, language) }));
  const operator = report.operator;
  // One row per plan with open claims, a column per age bucket (the CSV keeps one row per plan and bucket).
  const buckets = ['0-30', '31-90', '91-180', '181+'] as const;
  const openPlans = [...new Set(report.open_claims_by_age.filter((row) => row.claims !== '0').map((row) => row.plan_id))];
  return (
    <>
      <section aria-labelledby="report-operator" className="card">
        <h3 id="report-operator">{t('reports.operator.title')}</h3>
        {operator === null ? (
          <p className="muted">{t('reports.operator.none')}</p>
        ) : (
          <dl className="report-details">
            <dt>{t('reports.operator.name')}</dt>
            <dd>{operator.operator_name}</dd>
            <dt>{t('reports.operator.licence')}</dt>
            <dd>{operator.licence_number}</dd>
            <dt>{t('reports.operator.supervisor')}</dt>
            <dd>{operator.supervisor}</dd>
            <dt>{t('reports.operator.custodian')}</dt>
            <dd>
              {operator.custodian_bank} {operator.custodian_account_masked}
            </dd>
            <dt>{t('reports.operator.contact')}</dt>
            <dd>
              {operator.complaint_phone} · {operator.complaint_email}
            </dd>
          </dl>
        )}
      </section>
      <Table
        id="members"
        title={t('reports.members.title')}
        headers={[t('reports.plan'), ...(['start', 'joined', 'withdrawn', 'lapsed', 'terminated', 'ended', 'end'] as const).map((key) => t(`reports.members.${key}`))]}
        rows={report.members.map((row) => [planName(row.plan_id), ...[row.start, row.joined, row.withdrawn, row.lapsed, row.terminated, row.ended, row.end].map(number)])}
      />
      <Table
        id="funds"
        title={t('reports.funds.title')}
        text_columns={[4]}
        headers={[t('reports.funds.currency'), t('reports.funds.wallets'), t('reports.funds.custody'), t('reports.funds.custodyLessWallets'), t('reports.funds.bankOn'), t('reports.funds.bank'), t('reports.funds.custodyThen'), t('reports.funds.bankLessCustody')]}
        rows={report.funds.map((row) => [
          row.currency,
          money(row.wallets_minor, row.currency),
          money(row.custody_minor, row.currency),
          money(row.custody_less_wallets_minor, row.currency),
          row.bank_statement_last_on === null ? t('reports.funds.noStatement') : formatDay(row.bank_statement_last_on, language),
          money(row.bank_closing_minor, row.currency),
          money(row.custody_at_bank_date_minor, row.currency),
          money(row.bank_less_custody_minor, row.currency),
        ])}
      />
      <Table
        id="claims-state"
        title={t('reports.claims.byState')}
        text_columns={[1]}
        headers={[t('reports.plan'), t('reports.claims.state'), t('reports.claims.count'), t('reports.claims.aid')]}
        rows={report.claims_by_state.map((row) => [planName(row.plan_id), t(`staffClaims.state.${row.state}`), number(row.claims), money(row.aid_minor, currencyOf.get(row.plan_id) ?? 'CNY')])}
      />
      <Table
        id="claims-age"
        title={t('reports.claims.byAge')}
        headers={[t('reports.plan'), ...buckets.map((bucket) => t(`reports.claims.bucket.${bucket}`))]}
        rows={openPlans.map((plan_id) => [
          planName(plan_id),
          ...buckets.map((bucket) => number(report.open_claims_by_age.find((row) => row.plan_id === plan_id && row.bucket === bucket)?.claims ?? '0')),
        ])}
        empty={t('reports.claims.noneOpen')}
      />
      <Table
        id="complaints"
        title={t('reports.complaints.title')}
        headers={[t('reports.complaints.figure'), t('reports.complaints.value')]}
        rows={[
          [t('reports.complaints.filed'), number(report.complaints.filed)],
          [t('reports.complaints.escalated'), number(report.complaints.escalated)],
          [t('reports.complaints.overdue'), number(report.complaints.overdue_now)],
          [t('reports.complaints.responded'), number(report.complaints.response_time.responded)],
          [t('reports.complaints.withinDeadline'), number(report.complaints.responded_within_deadline)],
          [t('reports.complaints.median'), days(report.complaints.response_time.median_ms)],
          [t('reports.complaints.p95'), days(report.complaints.response_time.p95_ms)],
        ]}
      />
      <Table
        id="alerts"
        title={t('reports.alerts.title')}
        text_columns={[1, 2, 3]}
        headers={[t('reports.plan'), t('reports.alerts.cycle'), t('reports.alerts.snapshot'), t('reports.alerts.kind'), t('reports.alerts.value'), t('reports.alerts.threshold')]}
        rows={report.alerts.map((row) => [planName(row.plan_id), row.cycle_code, formatInstant(row.snapshot_at, language), t(`sustainability.alertKind.${row.kind}`), number(row.value), number(row.threshold)])}
        empty={t('reports.alerts.none')}
      />
      <Table
        id="operator-accounts"
        title={t('reports.accounts.title')}
        headers={[t('reports.plan'), t('reports.accounts.backstop'), t('reports.accounts.drawn'), t('reports.accounts.repaid'), t('reports.accounts.outstanding'), t('reports.accounts.fee')]}
        rows={report.operator_accounts.map((row) => [
          planName(row.plan_id),
          money(row.backstop_used_minor, row.currency),
          money(row.advances_drawn_minor, row.currency),
          money(row.advances_repaid_minor, row.currency),
          money(row.advances_outstanding_minor, row.currency),
          money(row.fee_income_minor, row.currency),
        ])}
      />
    </>
  );
}
