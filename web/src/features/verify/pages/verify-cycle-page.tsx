import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, NetworkError } from '../../../shared/api/client';
import { formatNumber } from '../../../shared/format/dates';
import { useLanguage } from '../../../shared/i18n/i18n';
import { TextField } from '../../../shared/ui/field';
import { ErrorState, QueryState } from '../../../shared/ui/query-state';
import { Page } from '../../../shared/ui/page';
import {
  verifyCycleExportInWorker,
  type CycleVerification,
  type ExportSource,
  type VerifyDone,
  type VerifyFailed,
  type VerifyProgress,
} from '../../../shared/verify/cycle-verification';
import { useOperatorKey, usePublishedCycles } from '../api/verify-queries';

const KEY_HEX = /^[0-9a-fA-F]{64}$/;

type Run =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly source: ExportSource; readonly progress: VerifyProgress | null; readonly expected_lines: number | null }
  | { readonly status: 'done'; readonly source: ExportSource; readonly done: VerifyDone; readonly key_hex: string }
  | { readonly status: 'failed'; readonly source: ExportSource; readonly error: unknown; readonly key_hex: string }
  | { readonly status: 'cancelled' };

function failureError(failed: VerifyFailed): unknown {
  if (failed.status === null) return failed.code === 'NETWORK' ? new NetworkError(failed.message) : new Error(failed.message);
  return new ApiError(failed.status, failed.code, failed.message, failed.details);
}

function useFormatBytes() {
  const language = useLanguage();
  return (bytes: number) => {
    // Decimal units, as Intl names them (1 kB = 1000 bytes).
    const [unit, divisor] = bytes >= 1_000_000 ? (['megabyte', 1_000_000] as const) : (['kilobyte', 1_000] as const);
    return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(bytes / divisor);
  };
}

function SourceName({ source }: { source: ExportSource }) {
  const { t } = useTranslation();
  return source.kind === 'file' ? t('verify.cycle.source.file', { name: (source.file as File).name ?? '' }) : t('verify.cycle.source.server', { cycle: source.cycle_id });
}

