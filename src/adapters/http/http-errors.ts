import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain/errors.js';

/** HTTP status of each domain error code; codes not listed are client errors (400). */
const STATUS: Readonly<Record<string, number>> = {
  not_found: 404,
  invalid_input: 400,
  list_rejected: 422,
  unauthenticated: 401,
  forbidden: 403,
  csrf_token_invalid: 403,
  conflict: 409,
};

/** The one error body shape: `{ error: { code, message, details? } }`. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details?: unknown };
}

/**
 * Maps every error to a response (STYLE rule 10): validation errors → 400 with field paths,
 * domain errors → their status, anything else → an opaque 500 carrying the request id, logged.
 */
export function handleHttpError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => ({
      path: [err.validationContext ?? 'body', ...String(v.instancePath || '').split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'invalid',
    }));
    void reply.code(400).send({ error: { code: 'validation_failed', message: 'Validation failed', details: issues } } satisfies ErrorBody);
    return;
  }
  if (err instanceof DomainError) {
    void reply.code(STATUS[err.code] ?? 400).send({ error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } } satisfies ErrorBody);
    return;
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    const code = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'body_too_large' : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported_media_type' : 'bad_request';
    void reply.code(err.statusCode).send({ error: { code, message: err.message } } satisfies ErrorBody);
    return;
  }
  req.log.error({ err }, 'unhandled error');
  void reply.code(500).send({ error: { code: 'internal_error', message: 'Internal server error', details: { requestId: req.id } } } satisfies ErrorBody);
}
