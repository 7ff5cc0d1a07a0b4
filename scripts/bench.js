// `npm run bench [-- --quick]` under Node >= 22.12; `--widget` runs the website widget's bench (bench/widget.ts) alone,
// `--mcp` the MCP tool-call latency (bench/mcp.ts), `--rate-limit` the shared rate limiter's cost per request (bench/rate-limit.ts),
// `--sequences` sequence steps and scheduled messages sent per second (bench/sequences.ts), `--whatsapp` the WhatsApp
// channel's throughput against the loopback Graph API (bench/whatsapp.ts), `--import` the speed of
// `switchboard import chatwoot` (bench/import.ts), `--sdk` the SDK's overhead (bench/sdk.ts), `--reports` the Chatwoot v2
// reports' latency over 100,000 messages (bench/reports.ts), `--email` the email channel's inbound SMTP and outbound
// send throughput on loopback (bench/email.ts).
import { ensureModernNode } from './modern-node.js';

ensureModernNode();
const alone = {
  '--widget': '../bench/widget.ts',
  '--mcp': '../bench/mcp.ts',
  '--rate-limit': '../bench/rate-limit.ts',
  '--sequences': '../bench/sequences.ts',
  '--whatsapp': '../bench/whatsapp.ts',
  '--import': '../bench/import.ts',
  '--sdk': '../bench/sdk.ts',
  '--reports': '../bench/reports.ts',
  '--email': '../bench/email.ts',
};
const chosen = Object.keys(alone).find((flag) => process.argv.includes(flag));
await import(chosen ? alone[chosen] : '../bench/run.ts');
