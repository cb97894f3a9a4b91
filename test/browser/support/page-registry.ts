import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageEntry } from '../pages/page-entry.js';

/** Every feature's pages, from test/browser/pages/<feature>.ts (the all-pages and the role × page tests). */
export async function pageEntries(): Promise<PageEntry[]> {
  const folder = join(import.meta.dirname, '../pages');
  const files = readdirSync(folder).filter((name) => name.endsWith('.ts') && name !== 'page-entry.ts').sort();
  const lists = await Promise.all(files.map(async (name) => ((await import(join(folder, name))) as { pages: PageEntry[] }).pages));
  return lists.flat();
}

const namespaces = Object.keys(JSON.parse(readFileSync(join(import.meta.dirname, '../../../web/src/shared/i18n/en.json'), 'utf8')) as object);

/** A translation key shown instead of its text (`memberships.me.title`): a text missing in that language or not loaded. */
export const untranslatedKey = new RegExp(`\\b(?:${namespaces.join('|')})\\.[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*\\b`, 'g');
