import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatNumber } from '../../../shared/format/dates';
import { provinceName } from '../../../shared/format/province-names';
import { useLanguage } from '../../../shared/i18n/i18n';
import { CaseCard } from '../../../shared/ui/case-card';
import { Day, Instant, Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useCaseBreakdowns, useCycle, usePlans, type CaseBreakdown, type CycleReport } from '../api';

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

function Figures({ report }: { report: CycleReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const cycle = report.cycle;
  const currency = cycle.currency;
  return (
    <section aria-labelledby="cycle-figures">
      <h2 id="cycle-figures">{t('cycles.figures')}</h2>
      <div className="grid three tight stat-cards">
        <div className="card">
          <p className="stat">
            <Amount minor={cycle.paid_share_per_member_minor} currency={currency} />
          </p>
          <p className="stat-label">{t('cycles.paidPerMember')}</p>
        </div>
        <div className="card">
          <p className="stat">{cycle.member_count === null ? '—' : formatNumber(cycle.member_count, language)}</p>
          <p className="stat-label">{t('cycles.membersCovered')}</p>
        </div>
        <div className="card">
          <p className="stat">{formatNumber(cycle.case_count, language)}</p>
          <p className="stat-label">{t('cycles.casesShared')}</p>
        </div>
      </div>
      <div className="card">
        <dl className="facts">
          <Fact label={t('cycles.snapshot')}>
            <Instant value={cycle.snapshot_at} />
          </Fact>
          <Fact label={t('cycles.collection')}>
            <Day value={cycle.collection_at} />
          </Fact>
          <Fact label={t('cycles.status')}>{t(`cycles.statusName.${cycle.status}`)}</Fact>
          <Fact label={t('cycles.aidTotal')}>
            <Money minor={cycle.aid_total_minor} currency={currency} />
          </Fact>
          <Fact label={t('cycles.fee', { percent: new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(cycle.fee_bps / 10_000) })}>
            <Money minor={cycle.fee_minor} currency={currency} />
          </Fact>
          <Fact label={t('cycles.surplusIn')}>
            <Money minor={cycle.surplus_in_minor} currency={currency} />
          </Fact>
          <Fact label={t('cycles.total')}>
            <Money minor={cycle.total_minor} currency={currency} />
          </Fact>
          <Fact label={t('cycles.allocatedPerMember')}>
            <Amount minor={cycle.allocated_share_per_member_minor} currency={currency} />
          </Fact>
          <Fact label={t('cycles.shareTotal')}>
            <Amount minor={cycle.share_total_minor} currency={currency} />
          </Fact>
          <Fact label={t('cycles.cappedTotal')}>
            <Amount minor={cycle.capped_total_minor} currency={currency} />
          </Fact>
          <Fact label={t('cycles.backstop')}>
            <Amount minor={cycle.backstop_minor} currency={currency} />
          </Fact>
          <Fact label={t('cycles.shortfall')}>
            <Amount minor={cycle.shortfall_minor} currency={currency} />
          </Fact>
          <Fact label={t('cycles.surplusOut')}>
            <Money minor={cycle.surplus_out_minor} currency={currency} />
          </Fact>
          <Fact label={t('cycles.weights')}>{cycle.weight_scheme === 'equal' ? t('cycles.weightsEqual') : t('cycles.weightsByAge', { scheme: cycle.weight_scheme })}</Fact>
          <Fact label={t('cycles.capPolicy')}>{t(`cycles.capPolicyName.${cycle.cap_policy}`)}</Fact>
        </dl>
        <p className="muted">{t('cycles.balanceExplained')}</p>
      </div>
    </section>
  );
}

function Proof({ report }: { report: CycleReport }) {
  const { t } = useTranslation();
  const cycle = report.cycle;
  let header: string | null = null;
  if (report.header_json !== null) {
    try {
      header = JSON.stringify(JSON.parse(report.header_json), null, 2);
    } catch {
      header = report.header_json;
    }
  }
  return (
    <section aria-labelledby="cycle-proof">
      <h2 id="cycle-proof">{t('cycles.proof')}</h2>
      <p>{t('cycles.proofExplained')}</p>
      <dl className="facts card">
        <Fact label={t('cycles.merkleRoot')}>
          <span className="hex">{cycle.merkle_root_hex ?? '—'}</span>
        </Fact>
        <Fact label={t('cycles.previousRoot')}>
          <span className="hex">{cycle.previous_root_hex}</span>
        </Fact>
        <Fact label={t('cycles.seed')}>
          <span className="hex">{cycle.seed_hex}</span>
        </Fact>
        <Fact label={t('cycles.signature')}>
          <span className="hex">{cycle.signature_hex ?? '—'}</span>
        </Fact>
      </dl>
      <div className="row">
        {cycle.merkle_root_hex === null ? null : (
          <a className="button" href={`/api/public/cycles/${encodeURIComponent(cycle.cycle_id)}/export`} download={`${cycle.cycle_id}.jsonl`}>
            {t('cycles.download')}
          </a>
        )}
        <Link className="button secondary" to={`/verify/cycle?cycle=${encodeURIComponent(cycle.cycle_id)}`}>
          {t('cycles.verifyCycle')}
        </Link>
        <Link className="button secondary" to="/verify/share">
          {t('cycles.verifyShare')}
        </Link>
      </div>
      {header === null ? null : (
        <details className="header-json">
          <summary>{t('cycles.header')}</summary>
          <pre className="hex">{header}</pre>
        </details>
      )}
    </section>
  );
}

function CountTable({ caption, column, rows }: { caption: string; column: string; rows: ReadonlyArray<{ key: string; label: string; cases: number }> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{column}</th>
            <th scope="col" className="number">
              {t('cycles.cases')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="number">{formatNumber(row.cases, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Breakdown({ breakdown }: { breakdown: CaseBreakdown }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (breakdown.cases === 0) return null;
  return (
    <section aria-labelledby="cycle-breakdown">
      <h2 id="cycle-breakdown">{t('cycles.breakdown')}</h2>
      <div className="grid three tight">
        <CountTable
          caption={t('cycles.chart.illness')}
          column={t('cycles.illness')}
          rows={breakdown.by_illness.map((item) => ({ key: item.code, label: language === 'en' ? item.name_en : item.name_zh, cases: item.cases }))}
        />
        <CountTable caption={t('cycles.chart.age')} column={t('cycles.ageBand')} rows={breakdown.by_age_band.map((item) => ({ key: item.band, label: t('cycles.ageBandLabel', { band: item.band }), cases: item.cases }))} />
        <CountTable caption={t('cycles.chart.province')} column={t('cycles.province')} rows={breakdown.by_province.map((item) => ({ key: item.province, label: provinceName(item.province, language), cases: item.cases }))} />
      </div>
    </section>
  );
}

function CycleDetail({ report }: { report: CycleReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const plans = usePlans();
  const breakdowns = useCaseBreakdowns(report.cycle.plan_id);
  const cycle = report.cycle;
  const plan = plans.data?.plans.find((entry) => entry.id === cycle.plan_id);
  const planName = plan === undefined ? cycle.plan_id : language === 'en' ? plan.name_en : plan.name_zh;
  const breakdown = breakdowns.data?.per_cycle.find((entry) => entry.period === cycle.cycle_id);
  return (
    <>
      <p>
        {t('cycles.ofPlan')} <Link to={`/plans/${cycle.plan_id}`}>{planName}</Link> · {t('cycles.sequence', { sequence: cycle.sequence })} · <span className="hex">{cycle.cycle_id}</span>
      </p>
      <Figures report={report} />
      <Proof report={report} />
      <section aria-labelledby="cycle-cases">
        <h2 id="cycle-cases">{t('cycles.casesSharedTitle', { count: report.cases.length })}</h2>
        {report.cases.length === 0 ? <p>{t('cycles.noCases')}</p> : null}
        <div className="grid two tight">
          {report.cases.map((item) => (
            <CaseCard key={item.card.case_number} card={item.card} heading="h3">
              <p>
                {t('cycles.payable')} <Money minor={item.payable_minor} currency={item.card.currency} />
                {item.payout_status === null ? null : <> · {t(`cycles.payout.${item.payout_status}`, { defaultValue: item.payout_status })}</>}
              </p>
            </CaseCard>
          ))}
        </div>
      </section>
      {breakdown === undefined ? null : <Breakdown breakdown={breakdown} />}
      <p>
        <Link className="more-link" to={`/cycles?plan=${encodeURIComponent(cycle.plan_id)}`}>{t('cycles.allCycles')}</Link>
      </p>
    </>
  );
}

/** One cycle's report: its figures, root and signed header, the cases it shared, its export. */
export function CyclePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { cycle_id = '' } = useParams();
  const report = useCycle(cycle_id);
  const plans = usePlans();
  // A cycle id is the plan's id and the snapshot day: critical-illness-20261121.
  const match = /^(.*)-(\d{4})(\d{2})(\d{2})$/.exec(cycle_id);
  const plan = plans.data?.plans.find((entry) => entry.id === match?.[1]);
  const planName = plan === undefined ? '' : language === 'en' ? plan.name_en : plan.name_zh;
  const day = match === null ? cycle_id : new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(Number(match[2]), Number(match[3]) - 1, Number(match[4])));
  return (
    <Page title={planName === '' ? t('cycles.reportTitle', { day }) : t('cycles.reportTitleOfPlan', { day, plan: planName })}>
      <QueryState query={report}>{(data) => <CycleDetail report={data} />}</QueryState>
    </Page>
  );
}
