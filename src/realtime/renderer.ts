import type { Db } from '../db/pool.ts';
import type { DomainEvent } from '../db/types.ts';

/** One frame of the realtime protocol, as a dialect renders it. */
export interface RealtimeFrame {
  event: string;
  data: Record<string, unknown>;
  /** The event's per-account sequence number; absent on frames that are not events (presence). */
  seq?: number;
}

/** What a realtime frame is about, so the hub can tell who may see it. */
export interface Audience {
  inboxId: number | null;
  contactInboxId: number | null;
  /** Private notes and activity messages never reach contacts. */
  contactVisible: boolean;
}

/** Why a resuming subscriber must reload: too much missed (or held meanwhile) to replay, or the replay failed. */
export type ResyncReason = 'replay_too_long' | 'replay_failed';

/** How the socket dialect (Chatwoot's ActionCable) turns outbox events into frames; realtime/ knows only this. */
export interface FrameRenderer {
  /** Each event's frames and audience, in the events' order (a batch shares its reads). */
  render(db: Db, events: DomainEvent[], publicUrl: string): Promise<{ frames: RealtimeFrame[]; audience: Audience }[]>;
  /** The frame telling a resuming subscriber to reload instead of a replay that cannot be made whole. */
  resync(accountId: number, reason: ResyncReason, cursor: number, latestSeq: number): RealtimeFrame;
}

let registered: FrameRenderer | undefined;

/** Called by the dialects' composition (src/dialects.ts). */
export function registerFrameRenderer(renderer: FrameRenderer): void {
  registered = renderer;
}

export function frameRenderer(): FrameRenderer {
  if (!registered) throw new Error('no dialect registered a realtime frame renderer: import src/dialects.ts first');
  return registered;
}
