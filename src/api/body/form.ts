import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.ts';
import { MAX_FORM_FIELDS, nestFormFields } from './nest.ts';

/**
 * `application/x-www-form-urlencoded` (what `curl -d`, PHP and no-code tools send), accepted wherever JSON is:
 * decoded with Rails' bracket nesting into the object JSON would give, then validated by the same schema.
 */
export function decodeFormBody(text: string): Record<string, unknown> {
  // Counted before decoding: a form of a million `&` is refused without building a million entries.
  let separators = 0;
  for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', at + 1)) {
    if (++separators >= MAX_FORM_FIELDS * 2) break;
  }
  if (separators >= MAX_FORM_FIELDS * 2)
    throw new AppError('bad_request', `A form may carry at most ${MAX_FORM_FIELDS} fields`);
  return nestFormFields(new URLSearchParams(text));
}

export function registerFormBodies(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    try {
      const text = (body as string).trim();
      done(null, text === '' ? undefined : decodeFormBody(text));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
