import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { accountRequest, request } from '../api.ts';
import { itemsOf, operationField, requiredString, showFor, type Resource } from './shared.ts';

/** Chatwoot-dialect resources: the Application API in the credential's account, and one Client API call. */

const numberField = (resource: string, displayName: string, name: string, operations: string[]): INodeProperties => ({
  displayName,
  name,
  type: 'number',
  default: 0,
  required: true,
  displayOptions: showFor(resource, operations),
});
const positive = (ctx: IExecuteFunctions, name: string, i: number, label: string): number => {
  const value = Number(ctx.getNodeParameter(name, i, 0));
  if (!Number.isInteger(value) || value < 1)
    throw new NodeOperationError(ctx.getNode(), `Fill in the field ${label}`, { itemIndex: i });
  return value;
};

// Conversation
const CV = 'conversation';
export const conversation: Resource = {
  value: CV,
  name: 'Conversation (Chatwoot)',
  description: 'Chatwoot conversations',
  properties: [
    operationField(
      CV,
      [
        { name: 'Assign', value: 'assign', action: 'Assign a conversation to an agent' },
        { name: 'Create', value: 'create', action: 'Create a conversation' },
        { name: 'Get', value: 'get', action: 'Get a conversation' },
        { name: 'Get All', value: 'getAll', action: 'Get all conversations' },
        {
          name: 'List Contact Conversations in Inbox',
          value: 'listForContactInInbox',
          action: "List a contact's conversations in an inbox (Client API)",
        },
        { name: 'Toggle Status', value: 'toggleStatus', action: 'Change the status of a conversation' },
      ],
      'getAll',
    ),
    numberField(CV, 'Conversation ID', 'conversationId', ['get', 'toggleStatus', 'assign']),
    numberField(CV, 'Inbox ID', 'inboxId', ['create']),
    numberField(CV, 'Contact ID', 'contactId', ['create']),
    {
      displayName: 'Message',
      name: 'message',
      type: 'string',
      default: '',
      description: 'An optional first message',
      displayOptions: showFor(CV, ['create']),
    },
    {
      displayName: 'Status',
      name: 'status',
      type: 'options',
      options: ['open', 'resolved', 'pending', 'snoozed'].map((s) => ({
        name: s[0].toUpperCase() + s.slice(1),
        value: s,
      })),
      default: 'open',
      displayOptions: showFor(CV, ['toggleStatus', 'getAll']),
    },
    {
      displayName: 'Assignee Type',
      name: 'assigneeType',
      type: 'options',
      options: ['all', 'me', 'assigned', 'unassigned'].map((s) => ({
        name: s[0].toUpperCase() + s.slice(1),
        value: s,
      })),
      default: 'all',
      displayOptions: showFor(CV, ['getAll']),
    },
    {
      displayName: 'Page',
      name: 'page',
      type: 'number',
      typeOptions: { minValue: 1 },
      default: 1,
      displayOptions: showFor(CV, ['getAll']),
    },
    numberField(CV, 'Assignee ID', 'assigneeId', ['assign']),
    {
      displayName: 'Inbox Identifier',
      name: 'inboxIdentifier',
      type: 'string',
      default: '',
      required: true,
      description: "The inbox's public identifier",
      displayOptions: showFor(CV, ['listForContactInInbox']),
    },
    {
      displayName: 'Contact Identifier',
      name: 'contactIdentifier',
      type: 'string',
      default: '',
      required: true,
      description: "The contact's source ID in that inbox",
      displayOptions: showFor(CV, ['listForContactInInbox']),
    },
  ],
  operations: {
    getAll: async (ctx, i) =>
      itemsOf(
        await accountRequest(ctx, 'GET', '/conversations', {
          qs: {
            status: ctx.getNodeParameter('status', i, 'open') as string,
            assignee_type: ctx.getNodeParameter('assigneeType', i, 'all') as string,
            page: Number(ctx.getNodeParameter('page', i, 1)),
          },
        }),
      ),
    get: async (ctx, i) =>
      accountRequest(ctx, 'GET', `/conversations/${positive(ctx, 'conversationId', i, 'Conversation ID')}`),
    create: async (ctx, i) => {
      const body: IDataObject = {
        inbox_id: positive(ctx, 'inboxId', i, 'Inbox ID'),
        contact_id: positive(ctx, 'contactId', i, 'Contact ID'),
      };
      const message = String(ctx.getNodeParameter('message', i, '') ?? '');
      if (message) body.message = { content: message };
      return accountRequest(ctx, 'POST', '/conversations', { body });
    },
    toggleStatus: async (ctx, i) =>
      accountRequest(
        ctx,
        'POST',
        `/conversations/${positive(ctx, 'conversationId', i, 'Conversation ID')}/toggle_status`,
        { body: { status: ctx.getNodeParameter('status', i, 'open') } },
      ),
    assign: async (ctx, i) =>
      accountRequest(
        ctx,
        'POST',
        `/conversations/${positive(ctx, 'conversationId', i, 'Conversation ID')}/assignments`,
        { body: { assignee_id: positive(ctx, 'assigneeId', i, 'Assignee ID') } },
      ),
    // Seed 000: the Client API lists a contact's conversations by the inbox's and the contact's public identifiers.
    listForContactInInbox: async (ctx, i) => {
      const inbox = encodeURIComponent(requiredString(ctx, 'inboxIdentifier', i, 'Fill in the field Inbox Identifier'));
      const contact = encodeURIComponent(
        requiredString(ctx, 'contactIdentifier', i, 'Fill in the field Contact Identifier'),
      );
      return itemsOf(await request(ctx, 'GET', `/public/api/v1/inboxes/${inbox}/contacts/${contact}/conversations`));
    },
  },
};

