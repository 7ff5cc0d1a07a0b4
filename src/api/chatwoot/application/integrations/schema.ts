import { Type, type Static } from 'typebox';
import type { IntegrationApp } from '../../../../domain/integrations/apps.ts';

export const AppParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const HookParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Settings = Type.Record(Type.String(), Type.Unknown());
export const CreateHookBody = Type.Object({
  app_id: Type.Optional(Type.String({ maxLength: 64 })),
  inbox_id: Type.Optional(Type.Integer({ minimum: 1 })),
  status: Type.Optional(Type.Unknown()),
  settings: Type.Optional(Settings),
});
export const UpdateHookBody = Type.Object({ status: Type.Optional(Type.Unknown()), settings: Type.Optional(Settings) });

/** Chatwoot's app record; `action` and `button` (the configuration link) only for administrators. */
export const AppSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  short_description: Type.Union([Type.String(), Type.Null()]),
  enabled: Type.Boolean(),
  action: Type.Optional(Type.String()),
  button: Type.Optional(Type.String()),
  hooks: Type.Array(Type.Unknown()),
});
export const AppListResponse = Type.Object({ payload: Type.Array(AppSchema) });

export function presentApp(app: IntegrationApp, administrator: boolean): Static<typeof AppSchema> {
  return {
    id: app.id,
    name: app.name,
    description: app.description,
    short_description: app.shortDescription,
    enabled: app.enabled,
    ...(administrator ? { action: app.action, button: app.action } : {}),
    // No app here takes hooks yet (webhooks are their own resource, as in Chatwoot).
    hooks: [],
  };
}
