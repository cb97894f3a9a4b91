import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(folder, name));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:from|import\()\s*'([^']+)'/g)].map((match) => match[1]!);
}

it('src/core imports nothing but src/core and node:crypto (no I/O, no clock, no store)', () => {
  const offending: string[] = [];
  for (const file of sourceFiles('src/core')) {
    for (const target of importsOf(file)) {
      if (target.startsWith('node:') && target !== 'node:crypto' && !file.endsWith('.test.ts')) offending.push(`${file} → ${target}`);
      if (target.startsWith('.') && !relative(root, join(root, file, '..', target)).startsWith('src/core/')) offending.push(`${file} → ${target}`);
    }
  }
  expect(offending).toEqual([]);
});

it('HTTP routes hold no SQL: they call services', () => {
  const offending = sourceFiles('src/http').filter((file) => /\.db\b|selectFrom|insertInto|updateTable|deleteFrom|sql`/.test(readFileSync(join(root, file), 'utf8')));
  expect(offending).toEqual([]);
});

it('only the ledger reads or writes the ledger tables', () => {
  const ledgerTables = /'ledger_(accounts|transactions|postings|head)'|\bfrom ledger_(accounts|transactions|postings|head)\b/;
  // Known debt (issue 12): the CSV exports stream the journal read-only in keyset batches; they belong in src/ledger.
  const readOnlyExports = ['src/services/exports/tables/custody.ts', 'src/services/exports/tables/ledger-accounts.ts', 'src/services/exports/tables/ledger-transactions.ts'];
  const offending = ['src/services', 'src/http', 'src/cli']
    .flatMap(sourceFiles)
    .filter((file) => !readOnlyExports.includes(file) && ledgerTables.test(readFileSync(join(root, file), 'utf8')));
  expect(offending).toEqual([]);
});

it('src/sim is pure: no node: modules, no store, services, HTTP or CLI (piscina only in the runner and its worker)', () => {
  const offending: string[] = [];
  for (const file of sourceFiles('src/sim').filter((name) => !name.endsWith('.test.ts'))) {
    for (const target of importsOf(file)) {
      if (target.startsWith('node:')) offending.push(`${file} → ${target}`);
      if (target === 'piscina' && !/run-simulation\.ts$|simulation-worker\.ts$/.test(file)) offending.push(`${file} → ${target}`);
      const resolved = target.startsWith('.') ? relative(root, join(root, file, '..', target)) : '';
      if (resolved !== '' && !resolved.startsWith('src/sim/') && !resolved.startsWith('src/core/')) offending.push(`${file} → ${target}`);
    }
  }
  expect(offending).toEqual([]);
});
