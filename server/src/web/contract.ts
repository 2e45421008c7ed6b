/**
 * What the web app (web/) and this server agree on, declared once. The server serves the web in
 * its own process and hands each page request an executor (`event.platform.req.hearthApi`);
 * the web imports this file through web/src/lib/server/contract.ts. Types only, and constants
 * with no imports at run time, so the web's bundle takes nothing else from the server.
 */
import type { ErrorCode } from '../core/errors.ts';

export type { ErrorCode };

/** The API's session cookie. The web never reads the token; it only checks the cookie is there. */
export const SESSION_COOKIE = 'hearth_session';

/** One GraphQL operation a page runs. */
export interface HearthApiRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export interface HearthGraphqlError {
  message: string;
  extensions?: { code?: ErrorCode; field?: string; requestId?: string };
}

export interface HearthApiResponse {
  /** The status the same operation would get over HTTP. */
  status: number;
  body: { data?: unknown; errors?: HearthGraphqlError[] };
  /** Set-Cookie header values for the browser: the session cookie set, extended or cleared. */
  setCookies: string[];
}

/**
 * Runs operations for one page request, as the person whose session cookie came with it. The
 * session is read once per page request, and the request's address and id go with every call.
 */
export interface HearthApi {
  execute(request: HearthApiRequest): Promise<HearthApiResponse>;
  /**
   * Sends a file to POST /files as the person, in process: a form posted without JavaScript
   * carries it to the page, which passes it on. The answer is POST /files's own.
   */
  upload(file: HearthUpload): Promise<HearthUploadResponse>;
}

export interface HearthUpload {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface HearthUploadResponse {
  status: number;
  body: { id?: string; name?: string; error?: { code?: ErrorCode; field?: string; message?: string } };
}
