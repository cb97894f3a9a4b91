import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/schema';

export type CycleJob = Awaited<ReturnType<typeof fetchJob>>;
export type StaffCycle = Awaited<ReturnType<typeof fetchCycles>>['cycles'][number];
export type StaffCycleReport = Awaited<ReturnType<typeof fetchCycle>>;
export type JobListEntry = Awaited<ReturnType<typeof fetchJobs>>['jobs'][number];
export type Payout = Awaited<ReturnType<typeof fetchPayouts>>['payouts'][number];
export type PayoutStatus = NonNullable<NonNullable<paths['/api/payouts']['get']['parameters']['query']>['status']>;
export type AdvanceStatement = Awaited<ReturnType<typeof fetchAdvances>>;

/** How long one long-poll of a job may wait on the server before it answers with the job as it stands. */
const jobWaitSeconds = 25;
const cyclePageSize = 25;
const payoutPageSize = 50;
export const recentJobCount = 10;

const keys = {
  plans: ['staff-cycles', 'plans'] as const,
  cycles: (plan_id: string) => ['staff-cycles', 'cycles', plan_id] as const,
  cycle: (cycle_id: string) => ['staff-cycles', 'cycle', cycle_id] as const,
  jobs: (plan_id: string) => ['staff-cycles', 'jobs', plan_id] as const,
  job: (job_id: string) => ['staff-cycles', 'job', job_id] as const,
  payouts: (plan_id: string, status: string) => ['staff-cycles', 'payouts', plan_id, status] as const,
  advances: (plan_id: string) => ['staff-cycles', 'advances', plan_id] as const,
};

const fetchCycles = (plan_id: string, before: string | undefined) =>
  unwrap(api.GET('/api/cycles', { params: { query: { limit: cyclePageSize, ...(plan_id === '' ? {} : { plan_id }), ...(before === undefined ? {} : { before }) } } }));
const fetchCycle = (cycle_id: string) => unwrap(api.GET('/api/cycles/{cycle_id}', { params: { path: { cycle_id } } }));
const fetchJobs = (plan_id: string) =>
  unwrap(api.GET('/api/cycle-jobs', { params: { query: { limit: recentJobCount, ...(plan_id === '' ? {} : { plan_id }) } } }));
const fetchJob = (job_id: string, wait?: { seen: string; signal: AbortSignal }) =>
  unwrap(
    api.GET('/api/cycle-jobs/{job_id}', {
      params: { path: { job_id }, query: wait === undefined ? {} : { wait_seconds: jobWaitSeconds, seen: wait.seen } },
      ...(wait === undefined ? {} : { signal: wait.signal }),
    }),
  );
const fetchPayouts = (plan_id: string, status: string, before_id: string | undefined) =>
  unwrap(
    api.GET('/api/payouts', {
      params: {
        query: {
          limit: payoutPageSize,
          ...(plan_id === '' ? {} : { plan_id }),
          ...(status === '' ? {} : { status: status as PayoutStatus }),
          ...(before_id === undefined ? {} : { before_id }),
        },
      },
    }),
  );
const fetchAdvances = (plan_id: string) => unwrap(api.GET('/api/plans/{plan_id}/advances', { params: { path: { plan_id } } }));

export function usePlans() {
  return useQuery({ queryKey: keys.plans, queryFn: () => unwrap(api.GET('/api/plans')), staleTime: 60_000 });
}

/** The cycles of one plan (or every plan for ''), newest first, a page at a time. */
export function useStaffCycles(plan_id: string) {
  return useInfiniteQuery({
    queryKey: keys.cycles(plan_id),
    queryFn: ({ pageParam }) => fetchCycles(plan_id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_before ?? undefined,
  });
}

export function useStaffCycle(cycle_id: string) {
  return useQuery({ queryKey: keys.cycle(cycle_id), queryFn: () => fetchCycle(cycle_id) });
}

export function useRecentJobs(plan_id: string) {
  return useQuery({ queryKey: keys.jobs(plan_id), queryFn: () => fetchJobs(plan_id) });
}

/**
 * A job, followed while it runs: each request is a long-poll that the server answers as soon as the
 * job moved from the state we saw (`seen`), or when its wait ends; then the next one goes out. No
 * client timer: the server's answer is the only clock. A reload starts following again.
 */
export function useFollowedJob(job_id: string) {
  const client = useQueryClient();
  const query = useQuery({ queryKey: keys.job(job_id), queryFn: () => fetchJob(job_id) });
  const [round, setRound] = useState(0);
  const [followError, setFollowError] = useState<unknown>(null);
  const job = query.data;
  const running = job?.status === 'running';
  const seen = job?.progress_token;
  useEffect(() => {
    if (!running || seen === undefined || followError !== null) return;
    const controller = new AbortController();
    fetchJob(job_id, { seen, signal: controller.signal }).then(
      (next) => {
        client.setQueryData(keys.job(job_id), next);
        if (next.status !== 'running') void client.invalidateQueries({ queryKey: ['staff-cycles'], predicate: (entry) => entry.queryKey[1] !== 'job' });
        setRound((value) => value + 1);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setFollowError(error);
      },
    );
    return () => controller.abort();
  }, [client, job_id, running, seen, round, followError]);
  return { query, followError, resume: () => setFollowError(null) };
}

export function useStartRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { plan_id: string; at?: string }) =>
      unwrap(api.POST('/api/plans/{plan_id}/cycles/run', { params: { path: { plan_id: input.plan_id } }, body: input.at === undefined ? {} : { at: input.at } })),
    onSuccess: (answer) => {
      client.setQueryData(keys.job(answer.job.job_id), answer.job);
      return client.invalidateQueries({ queryKey: ['staff-cycles', 'jobs'] });
    },
  });
}

export function usePayouts(plan_id: string, status: string) {
  return useInfiniteQuery({
    queryKey: keys.payouts(plan_id, status),
    queryFn: ({ pageParam }) => fetchPayouts(plan_id, status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.payouts.length < payoutPageSize ? undefined : last.payouts[last.payouts.length - 1]!.id),
  });
}

/** Requeue a payout, with one Idempotency-Key per confirmed request (the caller keeps it for a retry). */
export function useRequeuePayout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { payout_id: string; key: string }) =>
      unwrap(api.POST('/api/payouts/{id}/retry', { params: { path: { id: input.payout_id }, header: { 'idempotency-key': input.key } } })),
    onSettled: () => client.invalidateQueries({ queryKey: ['staff-cycles', 'payouts'] }),
  });
}

export function useAdvances(plan_id: string) {
  return useQuery({ queryKey: keys.advances(plan_id), enabled: plan_id !== '', queryFn: () => fetchAdvances(plan_id) });
}

export function useRecordAdvance(plan_id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { amount_minor: string; key: string }) =>
      unwrap(
        api.POST('/api/plans/{plan_id}/advances', {
          params: { path: { plan_id }, header: { 'idempotency-key': input.key } },
          body: { amount_minor: input.amount_minor },
        }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: keys.advances(plan_id) }),
  });
}
