import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Instant } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { QueryState } from '../../../shared/ui/query-state';
import { usePublicOperator, type PublicOperator } from '../api';

function Details({ operator }: { operator: PublicOperator }) {
  const { t } = useTranslation();
  const rows: Array<[string, React.ReactNode]> = [
    [t('operatorInfo.field.operator_name'), operator.operator_name],
    [t('operatorInfo.field.licence_number'), <span className="claims-code">{operator.licence_number}</span>],
    [t('operatorInfo.field.supervisor'), operator.supervisor],
    [t('operatorInfo.field.custodian_bank'), operator.custodian_bank],
    [t('operatorInfo.field.custodian_account'), <span className="claims-code">{operator.custodian_account_masked}</span>],
  ];
  return (
    <>
      <section className="card" aria-labelledby="licence-title">
        <h2 id="licence-title">{t('operatorInfo.about.licence')}</h2>
        <dl className="facts">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="muted">{t('operatorInfo.about.maskedNote')}</p>
      </section>
      <section className="card" aria-labelledby="contact-title">
        <h2 id="contact-title">{t('operatorInfo.about.contact')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('operatorInfo.field.complaint_phone')}</dt>
            <dd>
              <a href={`tel:${operator.complaint_phone.replace(/[^\d+]/g, '')}`}>{operator.complaint_phone}</a>
            </dd>
          </div>
          <div>
            <dt>{t('operatorInfo.field.complaint_email')}</dt>
            <dd>
              <a href={`mailto:${operator.complaint_email}`}>{operator.complaint_email}</a>
            </dd>
          </div>
          <div>
            <dt>{t('operatorInfo.field.complaint_response_days')}</dt>
            <dd>{t('operatorInfo.about.days', { count: operator.complaint_response_days })}</dd>
          </div>
        </dl>
        <p>
          {t('operatorInfo.about.complainIntro')} <Link to="/complaints">{t('operatorInfo.about.complainLink')}</Link>
        </p>
      </section>
      <p className="muted">
        {t('operatorInfo.about.updated')} <Instant value={operator.changed_at} />
      </p>
    </>
  );
}

/** Who runs the platform, under which licence and supervisor, where the members' money is held. */
export function AboutOperatorPage() {
  const { t } = useTranslation();
  const operator = usePublicOperator();
  return (
    <Page title={t('operatorInfo.about.title')}>
      <p>{t('operatorInfo.about.intro')}</p>
      <QueryState query={operator}>
        {(data) =>
          data === null ? (
            <div className="alert warning" role="status">
              <p>{t('operatorInfo.about.none')}</p>
            </div>
          ) : (
            <Details operator={data} />
          )
        }
      </QueryState>
    </Page>
  );
}
