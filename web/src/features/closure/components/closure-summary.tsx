import { useTranslation } from 'react-i18next';
import { Day, Instant, Money } from '../../../shared/ui/money';
import type { ClosureStatus } from '../api';

/** The closure's date, step, refunds by state and, once finalised, the signed report's totals. */
export function ClosureSummary({ closure }: { closure: ClosureStatus }) {
  const { t } = useTranslation();
  const header = closure.header;
  return (
    <>
      <section className="card" aria-labelledby="closure-facts">
        <h2 id="closure-facts">{t('closure.facts')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('closure.closureDate')}</dt>
            <dd>
              <Day value={closure.closure_date} />
            </dd>
          </div>
          <div>
            <dt>{t('closure.step')}</dt>
            <dd>{t(`closure.steps.${closure.step}`)}</dd>
          </div>
          <div>
            <dt>{t('closure.paidBy')}</dt>
            <dd>{t(`closure.payer.${closure.last_cycles_paid_by}`)}</dd>
          </div>
          <div>
            <dt>{t('closure.announcedAt')}</dt>
            <dd>
              <Instant value={closure.announced_at} />
            </dd>
          </div>
          <div>
            <dt>{t('closure.lastClaimDate')}</dt>
            <dd>
              <Day value={closure.last_claim_date} />
            </dd>
          </div>
          {closure.step === 'finalised' ? null : (
            <div>
              <dt>{t('closure.finaliseFrom')}</dt>
              <dd>
                <Day value={closure.finalise_from_date} />
              </dd>
            </div>
          )}
        </dl>
      </section>
      {closure.refunds.length === 0 ? null : (
        <section className="card" aria-labelledby="closure-refunds">
          <h2 id="closure-refunds">{t('closure.refunds')}</h2>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t('closure.refunds')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('closure.refundState')}</th>
                  <th scope="col">{t('closure.memberships')}</th>
                  <th scope="col">{t('closure.walletAtClosure')}</th>
                </tr>
              </thead>
              <tbody>
                {closure.refunds.map((row) => (
                  <tr key={row.refund_state}>
                    <td>{t(`closure.refundStates.${row.refund_state}`, { defaultValue: row.refund_state })}</td>
                    <td>{row.count}</td>
                    <td>
                      <Money minor={row.wallet_minor} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {header === null ? null : (
        <section className="card" aria-labelledby="closure-report">
          <h2 id="closure-report">{t('closure.report')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('closure.walletTotal')}</dt>
              <dd>
                <Money minor={header.wallet_total_minor} currency={header.currency} />
              </dd>
            </div>
            <div>
              <dt>{t('closure.refundedTotal')}</dt>
              <dd>
                <Money minor={header.refunded_total_minor} currency={header.currency} />
              </dd>
            </div>
            <div>
              <dt>{t('closure.unclaimedTotal')}</dt>
              <dd>
                <Money minor={header.unclaimed_total_minor} currency={header.currency} />
              </dd>
            </div>
            <div>
              <dt>{t('closure.custodyAfter')}</dt>
              <dd>
                <Money minor={header.custody_after_minor} currency={header.currency} />
              </dd>
            </div>
            <div>
              <dt>{t('closure.claims')}</dt>
              <dd>{t('closure.claimsCounts', { paid: header.claims_paid_count, rejected: header.claims_rejected_count })}</dd>
            </div>
            <div>
              <dt>{t('closure.writtenOff')}</dt>
              <dd>
                <Money minor={header.receivables_written_off_minor} currency={header.currency} />
              </dd>
            </div>
            <div>
              <dt>{t('closure.root')}</dt>
              <dd className="claims-code">{header.merkle_root_hex}</dd>
            </div>
          </dl>
          <p>
            <a className="button secondary" href={`/api/public/plans/${encodeURIComponent(closure.plan_id)}/closure/report`} download>
              {t('closure.download')}
            </a>
          </p>
          <p className="muted">{t('closure.verifyHint', { file: `${closure.plan_id}-closure.jsonl` })}</p>
        </section>
      )}
    </>
  );
}
