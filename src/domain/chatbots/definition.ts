/**
 * A chatbot flow, as saved (JSON) and executed. Steps are a list; each names the step that follows by id.
 *
 *   {
 *     "start": "hello",
 *     "steps": [
 *       { "id": "hello", "kind": "message", "text": "Hi {{contact.name}}!", "next": "order" },
 *       { "id": "order", "kind": "ask", "text": "Your order number?", "saveAs": "order",
 *         "timeoutSeconds": 600, "next": "lookup", "onTimeout": "bye" },
 *       { "id": "lookup", "kind": "http", "method": "GET", "url": "https://shop.example/orders/{{vars.order}}",
 *         "map": { "orderStatus": "status" }, "next": "route", "onError": "humans" },
 *       { "id": "route", "kind": "branch", "default": "humans",
 *         "rules": [{ "source": "var", "key": "orderStatus", "op": "equals", "value": "shipped", "next": "bye" }] },
 *       { "id": "humans", "kind": "handoff", "departmentId": "<department uuid>", "text": "Passing you to a person" },
 *       { "id": "bye", "kind": "complete", "text": "Your order is {{vars.orderStatus}}. Bye!" }
 *     ]
 *   }
 */
export const STEP_KINDS = ['message', 'ask', 'branch', 'set', 'tag', 'http', 'handoff', 'wait', 'complete'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface Choice {
  title: string;
  /** What the reply is saved as when this choice is picked (its title by default). */
  value?: string;
  /** In an ask step: where the flow goes when this choice is picked (the step's `next` by default). */
  next?: string;
}

interface BaseStep {
  id: string;
  kind: StepKind;
}

export interface MessageStep extends BaseStep {
  kind: 'message';
  text?: string;
  mediaUrl?: string;
  choices?: Choice[];
  /** How choices are shown: buttons (few) or a list. */
  choiceStyle?: 'buttons' | 'list';
  next?: string;
}

export interface AskStep extends BaseStep {
  kind: 'ask';
  text?: string;
  mediaUrl?: string;
  choices?: Choice[];
  choiceStyle?: 'buttons' | 'list';
  /** Variable the reply (or the picked choice's value) is saved in. */
  saveAs?: string;
  timeoutSeconds?: number;
  next: string;
  onTimeout?: string;
}

export const CONDITION_SOURCES = ['reply', 'var', 'contact', 'session'] as const;
export const CONDITION_OPS = [
  'equals',
  'not_equals',
  'contains',
  'starts_with',
  'matches',
  'exists',
  'not_exists',
  'gt',
  'lt',
] as const;

export interface BranchRule {
  /** reply: the last reply; var: a flow variable; contact: a contact field; session: session metadata. */
  source: (typeof CONDITION_SOURCES)[number];
  key?: string;
  /**
   * Text comparisons ignore case and surrounding blanks. `matches`: a regular expression in JavaScript syntax,
   * case-insensitive, found anywhere in the value's first 10,000 characters; it runs on RE2 (linear time), so
   * backreferences and lookaround are refused at save (src/domain/safe-regex.ts).
   */
  op: (typeof CONDITION_OPS)[number];
  value?: string | number | boolean;
  next: string;
}

export interface BranchStep extends BaseStep {
  kind: 'branch';
  rules: BranchRule[];
  default: string;
}

export interface SetStep extends BaseStep {
  kind: 'set';
  /** contact: a contact field (custom attribute, or name/email); session: session metadata; var: a flow variable. */
  target: 'contact' | 'session' | 'var';
  key: string;
  /** A template; null removes the key. */
  value: string | null;
  next?: string;
}

export interface TagStep extends BaseStep {
  kind: 'tag';
  action: 'add' | 'remove';
  tag: string;
  next?: string;
}

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export interface HttpStep extends BaseStep {
  kind: 'http';
  method?: (typeof HTTP_METHODS)[number];
  url: string;
  headers?: Record<string, string>;
  /** A JSON value whose strings are templates. */
  body?: unknown;
  timeoutMs?: number;
  /** variable name -> dotted path into the JSON response (`data.items.0.name`); `status` is always set. */
  map?: Record<string, string>;
  next?: string;
  onError?: string;
}

export interface HandoffStep extends BaseStep {
  kind: 'handoff';
  departmentId?: string;
  userId?: string;
  text?: string;
}

export interface WaitStep extends BaseStep {
  kind: 'wait';
  seconds: number;
  next?: string;
}

export interface CompleteStep extends BaseStep {
  kind: 'complete';
  text?: string;
}

export type Step =
  | MessageStep
  | AskStep
  | BranchStep
  | SetStep
  | TagStep
  | HttpStep
  | HandoffStep
  | WaitStep
  | CompleteStep;

export interface FlowDefinition {
  start: string;
  steps: Step[];
}

/** Step kinds that stop the run until something outside happens; a loop through one of them is fine. */
export const WAITING_KINDS: ReadonlySet<StepKind> = new Set(['ask', 'wait']);

/** Every step id a step can go to next. */
export function targetsOf(step: Step): { field: string; target: string }[] {
  const out: { field: string; target: string }[] = [];
  const add = (field: string, target: unknown) => {
    if (typeof target === 'string') out.push({ field, target });
  };
  switch (step.kind) {
    case 'branch':
      step.rules?.forEach((rule, i) => add(`rules[${i}].next`, rule?.next));
      add('default', step.default);
      break;
    case 'ask':
      step.choices?.forEach((choice, i) => add(`choices[${i}].next`, choice?.next));
      add('next', step.next);
      add('onTimeout', step.onTimeout);
      break;
    case 'http':
      add('next', step.next);
      add('onError', step.onError);
      break;
    case 'handoff':
    case 'complete':
      break;
    default:
      add('next', (step as { next?: string }).next);
  }
  return out;
}
