import fs from 'node:fs';
import { expect, test } from 'vitest';
import { renderSnapshots, snapshotPath } from '../../scripts/sql-snapshots.ts';

// The hand-written list queries' SQL is committed beside them: a change to a query shows in review.
test('the committed SQL snapshots are what `npm run sql:snapshots` writes', async () => {
  for (const [file, fresh] of await renderSnapshots()) {
    const committed = fs.existsSync(snapshotPath(file)) ? fs.readFileSync(snapshotPath(file), 'utf8') : '';
    expect(committed === fresh, `${file} is stale: run \`npm run sql:snapshots\` and commit it`).toBe(true);
  }
});
