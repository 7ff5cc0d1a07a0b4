import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../db/types.ts';
import { realtimeNames, webhookNames } from './names.ts';

const event = (name: string, data: Record<string, unknown> = {}) => ({ name, data }) as unknown as DomainEvent;

describe('core event → Chatwoot names', () => {
  it('names webhooks as Chatwoot does, with opened/resolved for status changes', () => {
    expect(webhookNames(event('message.created'))).toEqual(['message_created']);
    expect(webhookNames(event('webwidget.triggered'))).toEqual(['webwidget_triggered']);
    expect(
      webhookNames(
        event('conversation.status_changed', { changed_attributes: { status: { current_value: 'resolved' } } }),
      ),
    ).toEqual(['conversation_status_changed', 'conversation_resolved']);
    expect(
      webhookNames(event('conversation.status_changed', { changed_attributes: { status: { current_value: 'open' } } })),
    ).toEqual(['conversation_status_changed', 'conversation_opened']);
    expect(webhookNames(event('conversation.read'))).toEqual([]);
    expect(webhookNames(event('contact.deleted'))).toEqual([]);
  });

  it('names realtime frames, adding assignee.changed and team.changed to conversation.updated', () => {
    expect(
      realtimeNames(event('conversation.updated', { changed_attributes: { assignee_id: {}, team_id: {} } })),
    ).toEqual(['conversation.updated', 'assignee.changed', 'team.changed']);
    expect(realtimeNames(event('conversation.updated', { changed_attributes: { labels: {} } }))).toEqual([
      'conversation.updated',
    ]);
    expect(realtimeNames(event('conversation.read'))).toEqual(['conversation.read']);
    expect(realtimeNames(event('webwidget.triggered'))).toEqual([]);
  });
});
