import { describe, expect, it } from 'vitest';
import type { Contact, Conversation } from '../../db/types.ts';
import { ruleMatches } from './steps/branch.ts';
import { flowProblems } from './validate.ts';
import type { BranchRule } from './definition.ts';
import type { FlowScope } from './variables.ts';

function scope(name: string, reply = ''): FlowScope {
  return {
    contact: {
      uuid: 'c-1',
      name,
      email: 'jane@example.com',
      phone_number: null,
      identifier: null,
      custom_attributes: {},
    } as unknown as Contact,
    conversation: { uuid: 's-1', display_id: 1, custom_attributes: {} } as unknown as Conversation,
    variables: { reply },
  };
}

const matches = (value: string, subject: string) =>
  ruleMatches({ source: 'reply', op: 'matches', value, next: 'x' } as BranchRule, scope('Jane', subject));

function branchFlow(pattern: unknown) {
  return {
    start: 'route',
    steps: [
      {
        id: 'route',
        kind: 'branch',
        default: 'bye',
        rules: [{ source: 'reply', op: 'matches', value: pattern, next: 'bye' }],
      },
      { id: 'bye', kind: 'complete' },
    ],
  };
}

describe('branch rules with `matches` (tenant-supplied regular expressions)', () => {
  // The reported attack: a nested quantifier against 28 `a` and a `!` backtracked for 20 s on the shared
  // event loop. A linear-time engine answers at once; the timeout bounds the test (the old engine blew it).
  it('run a catastrophic pattern against a hostile contact name in linear time', { timeout: 5_000 }, () => {
    const rule: BranchRule = { source: 'contact', key: 'name', op: 'matches', value: '^(a+)+$', next: 'x' };
    expect(ruleMatches(rule, scope('a'.repeat(28) + '!'))).toBe(false);
    expect(ruleMatches(rule, scope('a'.repeat(28)))).toBe(true);
  });

  it('keep the documented behaviour for ordinary patterns: case-insensitive, unanchored, JavaScript syntax', () => {
    expect(matches('^s(ou)?th$', 'SOUTH')).toBe(true);
    expect(matches('^s(ou)?th$', 'sth')).toBe(true);
    expect(matches('^s(ou)?th$', 'southeast')).toBe(false);
    expect(matches('yes', 'Oh YES please')).toBe(true);
    expect(matches('\\d{3}-\\d{4}', 'call 555-1234')).toBe(true);
    expect(matches('(?<word>ord)er/\\w+', 'Order/A17')).toBe(true);
    expect(matches('caf\\u00e9', 'CAFÉ')).toBe(true);
    expect(matches('^a.c$', 'a\nc')).toBe(false);
    expect(matches('^\\s*$', '   ')).toBe(true); // matched as stored, untrimmed
    expect(matches('.*', '')).toBe(false); // an empty value is not present
  });

  it('look only at the first 10,000 characters of a very long value', () => {
    expect(matches('x$', 'a'.repeat(10_000) + 'x')).toBe(false);
    expect(matches('^a+$', 'a'.repeat(10_000) + 'x')).toBe(true);
  });

  it('treat a saved pattern the engine cannot run as not matching (flows saved before the check)', () => {
    expect(matches('(a)\\1', 'aa')).toBe(false);
  });
});

describe('saving a flow with a `matches` rule', () => {
  it('accepts what the engine runs, the catastrophic pattern included', () => {
    expect(flowProblems(branchFlow('^(a+)+$'))).toEqual([]);
    expect(flowProblems(branchFlow('(?<n>\\d+)/x'))).toEqual([]);
  });

  it('refuses patterns the engine cannot run, naming the step and the reason', () => {
    for (const pattern of ['(a)\\1', '(?=a)b', '[', 'x{2000}', '((a{50}){50}){50}', 'a'.repeat(1_001)]) {
      const problems = flowProblems(branchFlow(pattern));
      expect(problems, pattern).toHaveLength(1);
      expect(problems[0].field).toBe('definition.steps.route.rules[0].value');
      expect(problems[0].message, pattern).toMatch(/^step "route": rules\[0\]\.value .+/);
    }
  });
});
