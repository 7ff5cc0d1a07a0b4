// Builds the web apps (web/<app>/ → web/<app>/dist/) with Vite. Runs from `npm install` (prepare), and
// from `npm start` when a build is missing, so a fresh clone serves the dashboard with no extra step.
import fs from 'node:fs';
import path from 'node:path';
import { ensureModernNode } from './modern-node.js';

ensureModernNode();
const root = path.resolve(import.meta.dirname, '..');
export const WEB_APPS = ['dashboard', 'widget', 'widget-sdk'];

let vite;
try {
  vite = await import('vite');
} catch {
  process.stderr.write(
    'build-web: vite is not installed (npm install without --omit=dev builds the web apps); skipped.\n',
  );
  process.exit(0);
}
for (const app of WEB_APPS) {
  const dir = path.join(root, 'web', app);
  const started = Date.now();
  await vite.build({ root: dir, configFile: path.join(dir, 'vite.config.ts'), logLevel: 'warn' });
  const dist = path.join(dir, 'dist');
  const files = fs
    .readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.html'));
  const bytes = files.reduce((sum, e) => sum + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
  process.stdout.write(`built web/${app} in ${Date.now() - started} ms (${Math.round(bytes / 1024)} KiB of assets)\n`);
}
