import { useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { useSession } from '../../../shared/auth/session';
import { staffAccess } from '../../../shared/auth/staff-access';
import { useLanguage } from '../../../shared/i18n/i18n';
import { Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import { filterNames, useInvestigators, usePlans, useQueue, useQueueCounts, type Plan, type QueueFilters } from '../api';
import { StateBadge, queueStates } from '../components/state-badge';

function SelectFilter({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: React.ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
}

function NumberFilter({ label, value, onChange, max }: { label: string; value: string; onChange: (value: string) => void; max: number }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" inputMode="numeric" min={0} max={max} value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

function illnessName(plans: readonly Plan[] | undefined, code: string, language: string): string {
  for (const plan of plans ?? []) {
    const illness = plan.illnesses.find((entry) => entry.code === code);
    if (illness !== undefined) return language === 'en' ? illness.name_en : illness.name_zh;
  }
  return code;
}

function Queue() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? ''])) as unknown as QueueFilters;
  const after = params.get('after') ?? undefined;
  const isReviewer = session.data?.roles.some((role) => role === 'reviewer' || role === 'admin') ?? false;
  const plans = usePlans();
  const investigators = useInvestigators(isReviewer);
  const queue = useQueue(filters, after);
  const counts = useQueueCounts(filters);

  /** Any change of filter starts from the first page again. */
  const set = (changes: Partial<Record<keyof QueueFilters, string>>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === '') next.delete(name);
      else next.set(name, value);
    }
    next.delete('after');
    setParams(next, { replace: true });
  };
  const linkFor = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === '') next.delete(name);
      else next.set(name, value);
    }
    return `?${next.toString()}`;
  };

  const planList = plans.data?.plans ?? [];
  const selectedPlan = planList.find((plan) => plan.id === filters.plan_id);
  const bands = selectedPlan?.current_version?.rules.aid_bands ?? [];
  const bandValue = filters.age_from === '' && filters.age_to === '' ? '' : `${filters.age_from}-${filters.age_to}`;
  const illnesses = selectedPlan?.illnesses ?? planList.flatMap((plan) => plan.illnesses).filter((entry, index, all) => all.findIndex((other) => other.code === entry.code) === index);
  const total = counts.data?.total;

  return (
    <>
      <section className="card" aria-labelledby="staff-claims-filters">
        <h2 id="staff-claims-filters">{t('staffClaims.queue.filters')}</h2>
        <form className="staff-claims-filters" onSubmit={(event) => event.preventDefault()}>
          <SelectFilter label={t('staffClaims.queue.state')} value={filters.state} onChange={(state) => set({ state })}>
            <option value="">{t('staffClaims.queue.any')}</option>
            {queueStates.map((state) => (
              <option key={state} value={state}>
                {t(`staffClaims.state.${state}`)}
              </option>
            ))}
          </SelectFilter>
          <SelectFilter label={t('staffClaims.queue.plan')} value={filters.plan_id} onChange={(plan_id) => set({ plan_id, illness_code: '', age_from: '', age_to: '' })}>
            <option value="">{t('staffClaims.queue.any')}</option>
            {planList.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {language === 'en' ? plan.name_en : plan.name_zh}
              </option>
            ))}
          </SelectFilter>
          <SelectFilter label={t('staffClaims.queue.illness')} value={filters.illness_code} onChange={(illness_code) => set({ illness_code })}>
            <option value="">{t('staffClaims.queue.any')}</option>
            {illnesses.map((illness) => (
              <option key={illness.code} value={illness.code}>
                {illness.code} {language === 'en' ? illness.name_en : illness.name_zh}
              </option>
            ))}
          </SelectFilter>
          {bands.length === 0 ? null : (
            <SelectFilter
              label={t('staffClaims.queue.ageBand')}
              value={bands.some((band, index) => `${index === 0 ? 0 : bands[index - 1]!.max_age_years + 1}-${band.max_age_years}` === bandValue) ? bandValue : ''}
              onChange={(value) => {
                const [from = '', to = ''] = value === '' ? [] : value.split('-');
                set({ age_from: from, age_to: to });
              }}
            >
              <option value="">{t('staffClaims.queue.any')}</option>
              {bands.map((band, index) => {
                const from = index === 0 ? 0 : bands[index - 1]!.max_age_years + 1;
                return (
                  <option key={band.max_age_years} value={`${from}-${band.max_age_years}`}>
                    {t('staffClaims.queue.band', { from, to: band.max_age_years })}
                  </option>
                );
              })}
            </SelectFilter>
          )}
          <NumberFilter label={t('staffClaims.queue.ageFrom')} value={filters.age_from} max={130} onChange={(age_from) => set({ age_from })} />
          <NumberFilter label={t('staffClaims.queue.ageTo')} value={filters.age_to} max={130} onChange={(age_to) => set({ age_to })} />
          <NumberFilter label={t('staffClaims.queue.minDays')} value={filters.min_days_waiting} max={3650} onChange={(min_days_waiting) => set({ min_days_waiting })} />
          {isReviewer ? (
            <SelectFilter label={t('staffClaims.queue.assignee')} value={filters.assigned_to} onChange={(assigned_to) => set({ assigned_to })}>
              <option value="">{t('staffClaims.queue.any')}</option>
              <option value="unassigned">{t('staffClaims.queue.unassigned')}</option>
              {(investigators.data?.investigators ?? []).map((entry) => (
                <option key={entry.user_id} value={entry.user_id}>
                  {entry.display_name}
                </option>
              ))}
            </SelectFilter>
          ) : null}
        </form>
        {filterNames.some((name) => filters[name] !== '') ? (
          <Link className="button secondary" to="?">
            {t('staffClaims.queue.clear')}
          </Link>
        ) : null}
      </section>

      <nav className="staff-claims-counts" aria-label={t('staffClaims.queue.counts')}>
        <ul>
          <li>
            <Link to={linkFor({ state: '', after: '' })} aria-current={filters.state === '' ? 'page' : undefined}>
              {t('staffClaims.queue.all')} <span className="staff-claims-count">{total ?? '…'}</span>
            </Link>
          </li>
          {queueStates.map((state) => {
            const n = counts.data?.counts[state] ?? 0;
            return (
              <li key={state}>
                <Link to={linkFor({ state, after: '' })} aria-current={filters.state === state ? 'page' : undefined}>
                  {t(`staffClaims.state.${state}`)} <span className="staff-claims-count">{counts.data === undefined ? '…' : n}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.claims.length === 0 ? (
        <p className="muted staff-claims-empty">{t('staffClaims.queue.empty')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="staff-claims-table" aria-label={t('staffClaims.queue.tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('staffClaims.queue.case')}</th>
                  <th scope="col">{t('staffClaims.queue.member')}</th>
                  <th scope="col">{t('staffClaims.queue.illness')}</th>
                  <th scope="col">{t('staffClaims.queue.age')}</th>
                  <th scope="col">{t('staffClaims.queue.aid')}</th>
                  <th scope="col">{t('staffClaims.queue.state')}</th>
                  <th scope="col">{t('staffClaims.queue.days')}</th>
                  <th scope="col">{t('staffClaims.queue.assignee')}</th>
                  <th scope="col">{t('staffClaims.queue.objections')}</th>
                </tr>
              </thead>
              <tbody>
                {queue.data.claims.map((claim) => (
                  <tr key={claim.claim_id}>
                    <td>
                      <Link to={`/staff/claims/${claim.claim_id}`}>{claim.case_number}</Link>
                    </td>
                    <td>
                      <span className="staff-claims-code">{claim.member_code}</span>
                      <br />
                      {claim.name_masked}
                    </td>
                    <td>{illnessName(plans.data?.plans, claim.illness_code, language)}</td>
                    <td>{claim.age_at_diagnosis_years}</td>
                    <td>
                      <Money minor={claim.aid_minor} />
                    </td>
                    <td>
                      <StateBadge state={claim.state} />
                    </td>
                    <td>{t('staffClaims.queue.daysValue', { count: claim.days_waiting })}</td>
                    <td>{claim.assigned_to_name ?? <span className="muted">{t('staffClaims.queue.nobody')}</span>}</td>
                    <td>{claim.open_objections}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="row staff-claims-pager">
            {after === undefined ? null : (
              <Link className="button secondary" to={linkFor({ after: '' })}>
                {t('staffClaims.queue.firstPage')}
              </Link>
            )}
            {queue.data.next_after === null ? null : (
              <Link className="button secondary" to={linkFor({ after: queue.data.next_after })}>
                {t('staffClaims.queue.nextPage')}
              </Link>
            )}
          </div>
        </>
      )}
    </>
  );
}

export function QueuePage() {
  const { t } = useTranslation();
  return (
    <RequireRole roles={staffAccess.claims}>
      <Page title={t('staffClaims.queue.title')}>
        <p className="muted">{t('staffClaims.queue.intro')}</p>
        <Queue />
      </Page>
    </RequireRole>
  );
}
