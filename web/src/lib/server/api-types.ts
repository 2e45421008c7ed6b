/**
 * The contract between the web and the API server. In production the Fastify server runs
 * SvelteKit's handler in the same process and attaches an executor to each Node request
 * (`event.platform.req.hearthApi`), so pages reach GraphQL without a network hop.
 */

export interface HearthApiRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  /** The browser's Cookie header, passed through untouched. */
  cookie?: string;
  /** The browser's address, for the API's rate limits. */
  clientAddress: string;
}

export interface HearthGraphqlError {
  message: string;
  extensions?: { code?: string; field?: string };
}

export interface HearthApiResponse {
  status: number;
  body: { data?: unknown; errors?: HearthGraphqlError[] };
  /** Set-Cookie header values the API wants the browser to receive (session cookie set or cleared). */
  setCookies: string[];
}

export interface HearthApi {
  execute(request: HearthApiRequest): Promise<HearthApiResponse>;
}

/** Every code an API error can carry (see ARCHITECTURE.md, Errors). */
export type ErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'INTERNAL';
