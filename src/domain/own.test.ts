import { describe, expect, it } from 'vitest';
import type { Contact, Conversation } from '../db/types.ts';
import { ownValue } from './own.ts';
import { ruleMatches } from './chatbots/steps/branch.ts';
import { render, type FlowScope } from './chatbots/variables.ts';

const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe('own-property lookups of client-chosen keys', () => {
  it('find only a record’s own keys', () => {
    const record = { name: 1, constructor: 2 };
    expect(ownValue(record, 'name')).toBe(1);
    expect(ownValue(record, 'constructor')).toBe(2);
    for (const key of INHERITED.filter((k) => k !== 'constructor')) expect(ownValue(record, key)).toBeUndefined();
    expect(ownValue(undefined, 'name')).toBeUndefined();
  });

  const scope: FlowScope = {
    contact: {
      uuid: 'c-1',
      name: 'Jane',
      email: null,
      phone_number: null,
      identifier: null,
      custom_attributes: { constructor: 'gold' },
    } as unknown as Contact,
    conversation: { uuid: 's-1', display_id: 1, custom_attributes: {} } as unknown as Conversation,
    variables: {},
  };

  it('in chatbot templates: an inherited name is an unknown name (empty), not the text of a function', () => {
    for (const name of INHERITED) {
      expect(
        render(`[{{${name}}}][{{vars.${name}}}][{{session.metadata.${name}}}][{{contact.${name}}}]`, scope),
        name,
      ).toBe('[][][][]');
    }
  });

  it('in chatbot branch rules: a contact key named like an inherited member is a custom attribute', () => {
    expect(ruleMatches({ source: 'contact', key: 'constructor', op: 'equals', value: 'gold', next: 'x' }, scope)).toBe(
      true,
    );
    expect(ruleMatches({ source: 'contact', key: 'toString', op: 'exists', next: 'x' }, scope)).toBe(false);
    expect(ruleMatches({ source: 'var', key: 'valueOf', op: 'exists', next: 'x' }, scope)).toBe(false);
  });
});
