import type { FastifyError } from 'fastify';
import { AppError, translateError, validation } from '../errors.ts';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

function describeIssue(issue: AjvIssue): { field: string; message: string } {
  const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const missing = issue.params.missingProperty as string | undefined;
  const field = missing ? (path ? `${path}.${missing}` : missing) : path || 'body';
  if (missing) return { field, message: `${field} is required` };
  if (issue.keyword === 'enum') {
    const allowed = (issue.params.allowedValues as unknown[]).map(String).join(', ');
    return { field, message: `${field} must be one of: ${allowed}` };
  }
  if (issue.keyword === 'additionalProperties') {
    return { field, message: `${field} has an unknown field: ${String(issue.params.additionalProperty)}` };
  }
  return { field, message: `${field} ${issue.message ?? 'is invalid'}` };
}

/** Maps anything a request can throw — our errors, Fastify's, PostgreSQL's — to the catalogue. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError & { validation?: AjvIssue[] };
  if (fastifyError.validation?.length) {
    const issues = fastifyError.validation;
    const first = issues[0];
    // A union of literals fails as one "const" issue per branch: report the allowed values together.
    const allowed = issues
      .filter((i) => i.keyword === 'const' && i.instancePath === first.instancePath)
      .map((i) => i.params.allowedValue);
    const issue = first.keyword === 'const' ? { ...first, keyword: 'enum', params: { allowedValues: allowed } } : first;
    const { field, message } = describeIssue(issue);
    return validation(message, [field]);
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('bad_request', `The request body is not valid JSON: ${fastifyError.message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'The request is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', `Unsupported content type`);
    case 'FST_ERR_NOT_FOUND':
      return new AppError('not_found', 'Resource could not be found');
  }
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    return new AppError(
      status === 404 ? 'not_found' : status === 413 ? 'payload_too_large' : 'bad_request',
      fastifyError.message,
    );
  }
  return translateError(error);
}
