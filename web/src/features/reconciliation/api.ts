import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/schema';
import { uploadForm } from '../../shared/api/upload';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type BankLayout = Json<'/api/reconciliation/layouts', 'get'>['layouts'][number];
export type Statement = Json<'/api/reconciliation/statements', 'get'>['statements'][number];
export type StatementLine = Json<'/api/reconciliation/statements/{statement_id}/lines', 'get'>['lines'][number];
export type ReconciliationBreak = Json<'/api/reconciliation/breaks', 'get'>['breaks'][number];
export type ReconciliationDay = Json<'/api/reconciliation/days', 'get'>['days'][number];
export type BreakKind = ReconciliationBreak['kind'];
export type BreakStatus = ReconciliationBreak['status'];
export type Resolution = NonNullable<ReconciliationBreak['resolution']>;

export interface ImportOutcome {
  readonly statement_id: string;
  readonly already_imported: boolean;
  readonly new_lines: number;
  readonly known_lines: number;
  readonly matched: number;
  readonly breaks: number;
}

export interface DayRange {
  readonly from: string;
  readonly to: string;
}

export interface BreakFilter {
  readonly kind: BreakKind | '';
  readonly status: BreakStatus | '';
}

const keys = {
  all: ['reconciliation'] as const,
  layouts: ['reconciliation', 'layouts'] as const,
  statements: ['reconciliation', 'statements'] as const,
  lines: (id: string) => ['reconciliation', 'lines', id] as const,
  breaks: (filter: BreakFilter) => ['reconciliation', 'breaks', filter] as const,
  days: (range: DayRange) => ['reconciliation', 'days', range] as const,
  settings: ['reconciliation', 'settings'] as const,
};

export function useLayouts() {
  return useQuery({ queryKey: keys.layouts, queryFn: () => unwrap(api.GET('/api/reconciliation/layouts')), staleTime: 10 * 60_000 });
}

export function useStatements() {
  return useQuery({ queryKey: keys.statements, queryFn: () => unwrap(api.GET('/api/reconciliation/statements')) });
}

export function useStatementLines(id: string) {
  return useQuery({ queryKey: keys.lines(id), queryFn: () => unwrap(api.GET('/api/reconciliation/statements/{statement_id}/lines', { params: { path: { statement_id: id } } })) });
}

export function useBreaks(filter: BreakFilter) {
  return useQuery({
    queryKey: keys.breaks(filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/reconciliation/breaks', {
          params: { query: { ...(filter.kind === '' ? {} : { kind: filter.kind }), ...(filter.status === '' ? {} : { status: filter.status }) } },
        }),
      ),
  });
}

export function useDays(range: DayRange | null) {
  return useQuery({
    queryKey: keys.days(range ?? { from: '', to: '' }),
    enabled: range !== null,
    queryFn: () => unwrap(api.GET('/api/reconciliation/days', { params: { query: range! } })),
  });
}

/** Every figure of the page depends on the others: an import, a resolution or a run refreshes them all. */
function useRefreshAll() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.all });
}

export function useImportStatement() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({ form, idempotency_key }: { form: FormData; idempotency_key: string }) =>
      uploadForm<ImportOutcome>('/api/reconciliation/statements', form, { headers: { 'idempotency-key': idempotency_key } }),
    onSuccess: refresh,
  });
}

export function useRunReconciliation() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({ range, idempotency_key }: { range: DayRange; idempotency_key: string }) =>
      unwrap(api.POST('/api/reconciliation/run', { params: { header: { 'idempotency-key': idempotency_key } }, body: { ...range, currency: 'CNY' } })),
    onSuccess: refresh,
  });
}

export interface ResolveInput {
  readonly id: string;
  readonly resolution: Resolution;
  readonly note: string;
  readonly reference_id: string;
}

export function useResolveBreak() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({ input, idempotency_key }: { input: ResolveInput; idempotency_key: string }) => {
      const link = input.reference_id.trim();
      const body = {
        resolution: input.resolution,
        note: input.note,
        ...(link === '' ? {} : input.resolution === 'corrected' ? { manual_posting_id: link } : { ledger_transaction_id: link }),
      };
      return unwrap(api.POST('/api/reconciliation/breaks/{break_id}/resolve', { params: { path: { break_id: input.id }, header: { 'idempotency-key': idempotency_key } }, body }));
    },
    onSuccess: refresh,
  });
}

export function useReconciliationSettings() {
  return useQuery({ queryKey: keys.settings, queryFn: () => unwrap(api.GET('/api/reconciliation/settings')) });
}

/** An admin's change of the alert age; the breaks' marks follow it. */
export function useSaveReconciliationSettings() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (break_alert_days: number) => unwrap(api.PUT('/api/reconciliation/settings', { body: { break_alert_days } })),
    onSuccess: refresh,
  });
}
