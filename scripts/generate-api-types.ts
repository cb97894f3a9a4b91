import openapiTS, { astToString } from 'openapi-typescript';
import { writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { packageVersion } from '../src/cli/package-version.js';
import { openApiDocument } from '../src/http/openapi-document.js';

// This file runs compiled (dist/scripts, `npm run gen:api`) and from source (vitest).
const root = join(import.meta.dirname, import.meta.dirname.endsWith(`dist${sep}scripts`) ? '../..' : '..');

/** The web app's API types, checked in: test/web/api-types.test.ts fails when they are stale. */
export const apiTypesFile = join(root, 'web/src/shared/api/schema.d.ts');

const header = "// Generated from the server's OpenAPI document by `npm run gen:api`; do not edit.\n";

export async function apiTypesSource(): Promise<string> {
  const document = await openApiDocument(packageVersion());
  // openapi-typescript takes a document object; its own types are looser than what swagger returns.
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]);
  return header + astToString(ast);
}

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) {
  writeFileSync(apiTypesFile, await apiTypesSource());
  process.stdout.write(`wrote ${apiTypesFile}\n`);
}
