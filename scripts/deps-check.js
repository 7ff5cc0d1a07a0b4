// `npm run deps:check`: the layers' import rules, checked over src/ (run by `npm test` too).
//   - events/, realtime/, jobs/ and domain/ never import from api/ (a dialect plugs into them, not the reverse);
//   - no import cycles between files.
// Type-only imports count: a layer that names another's types depends on it.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const LOWER_LAYERS = ['events', 'realtime', 'jobs', 'domain'];
// Known exceptions, each with its reason; an entry that no longer breaks the rules fails too (remove it).
const KNOWN = new Set([]);

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

const IMPORT =
  /^\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|^\s*import\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/gm;

function importsOf(file) {
  const text = fs.readFileSync(file, 'utf8');
  const found = new Set();
  for (const match of text.matchAll(IMPORT)) {
    const target = path.resolve(path.dirname(file), match[1] ?? match[2] ?? match[3]);
    if (target.startsWith(src + path.sep) && target.endsWith('.ts')) found.add(target);
  }
  return [...found];
}

const files = sourceFiles(src);
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const rel = (file) => path.relative(src, file);
const layerOf = (file) => rel(file).split(path.sep)[0];
const problems = [];

for (const [file, targets] of graph) {
  if (!LOWER_LAYERS.includes(layerOf(file))) continue;
  for (const target of targets)
    if (layerOf(target) === 'api')
      problems.push({
        key: `layer: src/${rel(file)} → src/${rel(target)}`,
        text: `layer: src/${rel(file)} imports src/${rel(target)} (${layerOf(file)}/ must not depend on api/)`,
      });
}

// Cycles: depth-first search; each cycle is reported once, from its first file in sorted order.
const state = new Map();
const stack = [];
const seen = new Set();
function visit(file) {
  state.set(file, 'open');
  stack.push(file);
  for (const target of graph.get(file) ?? []) {
    if (!graph.has(target)) continue;
    if (state.get(target) === 'open') {
      const cycle = stack.slice(stack.indexOf(target)).map(rel);
      const key = [...cycle].sort().join(' ');
      if (!seen.has(key)) {
        seen.add(key);
        problems.push({
          key: `cycle: src/${cycle[0]} → src/${cycle[1] ?? cycle[0]}`,
          text: `cycle: ${[...cycle, rel(target)].map((f) => `src/${f}`).join(' → ')}`,
        });
      }
    } else if (!state.has(target)) visit(target);
  }
  stack.pop();
  state.set(file, 'done');
}
for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);

const unexpected = problems.filter((p) => !KNOWN.has(p.key)).map((p) => p.text);
const fixed = [...KNOWN]
  .filter((key) => !problems.some((p) => p.key === key))
  .map((key) => `fixed, remove it from KNOWN: ${key}`);
if (unexpected.length || fixed.length) {
  console.error(`deps:check: ${unexpected.length + fixed.length} problem(s)\n` + [...unexpected, ...fixed].join('\n'));
  process.exit(1);
}
console.log(
  `deps:check: ${files.length} files; layers respected and no import cycles${KNOWN.size ? `, but for ${KNOWN.size} known exceptions (scripts/deps-check.js)` : ''}`,
);
