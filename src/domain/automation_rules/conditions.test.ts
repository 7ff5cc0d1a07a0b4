import { describe, expect, it } from 'vitest';
import type { AutomationCondition, Contact, Conversation, Message } from '../../db/types.ts';
import { conditionHolds, conditionsMatch } from './conditions.ts';
import type { Subject } from './subject.ts';

const now = new Date('2026-12-05T12:00:00Z');
const subject: Subject = {
  conversation: {
    id: 1,
    display_id: 7,
    status: 'open',
    priority: 'high',
    labels: ['vip', 'billing'],
    assignee_id: 3,
    team_id: null,
    inbox_id: 2,
    custom_attributes: { order_total: 120, renewal: '2026-11-01' },
    additional_attributes: { browser_language: 'de', referer: 'https://shop.example/cart' },
    created_at: new Date('2026-11-20T00:00:00Z'),
    last_activity_at: now,
  } as unknown as Conversation,
  contact: {
    email: 'jane@example.com',
    phone_number: null,
    custom_attributes: { tier: 'gold' },
    additional_attributes: { company_name: 'Acme', city: 'Berlin' },
  } as unknown as Contact,
  message: { content: 'I want a Refund', message_type: 0, private: false } as unknown as Message,
};
const c = (
  attribute_key: string,
  filter_operator: string,
  values: unknown[],
  query_operator: string | null = null,
  custom_attribute_type?: string,
): AutomationCondition => ({
  attribute_key,
  filter_operator,
  values,
  query_operator,
  ...(custom_attribute_type ? { custom_attribute_type } : {}),
});
const match = (...conditions: AutomationCondition[]) => conditionsMatch(conditions, subject, now);

describe('automation conditions', () => {
  it('apply every operator to conversation, contact, message and custom attributes', () => {
    expect(match(c('status', 'equal_to', ['open', 'pending']))).toBe(true);
    expect(match(c('assignee_id', 'equal_to', [{ id: 3, name: 'Sam' }]))).toBe(true);
    expect(match(c('priority', 'not_equal_to', ['low']))).toBe(true);
    expect(match(c('labels', 'equal_to', ['billing']))).toBe(true);
    expect(match(c('labels', 'not_equal_to', ['billing']))).toBe(false);
    expect(match(c('content', 'contains', ['refund']))).toBe(true);
    expect(match(c('content', 'does_not_contain', ['refund']))).toBe(false);
    expect(match(c('message_type', 'equal_to', ['incoming']))).toBe(true);
    expect(match(c('email', 'is_present', []))).toBe(true);
    expect(match(c('phone_number', 'is_not_present', []))).toBe(true);
    expect(match(c('team_id', 'is_present', []))).toBe(false);
    expect(match(c('order_total', 'is_greater_than', ['100']))).toBe(true);
    expect(match(c('order_total', 'is_less_than', [100]))).toBe(false);
    expect(match(c('renewal', 'days_before', [40]))).toBe(false);
    expect(match(c('renewal', 'days_before', [3]))).toBe(true);
    expect(match(c('created_at', 'days_before', [10]))).toBe(true);
    expect(match(c('tier', 'equal_to', ['gold'], null, 'contact_attribute'))).toBe(true);
    expect(match(c('tier', 'equal_to', ['gold'], null, 'conversation_attribute'))).toBe(false);
    expect(match(c('company_name', 'equal_to', ['Acme']))).toBe(true);
    expect(match(c('city', 'equal_to', ['Berlin']))).toBe(true);
    expect(match(c('browser_language', 'equal_to', ['de']))).toBe(true);
    expect(match(c('referer', 'contains', ['/cart']))).toBe(true);
    expect(conditionHolds(null, 'not_equal_to', ['x'])).toBe(true);
    expect(conditionHolds(undefined, 'is_greater_than', [1])).toBe(false);
  });

  it('join in order with AND binding tighter than OR, as the SQL Chatwoot builds', () => {
    const yes = c('status', 'equal_to', ['open']);
    const no = c('status', 'equal_to', ['resolved']);
    expect(match({ ...yes, query_operator: 'AND' }, no)).toBe(false);
    expect(match({ ...no, query_operator: 'OR' }, yes)).toBe(true);
    // no AND no OR yes = (no AND no) OR yes
    expect(match({ ...no, query_operator: 'AND' }, { ...no, query_operator: 'OR' }, yes)).toBe(true);
    // yes OR no AND no = yes OR (no AND no)
    expect(match({ ...yes, query_operator: 'OR' }, { ...no, query_operator: 'AND' }, no)).toBe(true);
    // no OR yes AND no = no OR (yes AND no)
    expect(match({ ...no, query_operator: 'or' }, { ...yes, query_operator: 'and' }, no)).toBe(false);
    expect(match()).toBe(true);
  });
});
