// `npm run bench [-- --quick]` under Node >= 22.12; `--widget` runs the website widget's bench (bench/widget.ts) alone,
// `--mcp` the MCP tool-call latency (bench/mcp.ts), `--sdk` the TypeScript SDK's overhead (bench/sdk.ts), `--rate-limit` the shared rate limiter's cost per request (bench/rate-limit.ts).
import { ensureModernNode } from './modern-node.js';

ensureModernNode();
const alone = { '--widget': '../bench/widget.ts', '--mcp': '../bench/mcp.ts', '--sdk': '../bench/sdk.ts', '--rate-limit': '../bench/rate-limit.ts' };
const chosen = Object.keys(alone).find((flag) => process.argv.includes(flag));
await import(chosen ? alone[chosen] : '../bench/run.ts');
