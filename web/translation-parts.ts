import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The texts are written in one file per language (src/shared/i18n/<lang>.json); the build serves
 * each in two parts: `virtual:texts/<lang>/start`, what the app shell and the home page need for
 * their first paint, and `virtual:texts/<lang>/all`, every text, fetched once any other page loads.
 * So the home page's first paint does not wait for the texts of twenty other pages.
 */
const startKeys = ['common', 'nav', 'home', 'cases'] as const;
/** The errors any page can show before the rest arrive: no connection, a server failure. */
const startErrors = ['NETWORK', 'UNKNOWN', 'INTERNAL'] as const;
const prefix = 'virtual:texts/';

export function translationParts(folder: string): Plugin {
  return {
    name: 'huzhu-translation-parts',
    resolveId: (id) => (id.startsWith(prefix) ? `\0${id}` : undefined),
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return undefined;
      const [language, part] = id.slice(prefix.length + 1).split('/');
      if ((language !== 'zh-CN' && language !== 'en') || (part !== 'start' && part !== 'all')) throw new Error(`no texts ${id.slice(1)}`);
      const file = join(folder, `${language}.json`);
      this.addWatchFile(file);
      const texts = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
      if (part === 'all') return `export default ${JSON.stringify(texts)};`;
      const start: Record<string, unknown> = Object.fromEntries(startKeys.map((key) => [key, texts[key] ?? {}]));
      start.errors = Object.fromEntries(startErrors.map((code) => [code, texts.errors?.[code]]));
      return `export default ${JSON.stringify(start)};`;
    },
  };
}