// Message
const M = 'message';
export const message: Resource = {
  value: M,
  name: 'Message (Chatwoot)',
  description: 'Messages of a Chatwoot conversation',
  properties: [
    operationField(
      M,
      [
        { name: 'Create', value: 'create', action: 'Send a message in a conversation' },
        { name: 'Get All', value: 'getAll', action: 'Get the messages of a conversation' },
      ],
      'create',
    ),
    numberField(M, 'Conversation ID', 'conversationId', ['create', 'getAll']),
    {
      displayName: 'Content',
      name: 'content',
      type: 'string',
      typeOptions: { rows: 3 },
      default: '',
      required: true,
      displayOptions: showFor(M, ['create']),
    },
    {
      displayName: 'Private Note',
      name: 'private',
      type: 'boolean',
      default: false,
      description: 'Whether the message is a note only agents see',
      displayOptions: showFor(M, ['create']),
    },
  ],
  operations: {
    create: async (ctx, i) =>
      accountRequest(ctx, 'POST', `/conversations/${positive(ctx, 'conversationId', i, 'Conversation ID')}/messages`, {
        body: {
          content: requiredString(ctx, 'content', i, 'Fill in the field Content'),
          message_type: 'outgoing',
          private: ctx.getNodeParameter('private', i, false),
        },
      }),
    getAll: async (ctx, i) =>
      itemsOf(
        await accountRequest(
          ctx,
          'GET',
          `/conversations/${positive(ctx, 'conversationId', i, 'Conversation ID')}/messages`,
        ),
      ),
  },
};

// Contact
const CT = 'contact';
export const contact: Resource = {
  value: CT,
  name: 'Contact (Chatwoot)',
  description: 'Chatwoot contacts',
  properties: [
    operationField(
      CT,
      [
        { name: 'Create', value: 'create', action: 'Create a contact' },
        { name: 'Get', value: 'get', action: 'Get a contact' },
        { name: 'Get Conversations', value: 'getConversations', action: 'Get the conversations of a contact' },
        { name: 'Search', value: 'search', action: 'Search contacts' },
      ],
      'create',
    ),
    numberField(CT, 'Contact ID', 'contactId', ['get', 'getConversations']),
    numberField(CT, 'Inbox ID', 'inboxId', ['create']),
    { displayName: 'Name', name: 'name', type: 'string', default: '', displayOptions: showFor(CT, ['create']) },
    {
      displayName: 'Email',
      name: 'email',
      type: 'string',
      placeholder: 'name@email.com',
      default: '',
      displayOptions: showFor(CT, ['create']),
    },
    {
      displayName: 'Phone Number',
      name: 'phoneNumber',
      type: 'string',
      default: '',
      placeholder: '+5511999999999',
      displayOptions: showFor(CT, ['create']),
    },
    {
      displayName: 'Identifier',
      name: 'identifier',
      type: 'string',
      default: '',
      displayOptions: showFor(CT, ['create']),
    },
    {
      displayName: 'Query',
      name: 'q',
      type: 'string',
      default: '',
      required: true,
      description: 'Name, email, phone number or identifier',
      displayOptions: showFor(CT, ['search']),
    },
  ],
  operations: {
    create: async (ctx, i) => {
      const body: IDataObject = { inbox_id: positive(ctx, 'inboxId', i, 'Inbox ID') };
      for (const [param, field] of [
        ['name', 'name'],
        ['email', 'email'],
        ['phoneNumber', 'phone_number'],
        ['identifier', 'identifier'],
      ]) {
        const value = String(ctx.getNodeParameter(param, i, '') ?? '').trim();
        if (value) body[field] = value;
      }
      const answer = await accountRequest(ctx, 'POST', '/contacts', { body });
      return answer.payload ?? answer;
    },
    get: async (ctx, i) => {
      const answer = await accountRequest(ctx, 'GET', `/contacts/${positive(ctx, 'contactId', i, 'Contact ID')}`);
      return answer.payload ?? answer;
    },
    getConversations: async (ctx, i) =>
      itemsOf(
        await accountRequest(ctx, 'GET', `/contacts/${positive(ctx, 'contactId', i, 'Contact ID')}/conversations`),
      ),
    search: async (ctx, i) =>
      itemsOf(
        await accountRequest(ctx, 'GET', '/contacts/search', {
          qs: { q: requiredString(ctx, 'q', i, 'Fill in the field Query') },
        }),
      ),
  },
};

