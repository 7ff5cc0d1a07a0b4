import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from './api.ts';
import type { Agent, Inbox, Label, Team } from './types.ts';

export interface CannedResponse {
  id: number;
  short_code: string;
  content: string;
}

export interface DashboardApp {
  id: number;
  title: string;
  content: { type: string; url: string }[];
}

interface AccountData {
  accountId: number;
  base: string;
  inboxes: Inbox[];
  agents: Agent[];
  teams: Team[];
  labels: Label[];
  canned: CannedResponse[];
  apps: DashboardApp[];
  reload(): void;
}

const AccountDataContext = createContext<AccountData | null>(null);

/** What every screen of an account needs for names and pickers, read once per account. */
export function AccountDataProvider({ accountId, children }: { accountId: number; children: ReactNode }) {
  const base = `/api/v1/accounts/${accountId}`;
  const [data, setData] = useState({
    inboxes: [] as Inbox[],
    agents: [] as Agent[],
    teams: [] as Team[],
    labels: [] as Label[],
    canned: [] as CannedResponse[],
    apps: [] as DashboardApp[],
  });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let alive = true;
    const safe = <T,>(promise: Promise<T>, fallback: T) => promise.catch(() => fallback);
    Promise.all([
      safe(
        api.get<{ payload: Inbox[] }>(`${base}/inboxes`).then((r) => r.payload),
        [],
      ),
      safe(api.get<Agent[]>(`${base}/agents`), []),
      safe(api.get<Team[]>(`${base}/teams`), []),
      safe(
        api.get<{ payload: Label[] }>(`${base}/labels`).then((r) => r.payload),
        [],
      ),
      safe(api.get<CannedResponse[]>(`${base}/canned_responses`), []),
      safe(api.get<DashboardApp[]>(`${base}/dashboard_apps`), []),
    ]).then(([inboxes, agents, teams, labels, canned, apps]) => {
      if (alive) setData({ inboxes, agents, teams, labels, canned, apps });
    });
    return () => {
      alive = false;
    };
  }, [base, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const value = useMemo(() => ({ accountId, base, ...data, reload }), [accountId, base, data, reload]);
  return <AccountDataContext.Provider value={value}>{children}</AccountDataContext.Provider>;
}

export function useAccountData(): AccountData {
  const value = useContext(AccountDataContext);
  if (!value) throw new Error('useAccountData outside AccountDataProvider');
  return value;
}
