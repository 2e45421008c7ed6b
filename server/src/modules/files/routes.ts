// POST /files and GET /files/:id: uploading a template's attachment and downloading it. Plain
// Fastify routes beside /graphql (a GraphQL mutation is a poor carrier for 10 MB of bytes); the
// site's wildcard (web/mount.ts) never sees them, since a static or parametric route wins over it.
// Multipart parsing is registered in this scope alone, so no other route starts accepting it.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { RequestMemo, type Clock, type ServiceContext, type Viewer } from '../../core/context.ts';
import { DomainError, type ErrorCode } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { isOriginTrusted, readToken, sessionCookieOptions } from '../../auth/request-token.ts';
import { SESSION_COOKIE } from '../../web/contract.ts';
import { authenticate } from '../accounts/service.ts';
import * as files from './service.ts';

export interface FileRoutesOptions {
  db: Db;
  config: Config;
  clock: Clock;
  /** Whether someone other than the uploader may read a file: the module that attaches files decides. */
  mayRead: files.MayReadFile;
}

/** Room for the multipart boundaries and part headers around a file of the largest size. */
const MULTIPART_OVERHEAD = 64 * 1024;
const NOT_FOUND = 'There is no file at this address.';
const TOO_LARGE = 'This file is larger than 10 MB; attach a smaller one, or link to it instead.';
const NO_FILE = 'Choose a file to upload, sent as multipart/form-data in a field named "file".';

const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
};

interface ErrorBody {
  error: { code: string; field?: string; message: string };
}

function refuse(reply: FastifyReply, status: number, error: ErrorBody['error']): FastifyReply {
  return reply
    .status(status)
    .type('application/json; charset=utf-8')
    .send({ error } satisfies ErrorBody);
}

/**
 * Refuses a request whose body is left unread: the connection closes once the answer is out, so a
 * client still sending (a 1 GB upload) is cut off rather than drained.
 */
function refuseUnread(reply: FastifyReply, status: number, error: ErrorBody['error']): FastifyReply {
  return refuse(reply.header('connection', 'close'), status, error);
}

/**
 * A refusal from a service, answered with the status its code stands for (closing the connection
 * when the body is still unread); anything else is a failure.
 */
function refuseDomainError(reply: FastifyReply, error: unknown, bodyRead: boolean): FastifyReply {
  const status = error instanceof DomainError ? STATUS_OF[error.code] : undefined;
  if (!(error instanceof DomainError) || status === undefined) throw error;
  const { code, message, field } = error;
  return (bodyRead ? refuse : refuseUnread)(reply, status, { code, message, ...(field ? { field } : {}) });
}

/** The bytes of a file part, or null once it passes the size limit: reading stops there, not at its end. */
async function readLimited(file: AsyncIterable<Buffer> & { truncated: boolean }): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of file) {
    if (file.truncated) return null;
    chunks.push(chunk);
  }
  return file.truncated ? null : Buffer.concat(chunks);
}

/**
 * A file name as the person's computer had it: browsers send quotes and line breaks in a form's
 * file names as %22, %0A and %0D (the HTML standard's multipart/form-data encoding).
 */
function formFileName(sent: string): string {
  return sent.replace(/%22/g, '"').replace(/%0[ad]/gi, ' ');
}

/**
 * The one file of a multipart body, its name and bytes; null when there is none or the body is
 * not well-formed multipart (more files, too many fields, cut short).
 */
async function readUpload(request: FastifyRequest): Promise<{ name: string; bytes: Buffer } | 'too-large' | null> {
  try {
    const part = await request.file();
    if (!part) return null;
    const bytes = await readLimited(part.file);
    return bytes ? { name: formFileName(part.filename), bytes } : 'too-large';
  } catch (error) {
    // Everything that can fail here is the body's shape (busboy's own errors carry no status).
    return (error as { statusCode?: number }).statusCode === 413 ? 'too-large' : null;
  }
}

