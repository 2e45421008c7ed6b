import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  type ExecutionResult,
  type GraphQLFormattedError,
} from 'graphql';
import mercurius, { type IResolvers, type MercuriusContext } from 'mercurius';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { isOriginTrusted, readToken, sessionCookieOptions } from '../auth/request-token.ts';
import { authenticate } from '../modules/accounts/service.ts';
import { RequestMemo, type Clock, type Publisher, type ServiceContext, type Viewer } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import { SESSION_COOKIE, type HearthApi, type HearthApiResponse } from '../web/contract.ts';
import type { RequestExtras, TokenCarrier } from './context.ts';
import { formatError, internalError, perField } from './errors.ts';
import { chooseMediaType, httpAnswer, OTHER_METHODS, refuseOtherMethod, refuseUnsupportedRequest } from './http.ts';
import { refuseControlCharacters } from './input-text.ts';
import { DEFAULT_LIMITS, limitProblem, measureOperation, type OperationLimits } from './limits.ts';
import { createPostgresEmitter } from './pubsub.ts';
import { allLoaders, allResolvers } from './resolvers.ts';
import { loadSchemaSource } from './schema.ts';
import { guardSubscriptions, type ConnectionErrors, type GuardedSocket } from './subscription-guard.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * GraphQL for one request of the web app this process serves (web/mount.ts): the same
     * pipeline as /graphql, without HTTP in between, reading the session once per page request.
     */
    pageGraphql(request: FastifyRequest, reply: FastifyReply): Pick<HearthApi, 'execute'>;
  }
}

declare module 'mercurius' {
  interface MercuriusContext {
    /** The operation to hold to the limits: from the HTTP body, or named by a page's call. */
    operationName?: string | undefined;
  }
}

type HearthContext = RequestExtras & Pick<MercuriusContext, 'operationName'>;

/** The session a token opens, and what the browser's session cookie must become. */
interface OpenedSession {
  viewer: Viewer | null;
  cookie: { extendUntil: Date; token: string } | 'clear' | null;
}

/** Where a request's session cookie changes go: onto an HTTP reply, or into a page's Set-Cookie list. */
interface SessionCookieJar {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

// Page requests use safe methods to read only; SvelteKit refuses form posts from other sites
// before an action runs, so the rest come from our own pages.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface GraphqlPluginOptions {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  limits?: Partial<OperationLimits> & { maxDepth?: number; maxTokens?: number };
}

