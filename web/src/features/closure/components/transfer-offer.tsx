import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useSession } from '../../../shared/auth/session';
import { Day, Instant } from '../../../shared/ui/money';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import {
  transferCsvHref,
  useMakeTransferOffer,
  useSetTransferConsent,
  useTransferConsent,
  useTransferOffer,
  type PublicTransferOffer,
  type TransferConsent,
} from '../transfer-api';

type Offer = PublicTransferOffer['offer'];

/** The offer's facts: successor, product, the operator's words, the terms link and the deadline. */
function OfferFacts({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('closure.transfer.successor')}</dt>
          <dd>{offer.successor_name}</dd>
        </div>
        <div>
          <dt>{t('closure.transfer.product')}</dt>
          <dd>{offer.product_name}</dd>
        </div>
        <div>
          <dt>{t('closure.transfer.deadline')}</dt>
          <dd>
            <Day value={offer.consent_deadline} /> <span className="muted">{t('closure.transfer.deadlineNote')}</span>
          </dd>
        </div>
      </dl>
      <p className="transfer-description">{offer.description}</p>
      <p>
        {/* The operator's link, checked to be https:// by the server; it leaves the site. */}
        <a href={offer.terms_url} target="_blank" rel="noopener noreferrer external">
          {t('closure.transfer.terms')}
        </a>
      </p>
    </>
  );
}

/** Public: the plan's offer and, once the deadline has passed, how many consented (never who). */
export function TransferOfferSummary({ plan_id }: { plan_id: string }) {
  const { t } = useTranslation();
  const offer = useTransferOffer(plan_id);
  if (offer.data === undefined || offer.data === null) return null;
  const { data } = offer;
  return (
    <section className="card" aria-labelledby="transfer-offer">
      <h2 id="transfer-offer">{t('closure.transfer.title', { successor: data.offer.successor_name })}</h2>
      <OfferFacts offer={data.offer} />
      <Counts offer={data} />
    </section>
  );
}

function Counts({ offer }: { offer: PublicTransferOffer }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <div>
        <dt>{t('closure.transfer.members')}</dt>
        <dd>{offer.offer.member_count}</dd>
      </div>
      <div>
        <dt>{t('closure.transfer.consents')}</dt>
        <dd data-testid="transfer-consent-count">{offer.consent_count === null ? t('closure.transfer.countLater') : offer.consent_count}</dd>
      </div>
    </dl>
  );
}

function OfferForm({ plan_id }: { plan_id: string }) {
  const { t } = useTranslation();
  const make = useMakeTransferOffer(plan_id);
  // Set in the submit's own event: the second click of a double click finds it and sends nothing.
  const inFlight = useRef(false);
  const [form, setForm] = useState({ successor_name: '', product_name: '', description: '', terms_url: '', consent_deadline: '' });
  const field = (name: keyof typeof form) => ({
    id: `transfer-${name.replaceAll('_', '-')}`,
    value: form[name],
    required: true,
    onChange: (event: { target: { value: string } }) => setForm((current) => ({ ...current, [name]: event.target.value })),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (inFlight.current) return;
        inFlight.current = true;
        make.mutate(form, { onSettled: () => (inFlight.current = false) });
      }}
    >
      <p>{t('closure.transfer.console.intro')}</p>
      <div className="field">
        <label htmlFor="transfer-successor-name">{t('closure.transfer.console.successorName')}</label>
        <input type="text" maxLength={120} {...field('successor_name')} />
      </div>
      <div className="field">
        <label htmlFor="transfer-product-name">{t('closure.transfer.console.productName')}</label>
        <input type="text" maxLength={120} {...field('product_name')} />
      </div>
      <div className="field">
        <label htmlFor="transfer-description">{t('closure.transfer.console.description')}</label>
        <textarea rows={4} maxLength={2000} {...field('description')} />
      </div>
      <div className="field">
        <label htmlFor="transfer-terms-url">{t('closure.transfer.console.termsUrl')}</label>
        <input type="url" inputMode="url" pattern="https://.*" placeholder="https://" {...field('terms_url')} />
      </div>
      <div className="field">
        <label htmlFor="transfer-consent-deadline">{t('closure.transfer.console.deadline')}</label>
        <input type="date" {...field('consent_deadline')} />
      </div>
      {make.isError ? <ErrorState error={make.error} /> : null}
      <button type="submit" className="button" disabled={make.isPending}>
        {t('closure.transfer.console.submit')}
      </button>
    </form>
  );
}

