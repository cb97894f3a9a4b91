import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addDays, calendarDateOf, formatCalendarDate } from '../../src/core/members/age.js';
import { loadDataKey } from '../../src/services/crypto/data-key.js';
import { FieldCipher } from '../../src/services/crypto/field-cipher.js';
import { openStore } from '../../src/store/store.js';
import { leaks } from '../browser/support/personal-data.js';
import { cliWorkspace, runCli, testDataKey } from '../support/run-cli.js';
import { describeEachBackend } from '../support/test-stores.js';

describeEachBackend('huzhu report supervisor', (dialect) => {
  let env: NodeJS.ProcessEnv;
  let dir: string;
  const cwd = process.cwd();

  beforeEach(async () => {
    ({ dir, env } = await cliWorkspace(dialect, 'huzhu-report-cli-'));
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every demo person's full name, ID number, phone and birth date, and the member codes, read with the data key. */
  async function secrets(): Promise<string[]> {
    const store = openStore(env.DATABASE_URL!);
    try {
      const cipher = new FieldCipher(loadDataKey({ envKey: testDataKey, keyFile: '', production: false }));
      const persons = await store.db.selectFrom('persons').select(['name_enc', 'id_number_enc', 'phone_enc', 'birth_date']).execute();
      const codes = await store.db.selectFrom('memberships').select('member_code').execute();
      expect(persons.length).toBeGreaterThan(40);
      return [
        ...persons.flatMap((person) => [cipher.decrypt(person.name_enc), cipher.decrypt(person.id_number_enc), cipher.decrypt(person.phone_enc).replace(/\D/g, '').slice(-11), person.birth_date]),
        ...codes.map((row) => row.member_code),
      ];
    } finally {
      await store.close();
    }
  }

  it('writes the demo community’s year as CSV, HTML and a PDF, naming no one, and refuses a bad period', async () => {
    expect((await runCli(['demo', '--members', '40', '--seed', 'report'], env)).exitCode).toBe(0);
    const today = calendarDateOf(new Date().toISOString());
    const range = ['--from', formatCalendarDate(addDays(today, -365)), '--to', formatCalendarDate(today)];
    const outputs: string[] = [];
    for (const [format, lang] of [['csv', 'zh-CN'], ['html', 'zh-CN'], ['html', 'en'], ['json', 'en']] as const) {
      const out = join(dir, `report-${lang}.${format}`);
      const written = await runCli(['report', 'supervisor', ...range, '--format', format, '--lang', lang, '--out', out], env);
      expect(written.err).toBe('');
      expect(written.exitCode).toBe(0);
      expect(written.out).toContain('computed now');
      outputs.push(readFileSync(out, 'utf8'));
    }
    expect(outputs[0]).toMatch(/^section,report\r\nfield,value\r\n/);
    expect(outputs[0]).toMatch(/\r\nsection,members\r\nplan_id,start,joined,withdrawn,lapsed,terminated,ended,end\r\ncommunity-/);
    expect(outputs[1]).toContain('<html lang="zh-CN">');
    expect(outputs[2]).toContain('Members and their movement');
    const known = await secrets();
    for (const text of outputs) expect(leaks(text, known)).toEqual([]);

    const pdf = join(dir, 'report.pdf');
    const printed = await runCli(['report', 'supervisor', ...range, '--format', 'pdf', '--out', pdf], env);
    expect(printed.err).toBe('');
    expect(printed.exitCode).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const bad = await runCli(['report', 'supervisor', '--month', '2026-13', '--out', join(dir, 'x.csv')], env);
    expect(bad.exitCode).toBe(2);
    expect(bad.err).toBe('error REPORT_BAD_PERIOD: month: a calendar month as YYYY-MM.');
    const both = await runCli(['report', 'supervisor', '--from', '2026-01-01', '--out', join(dir, 'x.csv')], env);
    expect(both.err).toMatch(/^error REPORT_BAD_PERIOD: Give month/);
    const help = await runCli(['report', 'supervisor', '--help'], env);
    expect(help.out).toContain('--format <format>');
  });
});
