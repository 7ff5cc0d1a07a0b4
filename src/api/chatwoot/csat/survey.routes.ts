import type { FastifyRequest } from 'fastify';
import type { App } from '../../types.ts';
import { AppError } from '../../../errors.ts';
import { submitValues } from '../../../domain/conversations/public.ts';
import { findCsatSurvey } from '../../../domain/csat/responses.ts';
import { SurveyPageParams, SurveyParams, SurveySchema, SurveyUpdateBody, presentSurvey } from './csat.schema.ts';
import { surveyPage } from './survey-page.ts';

const tags = ['CSAT Survey Page'];
const LOCKED_AFTER_DAYS = 14;

async function survey(request: FastifyRequest, uuid: string) {
  const { message, response, inboxAvatarUrl } = await findCsatSurvey(request.server.deps.db, uuid);
  return presentSurvey(message, response, inboxAvatarUrl);
}

/** Chatwoot's public CSAT survey: its JSON under the Client API, and the page the survey link opens. */
export async function publicSurveyRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/csat_survey/:id',
    {
      schema: {
        tags,
        summary: 'The CSAT survey of a conversation (by its UUID)',
        security: [],
        params: SurveyParams,
        response: { 200: SurveySchema },
      },
    },
    async (request) => survey(request, request.params.id),
  );

  app.route({
    method: ['PUT', 'PATCH'],
    url: '/csat_survey/:id',
    config: { bodyWrapper: 'message' },
    schema: {
      tags,
      summary: 'Answer the CSAT survey (rating 1-5, feedback)',
      security: [],
      params: SurveyParams,
      body: SurveyUpdateBody,
      response: { 200: SurveySchema },
    },
    handler: async (request) => {
      const { message } = await findCsatSurvey(db, request.params.id);
      const days = Math.floor((Date.now() - message.created_at.getTime()) / 86_400_000);
      if (days > LOCKED_AFTER_DAYS)
        throw new AppError('unprocessable', `You cannot update the CSAT survey after ${LOCKED_AFTER_DAYS} days`);
      await submitValues(db, message, request.body.submitted_values);
      return survey(request, request.params.id);
    },
  });
}

/** `/survey/responses/:conversation_uuid`: the survey page for a browser, the survey JSON for an API client. */
export async function surveyPageRoutes(app: App): Promise<void> {
  app.get(
    '/survey/responses/:conversation_uuid',
    {
      schema: {
        tags,
        summary: 'The CSAT survey page (HTML for browsers, the survey JSON otherwise)',
        security: [],
        params: SurveyPageParams,
      },
    },
    async (request, reply) => {
      const data = await survey(request, request.params.conversation_uuid);
      const accept = request.headers.accept ?? '';
      if (accept.includes('text/html') && !accept.trimStart().startsWith('application/json')) {
        return reply
          .type('text/html; charset=utf-8')
          .header(
            'content-security-policy',
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src * data:",
          )
          .send(surveyPage(request.params.conversation_uuid, data));
      }
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(data));
    },
  );
}
