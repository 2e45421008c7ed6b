import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { constants, createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from 'node:zlib';

/**
 * Compresses what SvelteKit's handler writes (pages, +server.ts JSON) on its way out. The handler
 * writes straight to Node's response (web/mount.ts hijacks Fastify's reply), so Fastify's onSend
 * hooks, and @fastify/compress with them, never see these bodies: this wraps the raw response
 * instead, as the `compression` middleware for Express does. Assets need none of it: adapter-node
 * sends them precompressed, with a content-encoding this leaves alone.
 */

export type Coding = 'br' | 'gzip';

/** Below this, compressing saves a few hundred bytes at most: not worth the CPU and latency. */
export const MIN_COMPRESSED_BYTES = 1024;

/**
 * Brotli quality 5 of 11: pages are made per request, so speed matters more than the last bytes.
 * On the demo data's /networks page (16.2 KB of HTML) quality 5 gives 4.6 KB in about 1 ms; 4 gives
 * 4.9 KB in a little less, 6 no smaller than 5 but slower, 11 gives 4.1 KB in about 50 ms. gzip -6
 * gives 5.0 KB in about 0.5 ms.
 */
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;

/** Statuses that never carry a body (204, 304) or carry part of one (206): nothing to compress. */
const BODILESS_OR_PARTIAL = new Set([204, 206, 304]);

/** The coding weights a request's Accept-Encoding gives, by lower-case coding name. */
export function acceptedCodings(header: string | undefined): Map<string, number> {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [coding = '', ...parameters] = part.split(';').map((piece) => piece.trim());
    if (!coding) continue;
    let weight = 1;
    for (const parameter of parameters) {
      const [name = '', value = ''] = parameter.split('=').map((piece) => piece.trim());
      // A malformed weight counts as a refusal: better identity than a coding the client may not read.
      if (name.toLowerCase() === 'q') weight = Math.min(Math.max(Number(value) || 0, 0), 1);
    }
    weights.set(coding.toLowerCase(), weight);
  }
  return weights;
}

/**
 * The coding to send in, or null for none: the accepted one with the highest weight, brotli on a
 * tie (it is smaller for the same speed). `*` stands for codings not named; q=0 refuses; identity
 * named with a higher weight than either wins.
 */
export function preferredCoding(header: string | undefined): Coding | null {
  const weights = acceptedCodings(header);
  const weightOf = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  const br = weightOf('br');
  const gzip = weightOf('gzip');
  const best = Math.max(br, gzip);
  if (best <= 0) return null;
  if ((weights.get('identity') ?? 0) > best) return null;
  return br >= gzip ? 'br' : 'gzip';
}

/** Text formats shrink well; images, fonts and archives are compressed already. */
export function isCompressibleType(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return (
    mediaType.startsWith('text/') ||
    mediaType === 'image/svg+xml' ||
    /^application\/(json|javascript|xml|[\w.-]+\+(json|xml))$/.test(mediaType)
  );
}

interface Plan {
  /** The body could have been sent compressed, so caches must keep one copy per Accept-Encoding. */
  varies: boolean;
  coding: Coding | null;
}

function headerText(value: ReturnType<ServerResponse['getHeader']>): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** Decides, from what the response says of itself as its headers go out, whether to compress it. */
function planFor(request: IncomingMessage, response: ServerResponse, status: number, length: number | null): Plan {
  const varies =
    !BODILESS_OR_PARTIAL.has(status) &&
    status >= 200 &&
    !response.hasHeader('content-encoding') &&
    !response.hasHeader('content-range') &&
    isCompressibleType(headerText(response.getHeader('content-type')));
  const worthIt = length === null || length >= MIN_COMPRESSED_BYTES;
  const coding =
    varies && request.method !== 'HEAD' && worthIt ? preferredCoding(request.headers['accept-encoding']) : null;
  return { varies, coding };
}

function addVary(response: ServerResponse): void {
  const names = (headerText(response.getHeader('vary')) ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.some((name) => name === '*' || name.toLowerCase() === 'accept-encoding')) return;
  response.setHeader('vary', [...names, 'Accept-Encoding'].join(', '));
}

function declaredLength(response: ServerResponse): number | null {
  const value = response.getHeader('content-length');
  if (value === undefined) return null;
  const length = Number(value);
  return Number.isFinite(length) ? length : null;
}

function compressor(coding: Coding, length: number | null): BrotliCompress | Gzip {
  if (coding === 'gzip') return createGzip({ level: GZIP_LEVEL });
  return createBrotliCompress({
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      ...(length === null ? {} : { [constants.BROTLI_PARAM_SIZE_HINT]: length }),
    },
  });
}

type Chunk = string | Uint8Array;
type Callback = (error?: Error | null) => void;

function byteLength(chunk: Chunk | null | undefined, encoding: BufferEncoding | undefined): number {
  if (chunk == null) return 0;
  return typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.byteLength;
}

/** Reads the (chunk, encoding, callback) arguments of write and end, each of which may be left out. */
function writeArguments(
  chunk: Chunk | Callback | null | undefined,
  encoding: BufferEncoding | Callback | undefined,
  callback: Callback | undefined,
): { chunk: Chunk | null; encoding: BufferEncoding | undefined; callback: Callback | undefined } {
  if (typeof chunk === 'function') return { chunk: null, encoding: undefined, callback: chunk };
  if (typeof encoding === 'function') return { chunk: chunk ?? null, encoding: undefined, callback: encoding };
  return { chunk: chunk ?? null, encoding, callback };
}

