import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { pino } from 'pino';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerAuth } from './auth.js';
import { handleHttpError } from './http-errors.js';
import type { HttpDeps } from './http-deps.js';
import { accountsRoutes } from './routes/accounts.routes.js';
import { auditRoutes } from './routes/audit.routes.js';
import { coverageRoutes } from './routes/coverage.routes.js';
import { jobsRoutes } from './routes/jobs.routes.js';
import { matchesRoutes } from './routes/matches.routes.js';
import { metricsRoutes } from './routes/metrics.routes.js';
import { policyRoutes } from './routes/policy.routes.js';
import { listsRoutes } from './routes/lists.routes.js';
import { screenRoutes } from './routes/screen.routes.js';
import { systemRoutes } from './routes/system.routes.js';
import { sessionRoutes } from './routes/session.routes.js';
import { serveConsole } from './console.js';

/** Options of the HTTP app. */
export interface HttpAppOptions {
  /** Log requests (pino, JSON lines on stdout: one per completed request, written asynchronously). */
  readonly logger?: boolean;
  /** The built console (`dist/console`), served at `/`; absent or not built: `/` says how to build it. */
  readonly consoleDir?: string;
}

/** Fastify's log lines, but one per request (when it completes) instead of two, and a small one. */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 100) / 100 };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request');
  }
}

/**
 * The request log: JSON lines on stdout through a buffered asynchronous destination (flushed at
 * least every second and on close), one line per completed request. Two synchronous writes per
 * request (Fastify's default "incoming" and "completed" lines) cost about a sixth of a PUT's CPU
 * time in the service bench; the durable record of what happened is the audit log, not this.
 */
function requestLog(): { logger: FastifyBaseLogger; close: () => void } {
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  const timer = setInterval(() => destination.flush(), 1000);
  timer.unref();
  return {
    logger: pino({}, destination),
    close: () => {
      clearInterval(timer);
      destination.flushSync();
    },
  };
}

/**
 * Builds the HTTP API: zod schemas validate every input and shape every output, the same
 * schemas generate the OpenAPI document (`/openapi.json`, browsable at `/docs`), every route
 * that names a permission requires an API key whose role the policy allows, and every error
 * has the shape `{ error: { code, message, details? } }`.
 */
export async function buildHttpApp(deps: HttpDeps, options: HttpAppOptions = {}): Promise<FastifyInstance> {
  const log = options.logger === true ? requestLog() : undefined;
  const app = Fastify({
    ...(log ? { loggerInstance: log.logger, logController: new OneLinePerRequest() } : { logger: false }),
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  });
  if (log) {
    app.addHook('onClose', (_app, done) => {
      log.close();
      done();
    });
  }
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleHttpError);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Warden API', description: 'Sanctions screening and enforcement for social platforms', version: '0.1.0' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'an API key (warden keys create)' },
          session: { type: 'apiKey', in: 'cookie', name: 'warden_session', description: 'a console session (POST /v1/session); unsafe methods also need X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  const auth = registerAuth(app, deps);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  systemRoutes(app, deps);
  screenRoutes(app, deps);
  listsRoutes(app, deps);
  auditRoutes(app, deps);
  accountsRoutes(app, deps);
  matchesRoutes(app, deps);
  jobsRoutes(app, deps);
  policyRoutes(app, deps);
  coverageRoutes(app, deps);
  metricsRoutes(app, deps);
  sessionRoutes(app, deps, auth);
  await serveConsole(app, options.consoleDir);
  return app;
}
