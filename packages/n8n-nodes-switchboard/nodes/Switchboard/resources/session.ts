import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { request, wtsPages, type Query } from '../api.ts';
import { operationField, pickerField, requiredString, showFor, type Resource } from './shared.ts';

/** WTS session statuses a session can be put in or filtered by (UNDEFINED is refused, as the WTS node does). */
const STATUSES = [
  { name: 'Completed', value: 'COMPLETED' },
  { name: 'Hidden', value: 'HIDDEN' },
  { name: 'In Progress', value: 'IN_PROGRESS' },
  { name: 'Pending', value: 'PENDING' },
  { name: 'Started', value: 'STARTED' },
];
const VALID_STATUSES = STATUSES.map((s) => s.value);
const DETAILS = [
  'AgentDetails',
  'ChannelDetails',
  'ChannelTypeDetails',
  'ClassificationDetails',
  'ContactDetails',
  'DepartmentsDetails',
  'Undefined',
];

/** Seed 003's date ranges: each is `<Field>.After` / `<Field>.Before` on the wire. */
const DATE_RANGES = ['ActiveAt', 'EndAt', 'LastInteractionAt', 'CreatedAt', 'UpdatedAt'];
const dateParam = (range: string, side: 'After' | 'Before') => `${range[0].toLowerCase()}${range.slice(1)}${side}`;

const R = 'session';
const getAll = showFor(R, ['getAll']);
const withSession = ['get', 'changeStatus', 'transfer', 'assignee', 'complete', 'sendMessage', 'sendNote'];

const dateFields: INodeProperties[] = DATE_RANGES.flatMap((range) =>
  (['After', 'Before'] as const).map((side) => ({
    displayName: `${range}.${side}`,
    name: dateParam(range, side),
    type: 'dateTime' as const,
    default: '',
    description: `Only sessions whose ${range} is ${side.toLowerCase()} this date/time (YYYY-MM-DD hh:mm)`,
    displayOptions: getAll,
  })),
);

