import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/schema';

/** How often a queued or running run is asked for again: its progress moves every few paths. */
export const runPollMilliseconds = 1_000;
/** The runs the simulator page lists (the API's bound is larger). */
export const listedRunCount = 20;

export type SimulationRequestBody = paths['/api/sustainability/simulations']['post']['requestBody']['content']['application/json'];
export type SimulationOverrides = NonNullable<SimulationRequestBody['overrides']>;

const keys = {
  scenarios: ['sustainability', 'scenarios'] as const,
  runs: ['sustainability', 'runs'] as const,
  run: (id: string) => ['sustainability', 'run', id] as const,
  forecast: (plan_id: string) => ['sustainability', 'forecast', plan_id] as const,
};

const fetchScenarios = () => unwrap(api.GET('/api/sustainability/scenarios'));
const fetchRuns = () => unwrap(api.GET('/api/sustainability/simulations', { params: { query: { limit: listedRunCount } } }));
const fetchRun = (id: string) => unwrap(api.GET('/api/sustainability/simulations/{id}', { params: { path: { id } } }));
const fetchForecast = (plan_id: string) => unwrap(api.GET('/api/public/plans/{plan_id}/forecast', { params: { path: { plan_id } } }));

export type Scenarios = Awaited<ReturnType<typeof fetchScenarios>>;
export type Scenario = Scenarios['scenarios'][number];
export type RunListEntry = Awaited<ReturnType<typeof fetchRuns>>['runs'][number];
export type Run = Awaited<ReturnType<typeof fetchRun>>;
export type RunSummary = NonNullable<Run['summary']>;
export type RunPeriod = RunSummary['periods'][number];
export type RunYear = RunSummary['years'][number];
export type Forecast = Awaited<ReturnType<typeof fetchForecast>>;

/** A run still moves while it is queued or running; done and failed are final. */
export function isMoving(status: Run['status']): boolean {
  return status === 'queued' || status === 'running';
}

export function useScenarios() {
  return useQuery({ queryKey: keys.scenarios, queryFn: fetchScenarios, staleTime: 300_000 });
}

export function useRuns() {
  return useQuery({
    queryKey: keys.runs,
    queryFn: fetchRuns,
    placeholderData: keepPreviousData,
    // The list shows each run's progress too: asked again while any run moves.
    refetchInterval: (query) => (query.state.data?.runs.some((run) => isMoving(run.status)) === true ? runPollMilliseconds : false),
  });
}

/** One run, polled while it moves; once done it is final and never asked for again. */
export function useRun(id: string) {
  const client = useQueryClient();
  return useQuery({
    queryKey: keys.run(id),
    queryFn: async () => {
      const run = await fetchRun(id);
      if (!isMoving(run.status)) void client.invalidateQueries({ queryKey: keys.runs });
      return run;
    },
    refetchInterval: (query) => (query.state.data !== undefined && isMoving(query.state.data.status) ? runPollMilliseconds : false),
    staleTime: (query) => (query.state.data !== undefined && !isMoving(query.state.data.status) ? Infinity : 0),
  });
}

/** Two runs for the comparison; finished runs do not change, so each is fetched once. */
export function useRunPair(first: string, second: string) {
  return useQueries({
    queries: [first, second].map((id) => ({ queryKey: keys.run(id), queryFn: () => fetchRun(id), staleTime: Infinity })),
  });
}

export function useStartRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: SimulationRequestBody; key: string }) =>
      unwrap(api.POST('/api/sustainability/simulations', { body, params: { header: { 'idempotency-key': key } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.runs }),
  });
}

export function useForecast(plan_id: string) {
  return useQuery({ queryKey: keys.forecast(plan_id), queryFn: () => fetchForecast(plan_id) });
}
