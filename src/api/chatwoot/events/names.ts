import type { DomainEvent } from '../../../db/types.ts';

/**
 * The one table from core events to the Chatwoot dialect's names: what webhooks (and agent bots) are
 * told, and what ActionCable frames dashboards and widgets receive.
 */
export function webhookNames(event: DomainEvent): string[] {
  const status = (event.data as any)?.changed_attributes?.status?.current_value;
  switch (event.name) {
    case 'conversation.status_changed':
      // conversation_opened / _resolved reach agent bots only (the receivers' tables say so).
      return [
        'conversation_status_changed',
        ...(status === 'open' ? ['conversation_opened'] : status === 'resolved' ? ['conversation_resolved'] : []),
      ];
    case 'conversation.created':
    case 'conversation.updated':
    case 'conversation.typing_on':
    case 'conversation.typing_off':
    case 'message.created':
    case 'message.updated':
    case 'contact.created':
    case 'contact.updated':
    case 'webwidget.triggered':
      return [event.name.replace('.', '_')];
    default:
      return [];
  }
}

export function realtimeNames(event: DomainEvent): string[] {
  switch (event.name) {
    case 'conversation.updated': {
      const changes = (event.data as any)?.changed_attributes ?? {};
      return [
        'conversation.updated',
        ...('assignee_id' in changes || 'assignee_agent_bot_id' in changes ? ['assignee.changed'] : []),
        ...('team_id' in changes ? ['team.changed'] : []),
      ];
    }
    case 'conversation.created':
    case 'conversation.status_changed':
    case 'conversation.read':
    case 'conversation.typing_on':
    case 'conversation.typing_off':
    case 'message.created':
    case 'message.updated':
    case 'contact.created':
    case 'contact.updated':
    case 'contact.deleted':
      return [event.name];
    default:
      return [];
  }
}

/** Who is typing, for typing events: `{type: 'User' | 'Contact', id}` as the command recorded it. */
export function typingPerformer(event: DomainEvent): { type: string; id: number } | undefined {
  if (event.name !== 'conversation.typing_on' && event.name !== 'conversation.typing_off') return undefined;
  return (event.data as any)?.performer;
}
