import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { apiTypesFile, apiTypesSource } from '../../scripts/generate-api-types.js';

it('the web app is typed from the OpenAPI document of this very server (run npm run gen:api when this fails)', async () => {
  const checkedIn = readFileSync(apiTypesFile, 'utf8');
  const current = await apiTypesSource();
  // A stale file would let the app call a route or send a field the server no longer has.
  expect(checkedIn === current, 'web/src/shared/api/schema.d.ts is stale: npm run gen:api').toBe(true);
});
