import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api/client';

const moneyKey = (id: string) => ['memberships', id, 'money'] as const;
const billsKey = (id: string) => ['memberships', id, 'bills'] as const;

async function fetchMembership(id: string) {
  return (await unwrap(api.GET('/api/memberships/{id}', { params: { path: { id } } }))).membership;
}
async function fetchMoney(id: string) {
  return unwrap(api.GET('/api/memberships/{id}/money', { params: { path: { id } } }));
}
async function fetchBills(id: string) {
  return (await unwrap(api.GET('/api/memberships/{id}/bills', { params: { path: { id } } }))).bills;
}
async function fetchPlan(plan_id: string) {
  return (await unwrap(api.GET('/api/plans/{id}', { params: { path: { id: plan_id } } }))).plan;
}
async function fetchShares() {
  return unwrap(api.GET('/api/members/me/shares'));
}

export type Membership = Awaited<ReturnType<typeof fetchMembership>>;
export type MoneyStatement = Awaited<ReturnType<typeof fetchMoney>>;
export type Bill = Awaited<ReturnType<typeof fetchBills>>[number];
export type Plan = Awaited<ReturnType<typeof fetchPlan>>;

/** While a payment is with the provider, ask again every few seconds so its outcome shows by itself. */
const pendingRefreshMs = 2_000;

export function useMembership(id: string) {
  return useQuery({ queryKey: ['memberships', id], queryFn: () => fetchMembership(id) });
}

export function useMoney(id: string) {
  return useQuery({
    queryKey: moneyKey(id),
    queryFn: () => fetchMoney(id),
    refetchInterval: (query) => (query.state.data?.payments.some((payment) => payment.status === 'pending') ? pendingRefreshMs : false),
  });
}

export function useBills(id: string) {
  return useQuery({
    queryKey: billsKey(id),
    queryFn: () => fetchBills(id),
    refetchInterval: (query) => (query.state.data?.some((bill) => bill.in_flight) ? pendingRefreshMs : false),
  });
}

export function usePlan(plan_id: string | undefined) {
  return useQuery({ queryKey: ['plans', plan_id], queryFn: () => fetchPlan(plan_id!), enabled: plan_id !== undefined });
}

export function useShareHistory() {
  return useQuery({ queryKey: ['members', 'me', 'shares'], queryFn: fetchShares });
}

type Keyed = { amount_minor: string; key: string };

export function useTopUp(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ amount_minor, key }: Keyed) =>
      (await unwrap(api.POST('/api/memberships/{id}/top-ups', { params: { path: { id }, header: { 'idempotency-key': key } }, body: { amount_minor } }))).payment,
    onSuccess: () => client.invalidateQueries({ queryKey: moneyKey(id) }),
  });
}

export function useRefund(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ amount_minor, key }: Keyed) =>
      (await unwrap(api.POST('/api/memberships/{id}/wallet-refunds', { params: { path: { id }, header: { 'idempotency-key': key } }, body: { amount_minor } }))).payment,
    onSuccess: () => client.invalidateQueries({ queryKey: moneyKey(id) }),
  });
}

export function useRetryCollection(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ charge_id, key }: { charge_id: string; key: string }) =>
      (await unwrap(api.POST('/api/memberships/{id}/charges/{charge_id}/collect', { params: { path: { id, charge_id }, header: { 'idempotency-key': key } } }))).payment,
    onSettled: () => client.invalidateQueries({ queryKey: billsKey(id) }),
  });
}
