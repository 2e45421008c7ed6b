import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { getOperationAST, GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import mercurius from 'mercurius';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { authenticate } from '../modules/accounts/service.ts';
import { RequestMemo, type Clock, type Publisher, type ServiceContext, type Viewer } from '../core/context.ts';
import { DomainError } from '../core/errors.ts';
import type { RequestExtras, TokenCarrier } from './context.ts';
import { formatError } from './errors.ts';
import { DEFAULT_LIMITS, limitProblem, measureOperation, type OperationLimits } from './limits.ts';
import { createPostgresEmitter } from './pubsub.ts';
import { allLoaders, allResolvers } from './resolvers.ts';
import { loadSchemaSource } from './schema.ts';

export const SESSION_COOKIE = 'hearth_session';

export interface GraphqlPluginOptions {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  limits?: Partial<OperationLimits> & { maxDepth?: number; maxTokens?: number };
}

function readToken(request: FastifyRequest): { token: string | null; carrier: TokenCarrier } {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice('Bearer '.length).trim(), carrier: 'bearer' };
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, carrier: 'cookie' } : { token: null, carrier: 'none' };
}

/**
 * Browsers send Origin with every POST, so a cookie-carried request without our Origin did not
 * come from our pages. Clients without cookies (API clients with Bearer tokens) need none.
 */
function isOriginTrusted(request: FastifyRequest, carrier: TokenCarrier, publicOrigin: string): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) return origin === publicOrigin;
  return carrier !== 'cookie';
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

  function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date): void {
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: secureCookie,
      expires: expiresAt,
    });
  }

  async function buildContext(request: FastifyRequest, reply: FastifyReply): Promise<RequestExtras> {
    const { token, carrier } = readToken(request);
    const auth = token ? await authenticate({ db: database.db, config, now: clock.now() }, token) : null;
    if (carrier === 'cookie' && token) {
      if (!auth) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      else if (auth.extendedUntil) setSessionCookie(reply, token, auth.extendedUntil);
    }
    return {
      services: services(auth?.viewer ?? null, request.ip),
      originTrusted: isOriginTrusted(request, carrier, publicOrigin),
      setSessionCookie: (newToken, expiresAt) => setSessionCookie(reply, newToken, expiresAt),
      clearSessionCookie: () => reply.clearCookie(SESSION_COOKIE, { path: '/' }),
    };
  }

  const noCookies = { setSessionCookie: () => {}, clearSessionCookie: () => {} };

  // Only JSON (and application/graphql) may reach the endpoint: no form-encoded or text/plain
  // posts, which a browser can send cross-site without asking first.
  app.addHook('onRoute', (route) => {
    if (route.url !== '/graphql' || route.method !== 'POST') return;
    const existing = route.preValidation;
    route.preValidation = [refuseUnsupportedRequest, ...(existing ? [existing].flat() : [])];
  });

  await app.register(mercurius, {
    schema: loadSchemaSource(),
    resolvers: allResolvers(),
    loaders: allLoaders(),
    context: buildContext,
    graphiql: !production,
    jit: 1,
    queryDepth: limits.maxDepth ?? 10,
    allowBatchedQueries: false,
    graphql: { parseOptions: { maxTokens: limits.maxTokens ?? 2000 } },
    validationRules: production ? [NoSchemaIntrospectionCustomRule] : [],
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
    errorFormatter: (execution, context) => {
      const reply = (context as { reply?: FastifyReply }).reply;
      const requestId = reply?.request.id ?? 'none';
      const log = reply?.log ?? app.log;
      const errors = (execution.errors ?? []).flatMap((error: GraphQLError) => {
        const nested = (error.originalError as { errors?: GraphQLError[] } | undefined)?.errors;
        return Array.isArray(nested) ? nested : [error];
      });
      const graphqlErrors = errors.map(toGraphQLError);
      const formatted = graphqlErrors.map((error) =>
        formatError(error, {
          requestId,
          hideSuggestions: production,
          logInternal: (err) => log.error({ err }, 'internal error while executing GraphQL'),
        }),
      );
      const statusCode = responseStatus(execution, graphqlErrors);
      return { statusCode, response: { data: execution.data ?? null, errors: formatted } };
    },
  });

  app.graphql.addHook('preExecution', async (schema, document, context, variables) => {
    const operationName = (context.reply?.request.body as { operationName?: string } | undefined)?.operationName;
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
}

async function refuseUnsupportedRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json' && type !== 'application/graphql') {
    await reply.status(415).send(refusal('Send GraphQL requests with Content-Type: application/json.'));
  } else if (Array.isArray(request.body)) {
    await reply.status(400).send(refusal('Send one operation per request; batched requests are not accepted.'));
  } else if (type === 'application/json') {
    const problem = jsonBodyProblem(request.body);
    if (problem) await reply.status(400).send(refusal(problem));
  }
}

function jsonBodyProblem(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return 'The request body must be a JSON object with a "query".';
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (query !== undefined && typeof query !== 'string') return '"query" must be a string holding a GraphQL document.';
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables)))
    return '"variables" must be a JSON object.';
  if (operationName != null && typeof operationName !== 'string') return '"operationName" must be a string.';
  return null;
}

function refusal(message: string) {
  return { data: null, errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] };
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
