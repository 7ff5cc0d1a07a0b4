import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { InternalResponse } from './internal-call.ts';

function errorMessage(body: unknown): string {
  if (body && typeof body === 'object') {
    const b = body as { error?: unknown; message?: unknown; errors?: unknown; detail?: unknown };
    const found = b.error ?? b.message ?? b.errors ?? b.detail;
    if (found !== undefined) return typeof found === 'string' ? found : JSON.stringify(found);
  }
  return typeof body === 'string' ? body : JSON.stringify(body);
}

/**
 * A tool's answer: the API's JSON as text, or, when the API refused (a denial, a missing record, bad input),
 * an error result the model can read and act on (MCP reports tool failures in the result, not as protocol errors).
 */
export function toolResult(response: InternalResponse): CallToolResult {
  if (response.status >= 400) {
    const denied = response.status === 401 || response.status === 403;
    const prefix = denied ? 'Not allowed' : response.status === 404 ? 'Not found' : 'Refused';
    return {
      isError: true,
      content: [{ type: 'text', text: `${prefix} (HTTP ${response.status}): ${errorMessage(response.body)}` }],
    };
  }
  return { content: [{ type: 'text', text: JSON.stringify(response.body ?? { ok: true }) }] };
}

export function toolError(text: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text }] };
}
