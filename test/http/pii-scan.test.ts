import { runCycle } from '../../src/services/cycles/index.js';
import { exportTables } from '../../src/services/exports/export-registry.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { criticalIllnessPlan } from '../../src/core/plans/sample-plans.js';
import { approveForNotice, publishNotice, startReview, submitClaim } from '../../src/services/claims/index.js';
import { fileComplaint } from '../../src/services/complaints/complaint-actions.js';
import { activateDueMemberships } from '../../src/services/members.js';
import { describeEachBackend } from '../support/test-stores.js';
import { SimulationJobs } from '../../src/services/sustainability/simulation-jobs.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';
import { enrol, enrolBody, idNumberEndingInX } from './member-fixtures.js';

/**
 * Acceptance (issue 3): no API response to a non-admin role contains a full ID number or phone.
 * People with known personal data are enrolled through the API; then every GET path of the
 * OpenAPI document is called as every non-admin role (and anonymously), with path parameters
 * filled with real ids, and each body is scanned for the full forms. Only the admin persons
 * endpoint returns them, to an admin.
 */
interface KnownPerson {
  readonly owner: string;
  readonly body: ReturnType<typeof enrolBody>;
  /** The phone as typed, which the server normalizes. */
  readonly typedPhone: string;
}

const nonAdminRoles = ['member', 'reviewer', 'investigator', 'juror', 'operator', 'auditor'] as const;

