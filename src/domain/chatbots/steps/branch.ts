import type { BranchRule, BranchStep } from '../definition.ts';
import { resolveName, lookupPath, type FlowScope } from '../variables.ts';
import type { StepHandler } from './types.ts';
import { safePattern, UnsafePatternError } from '../../safe-regex.ts';
import { ownValue } from '../../own.ts';

const CONTACT_COLUMNS: Record<string, string> = {
  name: 'name',
  email: 'email',
  phone: 'phone_number',
  phonenumber: 'phone_number',
  identifier: 'identifier',
};

/** The value a rule looks at: the last reply, a variable, a contact field (column or custom attribute), session metadata. */
function subject(rule: BranchRule, scope: FlowScope): unknown {
  switch (rule.source) {
    case 'reply':
      return scope.variables.reply;
    case 'var':
      return resolveName(scope, rule.key!);
    case 'contact': {
      const column = ownValue(CONTACT_COLUMNS, rule.key!.toLowerCase());
      return column
        ? (scope.contact as unknown as Record<string, unknown>)[column]
        : lookupPath(scope.contact.custom_attributes, rule.key!);
    }
    case 'session':
      return lookupPath(scope.conversation.custom_attributes, rule.key!);
  }
}

/** Case-insensitive, as flows have always matched; a pattern saved before patterns were checked and that the engine cannot run matches nothing. */
function patternMatches(pattern: string, value: string): boolean {
  try {
    return safePattern(pattern, { ignoreCase: true }).test(value);
  } catch (error) {
    if (error instanceof UnsafePatternError) return false;
    throw error;
  }
}

export function ruleMatches(rule: BranchRule, scope: FlowScope): boolean {
  const value = subject(rule, scope);
  const present = value !== undefined && value !== null && value !== '';
  const text = present
    ? String(typeof value === 'object' ? JSON.stringify(value) : value)
        .trim()
        .toLowerCase()
    : '';
  const expected = String(rule.value ?? '')
    .trim()
    .toLowerCase();
  switch (rule.op) {
    case 'exists':
      return present;
    case 'not_exists':
      return !present;
    case 'equals':
      return present && text === expected;
    case 'not_equals':
      return text !== expected;
    case 'contains':
      return present && text.includes(expected);
    case 'starts_with':
      return present && text.startsWith(expected);
    case 'matches':
      return present && patternMatches(String(rule.value), String(value));
    case 'gt':
      return present && Number(value) > Number(rule.value);
    case 'lt':
      return present && Number(value) < Number(rule.value);
  }
}

export const branch: StepHandler<BranchStep> = {
  async execute(step, ctx) {
    const rule = step.rules.find((r) => ruleMatches(r, ctx.scope));
    return { kind: 'next', next: rule ? rule.next : step.default };
  },
};
