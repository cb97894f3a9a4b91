import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api/client';

export const householdKey = ['members', 'me'] as const;
export const sharesKey = ['members', 'me', 'shares'] as const;
const membershipKey = (id: string) => ['memberships', id] as const;

async function fetchHousehold() {
  return unwrap(api.GET('/api/members/me'));
}
async function fetchPlan(plan_id: string) {
  return (await unwrap(api.GET('/api/plans/{id}', { params: { path: { id: plan_id } } }))).plan;
}
async function fetchPlans() {
  return unwrap(api.GET('/api/plans'));
}
async function fetchMembership(id: string) {
  return (await unwrap(api.GET('/api/memberships/{id}', { params: { path: { id } } }))).membership;
}
async function fetchShares() {
  return unwrap(api.GET('/api/members/me/shares'));
}

export type Household = Awaited<ReturnType<typeof fetchHousehold>>;
export type HouseholdPerson = Household['persons'][number];
export type HouseholdMembership = HouseholdPerson['memberships'][number];
export type Plan = Awaited<ReturnType<typeof fetchPlan>>;
export type PlanSummary = Awaited<ReturnType<typeof fetchPlans>>['plans'][number];
export type MembershipDetail = Awaited<ReturnType<typeof fetchMembership>>;
export type ShareHistory = Awaited<ReturnType<typeof fetchShares>>;
export type MembershipStatus = HouseholdMembership['status'];
export type MembershipEvent = HouseholdMembership['events'][number];

export function useHousehold() {
  return useQuery({ queryKey: householdKey, queryFn: fetchHousehold });
}

export function usePlan(plan_id: string) {
  return useQuery({ queryKey: ['plans', plan_id], queryFn: () => fetchPlan(plan_id) });
}

export function usePlans() {
  return useQuery({ queryKey: ['plans'], queryFn: fetchPlans });
}

export function useMembership(id: string) {
  return useQuery({ queryKey: membershipKey(id), queryFn: () => fetchMembership(id) });
}

export function useShareHistory() {
  return useQuery({ queryKey: sharesKey, queryFn: fetchShares });
}

export type PersonInput = {
  name: string;
  id_number: string;
  birth_date: string;
  gender: 'female' | 'male';
  province: string;
  phone: string;
  relationship: 'self' | 'spouse' | 'child' | 'parent' | 'other';
};

/** Joins a new person (POST /api/members/enrol) or one already registered (…/persons/{id}/join). */
export function useJoin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { plan_id: string; answers: Record<string, boolean> } & ({ person: PersonInput } | { person_id: string })) => {
      if ('person_id' in input) {
        return unwrap(api.POST('/api/members/persons/{person_id}/join', { params: { path: { person_id: input.person_id } }, body: { plan_id: input.plan_id, answers: input.answers } }));
      }
      return unwrap(api.POST('/api/members/enrol', { body: { plan_id: input.plan_id, person: input.person, answers: input.answers } }));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: householdKey }),
  });
}

export function useWithdraw(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => (await unwrap(api.POST('/api/memberships/{id}/withdraw', { params: { path: { id } }, body: {} }))).membership,
    onSuccess: async (membership) => {
      client.setQueryData(membershipKey(id), membership);
      await client.invalidateQueries({ queryKey: householdKey });
    },
  });
}

/** The first payment right after joining a prepaid plan: one Idempotency-Key per action (the caller keeps it). */
export function useFirstTopUp(membership_id: string) {
  return useMutation({
    mutationFn: async ({ amount_minor, key }: { amount_minor: string; key: string }) =>
      (await unwrap(api.POST('/api/memberships/{id}/top-ups', { params: { path: { id: membership_id }, header: { 'idempotency-key': key } }, body: { amount_minor } }))).payment,
  });
}
