import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/schema';

export type ReportReading = paths['/api/reports/supervisor']['get']['responses'][200]['content']['application/json'];
export type SupervisorReport = ReportReading['report'];
export type StoredReport = paths['/api/reports/supervisor/stored']['get']['responses'][200]['content']['application/json']['reports'][number];

/** What the page asks for: a month, or a period of days; and one plan or all ('' for all). */
export type ReportRequest = { readonly kind: 'month'; readonly month: string; readonly plan_id: string } | { readonly kind: 'range'; readonly from: string; readonly to: string; readonly plan_id: string };

export function reportQuery(request: ReportRequest): Record<string, string> {
  const query: Record<string, string> = request.kind === 'month' ? { month: request.month } : { from: request.from, to: request.to };
  if (request.plan_id !== '') query.plan_id = request.plan_id;
  return query;
}

/** The report (as issued for a stored month, else computed now by the server). */
export function useSupervisorReport(request: ReportRequest | null) {
  return useQuery({
    queryKey: ['reports', 'supervisor', request],
    queryFn: () => unwrap(api.GET('/api/reports/supervisor', { params: { query: reportQuery(request!) } })),
    enabled: request !== null,
    retry: false,
  });
}

export function useStoredReports() {
  return useQuery({ queryKey: ['reports', 'stored'], queryFn: () => unwrap(api.GET('/api/reports/supervisor/stored')), staleTime: 60_000 });
}

export function usePlans() {
  return useQuery({ queryKey: ['plans', 'list'], queryFn: () => unwrap(api.GET('/api/plans')), staleTime: 5 * 60_000 });
}

/** The download and print addresses: the same query on the CSV and HTML routes. */
export function reportHref(request: ReportRequest, format: 'csv' | 'html', language?: string): string {
  const query = new URLSearchParams(reportQuery(request));
  if (language !== undefined) query.set('lang', language);
  return `/api/reports/supervisor.${format}?${query.toString()}`;
}
