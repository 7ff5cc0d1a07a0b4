// `npm run build`: tsc compiles the sources (ES modules with `.ts` imports) to CommonJS in dist/, which
// n8n loads with require(); then dist/ is marked CommonJS (the package itself is "type": "module") and the
// icons are copied beside the compiled nodes, where the descriptions point (`file:switchboard.svg`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');

fs.rmSync(dist, { recursive: true, force: true });
const compiled = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

fs.writeFileSync(path.join(dist, 'package.json'), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');
for (const dir of ['nodes/Switchboard', 'nodes/SwitchboardTrigger']) {
  for (const file of fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.svg'))) {
    fs.copyFileSync(path.join(root, dir, file), path.join(dist, dir, file));
  }
}
