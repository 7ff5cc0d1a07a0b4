import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Cable, type Frame } from './cable.ts';

type Listener = (frame: Frame) => void;

export interface Presence {
  users: Record<string, string>;
  contacts: Record<string, string>;
}

interface RealtimeValue {
  subscribe(listener: Listener): () => void;
  online: boolean;
  /** Grows each time views must reload their data (first subscription, or a replay the server could not give). */
  resyncs: number;
  /** Who is online, from presence.update frames: agents' availability by user id, contacts online by id. */
  presence: Presence;
}

const RealtimeContext = createContext<RealtimeValue | null>(null);

export function RealtimeProvider({
  accountId,
  userId,
  pubsubToken,
  children,
}: {
  accountId: number;
  userId: number;
  pubsubToken: string;
  children: ReactNode;
}) {
  const listeners = useRef(new Set<Listener>());
  const [online, setOnline] = useState(true);
  const [resyncs, setResyncs] = useState(0);
  const [presence, setPresence] = useState<Presence>({ users: {}, contacts: {} });

  useEffect(() => {
    const url = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/cable`;
    const cable = new Cable({
      url,
      pubsubToken,
      accountId,
      userId,
      onFrame(frame) {
        if (frame.event === 'presence.update')
          setPresence({ users: frame.data.users ?? {}, contacts: frame.data.contacts ?? {} });
        listeners.current.forEach((listener) => listener(frame));
      },
      onResync: () => setResyncs((n) => n + 1),
      onStatus: setOnline,
    });
    cable.start();
    return () => cable.stop();
  }, [accountId, userId, pubsubToken]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  const value = useMemo(() => ({ subscribe, online, resyncs, presence }), [subscribe, online, resyncs, presence]);
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): RealtimeValue {
  const value = useContext(RealtimeContext);
  if (!value) throw new Error('useRealtime outside RealtimeProvider');
  return value;
}

/** Calls the handler (its latest version) for every frame while the component is mounted. */
export function useFrames(handler: Listener): void {
  const { subscribe } = useRealtime();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => subscribe((frame) => latest.current(frame)), [subscribe]);
}
