import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { listAccountInboxes } from '../../../../domain/inboxes/visible.ts';
import { templatesOf, type ChannelTemplate } from '../../../../domain/templates/channel-templates.ts';
import { envelope, PageOf, PageQuery, paging } from '../../page.ts';
import { Literals, Nullable, Uuid } from '../../schema.ts';
import otpRoutes from './otp.ts';

const tags = ['WTS Templates'];
const DETAILS = ['All', 'Params', 'File', 'Interactive'] as const;
const TYPES = ['QUICKREPLY', 'ATTENDANCE', 'CAMPAIGN', 'SEQUENCE', 'SCHEDULEDMESSAGE', 'AUTHENTICATION'] as const;

const ListQuery = Type.Object({
  ChannelId: Type.Optional(Uuid),
  Name: Type.Optional(Type.String({ maxLength: 255 })),
  SearchableText: Type.Optional(Type.String({ maxLength: 1024 })),
  ApprovedOnly: Type.Optional(Type.Boolean()),
  Archived: Type.Optional(Type.Boolean()),
  Type: Type.Optional(Literals(TYPES)),
  IncludeDetails: Type.Optional(Type.Array(Literals(DETAILS), { maxItems: 4 })),
  ...PageQuery,
});

/** `PublicTemplateDTO`. */
const TemplateSchema = Type.Object({
  id: Type.String(),
  createdAt: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
  active: Type.Boolean(),
  archived: Type.Boolean(),
  channelId: Type.String(),
  name: Type.String(),
  text: Type.String(),
  footerText: Nullable(Type.String()),
  status: Type.String(),
  channelType: Nullable(Type.String()),
  type: Type.Array(Type.String()),
  params: Nullable(Type.Array(Type.Object({ name: Type.String(), templateId: Type.String() }))),
  internalName: Type.String(),
  fileType: Type.String(),
  categoryName: Nullable(Type.String()),
});

/** Meta's template status as WTS names it. */
const STATUS: Record<string, string> = {
  APPROVED: 'Approved',
  REJECTED: 'Disapproved',
  PENDING: 'InRevision',
  IN_APPEAL: 'InRevision',
  PAUSED: 'Paused',
  DISABLED: 'Disabled',
  DELETED: 'Deleted',
};
const FILE_TYPES = new Set(['IMAGE', 'VIDEO', 'DOCUMENT']);

function present(t: ChannelTemplate, withParams: boolean) {
  return {
    id: t.uuid,
    createdAt: t.syncedAt,
    updatedAt: t.syncedAt,
    active: t.status === 'APPROVED',
    archived: false,
    channelId: t.inbox.uuid,
    name: t.name,
    text: t.body,
    footerText: t.footer,
    status: STATUS[t.status] ?? 'Draft',
    channelType: t.inbox.channel_type === 'Channel::Whatsapp' ? 'CLOUDAPI_WHATSAPP' : null,
    type: [t.category === 'AUTHENTICATION' ? 'AUTHENTICATION' : 'TEMPLATE'],
    params: withParams ? t.params.map((name) => ({ name, templateId: t.uuid })) : null,
    internalName: t.name,
    fileType: t.headerFormat && FILE_TYPES.has(t.headerFormat) ? t.headerFormat : 'UNDEFINED',
    categoryName: t.category ?? null,
  };
}

/**
 * `GET /chat/v1/template`: the message templates of the company's channels — for WhatsApp those synced from Meta
 * (`POST …/inboxes/:id/sync_templates`), otherwise whatever templates the inbox stores — with WTS's filters.
 * Templates live on their inbox, so the list is one statement and is filtered and paged here.
 */
export default async function templateRoutes(app: App): Promise<void> {
  const { db } = app.deps;
  app.get(
    '/v1/template',
    {
      config: { policy: 'messages.read' },
      schema: {
        tags,
        summary: 'List message templates',
        querystring: ListQuery,
        response: { 200: PageOf(TemplateSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      const p = paging(q, { orderBy: 'name', orderDirection: 'ASCENDING' });
      const inboxes = (await listAccountInboxes(db, request.auth.account.id, request.auth.inboxIds)).filter(
        (i) => !q.ChannelId || i.uuid === q.ChannelId,
      );
      const name = q.Name?.trim().toLowerCase();
      const text = q.SearchableText?.trim().toLowerCase();
      const all = inboxes
        .flatMap(templatesOf)
        .filter((t) => !name || t.name.toLowerCase().includes(name))
        .filter((t) => !text || t.body.toLowerCase().includes(text))
        .filter((t) => !q.ApprovedOnly || t.status === 'APPROVED')
        .filter(() => q.Archived !== true)
        .filter((t) => !q.Type || (q.Type === 'AUTHENTICATION') === (t.category === 'AUTHENTICATION'))
        .sort((a, b) => a.name.localeCompare(b.name) * (p.orderDirection === 'DESCENDING' ? -1 : 1));
      const withParams = (q.IncludeDetails ?? []).some((d) => d === 'All' || d === 'Params');
      const page = all.slice((p.page - 1) * p.pageSize, p.page * p.pageSize);
      return envelope(
        page.map((t) => present(t, withParams)),
        all.length,
        { ...p, orderBy: 'name' },
      );
    },
  );
  await app.register(otpRoutes);
}
