// Standalone: node bench/events-run.ts [--quick] — webhook and socket figures only.
import fs from 'node:fs';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { tempDataDir } from './startup.ts';
import { measureSockets, measureWebhooks } from './events.ts';

const quick = process.argv.includes('--quick');
const dir = tempDataDir();
const pg = await startEmbeddedPostgres(dir, { owner: true });
try {
  const hooks = await measureWebhooks(pg.url, quick ? 500 : 5000, 500);
  console.log(JSON.stringify({ webhooks: hooks }));
  const beside = await measureWebhooks(pg.url, quick ? 500 : 5000, 500, { deadBacklog: 100_000 });
  console.log(JSON.stringify({ webhooksBesideDeadReceiver: beside }));
  const sockets = await measureSockets(pg.url, quick ? 200 : 1000, quick ? 20 : 50);
  console.log(JSON.stringify({ sockets }));
} finally {
  await pg.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
