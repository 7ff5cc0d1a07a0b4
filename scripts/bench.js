// `npm run bench [-- --quick]` under Node >= 22.12; `--widget` runs the website widget's bench (bench/widget.ts) alone.
import { ensureModernNode } from './modern-node.js';

ensureModernNode();
await import(process.argv.includes('--widget') ? '../bench/widget.ts' : '../bench/run.ts');
