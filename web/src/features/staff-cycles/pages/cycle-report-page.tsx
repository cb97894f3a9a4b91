import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatNumber } from '../../../shared/format/dates';
import { useLanguage } from '../../../shared/i18n/i18n';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { CsvLink } from '../../../shared/ui/csv-link';
import { Day, Instant, Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useStaffCycle, type StaffCycleReport } from '../api';
import { CycleStatusBadge } from '../components/cycle-status';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Amount({ minor, currency }: { minor: string | null; currency: string }) {
  return minor === null ? <>—</> : <Money minor={minor} currency={currency} />;
}

function Header({ report }: { report: StaffCycleReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { cycle } = report;
  const currency = cycle.currency;
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(cycle.fee_bps / 10_000);
  return (
    <section aria-labelledby="report-header">
      <h2 id="report-header">{t('staffCycles.report.header')}</h2>
      <dl className="facts card staff-cycles-facts">
        <Fact label={t('staffCycles.plan')}>{cycle.plan_id}</Fact>
        <Fact label={t('staffCycles.status')}>
          <CycleStatusBadge status={report.staff_status} />
        </Fact>
        <Fact label={t('staffCycles.report.sequence')}>{formatNumber(cycle.sequence, language)}</Fact>
        <Fact label={t('staffCycles.report.snapshot')}>
          <Instant value={cycle.snapshot_at} />
        </Fact>
        <Fact label={t('staffCycles.report.collection')}>
          <Day value={cycle.collection_at} />
        </Fact>
        <Fact label={t('staffCycles.report.completed')}>{cycle.completed_at === null ? '—' : <Instant value={cycle.completed_at} />}</Fact>
        <Fact label={t('staffCycles.members')}>{cycle.member_count === null ? '—' : formatNumber(cycle.member_count, language)}</Fact>
        <Fact label={t('staffCycles.report.weightTotal')}>{cycle.weight_total === null ? '—' : formatNumber(cycle.weight_total, language)}</Fact>
        <Fact label={t('staffCycles.cases')}>{formatNumber(cycle.case_count, language)}</Fact>
        <Fact label={t('staffCycles.report.aidTotal')}>
          <Money minor={cycle.aid_total_minor} currency={currency} />
        </Fact>
        <Fact label={t('staffCycles.report.fee', { percent })}>
          <Money minor={cycle.fee_minor} currency={currency} />
        </Fact>
        <Fact label={t('staffCycles.report.surplusIn')}>
          <Money minor={cycle.surplus_in_minor} currency={currency} />
        </Fact>
        <Fact label={t('staffCycles.total')}>
          <Money minor={cycle.total_minor} currency={currency} />
        </Fact>
        <Fact label={t('staffCycles.report.allocatedPerMember')}>
          <Amount minor={cycle.allocated_share_per_member_minor} currency={currency} />
        </Fact>
        <Fact label={t('staffCycles.sharePerMember')}>
          <Amount minor={cycle.paid_share_per_member_minor} currency={currency} />
        </Fact>
        <Fact label={t('staffCycles.report.shareTotal')}>
          <Amount minor={cycle.share_total_minor} currency={currency} />
        </Fact>
        <Fact label={t('staffCycles.report.cappedTotal')}>
          <Amount minor={cycle.capped_total_minor} currency={currency} />
        </Fact>
        <Fact label={t('staffCycles.report.capPolicy')}>{t(`staffCycles.report.capPolicyName.${cycle.cap_policy}`)}</Fact>
        <Fact label={t('staffCycles.report.backstop')}>
          <Amount minor={cycle.backstop_minor} currency={currency} />
        </Fact>
        <Fact label={t('staffCycles.report.charged')}>
          <Amount minor={cycle.charged_minor} currency={currency} />
        </Fact>
        <Fact label={t('staffCycles.report.shortfall')}>
          <Amount minor={cycle.shortfall_minor} currency={currency} />
        </Fact>
        <Fact label={t('staffCycles.report.aidPayable')}>
          <Amount minor={cycle.aid_payable_minor} currency={currency} />
        </Fact>
        <Fact label={t('staffCycles.report.feePayable')}>
          <Amount minor={cycle.fee_payable_minor} currency={currency} />
        </Fact>
        <Fact label={t('staffCycles.report.surplusOut')}>
          <Money minor={cycle.surplus_out_minor} currency={currency} />
        </Fact>
        <Fact label={t('staffCycles.report.lastJob')}>
          {report.last_job === null ? '—' : <Link to={`/staff/cycles/jobs/${report.last_job.job_id}`}>{t('staffCycles.job.title', { id: report.last_job.job_id })}</Link>}
        </Fact>
      </dl>
      <p className="muted">{t('staffCycles.report.balanceExplained')}</p>
    </section>
  );
}

function Cases({ report }: { report: StaffCycleReport }) {
  const { t } = useTranslation();
  const currency = report.cycle.currency;
  return (
    <section aria-labelledby="report-cases">
      <h2 id="report-cases">{t('staffCycles.report.casesTitle')}</h2>
      {report.cases.length === 0 ? (
        <p className="muted">{t('staffCycles.report.noCases')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('staffCycles.report.casesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staffCycles.caseNumber')}</th>
                <th scope="col">{t('staffCycles.report.aid')}</th>
                <th scope="col">{t('staffCycles.report.payable')}</th>
                <th scope="col">{t('staffCycles.report.cut')}</th>
                <th scope="col">{t('staffCycles.report.payout')}</th>
              </tr>
            </thead>
            <tbody>
              {report.cases.map((item) => (
                <tr key={item.case_number}>
                  <th scope="row">
                    <Link to={`/cases/${encodeURIComponent(item.case_number)}`}>{item.case_number}</Link>
                  </th>
                  <td className="number">
                    <Money minor={item.aid_minor} currency={currency} />
                  </td>
                  <td className="number">
                    <Money minor={item.payable_minor} currency={currency} />
                  </td>
                  <td className="number">
                    <Money minor={(BigInt(item.aid_minor) - BigInt(item.payable_minor)).toString()} currency={currency} />
                  </td>
                  <td>{item.payout_status === null ? '—' : t(`staffCycles.payoutStatus.${item.payout_status}`, { defaultValue: item.payout_status })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to="/staff/payouts">{t('staffCycles.report.toPayouts')}</Link>
      </p>
    </section>
  );
}

function Export({ report }: { report: StaffCycleReport }) {
  const { t } = useTranslation();
  const { cycle } = report;
  const file = `${cycle.cycle_id}.jsonl`;
  return (
    <section aria-labelledby="report-export">
      <h2 id="report-export">{t('staffCycles.report.exportTitle')}</h2>
      {cycle.merkle_root_hex === null ? (
        <p className="muted">{t('staffCycles.report.notPublished')}</p>
      ) : (
        <div className="card">
          <dl className="facts">
            <Fact label={t('staffCycles.merkleRoot')}>
              <span className="hex">{cycle.merkle_root_hex}</span>
            </Fact>
            <Fact label={t('staffCycles.report.previousRoot')}>
              <span className="hex">{cycle.previous_root_hex}</span>
            </Fact>
          </dl>
          <p className="row">
            <a className="button" href={`/api/public/cycles/${encodeURIComponent(cycle.cycle_id)}/export`} download={file}>
              {t('staffCycles.report.download')}
            </a>
            <Link className="button secondary" to={`/cycles/${encodeURIComponent(cycle.cycle_id)}`}>
              {t('staffCycles.report.publicReport')}
            </Link>
          </p>
          <p>{t('staffCycles.report.verifyHow')}</p>
          <pre className="hex staff-cycles-command">{`huzhu verify ${file} --public-key <hex>`}</pre>
          <p className="muted">{t('staffCycles.report.verifyKey')}</p>
        </div>
      )}
    </section>
  );
}

function ReportContent() {
  const { t } = useTranslation();
  const { cycle_id = '' } = useParams();
  const report = useStaffCycle(cycle_id);
  return (
    <Page title={t('staffCycles.report.title', { cycle: cycle_id })} actions={<CsvLink table="cycles" />}>
      <p>
        <Link to="/staff/cycles">{t('staffCycles.backToCycles')}</Link>
      </p>
      <QueryState query={report}>
        {(data) => (
          <>
            <Header report={data} />
            <Cases report={data} />
            <Export report={data} />
          </>
        )}
      </QueryState>
    </Page>
  );
}

export function StaffCycleReportPage() {
  return (
    <RequireRole roles={staffAccess.cycles}>
      <ReportContent />
    </RequireRole>
  );
}
