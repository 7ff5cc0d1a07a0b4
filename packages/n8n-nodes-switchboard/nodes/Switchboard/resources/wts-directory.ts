import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { request, wtsPages } from '../api.ts';
import {
  itemsOf,
  keyValueField,
  keyValues,
  operationField,
  pickerField,
  requiredString,
  showFor,
  type Resource,
} from './shared.ts';

const id = (ctx: IExecuteFunctions, i: number, what: string) =>
  encodeURIComponent(requiredString(ctx, 'id', i, `Fill in the field ${what} ID`));
const idField = (resource: string, label: string, operations: string[]): INodeProperties => ({
  displayName: `${label} ID`,
  name: 'id',
  type: 'string',
  default: '',
  required: true,
  displayOptions: showFor(resource, operations),
});

// Contact (WTS: /core/v1/contact)
const C = 'wtsContact';
const contactFields = (operations: string[]): INodeProperties[] => [
  { displayName: 'Name', name: 'name', type: 'string', default: '', displayOptions: showFor(C, operations) },
  {
    displayName: 'Phone Number',
    name: 'phoneNumber',
    type: 'string',
    default: '',
    placeholder: '+5511999999999',
    displayOptions: showFor(C, operations),
  },
  {
    displayName: 'Email',
    name: 'email',
    type: 'string',
    placeholder: 'name@email.com',
    default: '',
    displayOptions: showFor(C, operations),
  },
  keyValueField('Metadata', 'metadata', 'Free-form metadata of the contact', showFor(C, operations)),
];

function contactBody(ctx: IExecuteFunctions, i: number): IDataObject {
  const body: IDataObject = {};
  for (const field of ['name', 'phoneNumber', 'email']) {
    const value = String(ctx.getNodeParameter(field, i, '') ?? '').trim();
    if (value) body[field] = value;
  }
  const metadata = keyValues(ctx.getNodeParameter('metadata', i, {}) as IDataObject);
  if (metadata) body.metadata = metadata;
  return body;
}

const details = (ctx: IExecuteFunctions, i: number) => ctx.getNodeParameter('includeDetails', i, []) as string[];

export const wtsContact: Resource = {
  value: C,
  name: 'Contact (WTS)',
  description: 'WTS contacts (/core/v1/contact)',
  properties: [
    operationField(
      C,
      [
        { name: 'Create', value: 'create', action: 'Create a contact' },
        { name: 'Get', value: 'get', action: 'Get a contact' },
        { name: 'Get All', value: 'getAll', action: 'Get all contacts' },
        { name: 'Get by Phone', value: 'getByPhone', action: 'Get a contact by phone number' },
        { name: 'Update', value: 'update', action: 'Update a contact' },
        { name: 'Update Tags', value: 'updateTags', action: 'Add, remove or replace the tags of a contact' },
      ],
      'create',
    ),
    idField(C, 'Contact', ['get', 'update', 'updateTags']),
    {
      displayName: 'Phone Number',
      name: 'phone',
      type: 'string',
      default: '',
      required: true,
      displayOptions: showFor(C, ['getByPhone']),
    },
    ...contactFields(['create', 'update']),
    {
      displayName: 'Upsert',
      name: 'upsert',
      type: 'boolean',
      default: false,
      description: 'Whether to update the contact with the same phone or email instead of failing',
      displayOptions: showFor(C, ['create']),
    },
    pickerField('Tag Names or IDs', 'tagIds', 'getTags', showFor(C, ['updateTags']), { multiple: true }),
    {
      displayName: 'Tag Operation',
      name: 'tagOperation',
      type: 'options',
      options: [
        { name: 'Insert If Not Exists', value: 'InsertIfNotExists' },
        { name: 'Delete If Exists', value: 'DeleteIfExists' },
        { name: 'Replace All', value: 'ReplaceAll' },
      ],
      default: 'InsertIfNotExists',
      displayOptions: showFor(C, ['updateTags']),
    },
    {
      displayName: 'Include Details',
      name: 'includeDetails',
      type: 'multiOptions',
      options: ['Tags', 'CustomFields', 'Portfolios'].map((d) => ({ name: d, value: d })),
      default: [],
      displayOptions: showFor(C, ['get', 'getByPhone']),
    },
    {
      displayName: 'Max Pages',
      name: 'maxPages',
      type: 'number',
      typeOptions: { minValue: 1, maxValue: 100 },
      default: 10,
      displayOptions: showFor(C, ['getAll']),
    },
  ],
  operations: {
    create: async (ctx, i) =>
      request(ctx, 'POST', '/core/v1/contact', {
        body: {
          ...contactBody(ctx, i),
          ...(ctx.getNodeParameter('upsert', i, false) ? { options: { upsert: true } } : {}),
        },
      }),
    get: async (ctx, i) =>
      request(ctx, 'GET', `/core/v1/contact/${id(ctx, i, 'Contact')}`, { qs: { IncludeDetails: details(ctx, i) } }),
    getByPhone: async (ctx, i) =>
      request(
        ctx,
        'GET',
        `/core/v1/contact/phonenumber/${encodeURIComponent(requiredString(ctx, 'phone', i, 'Fill in the field Phone Number'))}`,
        { qs: { IncludeDetails: details(ctx, i) } },
      ),
    getAll: async (ctx, i) =>
      wtsPages(ctx, '/core/v1/contact', { PageSize: 100 }, Number(ctx.getNodeParameter('maxPages', i, 10))),
    update: async (ctx, i) => {
      const body = contactBody(ctx, i);
      return request(ctx, 'PUT', `/core/v1/contact/${id(ctx, i, 'Contact')}`, { body });
    },
    updateTags: async (ctx, i) =>
      request(ctx, 'POST', `/core/v1/contact/${id(ctx, i, 'Contact')}/tags`, {
        body: {
          tagIds: ctx.getNodeParameter('tagIds', i, []) as string[],
          operation: ctx.getNodeParameter('tagOperation', i, 'InsertIfNotExists'),
        },
      }),
  },
};

