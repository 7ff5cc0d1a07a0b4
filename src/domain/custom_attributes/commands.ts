import { deleteInAccount, updateInAccount } from '../../db/scoped.ts';
import type { Db } from '../../db/pool.ts';
import type { CustomAttributeDefinition } from '../../db/types.ts';
import { validation } from '../../errors.ts';
import type { AttributeModel } from './repository.ts';
import { definedFields } from '../fields.ts';

export const DISPLAY_TYPES = ['text', 'number', 'currency', 'percent', 'link', 'date', 'list', 'checkbox'] as const;
export const ATTRIBUTE_MODELS = ['conversation_attribute', 'contact_attribute'] as const;
export type DisplayType = (typeof DISPLAY_TYPES)[number];

export interface DefinitionInput {
  attribute_display_name?: string;
  attribute_display_type?: DisplayType;
  attribute_description?: string | null;
  attribute_key?: string;
  attribute_model?: AttributeModel;
  attribute_values?: string[];
  regex_pattern?: string | null;
  regex_cue?: string | null;
  default_value?: string | null;
}

function required(value: string | undefined, field: string, label: string): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!trimmed) throw validation(`${label} can't be blank`, [field]);
  return trimmed;
}

/** jsonb takes its list as JSON text (the driver would send a JS array as a PostgreSQL array). */
type Columns = Omit<DefinitionInput, 'attribute_values'> & { attribute_values?: string };

function columns(input: DefinitionInput): Columns {
  const { attribute_values } = input;
  const out: Columns = definedFields(input, [
    'attribute_display_name',
    'attribute_display_type',
    'attribute_description',
    'attribute_key',
    'attribute_model',
    'regex_pattern',
    'regex_cue',
    'default_value',
  ]);
  const name = required(input.attribute_display_name, 'attribute_display_name', 'Attribute display name');
  if (name !== undefined) out.attribute_display_name = name;
  const key = required(input.attribute_key, 'attribute_key', 'Attribute key');
  if (key !== undefined) out.attribute_key = key;
  if (input.regex_pattern) {
    try {
      new RegExp(input.regex_pattern);
    } catch {
      throw validation('Regex pattern is invalid', ['regex_pattern']);
    }
  }
  if (attribute_values !== undefined) out.attribute_values = JSON.stringify(attribute_values);
  return out;
}

export async function createDefinition(
  db: Db,
  accountId: number,
  input: DefinitionInput,
): Promise<CustomAttributeDefinition> {
  const {
    attribute_display_name,
    attribute_key,
    attribute_model = 'conversation_attribute',
    ...values
  } = columns(input);
  if (attribute_display_name === undefined)
    throw validation("Attribute display name can't be blank", ['attribute_display_name']);
  if (attribute_key === undefined) throw validation("Attribute key can't be blank", ['attribute_key']);
  return db
    .insertInto('custom_attribute_definitions')
    .values({ ...values, attribute_display_name, attribute_key, attribute_model, account_id: accountId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateDefinition(
  db: Db,
  accountId: number,
  id: number,
  input: DefinitionInput,
): Promise<CustomAttributeDefinition> {
  return updateInAccount(db, 'custom_attribute_definitions', accountId, id, columns(input));
}

export async function deleteDefinition(db: Db, accountId: number, id: number): Promise<void> {
  await deleteInAccount(db, 'custom_attribute_definitions', accountId, id);
}
