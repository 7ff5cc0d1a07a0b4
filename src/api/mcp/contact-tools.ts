import * as z from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from './context.ts';
import { toolResult } from './tool-result.ts';

const contactFields = {
  name: z.string().max(255).optional().describe('Full name'),
  email: z.string().max(255).optional().describe('Email address (unique in the account)'),
  phone_number: z
    .string()
    .max(40)
    .optional()
    .describe('Phone in E.164 form, e.g. +5511999990000 (unique in the account)'),
  identifier: z.string().max(255).optional().describe("Your own system's id for this person (unique in the account)"),
  custom_attributes: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Custom attribute values keyed by attribute key'),
};

export function registerContactTools(server: McpServer, { call, account }: ToolContext): void {
  server.registerTool(
    'search_contacts',
    {
      title: 'Search contacts',
      description:
        'Find contacts whose name, email, phone number or identifier matches `query` (partial matches count). ' +
        'ALWAYS call this with the email or phone before create_contact: creating a contact that already exists makes a duplicate ' +
        '(or fails on the unique email/phone). Returns {meta: {count}, payload: [contact]} where each contact has id, name, email, ' +
        'phone_number, identifier, custom_attributes. 15 per page; pass `page` for more.',
      inputSchema: {
        query: z.string().min(1).max(500).describe('Text to match: an email, a phone number, a name'),
        page: z.number().int().min(1).optional(),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ query, page }) =>
      toolResult(await call('GET', `${account}/contacts/search?q=${encodeURIComponent(query)}&page=${page ?? 1}`)),
  );

  server.registerTool(
    'create_contact',
    {
      title: 'Create a contact',
      description:
        'Create a new contact (a customer). Use only after search_contacts found no match for the email/phone. ' +
        'Give at least one of name, email, phone_number, identifier. Pass inbox_id to also make the contact reachable in that inbox. ' +
        "Returns {payload: {contact, contact_inbox}} with the new contact's id.",
      inputSchema: {
        ...contactFields,
        inbox_id: z
          .number()
          .int()
          .positive()
          .optional()
          .describe('An inbox (see list_inboxes) to attach the contact to'),
      },
    },
    async (input) => toolResult(await call('POST', `${account}/contacts`, input)),
  );

  server.registerTool(
    'update_contact',
    {
      title: 'Update a contact',
      description:
        'Change fields of an existing contact, found by its id (from search_contacts). Only the fields you pass change; ' +
        'custom_attributes are merged into the existing ones. Returns {payload: contact} as it is now.',
      inputSchema: { contact_id: z.number().int().positive().describe("The contact's id"), ...contactFields },
    },
    async ({ contact_id, ...fields }) => toolResult(await call('PUT', `${account}/contacts/${contact_id}`, fields)),
  );
}
