import { runCycle } from '../../src/services/cycles/index.js';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { approveForNotice, endNotice, publishNotice, rejectClaim, startReview } from '../../src/services/claims/index.js';
import { activateDueMemberships } from '../../src/services/members.js';
import { describeEachBackend } from '../support/test-stores.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { enrol, enrolBody, idNumberEndingInX, outcome } from './member-fixtures.js';

function multipart(fields: Record<string, string>, files: ReadonlyArray<{ name: string; type: string; bytes: Buffer }>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----huzhu${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const file of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

interface Patient {
  readonly name: string;
  readonly birth_date: string;
  readonly phone: string;
  readonly id_number?: string;
  readonly hospital: string;
  readonly file_name: string;
  /** How far the claim goes. */
  readonly fate: 'submitted' | 'in_notice' | 'approved' | 'rejected';
}

const patients: readonly Patient[] = [
  { name: '司马相如', birth_date: '1990-05-17', phone: '13911112222', id_number: idNumberEndingInX('1990-05-17', 'female'), hospital: '四川大学华西医院', file_name: '司马相如_病理报告.pdf', fate: 'in_notice' },
  { name: '卓文君', birth_date: '1989-02-03', phone: '13922223333', hospital: '成都市第一人民医院', file_name: 'zhuowenjun-discharge.pdf', fate: 'approved' },
  { name: '诸葛明亮', birth_date: '1985-12-12', phone: '13955556666', hospital: '南阳卧龙医院', file_name: '诸葛明亮-诊断书.pdf', fate: 'in_notice' },
  { name: '上官婉儿', birth_date: '1979-07-07', phone: '13966667777', hospital: '西安交大一附院', file_name: 'shangguan_wan_er_ct.pdf', fate: 'submitted' },
  { name: '慕容复生', birth_date: '1992-09-29', phone: '13988889999', hospital: '苏州大学附属第一医院', file_name: '慕容复生.pdf', fate: 'rejected' },
];

describeEachBackend('HTTP public cases and the public-data scan', (dialect) => {
  let t: TestApp;
  let memberCookie: string;
  const people: Array<Patient & { id_number: string; case_number: string }> = [];

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    const payer = await t.userWithRoles('pat', ['member']);
    const enrolled: Array<{ membership_id: string; id_number: string }> = [];
    for (const [index, patient] of patients.entries()) {
      const body = enrolBody(patient.birth_date, index + 1, { person: { name: patient.name, phone: patient.phone, relationship: index === 0 ? 'self' : 'other', ...(patient.id_number === undefined ? {} : { id_number: patient.id_number, gender: 'female' }) } });
      const result = await enrol(t, payer, body);
      enrolled.push({ membership_id: result.membership_id, id_number: (body.person as { id_number: string }).id_number });
    }
    t.context.clock.set('2027-03-01T00:00:00.000Z');
    expect(await activateDueMemberships(t.context)).toBe(patients.length);
    t.context.clock.set('2027-03-15T10:00:00.000Z');
    const owner = await t.login('pat', 'pat-password');
    memberCookie = await t.userWithRoles('nosy', ['member', 'juror']);
    for (const [index, patient] of patients.entries()) {
      const { membership_id, id_number } = enrolled[index]!;
      const form = multipart({ membership_id, illness_code: 'CI-01', diagnosis_date: '2027-03-10', hospital: patient.hospital }, [
        { name: patient.file_name, type: 'application/pdf', bytes: Buffer.from(`%PDF-1.7\n${patient.name} ${id_number}\n%%EOF`) },
      ]);
      const response = await t.app.inject({ method: 'POST', url: '/api/claims', headers: { ...form.headers, cookie: owner }, payload: form.payload });
      expect(response.statusCode, response.body).toBe(201);
      const { claim_id, case_number } = response.json() as { claim_id: string; case_number: string };
      const id = BigInt(claim_id);
      if (patient.fate !== 'submitted') await startReview(t.context, id, 'user:reviewer');
      if (patient.fate === 'rejected') await rejectClaim(t.context, id, 'INSUFFICIENT_EVIDENCE', `No report from ${patient.hospital} for ${patient.name}.`, 'user:reviewer');
      if (patient.fate === 'in_notice' || patient.fate === 'approved') {
        await approveForNotice(t.context, id, 'user:reviewer');
        t.context.clock.set(`2027-03-15T1${index}:00:00.000Z`);
        await publishNotice(t.context, id, 'user:reviewer');
      }
      people.push({ ...patient, id_number, case_number });
    }
    t.context.clock.set('2027-03-23T00:00:00.000Z');
    await endNotice(t.context, BigInt((await t.store.db.selectFrom('claims').select('id').where('case_number', '=', people[1]!.case_number).executeTakeFirstOrThrow()).id), 'system');
    // The approved case is shared in the next cycle: its report carries the case card, its export the members.
    t.context.clock.set('2027-04-07T01:00:00.000Z');
    for (const plan_id of ['critical-illness', 'senior-cancer']) await runCycle(t.context, plan_id);
    memberCookie = await t.login('nosy', 'nosy-password');
  });
  afterAll(async () => {
    await t?.close();
  });

  function secretsOf(person: (typeof people)[number]): string[] {
    const phone = person.phone;
    return [
      person.name,
      person.id_number,
      person.id_number.toLowerCase(),
      person.id_number.replace(/\D/g, ''),
      person.id_number.slice(-6),
      phone,
      `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`,
      `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`,
      person.birth_date,
      person.hospital,
      person.file_name,
      person.file_name.replace(/\.pdf$/, ''),
    ];
  }

  function leaks(body: string): string[] {
    const lower = body.toLowerCase();
    return people.flatMap((person) => secretsOf(person).filter((secret) => lower.includes(secret.toLowerCase())));
  }

  it('lists published cases newest first, paged, with the case card fields only', async () => {
    const published = people.filter((person) => person.fate === 'in_notice' || person.fate === 'approved');
    const all = (await t.app.inject('/api/public/cases')).json();
    // Newest notice first: the third patient's notice started last.
    expect(all.cases.map((card: { case_number: string }) => card.case_number)).toEqual([people[2]!.case_number, people[1]!.case_number, people[0]!.case_number]);
    expect(all.next_after).toBeNull();
    // The approved case was shared in the 7 April cycle: it waits for its payout.
    expect(all.cases.map((card: { state: string }) => card.state)).toEqual(['in_notice', 'scheduled', 'in_notice']);
    expect(all.cases[2]).toMatchObject({ name_masked: '司**如', gender: 'female', age_at_diagnosis_years: 36, aid_minor: '30000000', illness: { code: 'CI-01' }, shares_paid_minor: '0', people_helped: 0 });
    expect(Object.keys(all.cases[0]).sort()).toEqual(
      ['age_at_diagnosis_years', 'aid_minor', 'case_number', 'currency', 'days_as_member', 'gender', 'illness', 'name_masked', 'notice_ends_at', 'notice_starts_at', 'people_helped', 'plan_name_en', 'plan_name_zh', 'province', 'shares_paid_minor', 'state'].sort(),
    );
    const first = (await t.app.inject('/api/public/cases?limit=2')).json();
    expect(first.cases).toHaveLength(2);
    expect(first.next_after).toBe(people[1]!.case_number);
    const second = (await t.app.inject(`/api/public/cases?limit=2&after=${first.next_after}`)).json();
    expect(second).toEqual({ cases: [all.cases[2]], next_after: null });
    expect((await t.app.inject('/api/public/cases?plan_id=senior-cancer')).json().cases).toEqual([]);
    for (const person of published) expect((await t.app.inject(`/api/public/cases/${person.case_number}`)).json().case.case_number).toBe(person.case_number);
    for (const person of people.filter((entry) => !published.includes(entry))) {
      expect(outcome(await t.app.inject(`/api/public/cases/${person.case_number}`))).toEqual([404, 'CLAIM_NOT_FOUND']);
    }
    expect(outcome(await t.app.inject('/api/public/cases/not-a-case'))).toEqual([400, 'VALIDATION_FAILED']);
    const document = (await t.app.inject('/api/openapi.json')).json();
    expect(document.paths['/api/public/cases'].get.security).toEqual([]);
    expect(document.paths['/api/public/cases/{case_number}'].get.security).toEqual([]);
  });

  it('no public response, anonymous or to a member, holds a patient’s name, ID number, phone, birth date, hospital or evidence file name', async () => {
    const document = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    const publicPaths = Object.entries(document.paths)
      .filter(([path, operations]) => operations.get !== undefined && (path.startsWith('/api/public') || (Array.isArray(operations.get.security) && operations.get.security.length === 0)))
      .map(([path]) => path);
    expect(publicPaths).toEqual(expect.arrayContaining(['/api/plans', '/api/plans/{id}', '/api/public/cases', '/api/public/cases/{case_number}']));
    const claimIds = (await t.store.db.selectFrom('claims').select('id').orderBy('id').execute()).map((row) => row.id.toString());
    const caseNumbers = people.map((person) => person.case_number);
    const cycleIds = (await t.store.db.selectFrom('cycles').select('cycle_code').execute()).map((row) => row.cycle_code);
    expect(cycleIds.length).toBeGreaterThan(0);
    // Real values for each public path with a parameter; a new one must be added here.
    const fillers: Record<string, string[]> = {
      '/api/plans/{id}': ['critical-illness', 'senior-cancer'],
      '/api/public/cases/{case_number}': caseNumbers,
      '/api/claims/{id}/jury': [...caseNumbers, ...claimIds],
      '/api/public/cycles/{cycle_id}': cycleIds,
      '/api/public/cycles/{cycle_id}/export': cycleIds,
      '/api/public/plans/{plan_id}/health': ['critical-illness', 'senior-cancer', 'no-such-plan'],
      '/api/public/plans/{id}/proposals': ['critical-illness', 'senior-cancer', 'no-such-plan'],
      '/api/public/plans/{plan_id}/forecast': ['critical-illness', 'senior-cancer', 'no-such-plan'],
      '/api/public/plans/{plan_id}/closure': ['critical-illness', 'senior-cancer', 'no-such-plan'],
      '/api/public/plans/{plan_id}/closure/report': ['critical-illness', 'senior-cancer', 'no-such-plan'],
      '/api/public/plans/{plan_id}/closure/transfer-offer': ['critical-illness', 'senior-cancer', 'no-such-plan'],
    };
    const queries: Record<string, string[]> = {
      '/api/public/cases': ['?limit=1', '?limit=50', `?after=${people[2]!.case_number}`, '?plan_id=critical-illness'],
      '/api/public/cycles': ['?plan_id=critical-illness', '?limit=1'],
      '/api/public/statistics': ['?plan_id=critical-illness'],
    };
    const urls: string[] = [];
    for (const path of publicPaths) {
      const parameters = [...path.matchAll(/\{(\w+)\}/g)];
      if (parameters.length === 0) {
        urls.push(path, ...(queries[path] ?? []).map((query) => `${path}${query}`));
        continue;
      }
      expect(parameters, `public GET ${path}: one parameter expected`).toHaveLength(1);
      const values = fillers[path];
      expect(values, `public GET ${path} has a path parameter: give it real values in this test's fillers`).toBeDefined();
      for (const value of values!) urls.push(path.replace(/\{\w+\}/, encodeURIComponent(value)));
    }
    const found: string[] = [];
    let published = '';
    for (const [who, cookie] of [
      ['anonymous', undefined],
      ['member', memberCookie],
    ] as const) {
      for (const url of urls) {
        const response = await t.app.inject({ method: 'GET', url, headers: cookie === undefined ? {} : { cookie } });
        expect(response.statusCode, `${who} GET ${url}: ${response.body}`).toBeLessThan(500);
        for (const leak of leaks(response.body)) found.push(`${who} GET ${url} → ${leak}`);
        if (url.startsWith('/api/public/') && response.statusCode === 200) published += response.body;
        // No internal ids on the public side: the case number is the public name of a case.
        // (cycle_id, plan_id and case_id are public names too: the cycle code, the plan's slug, the case number.)
        if (url.startsWith('/api/public/')) expect(response.body, url).not.toMatch(/"(?!cycle_id"|plan_id"|case_id")[a-z_]*_id"/);
      }
    }
    expect(found).toEqual([]);
    // Not vacuous: the published cards are there, masked, and the detector sees full data where it is.
    for (const person of people.filter((entry) => entry.fate === 'in_notice' || entry.fate === 'approved')) {
      expect(published).toContain(person.case_number);
      expect(published).toContain(`${person.name[0]}${'*'.repeat(person.name.length - 2)}${person.name.at(-1)}`);
    }
    expect(published).not.toContain(people[3]!.case_number);
    expect(published).not.toContain(people[4]!.case_number);
    const reviewer = await t.userWithRoles('rita', ['reviewer']);
    const claim = (await t.store.db.selectFrom('claims').select('id').where('case_number', '=', people[0]!.case_number).executeTakeFirstOrThrow()).id;
    const staffView = await t.app.inject({ method: 'GET', url: `/api/claims/${claim}`, headers: { cookie: reviewer } });
    expect(leaks(staffView.body)).toEqual(expect.arrayContaining([people[0]!.hospital, people[0]!.file_name]));
  });
});
