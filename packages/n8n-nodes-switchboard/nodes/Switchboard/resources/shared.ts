import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** What one operation answers: one item, several, or nothing worth an item of its own. */
export type OperationResult = IDataObject | IDataObject[];
export type Operation = (ctx: IExecuteFunctions, i: number) => Promise<OperationResult>;

/** A resource: its fields (shown for its own operations) and what each operation does. */
export interface Resource {
  value: string;
  name: string;
  description: string;
  properties: INodeProperties[];
  operations: Record<string, Operation>;
}

/** Fields shown only for the given operations of a resource. */
export const showFor = (resource: string, operation: string[], extra: IDataObject = {}) => ({
  show: { resource: [resource], operation, ...extra },
});

/** A required string parameter, refused when blank with `message` (the WTS node's own words where it has them). */
export function requiredString(
  ctx: IExecuteFunctions,
  name: string,
  i: number,
  message: string,
  description?: string,
): string {
  const value = String(ctx.getNodeParameter(name, i, '') ?? '').trim();
  if (!value || value === 'Undefined' || value === 'null')
    throw new NodeOperationError(ctx.getNode(), message, { itemIndex: i, description });
  return value;
}

/** `{metadata: [{key, value}]}` from a fixedCollection → `{key: value}`. */
export function keyValues(collection: IDataObject | undefined, group = 'values'): Record<string, string> | undefined {
  const rows = (collection?.[group] ?? []) as Array<{ key?: string; value?: string }>;
  const out: Record<string, string> = {};
  for (const row of rows) if (row.key) out[row.key] = String(row.value ?? '');
  return Object.keys(out).length ? out : undefined;
}

export const keyValueField = (
  displayName: string,
  name: string,
  description: string,
  displayOptions: INodeProperties['displayOptions'],
): INodeProperties => ({
  displayName,
  name,
  type: 'fixedCollection',
  typeOptions: { multipleValues: true },
  placeholder: 'Add Field',
  default: {},
  description,
  displayOptions,
  options: [
    {
      displayName: 'Values',
      name: 'values',
      values: [
        { displayName: 'Key', name: 'key', type: 'string', default: '' },
        { displayName: 'Value', name: 'value', type: 'string', default: '' },
      ],
    },
  ],
});

/** A list answer as items: a bare array, a WTS page envelope (`items`) or a Chatwoot `payload`. */
export function itemsOf(body: any): IDataObject[] {
  if (Array.isArray(body)) return body;
  if (Array.isArray(body?.items)) return body.items;
  if (Array.isArray(body?.payload)) return body.payload;
  if (Array.isArray(body?.data?.payload)) return body.data.payload;
  return [body];
}

/** The operation picker of one resource. */
export function operationField(
  resource: string,
  options: Array<{ name: string; value: string; action: string; description?: string }>,
  defaultValue: string,
): INodeProperties {
  return {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: [resource] } },
    default: defaultValue,
    options,
  };
}

const EXPRESSION_LINK = '<a href="https://docs.n8n.io/code/expressions/">expression</a>';

/** A list loaded from the server (`loadOptionsMethod`): one id (`options`) or several (`multiOptions`). */
export function pickerField(
  displayName: string,
  name: string,
  loadOptionsMethod: string,
  displayOptions: INodeProperties['displayOptions'],
  extra: Partial<INodeProperties> & { multiple?: boolean; hint?: string } = {},
): INodeProperties {
  const { multiple, hint, ...rest } = extra;
  const how = multiple
    ? `Choose from the list, or specify IDs using an ${EXPRESSION_LINK}`
    : `Choose from the list, or specify an ID using an ${EXPRESSION_LINK}`;
  return {
    displayName,
    name,
    type: multiple ? 'multiOptions' : 'options',
    typeOptions: { loadOptionsMethod },
    default: multiple ? [] : '',
    description: hint ? `${hint}. ${how}.` : how,
    displayOptions,
    ...rest,
  };
}
