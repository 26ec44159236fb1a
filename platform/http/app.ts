import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode } from '../../contract/platform/errors';
import type { Cluster } from '../cluster/cluster';
import type { Caller } from '../core/caller';
import { PlatformError } from '../core/errors';
import { bearerToken, rateLimitKey } from './rate-limit-key';
import type { Services } from './services';
import { registerRoutes } from './routes';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
    /** Why the bearer token was refused; answered on routes that need a caller. */
    authFailure: PlatformError | null;
  }
  interface FastifyContextConfig {
    /** Routes anyone may call without a bearer token. */
    public?: boolean;
  }
}

export interface HttpOptions {
  /** Requests per minute per verified terminal (or staff session, or address when unverified). */
  rateLimitPerMinute: number;
  /** Sign-in attempts per minute per address, whatever the username. */
  signInAttemptsPerMinute: number;
  /** Event streams per credential, and all together. */
  maxStreamsPerCaller: number;
  maxStreams: number;
  /** Largest JSON body accepted. */
  jsonBodyLimit: number;
  maxBlobBytes: number;
  version: string;
  logger: boolean;
  /** The other processes of a city on one PostgreSQL: shared stream caps and rate limits. */
  cluster?: Cluster;
}

function errorReply(reply: FastifyReply, status: number, code: ErrorCode, message: string, field?: string): FastifyReply {
  const body: ErrorBody = { error: { code, message, ...(field ? { field } : {}) } };
  return reply.status(status).type('application/json').send(body);
}


export async function buildApp(services: Services, options: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger,
    bodyLimit: options.jsonBodyLimit,
    forceCloseConnections: true,
    // The router's own refusals (a broken %-escape, an over-long path segment) answer in the
    // platform's error shape too, and never echo the address back.
    frameworkErrors: (error, _request, reply) =>
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? errorReply(reply, 414, 'invalid-request', 'a part of the address is longer than any the platform issues')
        : errorReply(reply, 400, 'invalid-request', 'the address is not a valid URL'),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('caller', null);
  app.decorateRequest('authFailure', null);
  // An empty JSON body is no body (POST /v1/queue/claim takes an optional one); anything else
  // goes to fastify's own parser, which refuses __proto__ and constructor keys.
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') done(null, undefined);
    else json(request, body as string, done);
  });
  // Nothing the platform serves is to be sniffed into another type (an upload served as HTML).
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tongban reference platform',
        description:
          'Case intake, the 一窗受理 queue, status events and ratings. Errors are `{ error: { code, message, field? } }`. ' +
          'Authenticate with `Authorization: Bearer <terminal credential | staff session token>`.',
        version: options.version,
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });

  // Authentication comes first, so that the rate limit counts the verified caller: a forged token
  // is counted under its address and can neither get a fresh bucket nor spend a real terminal's.
  app.addHook('onRequest', async (request) => {
    const token = bearerToken(request);
    if (!token) return;
    try {
      request.caller = await services.access.authenticate(token);
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      request.authFailure = error;
    }
  });

  await app.register(fastifyRateLimit, {
    global: true,
    max: options.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: rateLimitKey,
    ...(options.cluster?.rateStore ? { store: options.cluster.rateStore } : {}),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'rate-limited',
      message: `more than ${context.max} requests a minute; retry in ${context.after}`,
    }),
  });

  app.addHook('preHandler', async (request) => {
    if (request.routeOptions.config.public) return;
    if (request.authFailure) throw request.authFailure;
    if (!request.caller) throw new PlatformError(401, 'unauthenticated', 'send Authorization: Bearer <terminal credential or staff session token>');
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof PlatformError) return errorReply(reply, error.status, error.code, error.message, error.field);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issue = error.validation[0]!;
      const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const where = error.validationContext ?? 'body';
      const field = path || where;
      return errorReply(reply, 400, 'invalid-request', `${where} ${field}: ${issue.message}`, field);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return errorReply(reply, 413, 'payload-too-large', `the body is larger than this route accepts`);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return errorReply(reply, 415, 'unsupported-media-type', `content type ${request.headers['content-type'] ?? '(none)'} is not accepted here`);
      case 'rate-limited':
        return errorReply(reply, 429, 'rate-limited', error.message);
    }
    if (error.statusCode === 429) return errorReply(reply, 429, 'rate-limited', error.message);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return errorReply(reply, error.statusCode, 'invalid-request', error.message);
    }
    request.log.error({ err: error, url: request.routeOptions.url }, 'request failed');
    return errorReply(reply, 500, 'internal', 'internal error; the platform log has the details');
  });

  app.setNotFoundHandler((request, reply) => errorReply(reply, 404, 'not-found', `no route ${request.method} ${request.url.split('?')[0]}`));

  registerRoutes(app, services, options);
  return app;
}
