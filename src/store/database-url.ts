import { resolve } from 'node:path';
import type { DialectName } from './schema.js';

export type DatabaseTarget =
  | { readonly dialect: 'sqlite'; readonly path: string }
  | { readonly dialect: 'postgres'; readonly url: string };

export const defaultDatabaseUrl = 'sqlite:./data/huzhu.db';

/** `sqlite:<path>` (`sqlite::memory:` for a throw-away database) or `postgres://…` / `postgresql://…`. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') throw new Error('DATABASE_URL sqlite: needs a path, e.g. sqlite:./data/huzhu.db');
    return { dialect: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { dialect: 'postgres', url };
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got ${JSON.stringify(url.split(':')[0])})`);
}

export function describeTarget(target: DatabaseTarget): string {
  return target.dialect === 'sqlite' ? `sqlite:${target.path}` : target.url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

export type { DialectName };
