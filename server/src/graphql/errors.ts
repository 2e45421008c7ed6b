import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '../core/errors.ts';

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

// Only the variable's name and the path are read from the start; the printed value between them
// and the reason may contain anything, so the reason is recognised at the end, never cut out.
const INVALID_VARIABLE = /^Variable "\$(\w+)" got invalid value /;
// The path follows the printed value; the last one is graphql-js's own, whatever the value holds.
const VARIABLE_PATH = /[\s\S]* at "([\w.[\]]+)"; /;
const TYPE = String.raw`"?([\w[\]!]+)"?`;

/**
 * Why a value was refused, in words that hold no part of the value: graphql-js quotes what was
 * sent (a wrong-typed password, say), so only reasons in known wordings are kept, rebuilt from
 * the names they hold, and anything else becomes "not valid".
 */
const KNOWN_REASONS: ReadonlyArray<[RegExp, (match: RegExpExecArray) => string]> = [
  [
    new RegExp(String.raw`; Field "(\w+)" is not defined by type ${TYPE}\.?$`),
    (m) => `Field "${m[1]}" is not defined by type ${m[2]}.`,
  ],
  [
    new RegExp(String.raw`; Field "(\w+)" of required type ${TYPE} was not provided\.?$`),
    (m) => `Field "${m[1]}" of required type "${m[2]}" was not provided.`,
  ],
  [
    new RegExp(String.raw`; Value [\s\S]* does not exist in ${TYPE} enum\.?(?: Did you mean [\s\S]*)?$`),
    (m) => `Expected one of the ${m[1]} values.`,
  ],
  [new RegExp(String.raw`; Enum ${TYPE} cannot represent [\s\S]*$`), (m) => `Expected one of the ${m[1]} values.`],
  [
    new RegExp(String.raw`; (\w+) cannot represent (a )?non[ -]?(\w+) value[\s\S]*$`),
    (m) => `${m[1]} cannot represent a non ${m[3]} value.`,
  ],
  [new RegExp(String.raw`; (\w+) cannot represent [\s\S]*$`), (m) => `Expected a value of type ${m[1]}.`],
  [new RegExp(String.raw`; Expected type ${TYPE}\.?$`), (m) => `Expected a value of type ${m[1]}.`],
  [
    new RegExp(String.raw`; Expected non-nullable type ${TYPE} not to be null\.?$`),
    (m) => `Expected a value of type ${m[1]}, not null.`,
  ],
];

function knownReason(message: string): string {
  for (const [pattern, describe] of KNOWN_REASONS) {
    const match = pattern.exec(message);
    if (match) return describe(match);
  }
  return 'That value is not valid here.';
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
  const variable = invalid[1] ?? '';
  const at = VARIABLE_PATH.exec(text)?.[1];
  const reason = knownReason(text);
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
