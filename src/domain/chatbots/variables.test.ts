import { describe, expect, it } from 'vitest';
import type { Contact, Conversation } from '../../db/types.ts';
import { ruleMatches } from './steps/branch.ts';
import { render, renderJson, type FlowScope } from './variables.ts';

function scope(): FlowScope {
  return {
    contact: {
      uuid: 'c-1',
      name: 'Jane',
      email: 'jane@example.com',
      phone_number: '+5511999990000',
      identifier: null,
      custom_attributes: { plan: 'gold', tier: { level: 2 } },
    } as unknown as Contact,
    conversation: { uuid: 's-1', display_id: 7, custom_attributes: { order: 'A-17' } } as unknown as Conversation,
    variables: { reply: 'Yes please', items: [{ name: 'lamp' }], total: 42 },
  };
}

describe('templates', () => {
  it('fill contact, session, variables and nested paths; unknown names are empty', () => {
    expect(
      render(
        'Hi {{contact.name}} ({{ contact.phone }}), order {{session.metadata.order}} #{{session.number}}',
        scope(),
      ),
    ).toBe('Hi Jane (+5511999990000), order A-17 #7');
    expect(
      render(
        '{{contact.fields.plan}} {{contact.metadata.tier.level}} {{vars.items.0.name}} {{total}} [{{nope.x}}]',
        scope(),
      ),
    ).toBe('gold 2 lamp 42 []');
    expect(render('{{items}}', scope())).toBe('[{"name":"lamp"}]');
    expect(renderJson({ who: '{{contact.email}}', n: 1, list: ['{{total}}'] }, scope())).toEqual({
      who: 'jane@example.com',
      n: 1,
      list: ['42'],
    });
  });
});

describe('branch rules', () => {
  it('compare the reply, variables, contact fields and session metadata', () => {
    const s = scope();
    expect(ruleMatches({ source: 'reply', op: 'contains', value: 'YES', next: 'x' }, s)).toBe(true);
    expect(ruleMatches({ source: 'reply', op: 'equals', value: 'yes', next: 'x' }, s)).toBe(false);
    expect(ruleMatches({ source: 'var', key: 'total', op: 'gt', value: 40, next: 'x' }, s)).toBe(true);
    expect(ruleMatches({ source: 'var', key: 'total', op: 'lt', value: 40, next: 'x' }, s)).toBe(false);
    expect(
      ruleMatches({ source: 'contact', key: 'email', op: 'matches', value: '@example\\.com$', next: 'x' }, s),
    ).toBe(true);
    expect(ruleMatches({ source: 'contact', key: 'plan', op: 'equals', value: 'GOLD', next: 'x' }, s)).toBe(true);
    expect(ruleMatches({ source: 'session', key: 'order', op: 'starts_with', value: 'a-', next: 'x' }, s)).toBe(true);
    expect(ruleMatches({ source: 'session', key: 'missing', op: 'not_exists', next: 'x' }, s)).toBe(true);
    expect(ruleMatches({ source: 'session', key: 'order', op: 'exists', next: 'x' }, s)).toBe(true);
    expect(ruleMatches({ source: 'session', key: 'order', op: 'not_equals', value: 'A-17', next: 'x' }, s)).toBe(false);
  });
});
