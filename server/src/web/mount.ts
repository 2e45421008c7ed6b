import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { compressWhenAccepted } from './compression.ts';
import type { HearthApi } from './contract.ts';

export const WEB_HANDLER = fileURLToPath(new URL('../../../web/build/handler.js', import.meta.url));

const FORWARDED_PROTOCOL = 'x-hearth-protocol';
const FORWARDED_ADDRESS = 'x-hearth-client-address';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

export function webBuildExists(): boolean {
  return existsSync(WEB_HANDLER);
}

/**
 * Serves the SvelteKit site on every path Fastify has no route for. Each request carries an
 * executor for the API (see contract.ts): the same GraphQL pipeline an outside client reaches
 * at /graphql, run in process, with the session read once for the whole page.
 */
export async function mountWeb(app: FastifyInstance, publicOrigin: string): Promise<void> {
  // adapter-node reads these when its module loads. Fastify already knows the protocol (from
  // PUBLIC_URL) and the client's address (respecting TRUST_PROXY); hand both to SvelteKit in
  // headers we set ourselves, so its cross-site form check and getClientAddress() see them.
  process.env.PROTOCOL_HEADER = FORWARDED_PROTOCOL;
  process.env.ADDRESS_HEADER = FORWARDED_ADDRESS;
  const protocol = new URL(publicOrigin).protocol.slice(0, -1);
  const { handler } = (await import(pathToFileURL(WEB_HANDLER).href)) as { handler: NodeHandler };

  await app.register(async (site) => {
    // SvelteKit reads request bodies itself (form posts), so leave the stream untouched.
    site.removeAllContentTypeParsers();
    site.addContentTypeParser('*', (_request, _payload, done) => done(null));
    site.route({
      method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      url: '/*',
      handler: (request, reply) => {
        // The request id and security headers are already on reply.raw (app.ts), so they survive this.
        reply.hijack();
        // Overwritten on every request, so a client cannot set them.
        request.raw.headers[FORWARDED_PROTOCOL] = protocol;
        request.raw.headers[FORWARDED_ADDRESS] = request.ip;
        // Reads the session only when the page first calls the API: assets and static pages never do.
        const hearthApi: HearthApi = app.pageGraphql(request, reply);
        Object.assign(request.raw, { hearthApi });
        // Pages and +server.ts answers go out compressed when the browser accepts it; assets come precompressed.
        compressWhenAccepted(request.raw, reply.raw);
        handler(request.raw, reply.raw);
      },
    });
  });
}
