import type { Db } from '../../db/pool.ts';
import type { Account, AutomationAction, AutomationRule, AutomationRun, CoreStatus, Priority } from '../../db/types.ts';
import type { Mailer } from '../mail/mailer.ts';
import {
  assignAgent,
  assignTeam,
  changeStatus,
  setLabels,
  setMuted,
  setPriority,
  type Performer,
} from '../conversations/commands.ts';
import { sendTranscript } from '../conversations/transcript.ts';
import { CHATWOOT_STATUSES } from '../conversations/status.ts';
import { createMessage, MESSAGE_TYPE } from '../messages/commands.ts';
import { listTeamMembers } from '../teams/repository.ts';
import { findMember } from '../users/repository.ts';
import { parseHttpRequestParams } from './http-request.ts';
import { fillJson, fillText } from './template.ts';
import type { ObjectStorage } from '../../storage/object-storage.ts';
import { blobIdsOf, ownedFiles, type FileOwner } from '../action_files/action-files.ts';
import { copyForMessage } from '../action_files/send.ts';
import { variablesOf, type Subject } from './subject.ts';

/** What an action works with. `db` is the engine's connection, marked with the run's depth (events it records carry it). */
export interface ActionContext {
  db: Db;
  mailer: Mailer;
  account: Account;
  /** The rule and its run; absent when an agent runs a macro (then `performer` is the agent). */
  rule?: AutomationRule;
  run?: AutomationRun;
  performer?: Performer;
  subject: Subject;
  /** The event's payload as the Chatwoot dialect's webhooks send it (for send_webhook_event). */
  eventPayload(): Promise<Record<string, unknown> | undefined>;
  userAgent: string;
  /** Where send_attachment finds its files' bytes. */
  storage?: ObjectStorage;
  /** Whose files send_attachment may send: the rule's, or the macro's. */
  fileOwner?: FileOwner;
}

/** An action's result for the run log: what it did, or `queued` (an HTTP call, sent apart). Failures throw. */
type Outcome = { status: 'done' | 'queued'; detail: string | null };
const done = (detail: string | null = null): Outcome => ({ status: 'done', detail });

const STATUSES: readonly CoreStatus[] = CHATWOOT_STATUSES;
const PRIORITIES: readonly Priority[] = ['low', 'medium', 'high', 'urgent'];
const NONE = new Set(['nil', 'none', '', 'null']);

/** Chatwoot's dashboard sends ids as numbers, strings or {id, name}. */
function idParam(params: unknown[]): number | null {
  const raw = params[0] && typeof params[0] === 'object' ? (params[0] as { id?: unknown }).id : params[0];
  if (raw === null || raw === undefined || NONE.has(String(raw).toLowerCase())) return null;
  const id = Number(raw);
  if (!Number.isInteger(id) || id < 1) throw new Error(`${String(raw)} is not an id`);
  return id;
}

const textParams = (params: unknown[]) =>
  params
    .flatMap((p) => (typeof p === 'string' ? p.split(',') : [String(p)]))
    .map((s) => s.trim())
    .filter(Boolean);

async function setStatus(ctx: ActionContext, status: CoreStatus, snoozedUntil: Date | null = null): Promise<Outcome> {
  await changeStatus(
    ctx.db,
    ctx.subject.conversation,
    status,
    ctx.performer,
    snoozedUntil,
    ctx.rule ? `(automation rule ${ctx.rule.name})` : undefined,
  );
  return done(status);
}

/** The rule and run an HTTP action needs (macros do not offer them). */
function ruleOf(ctx: ActionContext): { rule: AutomationRule; run: AutomationRun } {
  if (!ctx.rule || !ctx.run) throw new Error('this action runs only in an automation rule');
  return { rule: ctx.rule, run: ctx.run };
}

