import { Type, type Static } from 'typebox';
import type { DashboardApp } from '../../../../db/types.ts';
import { iso } from '../../presenters/time.ts';

export const DashboardAppParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Frame = Type.Object({
  url: Type.Optional(Type.String({ maxLength: 2048 })),
  link: Type.Optional(Type.String({ maxLength: 2048 })),
  type: Type.Optional(Type.String({ maxLength: 32 })),
});

export const CreateBody = Type.Object({
  title: Type.String({ maxLength: 255 }),
  content: Type.Array(Frame, { maxItems: 20 }),
  show_on_sidebar: Type.Optional(Type.Boolean()),
});
export const UpdateBody = Type.Partial(CreateBody);

/** Chatwoot's `_dashboard_app` partial. */
export const DashboardAppSchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  content: Type.Array(Type.Object({ type: Type.String(), url: Type.String() })),
  created_at: Type.String(),
  show_on_sidebar: Type.Boolean(),
});

export function presentDashboardApp(row: DashboardApp): Static<typeof DashboardAppSchema> {
  return {
    id: row.id,
    title: row.title,
    content: row.content,
    created_at: iso(row.created_at)!,
    show_on_sidebar: row.show_on_sidebar,
  };
}
