import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** The `extensions.code` values every API error carries (see shared/ARCHITECTURE.md). */
export type ErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'INTERNAL';

/** A rule was broken; services throw these and the formatter turns them into `extensions.code`. */
export class DomainError extends Error {
  override name = 'DomainError';
  readonly code: ErrorCode;
  /** The input field at fault, so a form can show the message next to it. */
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
}

export const badInput = (field: string, message: string) => new DomainError('BAD_USER_INPUT', message, field);
export const unauthenticated = (message = 'Sign in to do this.') => new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You do not have permission to do this.') => new DomainError('FORBIDDEN', message);
export const notFound = (message: string) => new DomainError('NOT_FOUND', message);
export const conflict = (message: string, field?: string) => new DomainError('CONFLICT', message, field);
export const rateLimited = (message: string) => new DomainError('RATE_LIMITED', message);

const SUGGESTION = / ?Did you mean .*\?$/;

export interface FormatOptions {
  requestId: string;
  hideSuggestions: boolean;
  logInternal: (error: unknown) => void;
}

/**
 * Maps one GraphQL error to what the client sees. Domain errors keep their message and code;
 * errors from parsing and validation are the client's input; anything else is internal and
 * shows only the request id, never a stack or SQL.
 */
export function formatError(error: GraphQLError, options: FormatOptions): GraphQLFormattedError {
  const original = error.originalError;
  const base = { locations: error.locations, path: error.path };

  if (original instanceof DomainError) {
    const extensions: Record<string, unknown> = { code: original.code };
    if (original.field) extensions.field = original.field;
    return { ...base, message: original.message, extensions };
  }
  const status = (original as { statusCode?: unknown } | undefined)?.statusCode;
  if (original && typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify and Mercurius refusing the request itself: bad JSON, depth, token count, method.
    const code = status === 429 ? 'RATE_LIMITED' : 'BAD_USER_INPUT';
    return { ...base, message: requestProblem(original), extensions: { code } };
  }
  if (original === undefined || original instanceof GraphQLError) {
    return { ...base, ...describeInvalidRequest(error.message, options.hideSuggestions) };
  }

  const depth = DEPTH_EXCEEDED.exec(original.message);
  if (depth) {
    return {
      ...base,
      message: `The query is nested ${depth[1]} levels deep; at most ${depth[2]} are allowed.`,
      extensions: { code: 'BAD_USER_INPUT' },
    };
  }

  options.logInternal(original);
  return { ...base, ...internalError(options.requestId) };
}

/** What a client sees of any failure on our side: the request id to quote, nothing else. */
export function internalError(requestId: string): {
  message: string;
  extensions: { code: 'INTERNAL'; requestId: string };
} {
  return {
    message: `Something went wrong on our side. If it keeps happening, quote request id ${requestId}.`,
    extensions: { code: 'INTERNAL', requestId },
  };
}

// Mercurius reports an over-deep query with status 500; it is the client's query at fault.
const DEPTH_EXCEEDED = /query depth \((\d+)\) exceeds the query depth limit of (\d+)/;

const REQUEST_PROBLEMS: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large; the limit is 100 KB.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty; send a JSON object with a "query".',
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
};

function requestProblem(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && REQUEST_PROBLEMS[code]) || error.message;
}

const INVALID_VARIABLE = /^Variable "\$(\w+)" got invalid value [\s\S]*?(?: at "([\w.[\]]+)")?; ([^;]*)$/;

/**
 * The reason a value was refused, without the value: graphql-js quotes what was sent (a wrong-typed
 * password, say), and the sender needs only to know what was expected.
 */
function reasonWithoutValue(reason: string): string {
  return (
    reason
      // graphql-jit and graphql-js word this one reason differently; say it one way.
      .replace(/defined by type "(\w+)"/, 'defined by type $1')
      .replace(/^(\w+ cannot represent[^:]*?)(?: value)?: [\s\S]*$/, '$1 value.')
      .replace(/^Value [\s\S]* does not exist in "(\w+)" enum\.?$/, 'Expected one of the $1 values.')
  );
}

/**
 * Errors from parsing, validation and variable coercion. graphql-js quotes the whole value of
 * a bad variable, which may hold a password: keep the reason, drop the value, name the field.
 */
function describeInvalidRequest(
  message: string,
  hideSuggestions: boolean,
): Pick<GraphQLFormattedError, 'message' | 'extensions'> {
  const text = hideSuggestions ? message.replace(SUGGESTION, '') : message;
  const invalid = INVALID_VARIABLE.exec(text);
  if (!invalid) return { message: text, extensions: { code: 'BAD_USER_INPUT' } };
  const [, variable = '', at, rawReason = ''] = invalid;
  const reason = reasonWithoutValue(rawReason);
  // The innermost input field at fault: an unknown or missing one by its name, else the path's end.
  const named = /^Field "(\w+)" (?:is not defined|of required type)/.exec(reason)?.[1];
  const field = (named ?? at ?? variable)
    .split('.')
    .pop()
    ?.replace(/\[\d+\]$/, '');
  const where = at ? `"${at}"` : `"$${variable}"`;
  return {
    message: `Invalid value for ${where}: ${reason}`,
    extensions: field ? { code: 'BAD_USER_INPUT', field } : { code: 'BAD_USER_INPUT' },
  };
}
