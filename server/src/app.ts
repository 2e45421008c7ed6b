import fastifyCookie from '@fastify/cookie';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { systemClock, type Clock, type Publisher } from './core/context.ts';
import { internalError, SHUTTING_DOWN, shuttingDownError } from './graphql/errors.ts';
import { httpAnswer } from './graphql/http.ts';
import { responseMediaType } from './graphql/media-type.ts';
import graphqlPlugin, { type GraphqlPluginOptions } from './graphql/plugin.ts';
import { calendarRoutes } from './modules/calendars/routes.ts';
import { startClaimSweep } from './modules/events/claim-sweep.ts';
import { fileRoutes } from './modules/files/routes.ts';
import { canReadLibraryFile } from './modules/library/service.ts';
import { startExpirySweep } from './modules/mentoring/expiry-sweep.ts';
import { startDigestWorker } from './modules/notifications/digest.ts';
import { startOutboxWorker } from './modules/notifications/outbox-worker.ts';
import { unsubscribeRoute } from './modules/notifications/unsubscribe-route.ts';
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

/**
 * The address as logged: the token of a link from an email (/reset-password?token=…) opens an
 * account, and a private calendar feed's address (/calendar/people/<token>.ics) is its secret, so
 * neither reaches a log.
 */
export function withoutSecrets(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]').replace(/^(\/calendar\/people\/)[^?#]*/i, '$1[redacted]');
}

/** A year: browsers keep to https that long after they last saw the header. */
const HSTS_MAX_AGE = 365 * 24 * 60 * 60;

/**
 * The headers every response carries, pages, assets and the API alike. HSTS only when Hearth is
 * reached over https, and for its own host alone: whether the operator's other hosts (its
 * subdomains, when PUBLIC_URL is a bare domain) all serve https is not Hearth's to promise, so no
 * includeSubDomains or preload; a proxy in front can add them.
 */
export function responseHeaders(publicUrl: URL): Array<[string, string]> {
  const headers: Array<[string, string]> = [
    ['x-content-type-options', 'nosniff'],
    ['referrer-policy', 'strict-origin-when-cross-origin'],
    // Browsers without CSP frame-ancestors still honour this: no page of Hearth is framed.
    ['x-frame-options', 'DENY'],
  ];
  if (publicUrl.protocol === 'https:') headers.push(['strict-transport-security', `max-age=${HSTS_MAX_AGE}`]);
  return headers;
}

/** A request that arrives while the server closes: a GraphQL error at /graphql, plain words elsewhere. */
function refuseWhileClosing(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.status(503);
  if (request.routeOptions.url === '/graphql') {
    return reply.type(responseMediaType(request.headers.accept)).send({ errors: [shuttingDownError(request.id)] });
  }
  return reply.type('text/plain; charset=utf-8').send(SHUTTING_DOWN);
}

/**
 * Believes X-Forwarded-For for as many hops as there are proxies, so the client is the address
 * the outermost proxy saw, not one the client wrote in front of it. (Fastify refuses a bare hop
 * count, since a client reaching Hearth directly could then write its own; HOST keeps Hearth
 * on loopback behind the proxy by default.)
 */
function trustedHops(hops: Config['trustProxy']): ((address: string, hop: number) => boolean) | false {
  return hops === false ? false : (_address, hop) => hop < hops;
}

/** Builds Hearth without listening: `main.ts` listens, tests inject or listen on a free port. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: loggerOptions(config, options.logStream),
    trustProxy: trustedHops(config.trustProxy),
    genReqId: () => crypto.randomUUID(),
    // Requests that arrive while closing get an answer of our shape instead (refuseWhileClosing).
    return503OnClosing: false,
    // One line per request (below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    forceCloseConnections: 'idle',
  });

  const headers = responseHeaders(config.publicUrl);
  // On shutdown, answers to requests still in flight close their connection, so keep-alive
  // clients do not hold the process open until their idle timeout; new requests are refused.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // Set on the raw response, so they reach pages too: web/mount.ts hijacks those replies, and
  // hijacked replies skip onSend. Fastify merges its own headers into these when it writes.
  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    reply.raw.setHeader('x-request-id', request.id);
    if (closing) return refuseWhileClosing(request, reply);
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        req: { method: request.method, url: withoutSecrets(request.url) },
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
      const { statusCode, response } = httpAnswer(reply, { errors: [internalError(request.id)], statusCode: 500 });
      return reply.status(statusCode).send(response);
    }
    const code = status === 429 ? 'RATE_LIMITED' : 'BAD_USER_INPUT';
    return reply.status(status).send({ errors: [{ message: error.message, extensions: { code } }] });
  });

  app.setNotFoundHandler((_request, reply) =>
    reply
      .status(404)
      .send({ errors: [{ message: 'There is nothing at this address.', extensions: { code: 'NOT_FOUND' } }] }),
  );

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

  // One-click unsubscribe from an email (RFC 8058): answered here, never by the site's pages.
  await unsubscribeRoute(app, { db: database.db, config, clock: options.clock ?? systemClock });
  // Calendar files (.ics): one event, a network's feed, a person's private feed.
  await calendarRoutes(app, { db: database.db, config, clock: options.clock ?? systemClock });
  // Template attachments: upload, and download by the uploader or whoever may read them.
  await fileRoutes(app, {
    db: database.db,
    config,
    clock: options.clock ?? systemClock,
    // A file is attached to library items: whoever may read one of them may download it.
    mayRead: canReadLibraryFile,
  });

  const web = options.web ?? 'auto';
  if (web === true || (web === 'auto' && webBuildExists())) await mountWeb(app, config.publicUrl.origin);

  // Sends queued email (SMTP_URL), or logs it in development. Stopped before the database closes:
  // preClose runs before every onClose hook, the database's among them.
  const outbox = startOutboxWorker({
    db: database.db,
    config,
    log: app.log,
    notifications: database.notifications,
    clock: options.clock ?? systemClock,
  });
  if (outbox) app.addHook('preClose', () => outbox.stop());
  // What the workers announce reaches subscribers on every copy, as a request's would.
  const publisher: Publisher = {
    publish: async (topic, payload) => {
      await app.graphql.pubsub.publish({ topic, payload });
    },
  };
  // Daily digests go into the outbox: built wherever email goes out or waits for SMTP_URL
  // (production), not in tests without a mail server, whose statement counts they would disturb.
  if (outbox || config.env === 'production') {
    const digests = startDigestWorker({
      db: database.db,
      config,
      log: app.log,
      clock: options.clock ?? systemClock,
      pubsub: publisher,
    });
    app.addHook('preClose', () => digests.stop());
  }
  // Mentoring requests unanswered for a week expire, and their leads are told. Not in tests: the
  // sweep would touch other tests' requests in a shared database; its own tests start it.
  if (config.env !== 'test') {
    const sweep = startExpirySweep({
      db: database.db,
      config,
      log: app.log,
      clock: options.clock ?? systemClock,
      pubsub: publisher,
    });
    app.addHook('preClose', () => sweep.stop());
    // Seats offered from a waitlist and not claimed in time pass to the next person waiting.
    const claims = startClaimSweep({
      db: database.db,
      config,
      log: app.log,
      clock: options.clock ?? systemClock,
      pubsub: publisher,
    });
    app.addHook('preClose', () => claims.stop());
  }

  if (options.closeDatabase ?? true) app.addHook('onClose', async () => database.close());
  return app;
}
