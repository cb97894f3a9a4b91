import { expect } from 'vitest';
import { makeNationalId } from '../../src/core/members/national-id.js';
import { rowCounts } from '../support/table-counts.js';
import type { Store } from '../../src/store/store.js';
import { noToAll, personBornOn } from '../support/test-context.js';
import type { TestApp } from '../support/test-app.js';

/** The body of POST /api/members/enrol for a valid person born on the date. */
export function enrolBody(birth_date: string, sequence: number, overrides: { plan_id?: string; person?: Record<string, unknown>; answers?: Record<string, unknown> } = {}) {
  const plan_id = overrides.plan_id ?? 'critical-illness';
  const answers = overrides.answers ?? (plan_id === 'senior-cancer' ? { 'HQ-CANCER': false, 'HQ-HEART': false, 'HQ-HOSPITAL': false } : { ...noToAll });
  return { plan_id, person: { ...personBornOn(birth_date, sequence), ...overrides.person }, answers };
}

/** A valid ID number whose check character is X (its digits-only form then differs from it). */
export function idNumberEndingInX(birth_date: string, gender: 'female' | 'male'): string {
  const [year, month, day] = birth_date.split('-').map(Number) as [number, number, number];
  for (let sequence = 0; sequence < 1000; sequence += 1) {
    const id = makeNationalId('310104', { year, month, day }, sequence, gender);
    if (id.endsWith('X')) return id;
  }
  throw new Error('no sequence gives an X check character');
}

export async function enrol(t: TestApp, cookie: string, body: unknown) {
  const response = await t.app.inject({ method: 'POST', url: '/api/members/enrol', headers: { cookie }, payload: body as Record<string, unknown> });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { person_id: string; membership_id: string; member_code: string; status: string; waiting_until: string };
}

const countedTables = ['plans', 'plan_versions', 'persons', 'memberships', 'membership_events', 'health_declarations', 'notifications', 'ledger_accounts', 'ledger_transactions'] as const;

/** Row counts of the tables a plan or member route may write, to show a refusal wrote nothing. */
export function tableCounts(store: Store): Promise<Record<string, number>> {
  return rowCounts(store, countedTables);
}

/** The status, the error code (or "ok") and the error body's keys of a response. */
export function outcome(response: { statusCode: number; json(): unknown }): [number, string] {
  const body = response.json() as { error?: { code: string; message: string; details: unknown } };
  if (body.error !== undefined) expect(Object.keys(body.error).sort()).toEqual(['code', 'details', 'message']);
  return [response.statusCode, body.error?.code ?? 'ok'];
}
