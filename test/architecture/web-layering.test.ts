import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { expect, it } from 'vitest';

const web = join(import.meta.dirname, '../../web/src');

function webFiles(): string[] {
  return readdirSync(web, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts'));
}

/** Where each relative import of a file lands, as a path under web/src (or outside it, with ../). */
function importTargets(file: string): string[] {
  const text = readFileSync(join(web, file), 'utf8');
  return [...text.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((match) => relative(web, join(dirname(join(web, file)), match[1]!)));
}

function area(path: string): string {
  const parts = path.split(sep);
  return parts[0] === 'features' ? `features/${parts[1]}` : (parts[0] ?? '');
}

it('web features import from shared (or themselves), never from another feature or the app; shared imports no feature', () => {
  const offending: string[] = [];
  for (const file of webFiles()) {
    const from = area(file);
    for (const target of importTargets(file)) {
      const to = area(target);
      if (from.startsWith('features/') && to !== from && to !== 'shared' && !target.startsWith(`..${sep}`)) offending.push(`${file} → ${target}`);
      if (from === 'shared' && (to.startsWith('features/') || to === 'app')) offending.push(`${file} → ${target}`);
    }
  }
  expect(offending).toEqual([]);
});

it('web code imports only src/core from the server side (the verifier), never services, store or http', () => {
  const offending = webFiles().flatMap((file) =>
    importTargets(file)
      .filter((target) => target.startsWith(`..${sep}`) && !target.startsWith(join('..', '..', 'src', 'core')))
      .map((target) => `${file} → ${target}`),
  );
  expect(offending).toEqual([]);
});
