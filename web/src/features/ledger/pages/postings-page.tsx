import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RequireRole } from '../../../shared/auth/require-role';
import { staffAccess } from '../../../shared/auth/staff-access';
import { minorToDecimal, parseMoneyInput } from '../../../shared/format/money';
import { errorMessage } from '../../../shared/i18n/error-message';
import { CsvLink } from '../../../shared/ui/csv-link';
import { TextField } from '../../../shared/ui/field';
import { Instant, Money } from '../../../shared/ui/money';
import { Page } from '../../../shared/ui/page';
import { ErrorState, Loading } from '../../../shared/ui/query-state';
import {
  useAccounts,
  useManualPostings,
  useOpenAccount,
  useProposePosting,
  type LedgerAccount,
  type ManualPosting,
  type NewOperatorAccount,
  type PostingStatus,
} from '../api/ledger-api';
import { useKeyedAction } from '../components/keyed-action';
import { AccountLink, LedgerTabs, LegsSummary, MoreButton, StatusBadge, transactionAmount, useMayAct } from '../components/ledger-parts';
import { PostingDecision } from '../components/posting-decision';
import { PostingFacts } from '../components/posting-summary';

/** The most one leg may move (the ledger's bound, 10^15 fen). */
const maxLegMinor = 10n ** 15n;

/** The operator's own accounts, the only ones a manual posting may name (src/ledger/manual-posting-policy.ts). */
function isOperatorAccount(code: string): boolean {
  return (code.startsWith('operator:') && code.length > 'operator:'.length) || /^operator_equity:[A-Z]{3}$/.test(code);
}

function useOperatorAccounts() {
  // "operator" is the prefix of both operator:… and operator_equity:… (and of operator_advances:…, left out below).
  const query = useAccounts('operator');
  const accounts = (query.data?.pages ?? []).flatMap((page) => page.accounts).filter((account) => isOperatorAccount(account.code));
  return { query, accounts };
}