/**
 * Makes `response` compress its body with brotli or gzip when the request accepts one and the
 * body is worth it. Call it before anything writes to the response. The decision is taken when
 * the headers go out, from the status, content type, content-encoding and length known then.
 * A body of unknown length is a stream (SvelteKit streams pages whose data is still loading):
 * each write is flushed through the compressor at once, so the browser gets it without waiting.
 */
export function compressWhenAccepted(request: IncomingMessage, response: ServerResponse): void {
  // Node's overloads, called with the arguments exactly as they came.
  const originalWriteHead = response.writeHead as unknown as (...args: unknown[]) => ServerResponse;
  const originalWrite = response.write as unknown as (...args: unknown[]) => boolean;
  const originalEnd = response.end as unknown as (...args: unknown[]) => ServerResponse;
  let stream: BrotliCompress | Gzip | null = null;
  let flushKind = 0;
  let streaming = false;
  /** The length `end(chunk)` is about to send, when it sends the headers too. */
  let endingLength: number | null = null;

  const restore = () => {
    for (const method of ['writeHead', 'write', 'end'] as const) Reflect.deleteProperty(response, method);
  };

  const startCompressing = (coding: Coding, length: number | null) => {
    response.setHeader('content-encoding', coding);
    response.removeHeader('content-length');
    // The compressed bytes differ, so a strong validator no longer holds; a weak one still does.
    const etag = headerText(response.getHeader('etag'));
    if (etag && !etag.startsWith('W/')) response.setHeader('etag', `W/${etag}`);
    streaming = length === null;
    flushKind = coding === 'br' ? constants.BROTLI_OPERATION_FLUSH : constants.Z_SYNC_FLUSH;
    const compressed = compressor(coding, length);
    compressed.on('data', (chunk: Buffer) => {
      if (!originalWrite.call(response, chunk)) compressed.pause();
    });
    // Whoever writes waits for 'drain' on the response when the compressor's buffer is full, so
    // pass the compressor's on; the socket's own 'drain' restarts the compressor's output, but
    // only once the socket truly has room (not on one passed on from the compressor).
    compressed.on('drain', () => response.emit('drain'));
    response.on('drain', () => {
      if (!response.writableNeedDrain) compressed.resume();
    });
    compressed.once('end', () => originalEnd.call(response));
    compressed.once('error', (error) => response.destroy(error));
    response.once('close', () => compressed.destroy());
    stream = compressed;
  };

  function writeHead(
    statusCode: number,
    reason?: string | OutgoingHttpHeaders,
    headers?: OutgoingHttpHeaders,
  ): ServerResponse {
    if (response.headersSent) return originalWriteHead.call(response, statusCode, reason, headers);
    const statusMessage = typeof reason === 'string' ? reason : undefined;
    const extra = typeof reason === 'object' ? reason : headers;
    if (Array.isArray(extra)) {
      // Raw header lists are passed on as they are; neither SvelteKit nor adapter-node sends them.
      restore();
      return originalWriteHead.call(response, statusCode, statusMessage, extra);
    }
    for (const [name, value] of Object.entries(extra ?? {})) if (value !== undefined) response.setHeader(name, value);
    const length = endingLength ?? declaredLength(response);
    const plan = planFor(request, response, statusCode, length);
    if (plan.varies) addVary(response);
    if (plan.coding) startCompressing(plan.coding, length);
    else restore();
    return originalWriteHead.call(response, statusCode, statusMessage);
  }

  function write(chunk: Chunk, encoding?: BufferEncoding | Callback, callback?: Callback): boolean {
    if (!response.headersSent) response.writeHead(response.statusCode);
    const args = writeArguments(chunk, encoding, callback);
    if (!stream) return originalWrite.call(response, chunk, args.encoding, args.callback);
    const accepted = args.encoding
      ? stream.write(args.chunk ?? '', args.encoding, args.callback)
      : stream.write(args.chunk ?? '', args.callback);
    if (streaming) stream.flush(flushKind);
    return accepted;
  }

  function end(chunk?: Chunk | Callback, encoding?: BufferEncoding | Callback, callback?: Callback): ServerResponse {
    const args = writeArguments(chunk, encoding, callback);
    if (!response.headersSent) {
      // All of the body is in hand: its length decides, and Node still sends it with a content-length if not compressed.
      endingLength = declaredLength(response) ?? byteLength(args.chunk, args.encoding);
      const plan = planFor(request, response, response.statusCode, endingLength);
      if (!plan.coding) {
        if (plan.varies) addVary(response);
        restore();
        return originalEnd.call(response, args.chunk, args.encoding, args.callback);
      }
      response.writeHead(response.statusCode);
    }
    if (!stream) return originalEnd.call(response, args.chunk, args.encoding, args.callback);
    if (args.callback) response.once('finish', args.callback);
    if (args.chunk === null) stream.end();
    else if (args.encoding) stream.end(args.chunk, args.encoding);
    else stream.end(args.chunk);
    return response;
  }

  Object.assign(response, { writeHead, write, end });
}
