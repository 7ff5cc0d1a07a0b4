import type { Choice } from './definition.ts';

/** The sandbox's shapes (sandbox.ts), on their own so the dashboard's Test panel can share them. */
export interface SandboxState {
  /** The ask step waiting for the reply; null before the first turn and after the end. */
  step: string | null;
  variables: Record<string, unknown>;
  contact: {
    name: string;
    email: string | null;
    phone: string | null;
    fields: Record<string, unknown>;
    tags: string[];
  };
  session: { metadata: Record<string, unknown> };
}

export interface SandboxEvent {
  step: string;
  text: string;
}

export interface SandboxTurn {
  status: 'waiting' | 'finished' | 'failed';
  reason: string | null;
  messages: { step: string; text?: string; mediaUrl?: string; choices?: Choice[]; choiceStyle?: 'buttons' | 'list' }[];
  events: SandboxEvent[];
  state: SandboxState;
}
