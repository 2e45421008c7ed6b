import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';

export const WEB_HANDLER = fileURLToPath(new URL('../../../web/build/handler.js', import.meta.url));

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

/** What the web's server-side code calls to run GraphQL in this process (see web/src/lib/server/api.ts). */
export interface HearthApi {
  execute(request: {
    query: string;
    variables?: Record<string, unknown>;
    operationName?: string;
    cookie?: string;
    clientAddress: string;
  }): Promise<{ status: number; body: unknown; setCookies: string[] }>;
}

export function webBuildExists(): boolean {
  return existsSync(WEB_HANDLER);
}

/**
 * Serves the SvelteKit site on every path Fastify has no route for. Pages reach the API
 * in-process (Fastify's inject), through the same /graphql pipeline an outside client uses.
 */
export async function mountWeb(app: FastifyInstance, publicOrigin: string): Promise<void> {
  const { handler } = (await import(pathToFileURL(WEB_HANDLER).href)) as { handler: NodeHandler };

  const hearthApi: HearthApi = {
    async execute({ query, variables, operationName, cookie, clientAddress }) {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        remoteAddress: clientAddress,
        headers: { 'content-type': 'application/json', origin: publicOrigin, ...(cookie ? { cookie } : {}) },
        payload: JSON.stringify({ query, variables, operationName }),
      });
      const setCookie = response.headers['set-cookie'];
      return {
        status: response.statusCode,
        body: response.json(),
        setCookies: setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie],
      };
    },
  };

  await app.register(async (site) => {
    // SvelteKit reads request bodies itself (form posts), so leave the stream untouched.
    site.removeAllContentTypeParsers();
    site.addContentTypeParser('*', (_request, _payload, done) => done(null));
    site.route({
      method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      url: '/*',
      handler: (request, reply) => {
        reply.hijack();
        Object.assign(request.raw, { hearthApi });
        handler(request.raw, reply.raw);
      },
    });
  });
}
