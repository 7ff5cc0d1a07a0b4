// `npm run generate [-- URL|FILE]`: rewrites src/paths.ts from a running Switchboard's /openapi.json
// (default http://127.0.0.1:3000/openapi.json) or a saved copy of it.
import fs from 'node:fs';
import path from 'node:path';
import { generateTypes } from './openapi-to-ts.ts';

const source = process.argv[2] ?? 'http://127.0.0.1:3000/openapi.json';
const document = /^https?:/.test(source)
  ? await (await fetch(source)).json()
  : JSON.parse(fs.readFileSync(source, 'utf8'));
const target = path.resolve(import.meta.dirname, '../src/paths.ts');
fs.writeFileSync(target, generateTypes(document));
console.log(`wrote ${path.relative(process.cwd(), target)} (${Object.keys(document.paths).length} paths)`);