function Progress({ run, onCancel }: { run: Extract<Run, { status: 'running' }>; onCancel(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatBytes = useFormatBytes();
  const id = useId();
  const progress = run.progress;
  const bytes_read = progress?.bytes_read ?? 0;
  const bytes_total = progress?.bytes_total ?? (run.source.kind === 'file' ? run.source.file.size : null);
  const lines_read = progress?.lines_read ?? 0;
  let value: number | undefined;
  let max = 1;
  let text: string;
  if (bytes_total !== null && bytes_total > 0) {
    value = Math.min(bytes_read, bytes_total);
    max = bytes_total;
    text = t('verify.cycle.readBytes', { read: formatBytes(bytes_read), total: formatBytes(bytes_total), percent: Math.floor((100 * value) / max) });
  } else if (run.expected_lines !== null && run.expected_lines > 0) {
    value = Math.min(lines_read, run.expected_lines);
    max = run.expected_lines;
    text = t('verify.cycle.readLines', {
      read: formatNumber(lines_read, language),
      total: formatNumber(run.expected_lines, language),
      percent: Math.floor((100 * value) / max),
    });
  } else {
    text = t('verify.cycle.readBytesUnknown', { read: formatBytes(bytes_read) });
  }
  return (
    <section className="card verify-result" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('verify.cycle.reading')}</h2>
      <p className="muted">
        <SourceName source={run.source} />
      </p>
      <progress aria-labelledby={`${id}-label`} value={value} max={max} />
      <p id={`${id}-label`} className="verify-progress-text">
        <span className="sr-only">{t('verify.cycle.progressLabel')}: </span>
        {text}
      </p>
      <button type="button" className="button secondary" onClick={onCancel}>
        {t('verify.cycle.cancel')}
      </button>
    </section>
  );
}

function Report({ run }: { run: Extract<Run, { status: 'done' }> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatBytes = useFormatBytes();
  const { report, bytes_read, lines_read, elapsed_ms } = run.done;
  const seconds = Math.max(elapsed_ms, 1) / 1000;
  const heading = useRef<HTMLHeadingElement>(null);
  // The report appears below the forms: take the reader (and the screen reader) to it.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card verify-result" aria-labelledby="verify-result-heading">
      <h2 id="verify-result-heading" ref={heading} tabIndex={-1}>
        {t('verify.cycle.resultTitle')}
      </h2>
      <p className="muted">
        <SourceName source={run.source} />
      </p>
      <progress aria-label={t('verify.cycle.progressLabel')} value={bytes_read} max={Math.max(bytes_read, 1)} />
      <p className="verify-progress-text">{t('verify.cycle.readBytes', { read: formatBytes(bytes_read), total: formatBytes(bytes_read), percent: 100 })}</p>
      {report.ok ? (
        <div className="alert info" role="status">
          <p className="verify-verdict">{t('verify.cycle.ok')}</p>
          <p>{t('verify.cycle.okText', { cycle: report.cycle_id ?? '?', members: formatNumber(report.member_count, language), key: run.key_hex })}</p>
        </div>
      ) : (
        <div className="alert error" role="alert">
          <p className="verify-verdict">{t('verify.cycle.failed')}</p>
          <p>
            {report.cycle_id === null
              ? t('verify.cycle.failedNoHeader')
              : t('verify.cycle.failedText', { cycle: report.cycle_id, count: report.differences.length })}
          </p>
        </div>
      )}
      {report.merkle_root_hex === null ? null : (
        <dl className="verify-facts">
          <dt>{t('verify.cycle.rootLabel')}</dt>
          <dd>
            <code className="verify-hex">{report.merkle_root_hex}</code>
          </dd>
        </dl>
      )}
      {report.ok ? null : (
        <>
          <h3>{t('verify.cycle.differencesTitle')}</h3>
          <p className="muted">{t('verify.cycle.differencesNote')}</p>
          <ol className="verify-differences" lang="en">
            {report.differences.map((difference, index) => (
              <li key={index}>{difference}</li>
            ))}
          </ol>
        </>
      )}
      <p className="muted" data-testid="verify-speed">
        {t('verify.cycle.speed', {
          lines: formatNumber(lines_read, language),
          bytes: formatBytes(bytes_read),
          seconds: new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(seconds),
          rate: formatNumber(Math.round(lines_read / seconds), language),
        })}
      </p>
    </section>
  );
}

export function VerifyCyclePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const id = useId();
  const operatorKey = useOperatorKey();
  const cycles = usePublishedCycles();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [chosenCycle, setChosenCycle] = useState<string | null>(null);
  const [otherKey, setOtherKey] = useState('');
  const [keyError, setKeyError] = useState<string>();
  const [run, setRun] = useState<Run>({ status: 'idle' });
  const verification = useRef<CycleVerification | null>(null);

  // A verification still running when the page closes stops with it.
  useEffect(() => () => verification.current?.cancel(), []);

  const publishedKey = operatorKey.data?.public_key_hex;
  const cycleList = cycles.data ?? [];
  const askedCycle = params.get('cycle');
  const selectedCycle = chosenCycle ?? (cycleList.some((cycle) => cycle.cycle_id === askedCycle) ? askedCycle : null) ?? cycleList[0]?.cycle_id ?? '';

  /** The key to check against: the one typed in, else the published one; undefined while unknown. */
  function keyToUse(): string | undefined {
    const typed = otherKey.trim();
    if (typed !== '') {
      if (!KEY_HEX.test(typed)) {
        setKeyError(t('verify.cycle.errorKey'));
        return undefined;
      }
      setKeyError(undefined);
      return typed.toLowerCase();
    }
    setKeyError(undefined);
    return publishedKey;
  }

  function start(source: ExportSource, key_hex: string) {
    verification.current?.cancel();
    const expected_lines = source.kind === 'server' ? (cycleList.find((cycle) => cycle.cycle_id === source.cycle_id)?.member_count ?? null) : null;
    setRun({ status: 'running', source, progress: null, expected_lines: expected_lines === null ? null : expected_lines + 1 });
    const started = verifyCycleExportInWorker(source, {
      public_key_hex: key_hex,
      onProgress: (progress) => setRun((current) => (current.status === 'running' ? { ...current, progress } : current)),
    });
    verification.current = started;
    void started.result.then((answer) => {
      if (verification.current !== started) return;
      verification.current = null;
      setRun(answer.type === 'done' ? { status: 'done', source, done: answer, key_hex } : { status: 'failed', source, error: failureError(answer), key_hex });
    });
  }

  function onVerifyFile(event: FormEvent) {
    event.preventDefault();
    const key_hex = keyToUse();
    if (file === null) {
      setFileError(t('verify.cycle.errorNoFile'));
      return;
    }
    setFileError(undefined);
    if (key_hex !== undefined) start({ kind: 'file', file }, key_hex);
  }

  function onVerifyServer(event: FormEvent) {
    event.preventDefault();
    const key_hex = keyToUse();
    if (key_hex !== undefined && selectedCycle !== '') start({ kind: 'server', cycle_id: selectedCycle }, key_hex);
  }

  function onCancel() {
    verification.current?.cancel();
    verification.current = null;
    setRun({ status: 'cancelled' });
  }

  const running = run.status === 'running';
  const keyReady = publishedKey !== undefined || otherKey.trim() !== '';
  return (
    <Page title={t('verify.cycle.title')}>
      <p className="verify-lead">{t('verify.cycle.intro')}</p>
      <section className="card" aria-labelledby={`${id}-key`}>
        <h2 id={`${id}-key`}>{t('verify.cycle.keyTitle')}</h2>
        {operatorKey.isError ? (
          <ErrorState error={operatorKey.error} onRetry={() => void operatorKey.refetch()} />
        ) : (
          <dl className="verify-facts">
            <dt>{t('verify.overview.keyLabel')}</dt>
            <dd>
              <code className="verify-hex" data-testid="operator-key">
                {publishedKey ?? t('verify.key.loading')}
              </code>
            </dd>
          </dl>
        )}
        <details className="verify-other-key">
          <summary>{t('verify.cycle.otherKeyLabel')}</summary>
          <TextField
            label={t('verify.cycle.otherKeyField')}
            hint={t('verify.cycle.otherKeyHint')}
            error={keyError}
            value={otherKey}
            onChange={(event) => setOtherKey(event.target.value)}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="off"
            inputMode="text"
            className="verify-key-input"
          />
        </details>
      </section>
      <div className="grid two verify-forms">
        <form className="card" onSubmit={onVerifyFile} noValidate aria-labelledby={`${id}-file-heading`}>
          <h2 id={`${id}-file-heading`}>{t('verify.cycle.fileTitle')}</h2>
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('verify.cycle.fileLabel')}</label>
            <span className="field-hint" id={`${id}-file-hint`}>
              {t('verify.cycle.fileHint')}
            </span>
            <input
              id={`${id}-file`}
              type="file"
              accept=".jsonl,.json,application/jsonl,application/x-ndjson,text/plain"
              aria-describedby={fileError === undefined ? `${id}-file-hint` : `${id}-file-hint ${id}-file-error`}
              aria-invalid={fileError === undefined ? undefined : true}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setFileError(undefined);
              }}
            />
            {fileError === undefined ? null : (
              <span className="field-error" id={`${id}-file-error`} role="alert">
                {fileError}
              </span>
            )}
          </div>
          <button type="submit" className="button" disabled={running || !keyReady}>
            {t('verify.cycle.verifyFile')}
          </button>
        </form>
        <form className="card" onSubmit={onVerifyServer} aria-labelledby={`${id}-server-heading`}>
          <h2 id={`${id}-server-heading`}>{t('verify.cycle.serverTitle')}</h2>
          <QueryState query={cycles}>
            {(list) =>
              list.length === 0 ? (
                <p>{t('verify.cycle.noCycles')}</p>
              ) : (
                <>
                  <div className="field">
                    <label htmlFor={`${id}-cycle`}>{t('verify.cycle.serverLabel')}</label>
                    <span className="field-hint" id={`${id}-cycle-hint`}>
                      {t('verify.cycle.serverHint')}
                    </span>
                    <select id={`${id}-cycle`} aria-describedby={`${id}-cycle-hint`} value={selectedCycle} onChange={(event) => setChosenCycle(event.target.value)}>
                      {list.map((cycle) => (
                        <option key={cycle.cycle_id} value={cycle.cycle_id}>
                          {t('verify.cycle.cycleOption', { cycle: cycle.cycle_id, members: cycle.member_count ?? 0 })}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button type="submit" className="button" disabled={running || !keyReady}>
                    {t('verify.cycle.verifyServer')}
                  </button>
                </>
              )
            }
          </QueryState>
        </form>
      </div>
      {run.status === 'running' ? <Progress run={run} onCancel={onCancel} /> : null}
      {run.status === 'cancelled' ? (
        <p className="alert warning" role="status">
          {t('verify.cycle.cancelled')}
        </p>
      ) : null}
      {run.status === 'done' ? <Report run={run} /> : null}
      {run.status === 'failed' ? <ErrorState error={run.error} onRetry={() => start(run.source, run.key_hex)} /> : null}
    </Page>
  );
}