/**
 * The operator's part: the form while no offer is made (and the closure is not finalised); then
 * the offer, and after the deadline the count and, for an administrator, the file. An
 * administrator who is no operator sees no form.
 */
export function TransferOfferConsole({ plan_id, finalised, operates }: { plan_id: string; finalised: boolean; operates: boolean }) {
  const { t } = useTranslation();
  const offer = useTransferOffer(plan_id);
  const session = useSession();
  if (offer.isPending) return <Loading />;
  if (offer.isError) return <ErrorState error={offer.error} onRetry={() => void offer.refetch()} />;
  if (offer.data === null && (finalised || !operates)) return null;
  return (
    <section className="card" aria-labelledby="transfer-console">
      <h2 id="transfer-console">{t('closure.transfer.console.title')}</h2>
      {offer.data === null ? (
        <OfferForm plan_id={plan_id} />
      ) : (
        <>
          <OfferFacts offer={offer.data.offer} />
          <Counts offer={offer.data} />
          {offer.data.consent_open ? (
            <p className="muted">{t('closure.transfer.console.waiting')}</p>
          ) : (
            <>
              <p className="muted">{t('closure.transfer.console.exportNote')}</p>
              {hasRole(session.data, 'admin') ? (
                <a className="button secondary" href={transferCsvHref(plan_id)} download data-testid="transfer-csv-link">
                  {t('closure.transfer.console.export')}
                </a>
              ) : null}
            </>
          )}
        </>
      )}
    </section>
  );
}

function ConsentForm({ consent, membership_id }: { consent: TransferConsent; membership_id: string }) {
  const { t } = useTranslation();
  const save = useSetTransferConsent(membership_id);
  const [checked, setChecked] = useState(consent.consent === 'given');
  const successor = consent.offer.successor_name;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!save.isPending) save.mutate(checked);
      }}
    >
      <p className="alert warning">{t('closure.transfer.shares', { successor })}</p>
      <label className="choice">
        <input type="checkbox" checked={checked} onChange={(event) => setChecked(event.target.checked)} /> {t('closure.transfer.checkbox', { successor })}
      </label>
      {save.isError ? <ErrorState error={save.error} /> : null}
      <button type="submit" className="button" disabled={save.isPending}>
        {t('closure.transfer.save')}
      </button>
      {save.isSuccess ? (
        <span role="status" className="muted">
          {' '}
          {t('closure.transfer.saved')}
        </span>
      ) : null}
    </form>
  );
}

/** The member's own answer to her plan's offer: the offer, what a consent hands over, and her choice until the deadline. */
export function TransferConsentCard({ membership_id }: { membership_id: string }) {
  const { t } = useTranslation();
  const consent = useTransferConsent(membership_id);
  // No offer, or not her membership: nothing here (the page's other parts say so).
  if (consent.data === undefined || consent.data === null) return null;
  const { data } = consent;
  return (
    <section className="card" aria-labelledby="transfer-consent">
      <h2 id="transfer-consent">{t('closure.transfer.title', { successor: data.offer.successor_name })}</h2>
      <OfferFacts offer={data.offer} />
      <p data-testid="transfer-consent-state" data-consent={data.consent}>
        <strong>{t(`closure.transfer.state.${data.consent}`)}</strong>
        {data.changed_at === null ? null : (
          <>
            {' '}
            <span className="muted">
              {t('closure.transfer.changedAt')} <Instant value={data.changed_at} />
            </span>
          </>
        )}
      </p>
      {data.consent_open ? (
        <>
          <p className="muted">{t('closure.transfer.open')}</p>
          <ConsentForm consent={data} membership_id={membership_id} />
        </>
      ) : (
        <p>{t('closure.transfer.closed')}</p>
      )}
    </section>
  );
}