async function graphqlPlugin(app: FastifyInstance, options: GraphqlPluginOptions): Promise<void> {
  const { config, database, clock } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const production = config.env === 'production';
  const publicOrigin = config.publicUrl.origin;
  const secureCookie = config.publicUrl.protocol === 'https:';

  const emitter = database.notifications
    ? await createPostgresEmitter(database.notifications, (error) => app.log.error({ err: error }, 'pub/sub'))
    : undefined;
  // Mercurius decorates app.graphql.pubsub once registered; services reach it through this.
  const publisher: Publisher = {
    publish: async (topic, payload) => {
      await app.graphql.pubsub.publish({ topic, payload });
    },
  };

  function services(viewer: Viewer | null, clientAddress: string): ServiceContext {
    return { db: database.db, clock, pubsub: publisher, config, viewer, clientAddress, memo: new RequestMemo() };
  }

  function replyJar(reply: FastifyReply): SessionCookieJar {
    return {
      // A reply is thenable: the braces keep these from handing it back as if it were a promise.
      set: (token, expiresAt) => {
        reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(secureCookie, expiresAt));
      },
      clear: () => {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      },
    };
  }

  /** The same cookies replyJar would set, as Set-Cookie values (@fastify/cookie's defaults spelled out). */
  function headerJar(setCookies: string[]): SessionCookieJar {
    return {
      set: (token, expiresAt) => {
        setCookies.push(app.serializeCookie(SESSION_COOKIE, token, sessionCookieOptions(secureCookie, expiresAt)));
      },
      clear: () => {
        setCookies.push(
          app.serializeCookie(SESSION_COOKIE, '', { sameSite: 'lax', path: '/', expires: new Date(0), maxAge: 0 }),
        );
      },
    };
  }

  async function openSession(token: string | null, carrier: TokenCarrier): Promise<OpenedSession> {
    const auth = token ? await authenticate({ db: database.db, config, now: clock.now() }, token) : null;
    let cookie: OpenedSession['cookie'] = null;
    if (carrier === 'cookie' && token) {
      if (!auth) cookie = 'clear';
      else if (auth.extendedUntil) cookie = { token, extendUntil: auth.extendedUntil };
    }
    return { viewer: auth?.viewer ?? null, cookie };
  }

  function applyCookie(change: OpenedSession['cookie'], jar: SessionCookieJar): void {
    if (change === 'clear') jar.clear();
    else if (change) jar.set(change.token, change.extendUntil);
  }

  async function buildContext(request: FastifyRequest, reply: FastifyReply): Promise<HearthContext> {
    const { token, carrier } = readToken(request);
    const jar = replyJar(reply);
    const session = await openSession(token, carrier);
    applyCookie(session.cookie, jar);
    return {
      services: services(session.viewer, request.ip),
      originTrusted: isOriginTrusted(request, carrier, publicOrigin),
      setSessionCookie: jar.set,
      clearSessionCookie: jar.clear,
      operationName: (request.body as { operationName?: string } | undefined)?.operationName,
    };
  }

  /** formatError for one request: internal errors logged under its id and hidden. */
  function formatterFor(requestId: string, log: FastifyBaseLogger) {
    return (error: Error): GraphQLFormattedError =>
      formatError(toGraphQLError(error), {
        requestId,
        hideSuggestions: production,
        logInternal: (err) => log.error({ err }, 'internal error while executing GraphQL'),
      });
  }

  /**
   * Mercurius' answer as a client gets it: nested errors flattened, each formatted, and the
   * status; over HTTP, in the media type the client asked for (http.ts). Pages' in-process calls
   * and subscriptions get the application/json shape.
   */
  function formatExecution(execution: ExecutionResult & { statusCode?: number }, context: MercuriusContext) {
    const reply = (context as { reply?: FastifyReply }).reply;
    // A subscription's context holds the request that opened its WebSocket.
    const request = reply?.request ?? (context as { request?: FastifyRequest }).request;
    const format = formatterFor(request?.id ?? 'none', request?.log ?? app.log);
    const errors = (execution.errors ?? []).flatMap((error: GraphQLError) => {
      // Mercurius nests the errors of a refused document; a plain Error it nests (under a 405 for a
      // mutation sent with GET) says less than the refusal itself, which keeps its status.
      const nested = (error.originalError as { errors?: unknown[] } | undefined)?.errors;
      return Array.isArray(nested) && nested.every(saysWhatWentWrong) ? (nested as Error[]) : [error];
    });
    const graphqlErrors = errors.map(toGraphQLError).flatMap(perField);
    const formatted = graphqlErrors.map(format);
    const statusCode = responseStatus(execution, graphqlErrors);
    if (reply?.request.graphqlMediaType) {
      // Only POST can carry a mutation (Mercurius refuses one sent with GET with 405).
      if (statusCode === 405) reply.header('allow', 'POST');
      return httpAnswer(reply, { data: execution.data, errors: formatted, statusCode });
    }
    return { statusCode, response: { data: execution.data ?? null, errors: formatted } };
  }

  /** A subscription's errors, formatted for the request that opened its WebSocket. */
  function connectionErrors(request: FastifyRequest | undefined): ConnectionErrors {
    const requestId = request?.id ?? 'none';
    const log = request?.log ?? app.log;
    return {
      format: formatterFor(requestId, log),
      unexpected: (error) => {
        log.error({ error }, 'a subscription error without a code');
        return internalError(requestId);
      },
    };
  }

  /**
   * Mercurius sends what a subscription's subscribe function throws without the error formatter:
   * formatted here, so a refusal keeps its code and a failure is logged and hidden.
   */
  function formattingSubscribeErrors(resolvers: IResolvers): IResolvers {
    const subscription = resolvers.Subscription as Record<string, { subscribe: SubscribeFn }> | undefined;
    if (!subscription) return resolvers;
    const wrapped = Object.entries(subscription).map(([name, field]) => {
      const subscribe: SubscribeFn = async (root, args, context, info) => {
        try {
          return await field.subscribe(root, args, context, info);
        } catch (error) {
          const formatted = connectionErrors(context.reply?.request).format(error as Error);
          throw new GraphQLError(formatted.message, {
            originalError: error as Error,
            extensions: formatted.extensions,
          });
        }
      };
      return [name, { ...field, subscribe }];
    });
    return { ...resolvers, Subscription: Object.fromEntries(wrapped) };
  }

  /** A page request's session: read from its cookie at the first call, then kept for the rest. */
  function pageSession(cookieToken: string | null) {
    let token = cookieToken;
    let opened: Promise<OpenedSession> | null = null;
    return {
      /** The viewer; the cookie change, if any, goes into the first jar that asks (the browser needs it once). */
      async read(jar: SessionCookieJar): Promise<Viewer | null> {
        opened ??= openSession(token, token ? 'cookie' : 'none');
        const session = await opened;
        applyCookie(session.cookie, jar);
        session.cookie = null;
        return session.viewer;
      },
      /** After a form signs in or out, later calls act as the browser's next request would. */
      replace(next: string | null): void {
        token = next;
        opened = null;
      },
    };
  }

  /**
   * Mercurius keeps a call's loaders on the reply it runs through, and sets the status there:
   * each call gets its own, inheriting the page request's id, logger and method.
   */
  function callReply(page: FastifyReply): { reply: FastifyReply; status: () => number } {
    let status = 200;
    const reply: FastifyReply = Object.create(page, {
      code: {
        value(code: number) {
          status = code;
          return reply;
        },
      },
    });
    return { reply, status: () => status };
  }

  /**
   * GraphQL for one page request: the session read once, and for each call its own context
   * (memo, loaders) as a request to /graphql would have, and the same answer, errors included.
   */
  function pageGraphql(request: FastifyRequest, reply: FastifyReply): Pick<HearthApi, 'execute'> {
    const session = pageSession(request.cookies[SESSION_COOKIE] ?? null);
    return {
      async execute({ query, variables, operationName }) {
        const setCookies: string[] = [];
        const jar = headerJar(setCookies);
        const call = callReply(reply);
        try {
          const context: HearthContext = {
            services: services(await session.read(jar), request.ip),
            originTrusted: !SAFE_METHODS.has(request.method),
            setSessionCookie: (token, expiresAt) => {
              jar.set(token, expiresAt);
              session.replace(token);
            },
            clearSessionCookie: () => {
              jar.clear();
              session.replace(null);
            },
            operationName,
          };
          const body = await call.reply.graphql(query, context, variables, operationName);
          return { status: call.status(), body: asJson(body) as HearthApiResponse['body'], setCookies };
        } catch (error) {
          // Refused before running (parse, validation, limits) or failed outside it: as /graphql's error handler answers.
          const context = { reply: call.reply } as MercuriusContext;
          const { statusCode, response } = formatExecution({ errors: [toGraphQLError(error as Error)] }, context);
          return { status: statusCode, body: asJson(response) as HearthApiResponse['body'], setCookies };
        }
      },
    };
  }

  app.decorate('pageGraphql', pageGraphql);

  const noCookies = { setSessionCookie: () => {}, clearSessionCookie: () => {} };
  const validationRules = production ? [NoSchemaIntrospectionCustomRule] : [];
  const maxDepth = limits.maxDepth ?? 10;
  const maxTokens = limits.maxTokens ?? 2000;

  app.decorateRequest('graphqlMediaType', null);
  // The WebSocket a subscription runs on comes with the raw request of its upgrade; this finds
  // the Fastify request (its id and logger) for it.
  const upgrades = new WeakMap<IncomingMessage, FastifyRequest>();
  const rememberUpgrade = async (request: FastifyRequest) => {
    if (request.ws) upgrades.set(request.raw, request);
  };
  app.addHook('onRoute', (route) => {
    if (route.url !== '/graphql') return;
    route.onRequest = [chooseMediaType, rememberUpgrade, ...(route.onRequest ? [route.onRequest].flat() : [])];
    if (route.method !== 'POST') return;
    const existing = route.preValidation;
    route.preValidation = [refuseUnsupportedRequest, ...(existing ? [existing].flat() : [])];
  });
  app.route({ method: [...OTHER_METHODS], url: '/graphql', handler: refuseOtherMethod });

  await app.register(mercurius, {
    schema: loadSchemaSource(),
    resolvers: formattingSubscribeErrors(allResolvers()),
    loaders: allLoaders(),
    context: buildContext,
    graphiql: !production,
    jit: 1,
    // Parsed documents are cached by their text, each holding every token of its source (about
    // 0.5 MB at the token limit), and Mercurius keeps as many again of documents that failed
    // validation. At its default (1,024), a signed-out client sending distinct documents grew the
    // heap past 1 GB, and past pnpm start's old-space ceiling: a crash. 64 holds the web app's
    // operations and caps both caches near 110 MB.
    cache: 64,
    queryDepth: maxDepth,
    allowBatchedQueries: false,
    graphql: { parseOptions: { maxTokens } },
    validationRules,
    subscription: {
      emitter,
      // Cookie-carried connections must open from our own pages (cross-site WebSocket hijacking).
      context: async (_socket, request) => {
        const { token, carrier } = readToken(request);
        const trusted = isOriginTrusted(request, carrier, publicOrigin);
        const auth = token && trusted ? await authenticate({ db: database.db, config, now: clock.now() }, token) : null;
        return {
          services: services(auth?.viewer ?? null, request.ip),
          originTrusted: trusted,
          ...noCookies,
        };
      },
      // API clients send `{ "authorization": "Bearer <token>" }` in connection_init.
      onConnect: async ({ payload }) => {
        const header = (payload as { authorization?: unknown } | undefined)?.authorization;
        if (typeof header !== 'string') return true;
        const auth = header.startsWith('Bearer ')
          ? await authenticate({ db: database.db, config, now: clock.now() }, header.slice(7).trim())
          : null;
        if (!auth) return false;
        return { services: services(auth.viewer, 'websocket'), originTrusted: true };
      },
    },
    errorFormatter: formatExecution,
  });

  app.graphql.addHook('preExecution', async (schema, document, context, variables) => {
    const { operationName } = context;
    const operation = getOperationAST(document, operationName);
    if (operation?.operation === 'mutation' && !context.originTrusted) {
      throw new DomainError('FORBIDDEN', 'This request came from another site, so it was refused.');
    }
    const problem = limitProblem(
      measureOperation(schema, document, variables, operationName, limits.defaultPageSize),
      limits,
    );
    if (problem) throw new DomainError('BAD_USER_INPUT', problem);
  });
  // Control characters in any string argument: refused before a resolver sees them.
  app.graphql.addHook('preExecution', refuseControlCharacters);

  const subscriptionRules = { schema: () => app.graphql.schema, validationRules, maxTokens, maxDepth, limits };
  app.websocketServer.on('connection', (socket: GuardedSocket, raw: IncomingMessage) => {
    guardSubscriptions(socket, subscriptionRules, connectionErrors(upgrades.get(raw)));
  });
}

