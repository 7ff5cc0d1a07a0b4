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

const additional = (key: string) => sql`(additional_attributes->>${key})`;

/** "Has an email / a phone number": beyond Chatwoot's operators for these keys (the dashboard's filter uses them). */
const HAS = ['is_present', 'is_not_present'] as const;

const CONTACT_FIELDS: Record<string, FilterField> = {
  name: { expression: sql`name`, kind: 'ci_text', operators: TEXT_OPS },
  email: { expression: sql`email`, kind: 'ci_text', operators: [...TEXT_OPS, ...HAS] },
  identifier: { expression: sql`identifier`, kind: 'ci_text', operators: [...TEXT_OPS, ...HAS] },
  phone_number: { expression: sql`phone_number`, kind: 'text', operators: [...TEXT_OPS, 'starts_with', ...HAS] },
  country_code: { expression: additional('country_code'), kind: 'ci_text', operators: EQUALITY },
  city: { expression: additional('city'), kind: 'ci_text', operators: TEXT_OPS },
  company: { expression: additional('company_name'), kind: 'ci_text', operators: TEXT_OPS },
  labels: { expression: sql`labels`, kind: 'labels', operators: PRESENCE },
  created_at: { expression: sql`created_at`, kind: 'date', operators: DATE_OPS },
  last_activity_at: { expression: sql`last_activity_at`, kind: 'date', operators: DATE_OPS },
  blocked: { expression: sql`blocked`, kind: 'boolean', operators: EQUALITY },
};

export async function contactFilter(db: Db, accountId: number, conditions: FilterCondition[]) {
  const keys = await customAttributeKeys(db, accountId, 'contact_attribute');
  return buildFilter(conditions, CONTACT_FIELDS, keys, sql`custom_attributes`);
}
