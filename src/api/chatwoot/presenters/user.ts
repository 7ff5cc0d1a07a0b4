import type { User } from '../../../db/types.ts';

/**
 * The fields the profile and the Platform API's user share: the user and its active (first) membership.
 * `custom_attributes` appears only when there are some, as Chatwoot renders it.
 */
export function presentUserFields(user: User, active: { account_id: number; role: string } | undefined) {
  return {
    account_id: active?.account_id ?? null,
    available_name: user.display_name || user.name,
    avatar_url: user.avatar_url ?? '',
    confirmed: true,
    display_name: user.display_name,
    message_signature: user.message_signature,
    email: user.email,
    id: user.id,
    name: user.name,
    provider: 'email',
    pubsub_token: user.pubsub_token,
    role: active?.role ?? null,
    ui_settings: user.ui_settings,
    uid: user.email,
    ...(Object.keys(user.custom_attributes ?? {}).length ? { custom_attributes: user.custom_attributes } : {}),
  };
}
