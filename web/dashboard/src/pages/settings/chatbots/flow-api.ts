import { api, ApiError } from '../../../lib/api.ts';
import type { FlowDefinition } from './flow-edit.ts';

export interface ChatbotDetail {
  id: string;
  name: string;
  description: string | null;
  /** The live version. */
  version: number;
  definition: FlowDefinition;
  definition_version: number;
  versions: { version: number; created_at: string; live: boolean }[];
}

/** One Test panel turn, as the server's sandbox answers it. */
export type { SandboxState, SandboxTurn } from '../../../../../../src/domain/chatbots/sandbox-types.ts';
import type { SandboxState, SandboxTurn } from '../../../../../../src/domain/chatbots/sandbox-types.ts';

export const flowApi = (base: string) => ({
  list: () =>
    api.get<{
      payload: { id: string; name: string; description: string | null; version: number; updated_at: string }[];
    }>(`${base}/chatbots`),
  create: (name: string, definition: FlowDefinition) =>
    api.post<ChatbotDetail>(`${base}/chatbots`, { name, definition }),
  remove: (id: string) => api.delete(`${base}/chatbots/${id}`),
  show: (id: string, version?: number) =>
    api.get<ChatbotDetail>(`${base}/chatbots/${id}${version ? `?version=${version}` : ''}`),
  /** Saves a draft: a new version that is not live until published. */
  save: (id: string, definition: FlowDefinition) =>
    api.patch<ChatbotDetail>(`${base}/chatbots/${id}`, { definition, publish: false }),
  publish: (id: string, version: number) => api.post<ChatbotDetail>(`${base}/chatbots/${id}/publish`, { version }),
  sandbox: (definition: FlowDefinition, state?: SandboxState, reply?: string) =>
    api.post<SandboxTurn>(`${base}/chatbots/sandbox`, { definition, state, reply }),
});

/** The per-attribute messages of a 422 (the account API's `details`), or none. */
export function validationDetails(caught: unknown): { attribute: string; message: string }[] {
  const body =
    caught instanceof ApiError
      ? (caught.body as { details?: { attribute: string; message: string }[] } | undefined)
      : undefined;
  return Array.isArray(body?.details) ? body.details : [];
}