// Label
const L = 'label';
export const label: Resource = {
  value: L,
  name: 'Label (Chatwoot)',
  description: 'Chatwoot labels',
  properties: [
    operationField(
      L,
      [
        { name: 'Add to Conversation', value: 'addToConversation', action: 'Add labels to a conversation' },
        { name: 'Create', value: 'create', action: 'Create a label' },
        { name: 'Get All', value: 'getAll', action: 'Get all labels' },
      ],
      'getAll',
    ),
    {
      displayName: 'Title',
      name: 'title',
      type: 'string',
      default: '',
      required: true,
      displayOptions: showFor(L, ['create']),
    },
    { displayName: 'Color', name: 'color', type: 'color', default: '#1f93ff', displayOptions: showFor(L, ['create']) },
    numberField(L, 'Conversation ID', 'conversationId', ['addToConversation']),
    {
      displayName: 'Labels',
      name: 'labels',
      type: 'string',
      default: '',
      required: true,
      description: 'Comma-separated label titles',
      displayOptions: showFor(L, ['addToConversation']),
    },
  ],
  operations: {
    getAll: async (ctx) => itemsOf(await accountRequest(ctx, 'GET', '/labels')),
    create: async (ctx, i) =>
      accountRequest(ctx, 'POST', '/labels', {
        body: {
          title: requiredString(ctx, 'title', i, 'Fill in the field Title'),
          color: ctx.getNodeParameter('color', i, '#1f93ff'),
        },
      }),
    addToConversation: async (ctx, i) => {
      const labels = requiredString(ctx, 'labels', i, 'Fill in the field Labels')
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean);
      return accountRequest(
        ctx,
        'POST',
        `/conversations/${positive(ctx, 'conversationId', i, 'Conversation ID')}/labels`,
        { body: { labels } },
      );
    },
  },
};

// Inbox
const I = 'inbox';
export const inbox: Resource = {
  value: I,
  name: 'Inbox (Chatwoot)',
  description: 'Chatwoot inboxes',
  properties: [
    operationField(
      I,
      [
        { name: 'Create API Inbox', value: 'create', action: 'Create an API inbox' },
        { name: 'Get', value: 'get', action: 'Get an inbox' },
        { name: 'Get All', value: 'getAll', action: 'Get all inboxes' },
      ],
      'getAll',
    ),
    numberField(I, 'Inbox ID', 'inboxId', ['get']),
    {
      displayName: 'Name',
      name: 'name',
      type: 'string',
      default: '',
      required: true,
      displayOptions: showFor(I, ['create']),
    },
  ],
  operations: {
    getAll: async (ctx) => itemsOf(await accountRequest(ctx, 'GET', '/inboxes')),
    get: async (ctx, i) => accountRequest(ctx, 'GET', `/inboxes/${positive(ctx, 'inboxId', i, 'Inbox ID')}`),
    create: async (ctx, i) =>
      accountRequest(ctx, 'POST', '/inboxes', {
        body: { name: requiredString(ctx, 'name', i, 'Fill in the field Name'), channel: { type: 'api' } },
      }),
  },
};
