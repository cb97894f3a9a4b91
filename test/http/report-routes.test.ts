import { afterAll, beforeAll, expect, it } from 'vitest';
import { enrolMembers } from '../../src/services/members.js';
import { storeFinishedMonths } from '../../src/services/reports/stored-reports.js';
import { noToAll, personBornOn } from '../support/test-context.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';
import { describeEachBackend } from '../support/test-stores.js';

describeEachBackend('supervisor report routes', (dialect) => {
  let t: TestApp;
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    cookies.set('operator', await t.login('olivia', 'operator-password'));
    cookies.set('auditor', await t.login('audrey', 'auditor-password'));
    cookies.set('member', await t.login('mei', 'member-password'));
    cookies.set('admin', await t.login('admin', adminPassword));
    cookies.set('reviewer', await t.userWithRoles('ruth', ['reviewer']));
    const enrolled = await enrolMembers(t.context, [
      { plan_id: 'critical-illness', payer_user_id: null, person: personBornOn('1990-05-17', 1, { name: '司马相如' }), answers: noToAll },
      { plan_id: 'senior-cancer', payer_user_id: null, person: personBornOn('1960-01-20', 2, { name: '欧阳秀英' }), answers: noToAll },
    ]);
    expect(enrolled.every((result) => result.ok)).toBe(true);
  });
  afterAll(async () => t.close());

  const get = (url: string, who: string | null) => t.app.inject({ method: 'GET', url, headers: who === null ? {} : { cookie: cookies.get(who)! } });

  it('lets auditors, operators and admins read the report as JSON, CSV and HTML; not members, reviewers or anyone signed out', async () => {
    for (const who of ['auditor', 'operator', 'admin']) {
      const json = await get('/api/reports/supervisor?month=2026-11', who);
      expect(json.statusCode, json.body).toBe(200);
      const body = json.json() as { stored_at: string | null; report: { members: Array<{ plan_id: string; joined: string; end: string }>; period: { from: string } } };
      expect(body.stored_at).toBeNull();
      expect(body.report.period.from).toBe('2026-11-01');
      expect(body.report.members).toEqual(expect.arrayContaining([expect.objectContaining({ plan_id: 'critical-illness', joined: '1', end: '1' })]));
      const csv = await get('/api/reports/supervisor.csv?from=2026-11-01&to=2026-11-30&plan_id=senior-cancer', who);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe('attachment; filename=supervisor-report-2026-11-01_2026-11-30-senior-cancer.csv');
      expect(csv.body).toContain('\r\nsenior-cancer,0,1,0,0,0,0,1\r\n');
      const html = await get('/api/reports/supervisor.html?month=2026-11&lang=en', who);
      expect(html.statusCode).toBe(200);
      expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(html.body).toContain('<html lang="en">');
      expect(html.body).not.toContain('司马相如');
    }
    for (const who of ['member', 'reviewer']) {
      for (const url of ['/api/reports/supervisor?month=2026-11', '/api/reports/supervisor.csv?month=2026-11', '/api/reports/supervisor.html?month=2026-11', '/api/reports/supervisor/stored']) {
        expect((await get(url, who)).statusCode, `${who} ${url}`).toBe(403);
      }
    }
    expect((await get('/api/reports/supervisor?month=2026-11', null)).statusCode).toBe(401);
  });

  it('refuses a bad period with REPORT_BAD_PERIOD naming the parameter, and an unknown plan with a 404', async () => {
    const cases: Array<[string, string]> = [
      ['month=2026-13', 'month'],
      ['month=2026-11&from=2026-11-01', 'month'],
      ['from=2026-11-01', 'to'],
      ['to=2026-11-01', 'from'],
      ['from=2026-11-02&to=2026-11-01', 'from'],
      ['from=2026-01-01&to=2027-01-02', 'to'],
      ['', 'from'],
    ];
    for (const [query, parameter] of cases) {
      const response = await get(`/api/reports/supervisor?${query}`, 'auditor');
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'REPORT_BAD_PERIOD', details: { parameter } });
    }
    const unknown = await get('/api/reports/supervisor.csv?month=2026-11&plan_id=nope', 'auditor');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('REPORT_UNKNOWN_PLAN');
  });

  it('lists the stored months and reads a stored month as issued', async () => {
    expect((await get('/api/reports/supervisor/stored', 'auditor')).json()).toEqual({ reports: [] });
    t.context.clock.set('2026-12-02T00:00:00.000Z');
    await storeFinishedMonths(t.context);
    // The session of 28 November may have run out on 2 December: sign in again.
    cookies.set('auditor', await t.login('audrey', 'auditor-password'));
    const listed = (await get('/api/reports/supervisor/stored', 'auditor')).json() as { reports: Array<{ month: string; plan_id: string | null }> };
    expect(listed.reports.map((row) => [row.month, row.plan_id])).toEqual([['2026-11', null], ['2026-11', 'critical-illness'], ['2026-11', 'senior-cancer']]);
    const stored = (await get('/api/reports/supervisor?month=2026-11&plan_id=critical-illness', 'auditor')).json() as { stored_at: string | null };
    expect(stored.stored_at).toBe('2026-12-02T00:00:00.000Z');
  });
});
