import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { API_TYPES_FILE, apiTypesSource } from './write-openapi.js';

test('the console\'s API types (console/src/api-types.ts) match the API\'s OpenAPI document: run `npm run openapi` when this fails', async () => {
  assert.equal(await readFile(API_TYPES_FILE, 'utf8'), await apiTypesSource());
});
