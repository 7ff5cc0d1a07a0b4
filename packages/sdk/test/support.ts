import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import type { TestContext } from '../../../test/helpers/context.ts';

export const sdkDir = path.resolve(import.meta.dirname, '..');

/** Builds the package with its own build script and loads dist/ — what a user of the package imports. */
export async function builtSdk(): Promise<typeof import('../src/index.ts')> {
  const built = spawnSync(process.execPath, [path.join(sdkDir, 'scripts/build.js')], { encoding: 'utf8' });
  expect(built.stderr + built.stdout).toBe('');
  expect(built.status).toBe(0);
  return import(path.join(sdkDir, 'dist/index.js'));
}

/** The in-process server listening on a loopback port. */
export async function listening(ctx: TestContext): Promise<string> {
  const address = ctx.app.server.address();
  if (address && typeof address === 'object') return `http://127.0.0.1:${address.port}`;
  return ctx.app.listen({ port: 0, host: '127.0.0.1' });
}
