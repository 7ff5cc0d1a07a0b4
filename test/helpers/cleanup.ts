import { onTestFinished } from 'vitest';

export { closeServer } from './close-server.ts';

/**
 * Clean-ups that run after the current test file, wherever they were asked for. (`afterAll` called inside a
 * test is silently never run, so a receiver started by a test used to outlive its file; with files sharing a
 * worker process that leaks ports, sockets and database connections into the next file.) Servers stay up until
 * the file ends, so a late delivery of one test never reaches a port another test reused.
 */
const pending: (() => unknown)[] = [];

export function cleanUpAfterFile(fn: () => unknown): void {
  pending.push(fn);
}

/** Runs `fn` when the test that asks finishes, or after the file when asked outside a test. */
export function cleanUpAfterTestOrFile(fn: () => unknown): void {
  try {
    onTestFinished(async () => {
      await fn();
    });
  } catch {
    cleanUpAfterFile(fn);
  }
}

/** Run by test/setup-file.ts after every test file, last registered first. */
export async function runFileCleanUps(): Promise<void> {
  const errors: unknown[] = [];
  for (const fn of pending.splice(0).reverse()) {
    try {
      await fn();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length) throw errors[0];
}
