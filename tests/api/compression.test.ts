// Pages and other answers of the SvelteKit handler go out compressed when the client accepts it,
// over real HTTP (node:http, not fetch, which would ask for and undo compression by itself).
import { createServer, request, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, createBrotliDecompress, createGunzip, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressWhenAccepted } from '../../server/src/web/compression.ts';
import { graphql, signUp } from '../support/graphql.ts';
import { startServer, type RunningServer } from '../support/server.ts';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as they came over the wire. */
  body: Buffer;
}

function fetchRaw(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

function decoded(answer: Answer): string {
  const coding = answer.headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(answer.body).toString('utf8');
  if (coding === 'gzip') return gunzipSync(answer.body).toString('utf8');
  expect(coding).toBeUndefined();
  return answer.body.toString('utf8');
}

/** Every page carries a fresh CSP nonce; apart from it, two renderings of a page are the same. */
const withoutNonces = (html: string) => html.replaceAll(/nonce="[^"]*"/g, 'nonce=""');

const BROWSER = 'gzip, deflate, br, zstd';

describe('compression of pages from the SvelteKit handler', () => {
  let server: RunningServer;
  let plainHome: string;
  beforeAll(async () => {
    server = await startServer({ web: true });
    const plain = await fetchRaw(`${server.url}/`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    plainHome = withoutNonces(plain.body.toString('utf8'));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('should send a page in brotli to a browser that accepts it, the same page once decompressed', async () => {
    const answer = await fetchRaw(`${server.url}/`, { 'accept-encoding': BROWSER });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toBe('text/html');
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(answer.headers['content-length']).toBeUndefined();
    expect(answer.body.length).toBeLessThan(plainHome.length / 2);
    expect(withoutNonces(decoded(answer))).toBe(plainHome);
    // The headers set before the handler ran are still there.
    expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('should send gzip when that is all the client accepts, or what it prefers', async () => {
    for (const accepted of ['gzip', 'br;q=0.5, gzip', 'br;q=0, gzip;q=0.1', 'x-unknown, gzip;q=1.0']) {
      const answer = await fetchRaw(`${server.url}/`, { 'accept-encoding': accepted });
      expect({ accepted, coding: answer.headers['content-encoding'] }).toEqual({ accepted, coding: 'gzip' });
      expect(answer.headers.vary).toBe('Accept-Encoding');
      expect(withoutNonces(decoded(answer))).toBe(plainHome);
    }
  });

  it('should prefer brotli on a tie, and for a bare *', async () => {
    for (const accepted of ['gzip, br', 'gzip;q=0.8, br;q=0.8', '*', 'GZIP, BR']) {
      const answer = await fetchRaw(`${server.url}/`, { 'accept-encoding': accepted });
      expect({ accepted, coding: answer.headers['content-encoding'] }).toEqual({ accepted, coding: 'br' });
    }
  });

  it('should send the page as it is when no compression is accepted, still saying it varies', async () => {
    const refusals = [null, '', 'identity', 'deflate', 'br;q=0, gzip;q=0', '*;q=0', 'gzip;q=0, br;q=0, *', 'br;q=abc'];
    for (const accepted of refusals) {
      const answer = await fetchRaw(`${server.url}/`, accepted === null ? {} : { 'accept-encoding': accepted });
      expect({ accepted, coding: answer.headers['content-encoding'] }).toEqual({ accepted, coding: undefined });
      expect(answer.headers.vary).toBe('Accept-Encoding');
      expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
      expect(withoutNonces(answer.body.toString('utf8'))).toBe(plainHome);
    }
  });

  it('should honour identity named with a higher weight than any compression', async () => {
    const answer = await fetchRaw(`${server.url}/`, { 'accept-encoding': 'identity;q=1, gzip;q=0.5, br;q=0.5' });
    expect(answer.headers['content-encoding']).toBeUndefined();
  });

  it('should compress a page that is not found too', async () => {
    const answer = await fetchRaw(`${server.url}/no-such-page`, { 'accept-encoding': BROWSER });
    expect(answer.status).toBe(404);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(decoded(answer)).toContain('<html');
  });

  it('should answer HEAD without a body or a content-encoding', async () => {
    const answer = await fetchRaw(`${server.url}/`, { 'accept-encoding': BROWSER }, 'HEAD');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(answer.body.length).toBe(0);
  });

  it('should compress JSON from a +server.ts route', async () => {
    const person = await signUp(server.url, 'compressed-export');
    // A bio makes the export worth compressing (an empty account's is under 1 KB).
    const bio = 'I look after the website, the CRM and the laptops of a small food bank. '.repeat(20);
    const updated = await graphql(
      server.url,
      'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }',
      {
        token: person.token,
        variables: { input: { bio } },
      },
    );
    expect(updated.errors).toBeUndefined();
    const headers = { cookie: `hearth_session=${person.token}` };
    const answer = await fetchRaw(`${server.url}/account/export`, { ...headers, 'accept-encoding': 'gzip' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['content-encoding']).toBe('gzip');
    const plain = await fetchRaw(`${server.url}/account/export`, headers);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(answer.body.length).toBeLessThan(plain.body.length / 2);
    const exported = JSON.parse(decoded(answer)) as { account: { email: string }; profile: { bio: string } };
    expect({ email: exported.account.email, bio: exported.profile.bio }).toEqual({
      email: person.email,
      bio: bio.trim(),
    });
  });

  it('should leave a small JSON answer (a form action result) as it is', async () => {
    const answer = await new Promise<Answer>((resolve, reject) => {
      const outgoing = request(
        `${server.url}/signin`,
        {
          method: 'POST',
          headers: {
            'accept-encoding': BROWSER,
            accept: 'application/json',
            'content-type': 'application/x-www-form-urlencoded',
            'x-sveltekit-action': 'true',
            origin: server.url,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end('email=&password=');
    });
    // SvelteKit answers a failed action with its status and a JSON result.
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.body.length).toBeLessThan(1024);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(answer.body.toString('utf8'))).toMatchObject({ type: 'failure', status: 400 });
  });

  it('should leave a precompressed asset to the asset handler', async () => {
    const answer = await fetchRaw(`${server.url}/favicon.svg`, { 'accept-encoding': 'gzip' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(decoded(answer)).toContain('<svg');
  });
});

/** A bare Node server whose answers pass through compressWhenAccepted, for cases the site has no page for. */
describe('compressWhenAccepted', () => {
  let server: Server;
  let base: string;
  const LONG = `<p>${'A steward keeps the network going. '.repeat(80)}</p>`;
  /** 8 MB of hex text that compresses only by half: enough to fill the socket and the compressor's buffers. */
  const LARGE = Buffer.from(randomBytes(4 * 1024 * 1024).toString('hex'));
  /** The streamed answer waits here between its two parts, until the client has read the first. */
  let releaseRest: () => void = () => {};

  const routes: Record<string, (response: ServerResponse) => void> = {
    '/long': (response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.setHeader('etag', '"v1"');
      response.end(LONG);
    },
    '/tiny': (response) => {
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': '11' }).end('<p>tiny</p>');
    },
    '/encoded': (response) => {
      response.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'identity' });
      response.end(LONG);
    },
    '/image': (response) => {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(Buffer.alloc(4096, 7));
    },
    '/no-content': (response) => {
      response.writeHead(204, { 'content-type': 'text/html' }).end();
    },
    '/not-modified': (response) => {
      response.writeHead(304, { 'content-type': 'text/html', etag: '"v1"' }).end();
    },
    '/large': (response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      // Writes as SvelteKit does: until write() says stop, then again on 'drain'.
      let next = 0;
      const writeMore = () => {
        while (next < LARGE.length) {
          const chunk = LARGE.subarray(next, next + 64 * 1024);
          next += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', writeMore);
            return;
          }
        }
        response.end();
      };
      writeMore();
    },
    '/streamed': (response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.write('<p>first part</p>');
      releaseRest = () => {
        response.write('<p>second part</p>');
        response.end('<p>the end</p>');
      };
    },
  };

  beforeAll(async () => {
    server = createServer((incoming, response) => {
      compressWhenAccepted(incoming, response);
      routes[incoming.url ?? '']!(response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('should compress a body sent whole with end(), weakening its ETag', async () => {
    const answer = await fetchRaw(`${base}/long`, { 'accept-encoding': 'br' });
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers.etag).toBe('W/"v1"');
    expect(answer.headers['content-length']).toBeUndefined();
    expect(decoded(answer)).toBe(LONG);
    const plain = await fetchRaw(`${base}/long`);
    expect(plain.headers.etag).toBe('"v1"');
    expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(LONG));
  });

  it('should deliver a large body whole when the socket and the compressor push back', async () => {
    for (const coding of ['br', 'gzip']) {
      const answer = await fetchRaw(`${base}/large`, { 'accept-encoding': coding });
      expect(answer.headers['content-encoding']).toBe(coding);
      const body = coding === 'br' ? brotliDecompressSync(answer.body) : gunzipSync(answer.body);
      expect(body.equals(LARGE)).toBe(true);
    }
  });

  it('should leave alone a tiny body, one already encoded, an image, a 204 and a 304', async () => {
    const answers = await Promise.all(
      ['/tiny', '/encoded', '/image', '/no-content', '/not-modified'].map(async (path) => {
        const answer = await fetchRaw(`${base}${path}`, { 'accept-encoding': 'br, gzip' });
        return { path, status: answer.status, coding: answer.headers['content-encoding'], vary: answer.headers.vary };
      }),
    );
    expect(answers).toEqual([
      { path: '/tiny', status: 200, coding: undefined, vary: 'Accept-Encoding' },
      { path: '/encoded', status: 200, coding: 'identity', vary: undefined },
      { path: '/image', status: 200, coding: undefined, vary: undefined },
      { path: '/no-content', status: 204, coding: undefined, vary: undefined },
      { path: '/not-modified', status: 304, coding: undefined, vary: undefined },
    ]);
  });

  for (const [coding, decompressor] of [
    ['br', createBrotliDecompress],
    ['gzip', createGunzip],
  ] as const) {
    it(`should stream in ${coding}: the first part arrives, decompressed, before the rest is written`, async () => {
      const text = await new Promise<string>((resolve, reject) => {
        const outgoing = request(`${base}/streamed`, { headers: { 'accept-encoding': coding } }, (response) => {
          expect(response.headers['content-encoding']).toBe(coding);
          expect(response.headers['transfer-encoding']).toBe('chunked');
          let seen = '';
          const plain = response.pipe(decompressor());
          plain.on('data', (chunk: Buffer) => {
            const before = seen;
            seen += chunk.toString('utf8');
            // The server holds the rest back until the first part is here, so this only ends if it was flushed.
            if (before === '' && seen === '<p>first part</p>') releaseRest();
          });
          plain.on('end', () => resolve(seen));
          plain.on('error', reject);
        });
        outgoing.on('error', reject);
        outgoing.end();
      });
      expect(text).toBe('<p>first part</p><p>second part</p><p>the end</p>');
    });
  }
});
