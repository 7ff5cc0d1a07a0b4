import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App } from './types.ts';

export type RoutePlugin = (app: App) => Promise<void>;

/**
 * The route file of a resource folder: `<resource>.routes.ts`, or `<qualifier>-<resource>.routes.ts` where another
 * dialect has a resource of the same name (its other `*.routes.ts` files are sub-plugins it registers itself).
 */
function routeFileIn(folder: string): string | undefined {
  const resource = path.basename(folder);
  if (fs.existsSync(path.join(folder, 'routes.ts')))
    throw new Error(`${folder}/routes.ts: name it ${resource}.routes.ts`);
  const names = fs.readdirSync(folder).filter((name) => name.endsWith('.routes.ts'));
  const entries = names.filter((name) => name === `${resource}.routes.ts` || name.endsWith(`-${resource}.routes.ts`));
  if (entries.length > 1) throw new Error(`${folder} holds several route files for ${resource}: ${entries.join(', ')}`);
  if (names.length && !entries.length)
    throw new Error(`${folder} has route files but none named ${resource}.routes.ts`);
  return entries[0] && path.join(folder, entries[0]);
}

/** Every `<dir>/<resource>/<resource>.routes.ts` is a Fastify plugin; adding a resource is adding a folder. */
export async function loadRouteModules(dir: string): Promise<RoutePlugin[]> {
  const modules: RoutePlugin[] = [];
  if (!fs.existsSync(dir)) return modules;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = entry.isDirectory() ? routeFileIn(path.join(dir, entry.name)) : undefined;
    if (file) modules.push(((await import(pathToFileURL(file).href)) as { default: RoutePlugin }).default);
  }
  return modules;
}
