import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const translations = {
  'zh-CN': JSON.parse(readFileSync(join(root, 'web/src/shared/i18n/zh-CN.json'), 'utf8')) as Record<string, unknown>,
  en: JSON.parse(readFileSync(join(root, 'web/src/shared/i18n/en.json'), 'utf8')) as Record<string, unknown>,
};

/** Every key path of a translation file, with its text. */
function leaves(tree: unknown, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (typeof tree !== 'object' || tree === null) return found.set(prefix, tree);
  for (const [key, value] of Object.entries(tree)) for (const [path, text] of leaves(value, prefix ? `${prefix}.${key}` : key)) found.set(path, text);
  return found;
}

/**
 * The stable codes the server can answer with: every code-like literal of the code behind the API
 * (core, services, ledger, http). Settings names are not codes. A few more than strictly reachable
 * is fine; one missing is a refusal the person reads in the server's English only.
 */
function serverCodes(): string[] {
  const codes = new Set<string>();
  for (const folder of ['src/core', 'src/services', 'src/ledger', 'src/http']) {
    for (const name of readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })) {
      if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
      const text = readFileSync(join(root, folder, name), 'utf8');
      for (const match of text.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)) {
        if (!/^(HUZHU|SQLITE)_/.test(match[1]!)) codes.add(match[1]!);
      }
    }
  }
  return [...codes].sort();
}

it('finds the server codes it checks (the scan itself works)', () => {
  const codes = serverCodes();
  expect(codes.length).toBeGreaterThan(150);
  expect(codes).toEqual(expect.arrayContaining(['AUTH_REQUIRED', 'FUNDING_WALLET_LIMIT', 'IDEMPOTENCY_KEY_REUSED', 'CLAIM_OBJECTOR_NOT_ELIGIBLE']));
});

it('every error code the API can return has a message in both languages', () => {
  const missing = Object.entries(translations).flatMap(([language, tree]) => {
    const errors = (tree.errors ?? {}) as Record<string, unknown>;
    return serverCodes()
      .filter((code) => typeof errors[code] !== 'string' || (errors[code] as string).trim() === '')
      .map((code) => `${language}: errors.${code}`);
  });
  expect(missing).toEqual([]);
});

/** i18next's plural forms differ by language (English has _one and _other, Chinese _other only). */
function withoutPluralForms(keys: Map<string, unknown>): Map<string, unknown> {
  return new Map([...keys].map(([key, text]) => [key.replace(/_(zero|one|two|few|many|other)$/, ''), text]));
}

it('both languages have the same keys (up to plural forms), and no text is empty', () => {
  const chinese = withoutPluralForms(leaves(translations['zh-CN']));
  const english = withoutPluralForms(leaves(translations.en));
  expect([...chinese.keys()].filter((key) => !english.has(key)), 'in zh-CN only').toEqual([]);
  expect([...english.keys()].filter((key) => !chinese.has(key)), 'in en only').toEqual([]);
  const empty = [...chinese, ...english].filter(([, text]) => typeof text !== 'string' || text.trim() === '').map(([key]) => key);
  expect(empty).toEqual([]);
});

it('every staff section has its navigation label and its home page description in both languages', () => {
  // The staff home builds these keys from the section names, so no static scan of the pages finds them.
  const navigation = readFileSync(join(root, 'web/src/app/staff-nav.ts'), 'utf8');
  const staffNav = [...navigation.matchAll(/\{ section: '(\w+)', to: '[^']+', key: '([\w.]+)' \}/g)].map(
    ([, section, key]) => ({ section: section!, key: key! }),
  );
  expect(staffNav.length).toBeGreaterThan(10);
  const missing = Object.entries(translations).flatMap(([language, tree]) => {
    const keys = leaves(tree);
    return staffNav
      .flatMap(({ section, key }) => [key, `staff.home.about.${section}`])
      .filter((key) => typeof keys.get(key) !== 'string')
      .map((key) => `${language}: ${key}`);
  });
  expect(missing).toEqual([]);
});
