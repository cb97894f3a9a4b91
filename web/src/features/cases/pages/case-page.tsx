import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatNumber } from '../../../shared/format/dates';
import { useLanguage } from '../../../shared/i18n/i18n';
import { CaseCard } from '../../../shared/ui/case-card';
import { Instant } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { useCase, useJury, type JuryRecord } from '../api';

/** Codes in a list that can run to thousands: shown folded, as a wrapped monospace block. */
function CodeList({ label, codes }: { label: string; codes: readonly string[] }) {
  const { t } = useTranslation();
  if (codes.length === 0) return <p className="muted">{t('cases.jury.noCodes', { label })}</p>;
  return (
    <details>
      <summary>{t('cases.jury.showCodes', { label, count: codes.length })}</summary>
      <p className="hex">{codes.join(' ')}</p>
    </details>
  );
}

function Jury({ record }: { record: JuryRecord }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <p>
        <span className={`badge ${record.status === 'voting' ? 'warn' : ''}`}>{t(`cases.jury.status.${record.status}`)}</span>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('cases.jury.window')}</dt>
          <dd>
            <Instant value={record.window.opens_at} /> – <Instant value={record.window.closes_at} />
          </dd>
        </div>
        <div>
          <dt>{t('cases.jury.eligible')}</dt>
          <dd>{formatNumber(record.eligible_count, language)}</dd>
        </div>
        <div>
          <dt>{t('cases.jury.panel')}</dt>
          <dd>{formatNumber(record.panel_size, language)}</dd>
        </div>
        <div>
          <dt>{t('cases.jury.quorum')}</dt>
          <dd>{formatNumber(record.quorum, language)}</dd>
        </div>
        {record.counts === null ? null : (
          <div>
            <dt>{t('cases.jury.votes')}</dt>
            <dd>{t('cases.jury.votesValue', { approve: record.counts.approve, reject: record.counts.reject, cast: record.counts.cast })}</dd>
          </div>
        )}
        {record.verdict === null ? null : (
          <div>
            <dt>{t('cases.jury.verdict')}</dt>
            <dd>
              {t(`cases.jury.outcome.${record.verdict.outcome}`)}
              {record.verdict.operator_decision === null ? null : ` · ${t('cases.jury.operatorDecided', { decision: t(`cases.jury.outcome.${record.verdict.operator_decision}`) })}`}
            </dd>
          </div>
        )}
      </dl>
      {record.verdict === null || record.verdict.reason === '' ? null : <p>{record.verdict.reason}</p>}
      <h3>{t('cases.jury.draw')}</h3>
      <p>{t('cases.jury.drawExplained')}</p>
      <dl className="facts">
        <div>
          <dt>{t('cases.jury.seed')}</dt>
          <dd className="hex">{record.seed_hex}</dd>
        </div>
        <div>
          <dt>{t('cases.jury.seedInputs')}</dt>
          <dd className="hex">
            {record.seed_inputs.case_number} · {record.seed_inputs.ledger_seq} · {record.seed_inputs.ledger_hash_hex}
          </dd>
        </div>
      </dl>
      <CodeList label={t('cases.jury.panelCodes')} codes={record.panel} />
      <CodeList label={t('cases.jury.eligibleCodes')} codes={record.eligible_codes} />
    </>
  );
}

/** One published case: its card and the jury's public record. */
export function CasePage() {
  const { t } = useTranslation();
  const { case_number = '' } = useParams();
  const card = useCase(case_number);
  const jury = useJury(case_number, card.isSuccess);
  return (
    <Page title={t('cases.title', { case_number })}>
      <QueryState query={card}>
        {({ case: data }) => (
          <>
            <CaseCard card={data} heading="h2" link={false} title={t('cases.cardTitle')} />
            <p>{t(`cases.stateExplained.${data.state}`, { defaultValue: '' })}</p>
            {data.state === 'in_notice' || data.state === 'objected' ? (
              <p>
                <Link className="more-link" to="/notices">{t('cases.toNotice')}</Link>
              </p>
            ) : null}
          </>
        )}
      </QueryState>
      {card.isSuccess ? (
        <section aria-labelledby="case-jury">
          <h2 id="case-jury">{t('cases.jury.title')}</h2>
          <QueryState query={jury}>{(record) => (record === null ? <p>{t('cases.jury.none')}</p> : <Jury record={record} />)}</QueryState>
        </section>
      ) : null}
      <p>
        <Link className="more-link" to="/cycles">{t('cases.toReports')}</Link>
      </p>
    </Page>
  );
}
