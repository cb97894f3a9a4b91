import { readFileSync } from 'node:fs';

/** The version in package.json, found from the compiled file's location (dist/src/cli or src/cli). */
export function packageVersion(): string {
  for (const relative of ['../../../package.json', '../../package.json']) {
    try {
      const parsed = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'huzhu' && parsed.version !== undefined) return parsed.version;
    } catch {
      // not at this depth; try the next
    }
  }
  return '0.0.0';
}