/**
 * A result as a client decodes it from JSON: graphql-js builds objects without a prototype, and
 * formatted errors hold keys set to undefined; pages (and the data they hand to the browser) get
 * plain objects, as they did over HTTP.
 */
function asJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asJson);
  if (value === null || typeof value !== 'object') return value;
  const plain: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) plain[key] = asJson(item);
  return plain;
}

/** A subscription field's subscribe function; its context holds the request that opened the WebSocket. */
type SubscribeFn = (
  root: unknown,
  args: unknown,
  context: { reply?: { request?: FastifyRequest } },
  info: unknown,
) => unknown;

/** A nested error worth showing in place of its wrapper: a GraphQL error, or one with a code of its own. */
function saysWhatWentWrong(error: unknown): boolean {
  return error instanceof GraphQLError || typeof (error as { code?: unknown }).code === 'string';
}

function toGraphQLError(error: Error): GraphQLError {
  return error instanceof GraphQLError ? error : new GraphQLError(error.message, { originalError: error });
}

/** The HTTP status for a response without data: the refusing error's own 4xx, else 200 (GraphQL over HTTP). */
function responseStatus(execution: { data?: unknown; statusCode?: number }, errors: GraphQLError[]): number {
  if (execution.data) return 200;
  if (execution.statusCode) return execution.statusCode;
  const statuses = errors.map((error) => (error.originalError as { statusCode?: number } | undefined)?.statusCode);
  const first = statuses[0];
  return first && first >= 400 && first < 500 && statuses.every((s) => s === first) ? first : 200;
}

export default fp(graphqlPlugin, { name: 'hearth-graphql', dependencies: ['@fastify/cookie', '@fastify/websocket'] });
