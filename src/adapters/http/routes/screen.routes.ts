import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { screenAccount } from '../../../app/screen-account.js';
import { parseAccount, StrictAccountRecordSchema } from '../../../domain/accounts/parse-account.js';
import { InvalidInputError } from '../../../domain/errors.js';
import type { HttpDeps } from '../http-deps.js';
import { presentScreeningResult } from '../presenters/screening.presenter.js';
import { ErrorSchema } from './common.schema.js';
import { ScreeningResultSchema } from './screen.schema.js';

/** `POST /v1/screen` (platform): screens one account synchronously and stores nothing. */
export function screenRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.withTypeProvider<ZodTypeProvider>().post('/v1/screen', {
    config: { permission: 'screen' },
    bodyLimit: 64 * 1024,
    schema: {
      summary: 'Screen one account against every active list version; nothing is stored',
      tags: ['screening'],
      security: [{ bearer: [] }],
      body: StrictAccountRecordSchema,
      response: { 200: ScreeningResultSchema, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema },
    },
    handler: async (req) => {
      const parsed = parseAccount(req.body);
      if (parsed.kind === 'invalid') throw new InvalidInputError('invalid account record', { problems: parsed.problems });
      const index = deps.matchIndex();
      return presentScreeningResult(screenAccount({ matchIndex: index }, parsed.account), index.threshold);
    },
  });
}
