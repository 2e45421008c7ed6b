import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import type { ErrorCode } from '../core/errors.ts';
import { GRAPHQL_RESPONSE, responseMediaType, type ResponseMediaType } from './media-type.ts';

/* How /graphql answers over HTTP (GraphQL over HTTP): the media type, the status, the refusals. */

declare module 'fastify' {
  interface FastifyRequest {
    /** The media type a /graphql request is answered in; null for every other request, pages' in-process calls included. */
    graphqlMediaType: ResponseMediaType | null;
  }
}

/** A request that never ran, in application/graphql-response+json: the status its error's code stands for. */
const STATUS_OF_CODE: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** onRequest for /graphql: picks the media type from Accept; application/json stays Fastify's default. */
export async function chooseMediaType(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  request.graphqlMediaType = responseMediaType(request.headers.accept);
  if (request.graphqlMediaType === GRAPHQL_RESPONSE) reply.type(GRAPHQL_RESPONSE);
}

export interface GraphqlAnswer {
  /** Absent when the operation never ran (refused before execution). */
  data?: ExecutionResult['data'];
  errors: GraphQLFormattedError[];
  /** The status application/json gets: 200, or a refusal's own 4xx. */
  statusCode: number;
}

/**
 * An answer with errors as it goes out over HTTP. application/json keeps the shape Hearth always
 * had (`data: null` when nothing ran); application/graphql-response+json leaves `data` out of
 * a request that never ran and gives it a 4xx (or a 5xx when our side failed).
 */
export function httpAnswer(reply: FastifyReply, answer: GraphqlAnswer) {
  const { data, errors, statusCode } = answer;
  if (reply.request.graphqlMediaType !== GRAPHQL_RESPONSE) {
    return { statusCode, response: { data: data ?? null, errors } };
  }
  reply.type(GRAPHQL_RESPONSE);
  if (data !== undefined) return { statusCode: 200, response: { data, errors } };
  const code = errors[0]?.extensions?.code as ErrorCode | undefined;
  const status = statusCode !== 200 ? statusCode : (code && STATUS_OF_CODE[code]) || 400;
  return { statusCode: status, response: { errors } };
}

/** A refusal of the request itself, before Mercurius reads it. */
function refuse(reply: FastifyReply, status: number, message: string): FastifyReply {
  const { statusCode, response } = httpAnswer(reply, {
    errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }],
    statusCode: status,
  });
  return reply.status(statusCode).send(response);
}

/**
 * Only JSON (and application/graphql) may reach the endpoint: no form-encoded or text/plain
 * posts, which a browser can send cross-site without asking first (GraphQL over HTTP asks for
 * a 4xx for a POST without a JSON content type, and 415 says which 4xx).
 */
export async function refuseUnsupportedRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json' && type !== 'application/graphql') {
    await refuse(reply, 415, 'Send GraphQL requests with Content-Type: application/json.');
  } else if (Array.isArray(request.body)) {
    await refuse(reply, 400, 'Send one operation per request; batched requests are not accepted.');
  } else if (type === 'application/json') {
    const problem = jsonBodyProblem(request.body);
    if (problem) await refuse(reply, 400, problem);
    else acceptNullExtensions(request.body as Record<string, unknown>);
  }
}

function jsonBodyProblem(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return 'The request body must be a JSON object with a "query".';
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (query !== undefined && typeof query !== 'string') return '"query" must be a string holding a GraphQL document.';
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables)))
    return '"variables" must be a JSON object.';
  if (operationName != null && typeof operationName !== 'string') return '"operationName" must be a string.';
  return null;
}

/** GraphQL over HTTP lets a client send `"extensions": null`; Mercurius' body schema wants an object or nothing. */
function acceptNullExtensions(body: Record<string, unknown>): void {
  if (body.extensions === null) delete body.extensions;
}

/** Every other method on /graphql, answered in the GraphQL shape rather than by the web app's 404. */
export const OTHER_METHODS = ['PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export async function refuseOtherMethod(_request: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.header('allow', 'GET, POST');
  await refuse(reply, 405, 'Send GraphQL requests with POST, or queries with GET.');
}
