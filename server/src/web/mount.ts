import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';

export const WEB_HANDLER = fileURLToPath(new URL('../../../web/build/handler.js', import.meta.url));

const FORWARDED_PROTOCOL = 'x-hearth-protocol';
const FORWARDED_ADDRESS = 'x-hearth-client-address';

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
  // adapter-node reads these when its module loads. Fastify already knows the protocol (from
  // PUBLIC_URL) and the client's address (respecting TRUST_PROXY); hand both to SvelteKit in
  // headers we set ourselves, so its cross-site form check and the API's rate limits see them.
  process.env.PROTOCOL_HEADER = FORWARDED_PROTOCOL;
  process.env.ADDRESS_HEADER = FORWARDED_ADDRESS;
  const protocol = new URL(publicOrigin).protocol.slice(0, -1);
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
        // Hijacked replies skip Fastify's onSend hooks; pages carry the request id too.
        reply.raw.setHeader('x-request-id', request.id);
        // Overwritten on every request, so a client cannot set them.
        request.raw.headers[FORWARDED_PROTOCOL] = protocol;
        request.raw.headers[FORWARDED_ADDRESS] = request.ip;
        Object.assign(request.raw, { hearthApi });
        handler(request.raw, reply.raw);
      },
    });
  });
}