function SelectAccount({ label, value, onChange, accounts, error }: { label: string; value: string; onChange: (code: string) => void; accounts: LedgerAccount[]; error?: string }) {
  const { t } = useTranslation();
  const id = `ledger-select-${label.replace(/\W+/g, '-')}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} aria-invalid={error === undefined ? undefined : true} aria-describedby={error === undefined ? undefined : `${id}-error`}>
        <option value="">{t('ledger.propose.choose')}</option>
        {accounts.map((account) => (
          <option key={account.code} value={account.code}>
            {account.code} · {account.name}
          </option>
        ))}
      </select>
      {error === undefined ? null : (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function ProposeForm({ accounts }: { accounts: LedgerAccount[] }) {
  const { t } = useTranslation();
  const propose = useProposePosting();
  const action = useKeyedAction((posting: Parameters<typeof propose.mutateAsync>[0]['posting'], idempotency_key: string) => propose.mutateAsync({ posting, idempotency_key }));
  const [debit, setDebit] = useState('');
  const [credit, setCredit] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [proposed, setProposed] = useState<ManualPosting | undefined>(undefined);
  const debitAccount = accounts.find((account) => account.code === debit);
  const currency = debitAccount?.currency ?? 'CNY';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (debit === '') found.debit = t('ledger.propose.accountRequired');
    if (credit === '') found.credit = t('ledger.propose.accountRequired');
    else if (credit === debit) found.credit = t('ledger.propose.sameAccount');
    // Yuan typed by a person become fen exactly, from the digits (never a float).
    const amount_minor = parseMoneyInput(amount, currency);
    if (amount_minor === undefined || amount_minor <= 0n) found.amount = t('ledger.propose.amountInvalid');
    else if (amount_minor > maxLegMinor) found.amount = t('ledger.propose.amountTooLarge', { max: minorToDecimal(maxLegMinor, currency) });
    if (reason.trim() === '') found.reason = t('ledger.propose.reasonRequired');
    setErrors(found);
    if (Object.keys(found).length > 0 || amount_minor === undefined) return;
    const answer = await action.run({ description: reason.trim(), currency, debit_account: debit, credit_account: credit, amount_minor: amount_minor.toString() });
    if (answer !== undefined) {
      setProposed(answer.manual_posting);
      setAmount('');
      setReason('');
    }
  }

  return (
    <form className="ledger-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="ledger-propose">
      <h2 id="ledger-propose">{t('ledger.propose.heading')}</h2>
      <p className="muted">{t('ledger.propose.lead')}</p>
      <div className="grid two">
        <SelectAccount label={t('ledger.propose.debit')} value={debit} onChange={setDebit} accounts={accounts} error={errors.debit} />
        <SelectAccount label={t('ledger.propose.credit')} value={credit} onChange={setCredit} accounts={accounts} error={errors.credit} />
      </div>
      <TextField
        label={t('ledger.propose.amount', { currency })}
        hint={t('ledger.propose.amountHint')}
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        onChange={(event) => setAmount(event.target.value)}
        error={errors.amount}
      />
      <TextField label={t('ledger.propose.reason')} value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} error={errors.reason} />
      <button type="submit" className="button" disabled={action.busy}>
        {action.busy ? t('ledger.propose.sending') : t('ledger.propose.submit')}
      </button>
      {propose.error === null ? null : (
        <p className="alert error" role="alert">
          {errorMessage(t, propose.error)}
        </p>
      )}
      {proposed === undefined || propose.error !== null ? null : (
        <p className="alert info" role="status">
          {t('ledger.propose.sent', { id: proposed.id })} <Link to={`/staff/ledger/postings/${proposed.id}`}>{t('ledger.postings.open', { id: proposed.id })}</Link>
        </p>
      )}
    </form>
  );
}

const accountTypes = ['asset', 'liability', 'income', 'expense', 'equity'] as const;

function OpenAccountForm() {
  const { t } = useTranslation();
  const open = useOpenAccount();
  const action = useKeyedAction((account: NewOperatorAccount, idempotency_key: string) => open.mutateAsync({ account, idempotency_key }));
  const [suffix, setSuffix] = useState('');
  const [name, setName] = useState('');
  const [type, setType] = useState<NewOperatorAccount['type']>('asset');
  const [guarded, setGuarded] = useState(true);
  const [missing, setMissing] = useState(false);
  const [opened, setOpened] = useState<string | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const invalid = suffix.trim() === '' || name.trim() === '';
    setMissing(invalid);
    if (invalid) return;
    const answer = await action.run({ code: `operator:${suffix.trim()}`, name: name.trim(), type, currency: 'CNY', guard: guarded ? 'non_negative' : 'none' });
    if (answer !== undefined) {
      setOpened(answer.account.code);
      setSuffix('');
      setName('');
    }
  }

  return (
    <form className="ledger-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="ledger-open">
      <h2 id="ledger-open">{t('ledger.open.heading')}</h2>
      <p className="muted">{t('ledger.open.lead')}</p>
      <div className="grid two">
        <TextField label={t('ledger.open.code')} hint={t('ledger.open.codeHint')} value={suffix} maxLength={100} onChange={(event) => setSuffix(event.target.value)} error={missing && suffix.trim() === '' ? t('ledger.open.required') : undefined} />
        <TextField label={t('ledger.open.name')} value={name} maxLength={200} onChange={(event) => setName(event.target.value)} error={missing && name.trim() === '' ? t('ledger.open.required') : undefined} />
      </div>
      <div className="grid two">
        <div className="field">
          <label htmlFor="ledger-open-type">{t('ledger.accounts.type')}</label>
          <select id="ledger-open-type" value={type} onChange={(event) => setType(event.target.value as NewOperatorAccount['type'])}>
            {accountTypes.map((value) => (
              <option key={value} value={value}>
                {t(`ledger.types.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="choice">
          <input type="checkbox" checked={guarded} onChange={(event) => setGuarded(event.target.checked)} />
          {t('ledger.open.guard')}
        </label>
      </div>
      <button type="submit" className="button secondary" disabled={action.busy}>
        {t('ledger.open.submit')}
      </button>
      {open.error === null ? null : (
        <p className="alert error" role="alert">
          {errorMessage(t, open.error)}
        </p>
      )}
      {opened === undefined || open.error !== null ? null : (
        <p className="alert info" role="status">
          {t('ledger.open.opened', { code: opened })}
        </p>
      )}
    </form>
  );
}

