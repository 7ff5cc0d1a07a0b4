import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { CsatSurveyResponse, Message } from '../../db/types.ts';
import { notFound, validation } from '../../errors.ts';

export interface CsatAnswer {
  rating: number;
  feedback_message: string | null;
}

/**
 * The CSAT answer inside a message's submitted values: Chatwoot's survey page and widget send
 * `{csat_survey_response: {rating, feedback_message}}`; the Client API's list form carries it in an element.
 */
export function csatAnswerOf(submitted: unknown): CsatAnswer | undefined {
  const holders = Array.isArray(submitted) ? submitted : [submitted];
  for (const holder of holders) {
    const answer = (holder as { csat_survey_response?: unknown } | null)?.csat_survey_response as
      | Record<string, unknown>
      | undefined;
    if (!answer || typeof answer !== 'object') continue;
    const rating = Number(answer.rating);
    if (!Number.isInteger(rating) || rating < 1 || rating > 5)
      throw validation('Rating must be a whole number from 1 to 5', ['rating']);
    const feedback = answer.feedback_message;
    return {
      rating,
      feedback_message: typeof feedback === 'string' && feedback !== '' ? feedback.slice(0, 10000) : null,
    };
  }
  return undefined;
}

/** Stores (or changes) the answer to a CSAT survey message, with the contact and the agent the conversation has now. */
export async function recordCsatAnswer(trx: Db, message: Message, answer: CsatAnswer): Promise<void> {
  const conversation = await trx
    .selectFrom('conversations')
    .select(['contact_id', 'assignee_id'])
    .where('id', '=', message.conversation_id)
    .where('account_id', '=', message.account_id)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('csat_survey_responses')
    .values({
      account_id: message.account_id,
      conversation_id: message.conversation_id,
      message_id: message.id,
      contact_id: conversation.contact_id,
      assigned_agent_id: conversation.assignee_id,
      rating: answer.rating,
      feedback_message: answer.feedback_message,
    })
    .onConflict((oc) =>
      oc
        .column('message_id')
        .doUpdateSet({ rating: answer.rating, feedback_message: answer.feedback_message, updated_at: new Date() }),
    )
    .execute();
}

/** The CSAT survey message of a conversation named by its UUID (Chatwoot's survey page link), and its answer. */
export async function findCsatSurvey(
  db: Db,
  conversationUuid: string,
): Promise<{ message: Message; response: CsatSurveyResponse | null; inboxAvatarUrl: string | null }> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(conversationUuid)) throw notFound();
  const row = await db
    .selectFrom('conversations as c')
    .innerJoin('messages as m', (j) =>
      j.onRef('m.conversation_id', '=', 'c.id').on('m.content_type', '=', 'input_csat'),
    )
    .innerJoin('inboxes as i', 'i.id', 'c.inbox_id')
    .selectAll('m')
    .select('i.avatar_url as inbox_avatar_url')
    .where('c.uuid', '=', conversationUuid)
    .orderBy('m.id', 'desc')
    .executeTakeFirst();
  if (!row) throw notFound();
  const { inbox_avatar_url: inboxAvatarUrl, ...message } = row;
  const response =
    (await db
      .selectFrom('csat_survey_responses')
      .selectAll()
      .where('message_id', '=', message.id)
      .executeTakeFirst()) ?? null;
  return { message: message as Message, response, inboxAvatarUrl };
}

export interface CsatFilters {
  since?: Date;
  until?: Date;
  userIds?: number[];
  inboxId?: number;
  teamId?: number;
  ratings?: number[];
}

function filtered(db: Db, accountId: number, f: CsatFilters) {
  let q = db
    .selectFrom('csat_survey_responses as r')
    .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
    .where('r.account_id', '=', accountId);
  if (f.since && f.until) q = q.where('r.created_at', '>=', f.since).where('r.created_at', '<', f.until);
  if (f.userIds?.length) q = q.where('r.assigned_agent_id', 'in', f.userIds);
  if (f.ratings?.length) q = q.where('r.rating', 'in', f.ratings);
  if (f.inboxId !== undefined) q = q.where('c.inbox_id', '=', f.inboxId);
  if (f.teamId !== undefined) q = q.where('c.team_id', '=', f.teamId);
  return q;
}

export const CSAT_PER_PAGE = 25;

/** A page of 25 answers, newest first, with each one's conversation display id. */
export async function listCsatResponses(db: Db, accountId: number, f: CsatFilters, page: number) {
  return filtered(db, accountId, f)
    .selectAll('r')
    .select('c.display_id')
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(CSAT_PER_PAGE)
    .offset((page - 1) * CSAT_PER_PAGE)
    .execute();
}

/** Chatwoot's CSAT metrics: answers, answers per rating, and survey messages sent in the range. */
export async function csatMetrics(db: Db, accountId: number, f: CsatFilters) {
  const ratings = await filtered(db, accountId, f)
    .select(['r.rating', sql<string>`count(*)`.as('n')])
    .groupBy('r.rating')
    .execute();
  let sent = db
    .selectFrom('messages')
    .select(sql<string>`count(*)`.as('n'))
    .where('account_id', '=', accountId)
    .where('content_type', '=', 'input_csat');
  if (f.since && f.until) sent = sent.where('created_at', '>=', f.since).where('created_at', '<', f.until);
  const sentCount = Number((await sent.executeTakeFirstOrThrow()).n);
  const ratingsCount: Record<string, number> = {};
  for (const r of ratings) ratingsCount[String(r.rating)] = Number(r.n);
  return {
    total_count: Object.values(ratingsCount).reduce((a, b) => a + b, 0),
    ratings_count: ratingsCount,
    total_sent_messages_count: sentCount,
  };
}
