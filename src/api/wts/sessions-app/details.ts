import type { Db } from '../../../db/pool.ts';
import type { Inbox, Team, User } from '../../../db/types.ts';
import { contactsByIds, type ContactRow } from './contact-list.ts';
import type { SessionRow } from '../../../domain/conversations/with-public-ids.ts';

/** What a session list may expand (WTS `IncludeDetails`). */
export const SESSION_DETAILS = [
  'Undefined',
  'AgentDetails',
  'DepartmentsDetails',
  'ContactDetails',
  'ChannelTypeDetails',
  'ClassificationDetails',
  'ChannelDetails',
] as const;
export type SessionDetail = (typeof SESSION_DETAILS)[number];

export type AgentUser = Pick<User, 'id' | 'uuid' | 'name' | 'display_name' | 'email' | 'avatar_url'>;

export interface SessionRelations {
  contacts: Map<number, ContactRow>;
  agents: Map<number, AgentUser>;
  inboxes: Map<number, Inbox>;
  teams: Map<number, Team>;
}

const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const idsOf = (rows: SessionRow[], pick: (r: SessionRow) => number | null) => [
  ...new Set(rows.map(pick).filter((id): id is number => id !== null)),
];

/**
 * The related rows the asked-for details need, one statement per kind of detail whatever the number of
 * sessions; nothing is loaded for details nobody asked for.
 */
export async function loadSessionRelations(
  db: Db,
  accountId: number,
  rows: SessionRow[],
  include: ReadonlySet<SessionDetail>,
): Promise<SessionRelations> {
  const wants = (...details: SessionDetail[]) => rows.length > 0 && details.some((d) => include.has(d));
  const userIds = idsOf(rows, (r) => r.assignee_id);
  const teamIds = idsOf(rows, (r) => r.team_id);
  const [contacts, agents, inboxes, teams] = await Promise.all([
    wants('ContactDetails')
      ? contactsByIds(
          db,
          accountId,
          idsOf(rows, (r) => r.contact_id),
        )
      : new Map<number, ContactRow>(),
    wants('AgentDetails') && userIds.length
      ? db
          .selectFrom('users')
          .select(['id', 'uuid', 'name', 'display_name', 'email', 'avatar_url'])
          .where('id', 'in', userIds)
          .execute()
      : [],
    wants('ChannelDetails', 'ChannelTypeDetails')
      ? db
          .selectFrom('inboxes')
          .selectAll()
          .where('account_id', '=', accountId)
          .where(
            'id',
            'in',
            idsOf(rows, (r) => r.inbox_id),
          )
          .execute()
      : [],
    wants('DepartmentsDetails') && teamIds.length
      ? db.selectFrom('teams').selectAll().where('account_id', '=', accountId).where('id', 'in', teamIds).execute()
      : [],
  ]);
  return { contacts, agents: byId(agents), inboxes: byId(inboxes), teams: byId(teams) };
}
