import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { paths } from '../api/schema';
import { formatNumber } from '../format/dates';
import { provinceName } from '../format/province-names';
import { useLanguage } from '../i18n/i18n';
import { Day, Money } from './money';

/** The anonymized public case card as the API gives it (no name but the masked one, no ids). */
export type CaseCardData = paths['/api/public/cases/{case_number}']['get']['responses'][200]['content']['application/json']['case'];

const stateTone: Readonly<Record<string, string>> = { in_notice: 'warn', objected: 'bad', in_jury: 'bad' };

/**
 * A case card as members saw them in a sharing notice: who (masked), what illness, the aid, how
 * long a member, what the patient had paid into others' cases. Used by the notice, the case page
 * and the cycle reports (the translations are under `cases.card`).
 */
export function CaseCard({ card, heading = 'h3', link = true, title, children }: { card: CaseCardData; heading?: 'h2' | 'h3' | 'h4'; link?: boolean; title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const Heading = heading;
  const illness = language === 'en' ? card.illness.name_en : card.illness.name_zh;
  const plan = language === 'en' ? card.plan_name_en : card.plan_name_zh;
  return (
    <article className="card case-card" aria-labelledby={`case-${card.case_number}`} id={`card-${card.case_number}`}>
      <div className="spread">
        <Heading id={`case-${card.case_number}`} className="case-card-title">
          {link ? <Link to={`/cases/${card.case_number}`}>{t('cases.card.title', { case_number: card.case_number })}</Link> : (title ?? t('cases.card.title', { case_number: card.case_number }))}
        </Heading>
        <span className={`badge ${stateTone[card.state] ?? ''}`}>{t(`cases.state.${card.state}`, { defaultValue: card.state })}</span>
      </div>
      <p className="case-card-who">
        {t('cases.card.who', { name: card.name_masked, gender: t(`cases.gender.${card.gender}`), age: card.age_at_diagnosis_years, province: provinceName(card.province, language) })}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('cases.card.illness')}</dt>
          <dd>{illness}</dd>
        </div>
        <div>
          <dt>{t('cases.card.aid')}</dt>
          <dd>
            <Money minor={card.aid_minor} currency={card.currency} />
          </dd>
        </div>
        <div>
          <dt>{t('cases.card.plan')}</dt>
          <dd>{plan}</dd>
        </div>
        <div>
          <dt>{t('cases.card.membership')}</dt>
          <dd>{t('cases.card.days', { count: card.days_as_member, days: formatNumber(card.days_as_member, language) })}</dd>
        </div>
        <div>
          <dt>{t('cases.card.sharesPaid')}</dt>
          <dd>
            <Money minor={card.shares_paid_minor} currency={card.currency} />
            {t('cases.card.helped', { count: card.people_helped })}
          </dd>
        </div>
        {card.notice_starts_at === null ? null : (
          <div>
            <dt>{t('cases.card.notice')}</dt>
            <dd>
              <Day value={card.notice_starts_at} /> – {card.notice_ends_at === null ? '' : <Day value={card.notice_ends_at} />}
            </dd>
          </div>
        )}
      </dl>
      {children}
    </article>
  );
}
