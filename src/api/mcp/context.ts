import type { InternalResponse } from './internal-call.ts';

/** What every tool gets: one call to our API as the MCP caller, and the account's route prefix. */
export interface ToolContext {
  call: (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => Promise<InternalResponse>;
  /** `/api/v1/accounts/<id>` */
  account: string;
  accountId: number;
  /** Where the WTS dialect acts for this token (principal.ts). */
  companyAccountId?: number;
}
