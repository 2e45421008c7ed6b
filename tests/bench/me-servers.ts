// The `me` read served three other ways, for comparison with Hearth's /graphql. Each does the
// same session check Hearth does (Bearer header → authenticate(): one SQL statement, then the
// SHA-256 of the secret compared in constant time) on the same database.
import { createServer } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import Fastify from 'fastify';
import { createSchema, createYoga } from 'graphql-yoga';
import type { Config } from '../../server/src/config.ts';
import type { DatabaseHandle } from '../../server/src/db/database.ts';
import { loadSchemaSource } from '../../server/src/graphql/schema.ts';
import { authenticate } from '../../server/src/modules/accounts/service.ts';
import { closeHttpServer, originOf, type RunningServer } from './servers.ts';

export interface MeUser {
  id: string;
  name: string;
}

export type SessionReader = (authorization: string | undefined) => Promise<MeUser | null>;

/** Reads the Bearer token as Hearth's graphql plugin does and checks it with the same function. */
export function sessionReader(config: Config, database: DatabaseHandle): SessionReader {
  return async (header) => {
    if (!header?.startsWith('Bearer ')) return null;
    const auth = await authenticate(
      { db: database.db, config, now: new Date() },
      header.slice('Bearer '.length).trim(),
    );
    return auth ? { id: auth.viewer.userId, name: auth.viewer.name } : null;
  };
}

interface MeContext {
  viewer: MeUser | null;
}

/** The same resolver everywhere: the viewer the context resolved, as Hearth's Query.me does. */
const resolvers = {
  Query: {
    me: (_root: unknown, _args: unknown, context: MeContext) => context.viewer,
  },
};

/** Every server gets the same level; names follow each library's own logger. */
function logAt(level: string) {
  const order = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];
  const threshold = level === 'silent' ? Infinity : Math.max(0, order.indexOf(level));
  const at = (name: string) =>
    order.indexOf(name) >= threshold ? (...args: unknown[]) => console.error(`[${name}]`, ...args) : () => {};
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** The floor: a bare Fastify JSON route, GET /me-plain, answering in the GraphQL shape. */
export async function startPlain(readSession: SessionReader, logLevel: string): Promise<RunningServer> {
  const app = Fastify({ logger: { level: logLevel } });
  app.get('/me-plain', async (request) => ({ data: { me: await readSession(request.headers.authorization) } }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { name: 'plain', url: originOf(app.server), close: () => app.close() };
}

/** graphql-yoga 5 on node:http, with Hearth's full SDL. */
export async function startYoga(readSession: SessionReader, logLevel: string): Promise<RunningServer> {
  const yoga = createYoga({
    schema: createSchema<MeContext>({ typeDefs: loadSchemaSource(), resolvers }),
    context: async ({ request }) => ({ viewer: await readSession(request.headers.get('authorization') ?? undefined) }),
    logging: logLevel === 'silent' ? false : logAt(logLevel),
    graphiql: false,
    landingPage: false,
  });
  // Yoga's listener answers every request itself, errors included; nothing awaits its promise.
  const server = createServer((request, response) => void yoga(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return { name: 'yoga', url: originOf(server), close: () => closeHttpServer(server) };
}

/** @apollo/server 5 with startStandaloneServer, with Hearth's full SDL. */
export async function startApollo(readSession: SessionReader, logLevel: string): Promise<RunningServer> {
  const apollo = new ApolloServer<MeContext>({
    typeDefs: loadSchemaSource(),
    resolvers,
    logger: logAt(logLevel),
    introspection: false, // as Hearth in production
  });
  const { url } = await startStandaloneServer(apollo, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ viewer: await readSession(req.headers.authorization) }),
  });
  return { name: 'apollo', url: new URL(url).origin, close: () => apollo.stop() };
}
