import fs from 'node:fs';
import { inject, test, expect } from 'vitest';
import { generateTypes, TYPES_FILE, withMigratedDatabase } from '../../scripts/db-types.ts';

// Types are generated, never written by hand: the committed file must be what the migrations make.
test('src/db/types.ts is what `npm run db:types` generates from the migrations', async () => {
  const fresh = await withMigratedDatabase(inject('adminUrl'), generateTypes);
  expect(
    fs.readFileSync(TYPES_FILE, 'utf8') === fresh,
    'src/db/types.ts is stale: run `npm run db:types` and commit it',
  ).toBe(true);
});
