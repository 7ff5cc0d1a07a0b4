import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import {
  buildFilter,
  DATE_OPS,
  EQUALITY,
  PRESENCE,
  TEXT_OPS,
  type FilterCondition,
  type FilterField,
} from '../filters/conditions.ts';
import { customAttributeKeys } from '../filters/custom-keys.ts';

const additional = (key: string) => sql`(c.additional_attributes->>${key})`;

const CONVERSATION_FIELDS: Record<string, FilterField> = {
  status: {
    expression: sql`(CASE WHEN c.status = 'hidden' THEN 'resolved' ELSE c.status END)`,
    kind: 'text',
    operators: EQUALITY,
  },
  assignee_id: { expression: sql`c.assignee_id`, kind: 'number', operators: PRESENCE },
  inbox_id: { expression: sql`c.inbox_id`, kind: 'number', operators: PRESENCE },
  team_id: { expression: sql`c.team_id`, kind: 'number', operators: PRESENCE },
  campaign_id: { expression: additional('campaign_id'), kind: 'number', operators: PRESENCE },
  labels: { expression: sql`c.labels`, kind: 'labels', operators: PRESENCE },
  priority: { expression: sql`c.priority`, kind: 'text', operators: EQUALITY },
  display_id: { expression: sql`c.display_id`, kind: 'text', operators: TEXT_OPS },
  browser_language: { expression: additional('browser_language'), kind: 'ci_text', operators: EQUALITY },
  conversation_language: { expression: additional('conversation_language'), kind: 'ci_text', operators: EQUALITY },
  referer: { expression: additional('referer'), kind: 'text', operators: TEXT_OPS },
  mail_subject: { expression: additional('mail_subject'), kind: 'ci_text', operators: TEXT_OPS },
  created_at: { expression: sql`c.created_at`, kind: 'date', operators: DATE_OPS },
  last_activity_at: { expression: sql`c.last_activity_at`, kind: 'date', operators: DATE_OPS },
};

export async function conversationFilter(db: Db, accountId: number, conditions: FilterCondition[]) {
  const keys = await customAttributeKeys(db, accountId, 'conversation_attribute');
  return buildFilter(conditions, CONVERSATION_FIELDS, keys, sql`c.custom_attributes`);
}