async function queueCall(
  ctx: ActionContext,
  index: number,
  action: AutomationAction,
  request: Record<string, unknown>,
): Promise<Outcome> {
  const { rule, run } = ruleOf(ctx);
  const call = await ctx.db
    .insertInto('automation_calls')
    .values({
      account_id: run.account_id,
      run_id: run.id,
      rule_id: rule.id,
      action_index: index,
      action_name: action.action_name,
      request: JSON.stringify(request),
      depth: run.depth,
      attempt_log: '[]',
    })
    .onConflict((oc) => oc.columns(['run_id', 'action_index']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return { status: 'queued', detail: call ? `call ${call.id}` : 'already queued' };
}

type Handler = (ctx: ActionContext, params: unknown[], index: number, action: AutomationAction) => Promise<Outcome>;

const HANDLERS: Record<string, Handler> = {
  async assign_agent(ctx, params) {
    const userId = idParam(params);
    if (userId && !(await findMember(ctx.db, ctx.account.id, userId)))
      throw new Error(`agent ${userId} is not a member of this account`);
    await assignAgent(ctx.db, ctx.subject.conversation, userId, ctx.performer);
    return done(userId ? `agent ${userId}` : 'unassigned');
  },
  async assign_team(ctx, params) {
    const teamId = idParam(params);
    const team = await assignTeam(ctx.db, ctx.subject.conversation, teamId, ctx.performer);
    if (teamId && !team) throw new Error(`team ${teamId} does not exist in this account`);
    return done(team ? `team ${team.id}` : 'no team');
  },
  async remove_assigned_agent(ctx) {
    await assignAgent(ctx.db, ctx.subject.conversation, null, ctx.performer);
    return done();
  },
  async remove_assigned_team(ctx) {
    await assignTeam(ctx.db, ctx.subject.conversation, null, ctx.performer);
    return done();
  },
  async add_label(ctx, params) {
    const labels = textParams(params);
    return done(
      (await setLabels(ctx.db, ctx.subject.conversation, [...ctx.subject.conversation.labels, ...labels])).join(','),
    );
  },
  async remove_label(ctx, params) {
    const removed = new Set(textParams(params));
    return done(
      (
        await setLabels(
          ctx.db,
          ctx.subject.conversation,
          ctx.subject.conversation.labels.filter((l) => !removed.has(l)),
        )
      ).join(','),
    );
  },
  async send_message(ctx, params) {
    const { message } = await createMessage(ctx.db, ctx.subject.conversation, {
      messageType: MESSAGE_TYPE.outgoing,
      content: String(params[0] ?? ''),
      contentAttributes: ctx.rule ? { automation_rule_id: ctx.rule.id } : {},
      variables: true,
      ...(ctx.performer ? { sender: ctx.performer } : {}),
    });
    return done(`message ${message.id}`);
  },
  async add_private_note(ctx, params) {
    const { message } = await createMessage(ctx.db, ctx.subject.conversation, {
      messageType: MESSAGE_TYPE.outgoing,
      private: true,
      content: String(params[0] ?? ''),
      contentAttributes: ctx.rule ? { automation_rule_id: ctx.rule.id } : {},
      variables: true,
      ...(ctx.performer ? { sender: ctx.performer } : {}),
    });
    return done(`message ${message.id}`);
  },
  /** Chatwoot's send_attachment: a message with no text and the owner's files the params name (none owned: nothing sent). */
  async send_attachment(ctx, params) {
    const owner = ctx.fileOwner ?? (ctx.rule ? { automation_rule_id: ctx.rule.id } : undefined);
    if (!owner || !ctx.storage) throw new Error('send_attachment has no files here');
    const files = await ownedFiles(ctx.db, ctx.account.id, owner, blobIdsOf(params));
    if (!files.length) return done('no attached file to send');
    const copies = [];
    for (const file of files) copies.push(await copyForMessage(ctx.db, ctx.storage, file));
    const { message } = await createMessage(ctx.db, ctx.subject.conversation, {
      messageType: MESSAGE_TYPE.outgoing,
      content: null,
      files: copies,
      contentAttributes: ctx.rule ? { automation_rule_id: ctx.rule.id } : {},
      ...(ctx.performer ? { sender: ctx.performer } : {}),
    });
    return done(`message ${message.id} with ${copies.length} file(s)`);
  },
  async mute_conversation(ctx) {
    await setMuted(ctx.db, ctx.subject.conversation, true);
    return done();
  },
  snooze_conversation: (ctx, params) => {
    const until = params[0] ? new Date(String(params[0])) : null;
    return setStatus(ctx, 'snoozed', until && !Number.isNaN(until.getTime()) ? until : null);
  },
  resolve_conversation: (ctx) => setStatus(ctx, 'resolved'),
  open_conversation: (ctx) => setStatus(ctx, 'open'),
  pending_conversation: (ctx) => setStatus(ctx, 'pending'),
  change_status: (ctx, params) => {
    const status = String(params[0] ?? '') as CoreStatus;
    if (!STATUSES.includes(status)) throw new Error(`${status} is not a status (${STATUSES.join(', ')})`);
    return setStatus(ctx, status);
  },
  async change_priority(ctx, params) {
    const raw = String(params[0] ?? 'nil').toLowerCase();
    const priority = NONE.has(raw) ? null : (raw as Priority);
    if (priority && !PRIORITIES.includes(priority))
      throw new Error(`${raw} is not a priority (${PRIORITIES.join(', ')})`);
    await setPriority(ctx.db, ctx.subject.conversation, priority);
    return done(priority ?? 'none');
  },
  async send_email_to_team(ctx, params) {
    const { message, team_ids } = (params[0] ?? {}) as { message?: unknown; team_ids?: unknown[] };
    if (!ctx.mailer.configured) throw new Error('SMTP_URL is not configured: no mail sent');
    const { rule, run } = ruleOf(ctx);
    const emails = new Set<string>();
    for (const teamId of team_ids ?? [])
      for (const member of await listTeamMembers(ctx.db, ctx.account.id, Number(teamId)))
        if (member.email) emails.add(member.email);
    const text = fillText(
      String(message ?? ''),
      variablesOf(ctx.subject, {
        accountId: ctx.account.id,
        eventName: run.event_name,
        ruleId: rule.id,
        ruleName: rule.name,
      }),
    );
    for (const to of emails)
      await ctx.mailer.send({
        to,
        subject: `[${ctx.account.name}] ${rule.name} (conversation #${ctx.subject.conversation.display_id})`,
        text,
      });
    return done(`${emails.size} recipients`);
  },
  async send_email_transcript(ctx, params) {
    if (!ctx.mailer.configured) throw new Error('SMTP_URL is not configured: no mail sent');
    const addresses = textParams(params);
    for (const to of addresses) await sendTranscript(ctx.db, ctx.mailer, ctx.account, ctx.subject.conversation, to);
    return done(`${addresses.length} recipients`);
  },
  async send_webhook_event(ctx, params, index, action) {
    const payload = await ctx.eventPayload();
    if (!payload) throw new Error('the event has no webhook payload');
    const headers = { 'content-type': 'application/json', 'user-agent': ctx.userAgent };
    return queueCall(ctx, index, action, {
      method: 'POST',
      url: String(params[0] ?? ''),
      headers,
      body: JSON.stringify(payload),
      timeout_ms: null,
      response_mapping: [],
    });
  },
  async http_request(ctx, params, index, action) {
    const spec = parseHttpRequestParams(params);
    const { rule, run } = ruleOf(ctx);
    const variables = variablesOf(ctx.subject, {
      accountId: ctx.account.id,
      eventName: run.event_name,
      ruleId: rule.id,
      ruleName: rule.name,
    });
    const headers: Record<string, string> = { 'user-agent': ctx.userAgent };
    for (const [name, value] of Object.entries(spec.headers)) headers[name.toLowerCase()] = fillText(value, variables);
    const body = spec.body === undefined ? undefined : JSON.stringify(fillJson(spec.body, variables));
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    return queueCall(ctx, index, action, {
      method: spec.method,
      url: fillText(spec.url, variables, encodeURIComponent),
      headers,
      ...(body === undefined ? {} : { body }),
      timeout_ms: spec.timeout_ms,
      response_mapping: spec.response_mapping,
    });
  },
};

/** Runs one action on the subject's conversation (reloaded first: an earlier action may have changed it). */
export async function runAction(ctx: ActionContext, action: AutomationAction, index: number): Promise<Outcome> {
  const handler = HANDLERS[action.action_name];
  if (!handler) throw new Error(`${action.action_name} is not supported`);
  const fresh = await ctx.db
    .selectFrom('conversations')
    .selectAll()
    .where('id', '=', ctx.subject.conversation.id)
    .executeTakeFirst();
  if (!fresh) throw new Error('the conversation no longer exists');
  ctx.subject.conversation = fresh;
  return handler(ctx, action.action_params ?? [], index, action);
}