function OperatorAccounts() {
  const { t } = useTranslation();
  const mayAct = useMayAct();
  const { query, accounts } = useOperatorAccounts();
  return (
    <section className="card" aria-labelledby="ledger-own-accounts">
      <h2 id="ledger-own-accounts">{t('ledger.own.heading')}</h2>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess && accounts.length === 0 ? <p className="muted">{t('ledger.own.none')}</p> : null}
      {accounts.length === 0 ? null : (
        <div className="table-wrap">
          <table className="ledger-table">
            <caption>{t('ledger.own.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ledger.accounts.code')}</th>
                <th scope="col">{t('ledger.accounts.name')}</th>
                <th scope="col">{t('ledger.accounts.type')}</th>
                <th scope="col" className="number">
                  {t('ledger.accounts.balance')}
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr key={account.code}>
                  <td>
                    <AccountLink code={account.code} />
                  </td>
                  <td>{account.name}</td>
                  <td>{t(`ledger.types.${account.type}`)}</td>
                  <td className="number" data-account={account.code}>
                    <Money minor={account.balance_minor} currency={account.currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayAct && query.isSuccess ? (
        <>
          {accounts.length >= 2 ? <ProposeForm accounts={accounts} /> : <p className="muted">{t('ledger.propose.needTwo')}</p>}
          <OpenAccountForm />
        </>
      ) : null}
    </section>
  );
}

function PendingPostings() {
  const { t } = useTranslation();
  const query = useManualPostings('pending');
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const pending = query.data.pages.flatMap((page) => page.manual_postings);
  return (
    <section aria-labelledby="ledger-pending">
      <h2 id="ledger-pending">{t('ledger.postings.pendingHeading', { count: pending.length })}</h2>
      {pending.length === 0 ? <p className="muted">{t('ledger.postings.nonePending')}</p> : null}
      <ul className="ledger-pending">
        {pending.map((posting) => (
          <li key={posting.id} className="card" data-posting={posting.id}>
            <h3>
              <Link to={`/staff/ledger/postings/${posting.id}`}>{t('ledger.postings.open', { id: posting.id })}</Link>
            </h3>
            <PostingFacts posting={posting} />
            <PostingDecision posting={posting} />
          </li>
        ))}
      </ul>
      <MoreButton query={query} />
    </section>
  );
}

const statuses: ReadonlyArray<PostingStatus | 'all'> = ['all', 'pending', 'approved', 'rejected'];

function PostingsTable() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('status');
  const status = statuses.includes(chosen as PostingStatus) && chosen !== 'all' ? (chosen as PostingStatus) : undefined;
  const query = useManualPostings(status);
  const postings = (query.data?.pages ?? []).flatMap((page) => page.manual_postings);
  return (
    <section aria-labelledby="ledger-all-postings">
      <div className="spread">
        <h2 id="ledger-all-postings">{t('ledger.postings.allHeading')}</h2>
        <CsvLink table="manual_postings" />
      </div>
      <div className="field ledger-status-filter">
        <label htmlFor="ledger-status">{t('ledger.postings.statusFilter')}</label>
        <select id="ledger-status" value={status ?? 'all'} onChange={(event) => setParams(event.target.value === 'all' ? {} : { status: event.target.value }, { replace: true })}>
          {statuses.map((value) => (
            <option key={value} value={value}>
              {value === 'all' ? t('ledger.postings.allStatuses') : t(`ledger.status.${value}`)}
            </option>
          ))}
        </select>
      </div>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess && postings.length === 0 ? <p className="muted">{t('ledger.postings.none')}</p> : null}
      {postings.length === 0 ? null : (
        <div className="table-wrap">
          <table className="ledger-table">
            <caption>{t('ledger.postings.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ledger.postings.id')}</th>
                <th scope="col">{t('ledger.postings.status')}</th>
                <th scope="col">{t('ledger.postings.reason')}</th>
                <th scope="col">{t('ledger.transactions.legs')}</th>
                <th scope="col" className="number">
                  {t('ledger.postings.amount')}
                </th>
                <th scope="col">{t('ledger.postings.askedBy')}</th>
                <th scope="col">{t('ledger.postings.decidedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {postings.map((posting) => (
                <tr key={posting.id}>
                  <td>
                    <Link to={`/staff/ledger/postings/${posting.id}`}>#{posting.id}</Link>
                  </td>
                  <td>
                    <StatusBadge status={posting.status} />
                  </td>
                  <td>{posting.request.description}</td>
                  <td>
                    <LegsSummary legs={posting.request.legs} />
                  </td>
                  <td className="number">
                    <Money minor={transactionAmount(posting.request)} currency={posting.request.currency} />
                  </td>
                  <td>
                    {posting.requested_by.username}
                    <br />
                    <Instant value={posting.requested_at} />
                  </td>
                  <td>
                    {posting.decided_by === null ? (
                      '—'
                    ) : (
                      <>
                        {posting.decided_by.username}
                        {posting.decided_at === null ? null : (
                          <>
                            <br />
                            <Instant value={posting.decided_at} />
                          </>
                        )}
                        {posting.decision_reason === null ? null : <span className="ledger-reason">{posting.decision_reason}</span>}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <MoreButton query={query} />
    </section>
  );
}

function PostingsContent() {
  const { t } = useTranslation();
  return (
    <Page title={t('ledger.postings.title')}>
      <LedgerTabs />
      <p className="muted">{t('ledger.postings.lead')}</p>
      <PendingPostings />
      <OperatorAccounts />
      <PostingsTable />
    </Page>
  );
}

export function PostingsPage() {
  return (
    <RequireRole roles={staffAccess.ledger}>
      <PostingsContent />
    </RequireRole>
  );
}
