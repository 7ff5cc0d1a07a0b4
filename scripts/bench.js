// `npm run bench [-- --quick]` under Node >= 22.12.
import { ensureModernNode } from './modern-node.js';

ensureModernNode();
await import('../bench/run.ts');