/**
 * `filename="…"` for browsers that know no better, printable ASCII without quotes or backslashes,
 * and `filename*=` (RFC 6266, RFC 5987) with the name itself.
 */
export function contentDisposition(name: string): string {
  const fallback = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export async function fileRoutes(app: FastifyInstance, options: FileRoutesOptions): Promise<void> {
  const publicOrigin = options.config.publicUrl.origin;

  /**
   * The signed-in person, as /graphql finds them (graphql/plugin.ts), renewing a browser's cookie
   * as it would when the session's expiry moves on.
   */
  async function viewerOf(request: FastifyRequest, reply: FastifyReply): Promise<Viewer | null> {
    const { token, carrier } = readToken(request);
    if (!token) return null;
    const auth = await authenticate({ db: options.db, config: options.config, now: options.clock.now() }, token);
    if (auth?.extendedUntil && carrier === 'cookie') {
      reply.setCookie(
        SESSION_COOKIE,
        token,
        sessionCookieOptions(options.config.publicUrl.protocol === 'https:', auth.extendedUntil),
      );
    }
    return auth?.viewer ?? null;
  }

  function context(request: FastifyRequest, viewer: Viewer | null): ServiceContext {
    return {
      db: options.db,
      clock: options.clock,
      pubsub: {
        publish: async (topic, payload) => {
          await app.graphql.pubsub.publish({ topic, payload });
        },
      },
      config: options.config,
      viewer,
      clientAddress: request.ip,
      memo: new RequestMemo(),
    };
  }

  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: files.MAX_FILE_SIZE, files: 1, fields: 4, fieldSize: 1024, parts: 5, headerPairs: 20 },
    });

    scope.post('/files', async (request, reply) => {
      if (!isOriginTrusted(request, readToken(request).carrier, publicOrigin)) {
        return refuseUnread(reply, 403, {
          code: 'FORBIDDEN',
          message: 'This request came from another site, so it was refused.',
        });
      }
      const ctx = context(request, await viewerOf(request, reply));
      try {
        // Who may upload is settled before a byte of the body is read.
        await files.ensureMayUpload(ctx);
      } catch (error) {
        return refuseDomainError(reply, error, false);
      }
      if (Number(request.headers['content-length'] ?? 0) > files.MAX_FILE_SIZE + MULTIPART_OVERHEAD) {
        return refuseUnread(reply, 413, { code: 'BAD_USER_INPUT', field: 'file', message: TOO_LARGE });
      }
      if (!request.isMultipart()) {
        return refuseUnread(reply, 400, { code: 'BAD_USER_INPUT', field: 'file', message: NO_FILE });
      }

      const upload = await readUpload(request);
      if (upload === 'too-large') {
        return refuseUnread(reply, 413, { code: 'BAD_USER_INPUT', field: 'file', message: TOO_LARGE });
      }
      if (!upload) return refuseUnread(reply, 400, { code: 'BAD_USER_INPUT', field: 'file', message: NO_FILE });
      try {
        const stored = await files.storeUpload(ctx, upload);
        const { id, name, contentType, size } = stored;
        return reply.status(201).send({ id, name, contentType, size, url: `/files/${id}` });
      } catch (error) {
        return refuseDomainError(reply, error, true);
      }
    });

    scope.get<{ Params: { id: string } }>('/files/:id', async (request, reply) => {
      const viewer = await viewerOf(request, reply);
      const found = await files.readFileForDownload(context(request, viewer), request.params.id, options.mayRead);
      if (!found) return reply.status(404).type('text/plain; charset=utf-8').send(NOT_FOUND);
      return (
        reply
          .status(200)
          .type(found.record.contentType)
          .header('content-disposition', contentDisposition(found.record.name))
          .header('x-content-type-options', 'nosniff')
          // Files may be for a network's members only: no shared cache keeps them.
          .header('cache-control', 'private, no-store')
          // Opened in a tab rather than saved, a file still runs nothing and reaches nothing.
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(Buffer.from(found.bytes.buffer, found.bytes.byteOffset, found.bytes.byteLength))
      );
    });
  });
}
