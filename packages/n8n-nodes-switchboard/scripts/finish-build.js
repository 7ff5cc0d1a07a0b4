// After tsc: dist/ is CommonJS (the package itself is "type": "module" for its sources), and the icons
// sit beside the compiled nodes, where the node descriptions point (`file:switchboard.svg`).
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
fs.writeFileSync(path.join(dist, 'package.json'), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');
for (const dir of ['nodes/Switchboard', 'nodes/SwitchboardTrigger']) {
  for (const file of fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.svg'))) {
    fs.copyFileSync(path.join(root, dir, file), path.join(dist, dir, file));
  }
}