const properties: INodeProperties[] = [
  operationField(
    R,
    [
      { name: 'Assignee', value: 'assignee', action: 'Assign a session to an agent' },
      { name: 'Change Status', value: 'changeStatus', action: 'Change the status of a session' },
      { name: 'Complete', value: 'complete', action: 'Complete a session' },
      { name: 'Get', value: 'get', action: 'Get a session' },
      { name: 'Get All', value: 'getAll', action: 'Get all sessions' },
      { name: 'Send Message', value: 'sendMessage', action: 'Send a message in a session' },
      { name: 'Send Note', value: 'sendNote', action: 'Add an internal note to a session' },
      { name: 'Transfer', value: 'transfer', action: 'Transfer a session to a department or an agent' },
    ],
    'getAll',
  ),
  {
    displayName: 'Session ID',
    name: 'sessionId',
    type: 'string',
    default: '',
    required: true,
    displayOptions: showFor(R, withSession),
  },

  // Get All (seed 003)
  pickerField('Tag Names or IDs', 'tagIds', 'getTags', getAll, { multiple: true }),
  pickerField('User Name or ID', 'userId', 'getAgents', getAll),
  pickerField('Department Name or ID', 'departmentId', 'getDepartments', getAll),
  { displayName: 'Contact ID', name: 'contactId', type: 'string', default: '', displayOptions: getAll },
  pickerField('Channel Names or IDs', 'channelIds', 'getChannels', getAll, { multiple: true }),
  ...dateFields.slice(0, 6),
  {
    displayName: 'Status Session',
    name: 'status',
    type: 'multiOptions',
    options: STATUSES,
    default: [],
    displayOptions: getAll,
  },
  {
    displayName: 'Include Details',
    name: 'includeDetails',
    type: 'multiOptions',
    options: DETAILS.map((d) => ({ name: d, value: d })),
    default: [],
    description: 'Relations to expand in each session',
    displayOptions: getAll,
  },
  ...dateFields.slice(6),
  {
    displayName: 'Auto Pagination',
    name: 'autoPagination',
    type: 'boolean',
    default: false,
    description: 'Whether to walk every page',
    displayOptions: getAll,
  },
  {
    displayName: 'Max Pages',
    name: 'maxPages',
    type: 'number',
    typeOptions: { minValue: 1, maxValue: 100 },
    default: 10,
    description: 'The most pages to read',
    displayOptions: showFor(R, ['getAll'], { autoPagination: [true] }),
  },
  {
    displayName: 'Page Number',
    name: 'pageNumber',
    type: 'number',
    typeOptions: { minValue: 1 },
    default: 1,
    displayOptions: showFor(R, ['getAll'], { autoPagination: [false] }),
  },
  {
    displayName: 'Page Size',
    name: 'pageSize',
    type: 'number',
    typeOptions: { minValue: 1, maxValue: 100 },
    default: 15,
    displayOptions: showFor(R, ['getAll'], { autoPagination: [false] }),
  },
  {
    displayName: 'Order By',
    name: 'orderBy',
    type: 'string',
    default: '',
    placeholder: 'createdAt',
    displayOptions: getAll,
  },
  {
    displayName: 'Order Direction',
    name: 'orderDirection',
    type: 'options',
    options: [
      { name: 'Ascending', value: 'ASCENDING' },
      { name: 'Descending', value: 'DESCENDING' },
    ],
    default: 'ASCENDING',
    displayOptions: getAll,
  },

  // Get
  {
    displayName: 'Include Details',
    name: 'includeDetails',
    type: 'multiOptions',
    options: DETAILS.map((d) => ({ name: d, value: d })),
    default: [],
    displayOptions: showFor(R, ['get']),
  },

  // Change Status
  {
    displayName: 'New Status',
    name: 'newStatus',
    type: 'options',
    options: STATUSES,
    default: 'IN_PROGRESS',
    displayOptions: showFor(R, ['changeStatus']),
  },

  // Transfer / Assignee
  pickerField('Department Name or ID', 'newDepartmentId', 'getDepartments', showFor(R, ['transfer'])),
  pickerField('User Name or ID', 'newUserId', 'getAgents', showFor(R, ['transfer', 'assignee']), {
    hint: 'The agent to give the session to (Transfer: an agent of that department; empty transfers to the department)',
  }),

  // Complete
  {
    displayName: 'Reactivate On New Message',
    name: 'reactivateOnNewMessage',
    type: 'boolean',
    default: false,
    displayOptions: showFor(R, ['complete']),
  },
  {
    displayName: 'Stop Bot In Execution',
    name: 'stopBotInExecution',
    type: 'boolean',
    default: false,
    displayOptions: showFor(R, ['complete']),
  },

  // Send Message / Send Note
  {
    displayName: 'Text',
    name: 'text',
    type: 'string',
    typeOptions: { rows: 3 },
    default: '',
    displayOptions: showFor(R, ['sendMessage', 'sendNote']),
  },
  {
    displayName: 'File URL',
    name: 'fileUrl',
    type: 'string',
    default: '',
    displayOptions: showFor(R, ['sendMessage', 'sendNote']),
  },
  {
    displayName: 'Wait for Delivery',
    name: 'sync',
    type: 'boolean',
    default: false,
    description: 'Whether to use /message/sync, which answers once the message is sent (up to 25 s)',
    displayOptions: showFor(R, ['sendMessage']),
  },
];

function sessionId(ctx: IExecuteFunctions, i: number): string {
  return requiredString(ctx, 'sessionId', i, 'SessionID is empty!');
}

/** Seed 003's Get All: every filter on the wire as the WTS node sends it, one page or several. */
async function getAllSessions(ctx: IExecuteFunctions, i: number): Promise<IDataObject[]> {
  const param = <T>(name: string, fallback: T) => ctx.getNodeParameter(name, i, fallback) as T;
  const status = param<string[]>('status', []);
  if (status.some((s) => !VALID_STATUSES.includes(s)))
    throw new NodeOperationError(ctx.getNode(), 'Add a valid status!', { itemIndex: i });
  const qs: Query = {
    TagsId: param<string[]>('tagIds', []),
    UserId: param('userId', ''),
    DepartmentId: param('departmentId', ''),
    ContactId: param('contactId', ''),
    ChannelsId: param<string[]>('channelIds', []),
    Status: status,
    IncludeDetails: param<string[]>('includeDetails', []),
    OrderBy: param('orderBy', ''),
    OrderDirection: param('orderDirection', 'ASCENDING'),
  };
  for (const range of DATE_RANGES)
    for (const side of ['After', 'Before'] as const) qs[`${range}.${side}`] = param(dateParam(range, side), '');
  if (param('autoPagination', false)) {
    const maxPages = Math.min(100, Math.max(1, Number(param('maxPages', 10))));
    return wtsPages(ctx, '/chat/v1/session', qs, maxPages);
  }
  const pageSize = Math.min(100, Math.max(1, Number(param('pageSize', 15))));
  const envelope = await request(ctx, 'GET', '/chat/v1/session', {
    qs: { ...qs, PageNumber: Number(param('pageNumber', 1)), PageSize: pageSize },
  });
  return envelope.items ?? [];
}