describeEachBackend('HTTP personal data scan', (dialect) => {
  let t: TestApp;
  let simulations: SimulationJobs;
  const cookies = new Map<string, string>();
  const people: Array<KnownPerson & { person_id: string; membership_id: string; member_code: string }> = [];
  /** Bodies of every response a non-admin got while setting up, scanned as well. */
  const setupBodies: Array<{ who: string; what: string; body: string }> = [];

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true, simulationJobs: (context) => (simulations = new SimulationJobs(context, { threads: 1 })) });
    cookies.set('operator', await t.login('olivia', 'operator-password'));
    cookies.set('auditor', await t.login('audrey', 'auditor-password'));
    cookies.set('member', await t.login('mei', 'member-password'));
    cookies.set('reviewer', await t.userWithRoles('ruth', ['reviewer']));
    cookies.set('investigator', await t.userWithRoles('ivan', ['investigator']));
    cookies.set('juror', await t.userWithRoles('jade', ['juror', 'member']));
    cookies.set('second member', await t.userWithRoles('ming', ['member']));

    const known: KnownPerson[] = [
      { owner: 'member', typedPhone: '+86 139-1111-2222', body: enrolBody('1990-05-17', 1, { person: { name: '司马相如', id_number: idNumberEndingInX('1990-05-17', 'female'), gender: 'female' } }) },
      { owner: 'member', typedPhone: '13922223333', body: enrolBody('1989-02-03', 2, { person: { name: '卓文君', relationship: 'spouse' } }) },
      { owner: 'member', typedPhone: '139 3333 4444', body: enrolBody('2020-10-10', 3, { person: { name: '司马小雨', relationship: 'child' } }) },
      { owner: 'member', typedPhone: '13944445555', body: enrolBody('1960-01-20', 4, { plan_id: 'senior-cancer', person: { name: '欧阳秀英', relationship: 'parent' } }) },
      { owner: 'second member', typedPhone: '13955556666', body: enrolBody('1985-12-12', 5, { person: { name: '诸葛明亮' } }) },
      { owner: 'reviewer', typedPhone: '13966667777', body: enrolBody('1979-07-07', 6, { person: { name: '上官婉儿' } }) },
      { owner: 'investigator', typedPhone: '13977778888', body: enrolBody('1982-08-18', 7, { person: { name: '皇甫嵩明' } }) },
      { owner: 'juror', typedPhone: '13988889999', body: enrolBody('1992-09-29', 8, { person: { name: '慕容复生' } }) },
      { owner: 'operator', typedPhone: '13999990000', body: enrolBody('1963-03-13', 9, { plan_id: 'senior-cancer', person: { name: '东方朔望' } }) },
    ];
    for (const person of known) {
      const body = { ...person.body, person: { ...person.body.person, phone: person.typedPhone } };
      const response = await t.app.inject({ method: 'POST', url: '/api/members/enrol', headers: { cookie: cookies.get(person.owner)! }, payload: body });
      setupBodies.push({ who: person.owner, what: 'POST /api/members/enrol', body: response.body });
      expect(response.statusCode, response.body).toBe(201);
      people.push({ ...person, ...(response.json() as { person_id: string; membership_id: string; member_code: string }), body });
    }
    // Some history: a withdrawal and a rejoin, a fraud termination, a rule change that notifies.
    const first = people[0]!;
    const steps: Array<[string, string, unknown]> = [
      ['member', `/api/memberships/${first.membership_id}/withdraw`, { reason: 'Changing plans' }],
      ['member', `/api/members/persons/${first.person_id}/join`, { plan_id: 'critical-illness', answers: first.body.answers }],
      ['operator', `/api/memberships/${people[4]!.membership_id}/terminate`, { reason: 'Forged hospital records' }],
      ['operator', '/api/plans/critical-illness/versions', { effective_at: '2027-03-01T00:00:00Z', note: 'Fee 6%', rules: { ...criticalIllnessPlan.rules, fee_bps: 600 } }],
    ];
    for (const [who, url, payload] of steps) {
      const response = await t.app.inject({ method: 'POST', url, headers: { cookie: cookies.get(who)! }, payload: payload as Record<string, unknown> });
      setupBodies.push({ who, what: `POST ${url}`, body: response.body });
      expect(response.statusCode, response.body).toBeLessThan(300);
    }
    // Another enrolment refused as a duplicate: the refusal must not echo the identity either.
    const duplicate = await t.app.inject({ method: 'POST', url: '/api/members/enrol', headers: { cookie: cookies.get('juror')! }, payload: people[1]!.body });
    setupBodies.push({ who: 'juror', what: 'POST /api/members/enrol (duplicate)', body: duplicate.body });
    expect(duplicate.json().error.code).toBe('MEMBER_DUPLICATE_IDENTITY');
    await enrol(t, cookies.get('second member')!, enrolBody('1999-01-01', 10));

    // A claim in public notice, so the claim routes have real ids to answer for. Its file name
    // names nobody: reviewers and investigators see file names (the public scan is public-cases.test.ts).
    t.context.clock.set('2027-03-01T00:00:00.000Z');
    await activateDueMemberships(t.context);
    t.context.clock.set('2027-03-15T10:00:00.000Z');
    const evidence = { bytes: Buffer.from('%PDF-1.7\nreport\n%%EOF'), content_type: 'application/pdf', file_name: 'diagnosis-report.pdf' };
    const claim = await submitClaim(t.context, { membership_id: BigInt(people[1]!.membership_id), submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date: '2027-03-10', hospital: '华山医院', files: [evidence] }, t.blobs);
    for (const step of [startReview, approveForNotice, publishNotice]) await step(t.context, claim.claim_id, 'user:reviewer');
    // A complaint about that claim, so the complaint routes have a real one to answer for.
    const mei = await t.store.db.selectFrom('users').select('id').where('username', '=', 'mei').executeTakeFirstOrThrow();
    await fileComplaint(t.context, { filed_by_user_id: mei.id, subject_kind: 'claim', subject_id: claim.claim_id, text: 'The review of this claim is too slow.' });
    // Published cycles of both plans (the claim is still in notice: no cases yet), so the cycle
    // reports, exports and member proofs have real values to scan.
    t.context.clock.set('2027-03-21T01:00:00.000Z');
    for (const plan_id of ['critical-illness', 'senior-cancer']) await runCycle(t.context, plan_id);
    t.context.clock.set('2027-03-15T10:00:00.000Z');
    // Sessions expire; log everyone in again at the new time.
    for (const [role, username, password] of [
      ['operator', 'olivia', 'operator-password'],
      ['auditor', 'audrey', 'auditor-password'],
      ['member', 'mei', 'member-password'],
      ['reviewer', 'ruth', 'ruth-password'],
      ['investigator', 'ivan', 'ivan-password'],
      ['juror', 'jade', 'jade-password'],
      ['second member', 'ming', 'ming-password'],
    ] as const) {
      cookies.set(role, await t.login(username, password));
    }
    // A cycle job for GET /api/cycle-jobs/{job_id} to show (it fails: the clock is before the last snapshot).
    const job = await t.app.inject({ method: 'POST', url: '/api/plans/critical-illness/cycles/run', headers: { cookie: cookies.get('operator')! }, payload: {} });
    expect(job.statusCode, job.body).toBe(202);
    const waitForEnd = () => t.app.inject({ method: 'GET', url: `${job.json().url}?wait_seconds=60`, headers: { cookie: cookies.get('operator')! } });
    while ((await waitForEnd()).json().status === 'running');
    // A simulation run from a plan, published as its forecast, for the simulation and forecast routes to show.
    const run = await t.app.inject({
      method: 'POST',
      url: '/api/sustainability/simulations',
      headers: { cookie: cookies.get('operator')!, 'idempotency-key': 'pii-scan-simulation' },
      payload: { scenario: 'small-community', plan_id: 'critical-illness', publish: true, options: { paths: 4, periods: 36, seed: 1 } },
    });
    expect(run.statusCode, run.body).toBe(202);
    expect((await simulations.finished(run.json().id)).status).toBe('done');
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Every form of each person's ID number, phone, name and birth date that must not leave the server. */
  function secretsOf(person: KnownPerson): string[] {
    const id = person.body.person.id_number;
    const phone = person.typedPhone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
    return [
      id,
      id.toLowerCase(),
      id.replace(/\D/g, ''),
      phone,
      `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`,
      `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`,
      person.typedPhone,
      person.body.person.name,
      person.body.person.birth_date,
    ];
  }

  function leaks(body: string): string[] {
    const lower = body.toLowerCase();
    return people.flatMap((person) => secretsOf(person).filter((secret) => lower.includes(secret.toLowerCase())));
  }

  async function urlsToVisit(): Promise<string[]> {
    const document = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const getPaths = Object.entries(document.paths)
      .filter(([, operations]) => 'get' in operations)
      .map(([path]) => path);
    const memberships = await t.store.db.selectFrom('memberships').select(['id', 'member_code', 'funding_model']).orderBy('id').execute();
    const persons = await t.store.db.selectFrom('persons').select('id').orderBy('id').execute();
    const claims = await t.store.db.selectFrom('claims').select(['id', 'case_number']).orderBy('id').execute();
    const evidence = await t.store.db.selectFrom('claim_evidence').select(['claim_id', 'sha256']).orderBy('id').execute();
    const claimIds = [...claims.map((row) => row.id.toString()), '999999'];
    const cycles = [...(await t.store.db.selectFrom('cycles').select(['cycle_code', 'plan_id']).execute()), { cycle_code: 'critical-illness-20991231', plan_id: 'critical-illness' }];
    // Real values for each path parameter (a list per value when the path has several); a new GET
    // route with a parameter must be added here.
    const fillers: Record<string, Array<string | string[]>> = {
      '/api/plans/{id}': ['critical-illness', 'senior-cancer'],
      '/api/memberships/{id}': memberships.map((row) => row.id.toString()),
      '/api/memberships/{id}/money': memberships.map((row) => row.id.toString()),
      '/api/memberships/{id}/bills': memberships.map((row) => row.id.toString()),
      '/api/admin/persons/{id}': persons.map((row) => row.id.toString()),
      '/api/ledger/accounts/{code}': ['custody:CNY', ...memberships.filter((row) => row.funding_model === 'prepaid').map((row) => `wallet:${row.member_code}`)],
      '/api/ledger/accounts/{code}/transactions': ['custody:CNY', ...memberships.filter((row) => row.funding_model === 'prepaid').map((row) => `wallet:${row.member_code}`)],
      '/api/ledger/transactions/{id}': ['1'],
      '/api/ledger/manual-postings/{id}': ['1'],
      '/api/claims/{id}': claimIds,
      '/api/complaints/{id}': [...(await t.store.db.selectFrom('complaints').select('id').execute()).map((row) => row.id.toString()), '999999'],
      '/api/claims/{id}/audit': claimIds,
      '/api/claims/{id}/notes': claimIds,
      '/api/claims/{id}/jury': claimIds,
      '/api/juries/{id}': claimIds,
      '/api/claims/{id}/evidence/{sha256}': evidence.map((row) => [row.claim_id.toString(), row.sha256]),
      '/api/public/cases/{case_number}': claims.map((row) => row.case_number),
      '/api/plans/{plan_id}/advances': ['critical-illness', 'senior-cancer', 'no-such-plan'],
      '/api/public/cycles/{cycle_id}': cycles.map((row) => row.cycle_code),
      '/api/public/cycles/{cycle_id}/export': cycles.map((row) => row.cycle_code),
      '/api/cycles/{cycle_id}': cycles.map((row) => row.cycle_code),
      '/api/sustainability/plans/{plan_id}/metrics': ['critical-illness', 'senior-cancer', 'no-such-plan'],
      '/api/sustainability/plans/{plan_id}/alerts': ['critical-illness', 'senior-cancer', 'no-such-plan'],
      '/api/public/plans/{plan_id}/health': ['critical-illness', 'senior-cancer', 'no-such-plan'],
      '/api/public/plans/{plan_id}/forecast': ['critical-illness', 'senior-cancer', 'no-such-plan'],
      '/api/sustainability/simulations/{id}': [...(await t.store.db.selectFrom('simulation_runs').select('id').execute()).map((row) => row.id.toString()), '999999'],
      '/api/cycle-jobs/{job_id}': [...(await t.store.db.selectFrom('cycle_jobs').select('id').execute()).map((row) => row.id.toString()), '999999'],
      '/api/reconciliation/statements/{statement_id}/lines': [...(await t.store.db.selectFrom('bank_statements').select('id').execute()).map((row) => row.id.toString()), '999999'],
      '/api/memberships/{id}/cycles/{cycle_id}/proof': memberships.flatMap((row) => cycles.map((cycle) => [row.id.toString(), cycle.cycle_code])),
      // Every CSV table (src/services/exports), and a name that is none of them.
      '/api/exports/{table}.csv': [...exportTables.map((table) => table.name), 'persons'],
      '/api/plans/{id}/proposals': ['critical-illness', 'senior-cancer', 'no-such-plan'],
      '/api/proposals/{id}': [...(await t.store.db.selectFrom('proposals').select('id').execute()).map((row) => row.id.toString()), '999999'],
      '/api/public/plans/{id}/proposals': ['critical-illness', 'senior-cancer', 'no-such-plan'],
      '/api/public/plans/{plan_id}/closure': ['critical-illness', 'senior-cancer', 'no-such-plan'],
      '/api/public/plans/{plan_id}/closure/report': ['critical-illness', 'senior-cancer', 'no-such-plan'],
      '/api/memberships/{id}/closure': memberships.map((row) => row.id.toString()),
      '/api/public/plans/{plan_id}/closure/transfer-offer': ['critical-illness', 'senior-cancer', 'no-such-plan'],
      '/api/memberships/{id}/closure/transfer-consent': memberships.map((row) => row.id.toString()),
      '/api/admin/plans/{plan_id}/closure/transfer-offer/consents.csv': ['critical-illness', 'senior-cancer', 'no-such-plan'],
    };
    const queries: Record<string, string[]> = {
      '/api/memberships': ['?limit=500', '?plan_id=senior-cancer', '?status=terminated', '?status=withdrawn&limit=1'],
      '/api/notifications': ['?limit=500'],
      '/api/ledger/accounts': ['?limit=1000'],
      '/api/ledger/manual-postings': ['?limit=500', '?status=pending'],
      '/api/ledger/audit': ['?limit=500'],
      '/api/claims/queue': ['?limit=200', '?state=in_notice', '?assigned_to=unassigned&min_days_waiting=0&age_from=0&age_to=130'],
      '/api/payouts': ['?limit=500', '?plan_id=critical-illness&status=due'],
      '/api/reports/supervisor': ['?month=2026-11', '?from=2026-01-01&to=2026-12-31', '?month=2026-11&plan_id=senior-cancer'],
      '/api/reports/supervisor.csv': ['?month=2026-11', '?from=2026-01-01&to=2026-12-31&plan_id=critical-illness'],
      '/api/reports/supervisor.html': ['?month=2026-11&lang=en', '?from=2026-01-01&to=2026-12-31'],
    };
    const urls: string[] = [];
    for (const path of getPaths) {
      const parameters = [...path.matchAll(/\{(\w+)\}/g)];
      if (parameters.length === 0) {
        urls.push(path, ...(queries[path] ?? []).map((query) => `${path}${query}`));
        continue;
      }
      const values = fillers[path];
      expect(values, `GET ${path} has path parameters: give it real values in this test's fillers`).toBeDefined();
      for (const value of values!) {
        const parts = Array.isArray(value) ? value : [value];
        expect(parts, `GET ${path}: one value per parameter`).toHaveLength(parameters.length);
        let index = 0;
        urls.push(path.replace(/\{\w+\}/g, () => encodeURIComponent(parts[index++]!)));
      }
    }
    return urls;
  }

  it('no response to a non-admin role or an anonymous caller holds a full ID number, phone, name or birth date', async () => {
    const urls = await urlsToVisit();
    expect(urls).toEqual(expect.arrayContaining(['/api/plans', '/api/members/me', '/api/memberships', '/api/notifications', `/api/memberships/${people[0]!.membership_id}`, '/api/public/cases', '/api/claims/queue', '/api/claims/mine']));
    expect(urls.filter((url) => /^\/api\/claims\/\d+\/evidence\/[0-9a-f]{64}$/.test(url))).toHaveLength(1);
    const callers: Array<[string, string | undefined]> = [...nonAdminRoles.map((role): [string, string] => [role, cookies.get(role)!]), ['second member', cookies.get('second member')], ['anonymous', undefined]];
    const found: string[] = [];
    let scanned = 0;
    const okBodies = new Map<string, string>();
    for (const [who, cookie] of callers) {
      for (const url of urls) {
        const response = await t.app.inject({ method: 'GET', url, headers: cookie === undefined ? {} : { cookie } });
        expect(response.statusCode, `${who} GET ${url}: ${response.body}`).toBeLessThan(500);
        if (url.startsWith('/api/admin/')) expect(response.statusCode, `${who} GET ${url}`).toBe(cookie === undefined ? 401 : 403);
        for (const leak of leaks(response.body)) found.push(`${who} GET ${url} → ${leak}`);
        if (response.statusCode === 200) okBodies.set(`${who} ${url}`, response.body);
        scanned += 1;
      }
    }
    for (const { who, what, body } of setupBodies) for (const leak of leaks(body)) found.push(`${who} ${what} → ${leak}`);
    expect(found).toEqual([]);
    expect(scanned).toBeGreaterThan(callers.length * 20);

    // The scan is not vacuous: staff and payers did see the people, in masked form.
    const operatorList = okBodies.get('operator /api/memberships?limit=500')!;
    const memberView = okBodies.get('member /api/members/me')!;
    for (const person of people) {
      const masked = `${person.body.person.id_number.slice(0, 3)}${'*'.repeat(11)}${person.body.person.id_number.slice(-4)}`;
      expect(operatorList).toContain(masked);
      if (person.owner === 'member') expect(memberView).toContain(masked);
    }
    expect(memberView).toContain('139****2222');
    expect(okBodies.get('member /api/notifications')).toContain('plan_rules_changed');
    expect(okBodies.get('juror /api/members/me')).toContain('慕**生');
    expect(okBodies.get('anonymous /api/public/cases')).toContain('卓*君');
    expect(okBodies.get('member /api/claims/mine')).toContain('卓*君');
    expect(okBodies.get('reviewer /api/claims/queue?limit=200')).toContain('卓*君');
  });

  it('the admin persons endpoint returns the full data, to an admin only', async () => {
    const admin = await t.login('admin', adminPassword);
    for (const person of people) {
      const response = await t.app.inject({ method: 'GET', url: `/api/admin/persons/${person.person_id}?reason=PII%20scan`, headers: { cookie: admin } });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().person).toMatchObject({
        name: person.body.person.name,
        id_number: person.body.person.id_number,
        phone: person.typedPhone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, ''),
        birth_date: person.body.person.birth_date,
      });
      // The detector the scan above relies on does see full data when it is there.
      expect(leaks(response.body)).toEqual(expect.arrayContaining([person.body.person.id_number, person.body.person.name]));
    }
    expect(people[0]!.body.person.id_number).toMatch(/X$/);
  });
});
