/**
 * Turns the served OpenAPI 3 document into the SDK's `Paths` type: for every path and method, its path
 * parameters, query, JSON body and JSON success response as TypeScript types. The document Switchboard serves
 * inlines every schema (no `$ref`), with `type`, `properties`, `required`, `items`, `enum`, `anyOf`,
 * `nullable` and `additionalProperties` — the subset handled here. Path parameters come from the template. Deterministic: same document, same text.
 */
type Schema = Record<string, any>;
type Operation = {
  parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
  requestBody?: any;
  responses?: Record<string, any>;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const key = (name: string) => (IDENTIFIER.test(name) ? name : JSON.stringify(name));

export function schemaToType(schema: Schema | undefined, indent = ''): string {
  if (!schema || Object.keys(schema).length === 0) return 'unknown';
  const type = baseType(schema, indent);
  return schema.nullable ? `${type} | null` : type;
}

function baseType(schema: Schema, indent: string): string {
  if (schema.anyOf) return schema.anyOf.map((s: Schema) => wrap(schemaToType(s, indent))).join(' | ');
  if (schema.enum) return schema.enum.map((v: unknown) => JSON.stringify(v)).join(' | ');
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return `Array<${schemaToType(schema.items, indent)}>`;
    case 'object':
    case undefined:
      return objectType(schema, indent);
    default:
      return 'unknown';
  }
}

const wrap = (type: string) => (type.includes('|') && !type.startsWith('{') ? `(${type})` : type);

function objectType(schema: Schema, indent: string): string {
  const properties = Object.entries((schema.properties ?? {}) as Record<string, Schema>);
  const extra = schema.additionalProperties;
  if (properties.length === 0)
    return extra === false
      ? 'Record<string, never>'
      : extra && extra !== true
        ? `Record<string, ${schemaToType(extra, indent)}>`
        : 'Record<string, unknown>';
  const required = new Set<string>(schema.required ?? []);
  const inner = indent + '  ';
  const lines = properties.map(
    ([name, s]) => `${inner}${key(name)}${required.has(name) ? '' : '?'}: ${schemaToType(s, inner)};`,
  );
  if (extra === true) lines.push(`${inner}[key: string]: unknown;`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function parametersType(op: Operation, where: string, indent: string): string | undefined {
  const params = (op.parameters ?? []).filter((p) => p.in === where);
  if (params.length === 0) return undefined;
  return objectType(
    {
      type: 'object',
      properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
      required: params.filter((p) => p.required).map((p) => p.name),
    },
    indent,
  );
}

function successSchema(op: Operation): Schema | undefined {
  const code = Object.keys(op.responses ?? {})
    .filter((c) => /^2/.test(c))
    .sort()[0];
  return code ? op.responses![code].content?.['application/json']?.schema : undefined;
}

/** Every `{name}` of the template, as `string | number` (some routes document only part of their path parameters). */
function pathType(template: string, _indent: string): string | undefined {
  const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  if (names.length === 0) return undefined;
  return `{ ${names.map((n) => `${key(n)}: string | number;`).join(' ')} }`;
}

export function operationType(template: string, op: Operation, indent: string): string {
  const inner = indent + '  ';
  const lines: string[] = [];
  const path = pathType(template, inner);
  const query = parametersType(op, 'query', inner);
  if (path) lines.push(`${inner}path: ${path};`);
  if (query) lines.push(`${inner}query: ${query};`);
  const body = op.requestBody?.content?.['application/json']?.schema;
  if (body) lines.push(`${inner}body${op.requestBody.required ? '' : '?'}: ${schemaToType(body, inner)};`);
  else if (op.requestBody) lines.push(`${inner}body?: unknown;`);
  lines.push(`${inner}response: ${schemaToType(successSchema(op), inner)};`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** The whole generated module. */
export function generateTypes(document: {
  info?: { version?: string };
  paths: Record<string, Record<string, Operation>>;
}): string {
  const entries: string[] = [];
  const paged: string[] = [];
  for (const path of Object.keys(document.paths).sort()) {
    const ops = METHODS.filter((m) => document.paths[path][m]).map(
      (m) => `    ${m}: ${operationType(path, document.paths[path][m], '    ')};`,
    );
    if (ops.length) entries.push(`  ${JSON.stringify(path)}: {\n${ops.join('\n')}\n  };`);
    const names = (document.paths[path].get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    if (names.includes('page') || names.includes('PageNumber')) paged.push(path);
  }
  return [
    "// Generated from Switchboard's /openapi.json by packages/sdk/scripts/openapi-to-ts.ts. Do not edit:",
    '// regenerate with `npm run generate -w packages/sdk` (see the package README). A test fails when this drifts.',
    '',
    '/* eslint-disable */',
    'export interface Paths {',
    ...entries,
    '}',
    '',
    '/** Lists that page, with `page` (Chatwoot) or `PageNumber`/`PageSize` (WTS): what `client.paginate` walks. */',
    `export const PAGED_PATHS = ${JSON.stringify(paged, null, 2).replace(/"/g, "'")} as const;`,
    '',
  ].join('\n');
}
