import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { compressWhenAccepted } from './compression.ts';
import type { HearthApi, HearthUpload, HearthUploadResponse } from './contract.ts';

export const WEB_HANDLER = fileURLToPath(new URL('../../../web/build/handler.js', import.meta.url));

const FORWARDED_PROTOCOL = 'x-hearth-protocol';
const FORWARDED_ADDRESS = 'x-hearth-client-address';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

/**
 * POST /files run in process for a page, as the person whose cookie came with the page request
 * (the page is on our origin, so the upload carries it too), from the person's own address.
 */
async function uploadInProcess(
  app: FastifyInstance,
  request: FastifyRequest,
  publicOrigin: string,
  file: HearthUpload,
): Promise<HearthUploadResponse> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const response = await app.inject({
    method: 'POST',
    url: '/files',
    headers: { origin: publicOrigin, ...(request.headers.cookie ? { cookie: request.headers.cookie } : {}) },
    remoteAddress: request.ip,
    payload: form,
  });
  let body: HearthUploadResponse['body'] = {};
  try {
    body = response.json<HearthUploadResponse['body']>();
  } catch {
    // A refusal without a JSON body (a cut connection) is told by its status alone.
  }
  return { status: response.statusCode, body };
}

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
  // A template's file comes through the page's form when JavaScript is off: up to POST /files's
  // 10 MiB and the form's other fields. SvelteKit refuses bodies over 512 KB unless told.
  process.env.BODY_SIZE_LIMIT ??= '11M';
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
        const hearthApi: HearthApi = {
          ...app.pageGraphql(request, reply),
          upload: (file) => uploadInProcess(app, request, publicOrigin, file),
        };
        Object.assign(request.raw, { hearthApi });
        // Pages and +server.ts answers go out compressed when the browser accepts it; assets come precompressed.
        compressWhenAccepted(request.raw, reply.raw);
        handler(request.raw, reply.raw);
      },
    });
  });
}
