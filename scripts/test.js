// `npm test`: type-check, then the whole vitest suite, under Node >= 22.12.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureModernNode } from './modern-node.js';

ensureModernNode();
const root = path.resolve(import.meta.dirname, '..');
const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root });

const typecheck = run([path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root]);
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);
const tests = run([path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)]);
process.exit(tests.status ?? 1);