export const session: Resource = {
  value: R,
  name: 'Session',
  description: 'WTS sessions (conversations)',
  properties,
  operations: {
    getAll: getAllSessions,
    get: async (ctx, i) =>
      request(ctx, 'GET', `/chat/v2/session/${encodeURIComponent(sessionId(ctx, i))}`, {
        qs: { IncludeDetails: ctx.getNodeParameter('includeDetails', i, []) as string[] },
      }),
    changeStatus: async (ctx, i) => {
      const id = sessionId(ctx, i);
      const newStatus = String(ctx.getNodeParameter('newStatus', i, ''));
      if (!VALID_STATUSES.includes(newStatus))
        throw new NodeOperationError(ctx.getNode(), 'Add a valid status!', { itemIndex: i });
      return request(ctx, 'PUT', `/chat/v1/session/${encodeURIComponent(id)}/status`, { body: { newStatus } });
    },
    transfer: async (ctx, i) => {
      const id = sessionId(ctx, i);
      const newDepartmentId = requiredString(
        ctx,
        'newDepartmentId',
        i,
        'Choose from the list: the department to transfer to',
      );
      const newUserId = String(ctx.getNodeParameter('newUserId', i, '') ?? '').trim();
      // As the WTS node: to an agent (USER, with the department) when one is chosen, else to the department.
      const body =
        newUserId && newUserId !== 'Undefined'
          ? { type: 'USER', newDepartmentId, newUserId }
          : { type: 'DEPARTMENT', newDepartmentId };
      return request(ctx, 'PUT', `/chat/v1/session/${encodeURIComponent(id)}/transfer`, { body });
    },
    assignee: async (ctx, i) => {
      const id = sessionId(ctx, i);
      const userId = requiredString(ctx, 'newUserId', i, 'Choose from the list: the agent to assign');
      return request(ctx, 'PUT', `/chat/v1/session/${encodeURIComponent(id)}/assignee`, { body: { userId } });
    },
    complete: async (ctx, i) => {
      const id = sessionId(ctx, i);
      const body = {
        reactivateOnNewMessage: ctx.getNodeParameter('reactivateOnNewMessage', i, false),
        stopBotInExecution: ctx.getNodeParameter('stopBotInExecution', i, false),
      };
      return request(ctx, 'PUT', `/chat/v1/session/${encodeURIComponent(id)}/complete`, { body });
    },
    sendMessage: async (ctx, i) => {
      const id = sessionId(ctx, i);
      const text = String(ctx.getNodeParameter('text', i, ''));
      const fileUrl = String(ctx.getNodeParameter('fileUrl', i, ''));
      if (!text && !fileUrl)
        throw new NodeOperationError(ctx.getNode(), 'Fill in the field text or file URL', { itemIndex: i });
      const path = `/chat/v1/session/${encodeURIComponent(id)}/message${ctx.getNodeParameter('sync', i, false) ? '/sync' : ''}`;
      return request(ctx, 'POST', path, { body: { ...(text ? { text } : {}), ...(fileUrl ? { fileUrl } : {}) } });
    },
    sendNote: async (ctx, i) => {
      const id = sessionId(ctx, i);
      const text = String(ctx.getNodeParameter('text', i, ''));
      const fileUrl = String(ctx.getNodeParameter('fileUrl', i, ''));
      if (!text && !fileUrl)
        throw new NodeOperationError(ctx.getNode(), 'Fill in the field text or file URL', { itemIndex: i });
      return request(ctx, 'POST', `/chat/v1/session/${encodeURIComponent(id)}/note`, {
        body: { ...(text ? { text } : {}), ...(fileUrl ? { filesUrls: [fileUrl] } : {}) },
      });
    },
  },
};
