// `npm test`: type-check, lint, check the layers, then the whole vitest suite, under Node >= 22.12.
// Ends with one plain "tests: N passed, N failed" line that any CI can read.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureModernNode } from './modern-node.js';

ensureModernNode();
const root = path.resolve(import.meta.dirname, '..');
const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root });

// The server and tests, then each web app (its own tsconfig: DOM and JSX instead of Node).
for (const project of [
  root,
  path.join(root, 'web/dashboard'),
  path.join(root, 'web/widget'),
  path.join(root, 'web/widget-sdk'),
]) {
  const typecheck = run([path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', project]);
  if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);
}

// Formatting and lint rules (biome.jsonc); `npm run lint:fix` applies the formatter and the safe fixes.
const lint = run([path.join(root, 'node_modules/@biomejs/biome/bin/biome'), 'ci', '--colors=off', '.']);
if (lint.status !== 0) {
  console.error('biome: run `npm run lint:fix` to format, then fix what remains by hand');
  process.exit(lint.status ?? 1);
}

// The layers' import rules (scripts/deps-check.js).
const deps = run([path.join(root, 'scripts/deps-check.js')]);
if (deps.status !== 0) process.exit(deps.status ?? 1);

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-test-')), 'report.json');
const tests = run([
  path.join(root, 'node_modules/vitest/vitest.mjs'),
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);
try {
  const summary = JSON.parse(fs.readFileSync(report, 'utf8'));
  const skipped = summary.numPendingTests + summary.numTodoTests;
  console.log(
    `tests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
} catch {
  console.log('tests: 0 passed, 1 failed');
}
process.exit(tests.status ?? 1);