// Tag (/core/v1/tag)
const T = 'tag';
export const tag: Resource = {
  value: T,
  name: 'Tag',
  description: 'WTS tags (/core/v1/tag)',
  properties: [
    operationField(
      T,
      [
        { name: 'Create', value: 'create', action: 'Create a tag' },
        { name: 'Delete', value: 'delete', action: 'Delete a tag' },
        { name: 'Get All', value: 'getAll', action: 'Get all tags' },
        { name: 'Update', value: 'update', action: 'Rename or recolour a tag' },
      ],
      'getAll',
    ),
    idField(T, 'Tag', ['update', 'delete']),
    {
      displayName: 'Name',
      name: 'name',
      type: 'string',
      default: '',
      required: true,
      displayOptions: showFor(T, ['create', 'update']),
    },
    {
      displayName: 'Color',
      name: 'color',
      type: 'string',
      default: '',
      placeholder: 'GRAY_600',
      description: 'A palette name (GET /core/v1/tag/color)',
      displayOptions: showFor(T, ['create', 'update']),
    },
    {
      displayName: 'Remove From Contacts',
      name: 'removeFromContacts',
      type: 'boolean',
      default: false,
      description: 'Whether to delete a tag that contacts carry',
      displayOptions: showFor(T, ['delete']),
    },
  ],
  operations: {
    getAll: async (ctx) => itemsOf(await request(ctx, 'GET', '/core/v1/tag')),
    create: async (ctx, i) => request(ctx, 'POST', '/core/v1/tag', { body: tagBody(ctx, i) }),
    update: async (ctx, i) => request(ctx, 'PUT', `/core/v1/tag/${id(ctx, i, 'Tag')}`, { body: tagBody(ctx, i) }),
    delete: async (ctx, i) => {
      await request(ctx, 'DELETE', `/core/v1/tag/${id(ctx, i, 'Tag')}`, {
        body: { removeFromContacts: ctx.getNodeParameter('removeFromContacts', i, false) },
      });
      return { deleted: true };
    },
  },
};

function tagBody(ctx: IExecuteFunctions, i: number): IDataObject {
  const color = String(ctx.getNodeParameter('color', i, '') ?? '').trim();
  return { name: requiredString(ctx, 'name', i, 'Fill in the field Name'), ...(color ? { color } : {}) };
}

// Department (/core/v1/department)
const D = 'department';
export const department: Resource = {
  value: D,
  name: 'Department',
  description: 'WTS departments (teams)',
  properties: [
    operationField(
      D,
      [
        { name: 'Create', value: 'create', action: 'Create a department' },
        { name: 'Get', value: 'get', action: 'Get a department' },
        { name: 'Get All', value: 'getAll', action: 'Get all departments' },
      ],
      'getAll',
    ),
    idField(D, 'Department', ['get']),
    {
      displayName: 'Name',
      name: 'name',
      type: 'string',
      default: '',
      required: true,
      displayOptions: showFor(D, ['create']),
    },
  ],
  operations: {
    getAll: async (ctx) => itemsOf(await request(ctx, 'GET', '/core/v1/department')),
    get: async (ctx, i) => request(ctx, 'GET', `/core/v1/department/${id(ctx, i, 'Department')}`),
    create: async (ctx, i) =>
      request(ctx, 'POST', '/core/v1/department', {
        body: { name: requiredString(ctx, 'name', i, 'Fill in the field Name') },
      }),
  },
};

// Agent (/core/v1/agent)
const A = 'agent';
export const agent: Resource = {
  value: A,
  name: 'Agent',
  description: 'WTS agents (users)',
  properties: [
    operationField(
      A,
      [
        { name: 'Get', value: 'get', action: 'Get an agent' },
        { name: 'Get All', value: 'getAll', action: 'Get all agents' },
      ],
      'getAll',
    ),
    idField(A, 'Agent', ['get']),
  ],
  operations: {
    getAll: async (ctx) => itemsOf(await request(ctx, 'GET', '/core/v1/agent')),
    get: async (ctx, i) => request(ctx, 'GET', `/core/v1/agent/${id(ctx, i, 'Agent')}`),
  },
};
