import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where tests' embedded servers run as root (src/db/embedded-root.ts): a passable folder of the temp dir. */
export const TEST_POSTGRES_HOMES = path.join(os.tmpdir(), 'switchboard-test-postgres-homes');

function rootHome(dataDir: string): string | undefined {
  const pointer = path.join(dataDir, 'postgres-home');
  return fs.existsSync(pointer) ? fs.readFileSync(pointer, 'utf8').trim() : undefined;
}

/** The cluster folder of the embedded PostgreSQL started on `dataDir` (inside it, or in its root home). */
export function embeddedClusterDir(dataDir: string): string {
  const home = rootHome(dataDir);
  return home ? path.join(home, 'data') : path.join(dataDir, 'postgres');
}

/** Removes a test's data folder and, as root, the home its PostgreSQL ran from. */
export function removeEmbeddedData(dataDir: string): void {
  const home = rootHome(dataDir);
  if (home) fs.rmSync(home, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
}
