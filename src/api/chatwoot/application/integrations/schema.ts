import { Type, type Static } from 'typebox';
import type { IntegrationApp } from '../../../../domain/integrations/apps.ts';
import type { HookWithInbox } from '../../../../domain/integrations/hooks.ts';

export const AppParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const HookParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Settings = Type.Record(Type.String(), Type.Unknown());
export const CreateHookBody = Type.Object({
  app_id: Type.Optional(Type.String({ maxLength: 64 })),
  inbox_id: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  status: Type.Optional(Type.Unknown()),
  settings: Type.Optional(Settings),
});
export const UpdateHookBody = Type.Object({ status: Type.Optional(Type.Unknown()), settings: Type.Optional(Settings) });

/** Chatwoot's hook record. `status` is a boolean as Chatwoot's JSON shows it; `reference_id` stays null (no OAuth channel). */
export const HookSchema = Type.Object({
  id: Type.Integer(),
  app_id: Type.String(),
  status: Type.Boolean(),
  inbox: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
  account_id: Type.Integer(),
  hook_type: Type.Union([Type.Literal('account'), Type.Literal('inbox')]),
  settings: Type.Record(Type.String(), Type.Unknown()),
  reference_id: Type.Null(),
});

export function presentHook(hook: HookWithInbox): Static<typeof HookSchema> {
  return {
    id: hook.id,
    app_id: hook.app_id,
    status: hook.enabled,
    inbox: hook.inbox_id === null ? null : { id: hook.inbox_id, name: hook.inbox_name ?? '' },
    account_id: hook.account_id,
    hook_type: hook.inbox_id === null ? 'account' : 'inbox',
    settings: hook.settings as unknown as Record<string, unknown>,
    reference_id: null,
  };
}

/** Chatwoot's app record; `action` and `button` (the configuration link) and the hooks (their settings hold the Slack URL) only for administrators. */
export const AppSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  short_description: Type.Union([Type.String(), Type.Null()]),
  enabled: Type.Boolean(),
  action: Type.Optional(Type.String()),
  button: Type.Optional(Type.String()),
  hooks: Type.Array(HookSchema),
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
    hooks: administrator ? app.hooks.map(presentHook) : [],
  };
}
