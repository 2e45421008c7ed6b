import fastifyCookie from '@fastify/cookie';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { systemClock, type Clock } from './core/context.ts';
import { internalError } from './graphql/errors.ts';
import graphqlPlugin, { type GraphqlPluginOptions } from './graphql/plugin.ts';
import { mountWeb, webBuildExists } from './web/mount.ts';

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  clock?: Clock;
  /** Serve the SvelteKit site: true requires web/build; 'auto' serves it when built. */
  web?: boolean | 'auto';
  /** Close the database when the app closes (the default: the app owns it). */
  closeDatabase?: boolean;
  limits?: GraphqlPluginOptions['limits'];
  /** Where logs go (default: stdout); tests capture them to check what is logged. */
  logStream?: { write(line: string): void };
}

const GRAPHQL_BODY_LIMIT = 100 * 1024;

function loggerOptions(config: Config, stream: AppOptions['logStream']): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    ...(stream ? { stream } : {}),
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: '[redacted]',
    },
  };
}

/** Builds Hearth without listening: `main.ts` listens, tests inject or listen on a free port. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: loggerOptions(config, options.logStream),
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    return503OnClosing: true,
    // One line per request (below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    forceCloseConnections: 'idle',
  });

  // On shutdown, answers to requests still in flight close their connection, so keep-alive
  // clients do not hold the process open until their idle timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });

  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        req: { method: request.method, url: request.url },
        res: { statusCode: reply.statusCode },
        ms: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
  });

  app.setErrorHandler<FastifyError>((error, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(500).send({ data: null, errors: [internalError(request.id)] });
    }
    const code = status === 429 ? 'RATE_LIMITED' : 'BAD_USER_INPUT';
    return reply.status(status).send({ errors: [{ message: error.message, extensions: { code } }] });
  });

  await app.register(fastifyCookie);
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  app.addHook('onRoute', (route) => {
    if (route.url === '/graphql') route.bodyLimit = GRAPHQL_BODY_LIMIT;
  });
  await app.register(graphqlPlugin, { config, database, clock: options.clock ?? systemClock, limits: options.limits });

  app.get('/healthz', async (_request, reply) => {
    try {
      await database.ping();
      return { status: 'ok', database: 'ok' };
    } catch (error) {
      app.log.error({ err: error }, 'health check: database unreachable');
      return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });

  const web = options.web ?? 'auto';
  if (web === true || (web === 'auto' && webBuildExists())) await mountWeb(app, config.publicUrl.origin);

  if (options.closeDatabase ?? true) app.addHook('onClose', async () => database.close());
  return app;
}
