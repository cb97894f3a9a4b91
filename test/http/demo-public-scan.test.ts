import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../src/services/demo/seed-demo.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeEachBackend } from '../support/test-stores.js';

/**
 * Issue 4's public-data scan over the demo community: every public response — each API path the
 * public pages are built from, for every real id, the documentation page and the OpenAPI
 * document — searched for every demo member's name, ID number, phone and birth date and for
 * every evidence file name. Nothing may match.
 */
describeEachBackend('public data of the demo community', (dialect) => {
  let t: TestApp;
  let secrets: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    await seedDemo(t.context, {}, { members: 150, blobStore: t.blobs });
    const persons = await t.store.db.selectFrom('persons').select(['name_enc', 'id_number_enc', 'phone_enc', 'birth_date']).where('demo', '=', 1n).execute();
    const files = await t.store.db.selectFrom('claim_evidence').select('file_name').execute();
    secrets = [
      ...persons.flatMap((person) => [t.context.cipher.decrypt(person.name_enc), t.context.cipher.decrypt(person.id_number_enc), t.context.cipher.decrypt(person.phone_enc).replace(/\D/g, '').slice(-11), person.birth_date]),
      ...files.map((file) => file.file_name),
    ];
    expect(persons.length).toBeGreaterThan(100);
    expect(files.length).toBeGreaterThan(0);
  }, 120_000);
  afterAll(async () => t?.close());

  it('no public response names a demo member or an evidence file', async () => {
    const document = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    const publicPaths = Object.entries(document.paths)
      .filter(([path, operations]) => operations.get !== undefined && (path.startsWith('/api/public') || (Array.isArray(operations.get.security) && operations.get.security.length === 0)))
      .map(([path]) => path);
    const cases = (await t.store.db.selectFrom('claims').select(['id', 'case_number', 'state']).execute());
    const cycles = (await t.store.db.selectFrom('cycles').select('cycle_code').execute()).map((row) => row.cycle_code);
    expect(cycles.length).toBeGreaterThanOrEqual(6);
    const fillers: Record<string, string[]> = {
      '/api/plans/{id}': ['critical-illness', 'senior-cancer', 'community-critical-illness', 'community-senior-cancer'],
      '/api/public/cases/{case_number}': cases.map((row) => row.case_number),
      '/api/claims/{id}/jury': cases.map((row) => row.case_number),
      '/api/public/cycles/{cycle_id}': cycles,
      '/api/public/plans/{plan_id}/health': ['critical-illness', 'senior-cancer', 'community-critical-illness', 'community-senior-cancer'],
      '/api/public/plans/{plan_id}/forecast': ['critical-illness', 'senior-cancer', 'community-critical-illness', 'community-senior-cancer'],
      '/api/public/cycles/{cycle_id}/export': cycles,
      '/api/public/plans/{id}/proposals': ['critical-illness', 'senior-cancer', 'community-critical-illness', 'community-senior-cancer'],
      '/api/public/plans/{plan_id}/closure': ['critical-illness', 'senior-cancer', 'community-critical-illness', 'community-senior-cancer'],
      '/api/public/plans/{plan_id}/closure/report': ['critical-illness', 'senior-cancer', 'community-critical-illness', 'community-senior-cancer'],
      '/api/public/plans/{plan_id}/closure/transfer-offer': ['critical-illness', 'senior-cancer', 'community-critical-illness', 'community-senior-cancer'],
    };
    const urls = ['/api/docs', '/api/openapi.json', '/api/public/cases?limit=50'];
    for (const path of publicPaths) {
      if (!path.includes('{')) {
        urls.push(path);
        continue;
      }
      const values = fillers[path];
      expect(values, `public GET ${path} has a path parameter: give it real values in this test's fillers`).toBeDefined();
      for (const value of values!) urls.push(path.replace(/\{\w+\}/, encodeURIComponent(value)));
    }
    const found: string[] = [];
    let scanned = 0;
    for (const url of urls) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, `GET ${url}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
      const body = response.body.toLowerCase();
      scanned += body.length;
      for (const secret of secrets) if (body.includes(secret.toLowerCase())) found.push(`GET ${url} → ${secret}`);
    }
    expect(found).toEqual([]);
    // Not vacuous: the pages carry the demo's cases and cycles, and the scan would see a name.
    expect(scanned).toBeGreaterThan(100_000);
    // A published case (the demo also leaves claims waiting in the staff queues, which have no card).
    const card = (await t.app.inject(`/api/public/cases/${cases.find((row) => row.state === 'paid')!.case_number}`)).body;
    expect(card).toContain('*');
  });
});
