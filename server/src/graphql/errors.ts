import { GraphQLError, Kind, type GraphQLFormattedError } from 'graphql';
import { DomainError, InputErrors } from '../core/errors.ts';

/** The "did you mean" tail graphql-js adds to validation messages; hidden in production. */
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
    return { ...base, ...describeInvalidRequest(error, options.hideSuggestions) };
  }
  // Mercurius reports an over-deep query with status 500; it is the client's query at fault.
  if ((original as { code?: unknown }).code === 'MER_ERR_GQL_QUERY_DEPTH') {
    const depth = DEPTH_EXCEEDED.exec(original.message);
    const message = depth ? depthProblem(Number(depth[1]), Number(depth[2])) : 'The query is nested too deeply.';
    return { ...base, message, extensions: { code: 'BAD_USER_INPUT' } };
  }

  options.logInternal(original);
  return { ...base, ...internalError(options.requestId) };
}

/**
 * An error as the client gets it: several bad fields of one input (InputErrors) become one
 * error per field, each at the place of the field that failed, so a form can show them all.
 */
export function perField(error: GraphQLError): GraphQLError[] {
  const original = error.originalError;
  if (!(original instanceof InputErrors)) return [error];
  // graphql-jit gives an error its locations but no nodes to work them out from again: copied.
  return original.problems.map((problem) =>
    Object.assign(new GraphQLError(problem.message, { path: error.path, originalError: problem }), {
      locations: error.locations,
    }),
  );
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

export const SHUTTING_DOWN = 'Hearth is shutting down; try again in a moment.';

/** What a request that arrives while the server closes gets: a failure on our side, worth a retry. */
export function shuttingDownError(requestId: string): {
  message: string;
  extensions: { code: 'INTERNAL'; requestId: string };
} {
  return { message: SHUTTING_DOWN, extensions: { code: 'INTERNAL', requestId } };
}

export function depthProblem(depth: number, maxDepth: number): string {
  return `The query is nested ${depth} levels deep; at most ${maxDepth} are allowed.`;
}

/** Mercurius's words for an over-deep query (MER_ERR_GQL_QUERY_DEPTH): only the two numbers are read. */
const DEPTH_EXCEEDED = /query depth \((\d+)\) exceeds the query depth limit of (\d+)/;

const REQUEST_PROBLEMS: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large; the limit is 100 KB.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty; send a JSON object with a "query".',
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Send GraphQL requests with Content-Type: application/json.',
  MER_ERR_METHOD_NOT_ALLOWED: 'A GET request can only read; send mutations with POST.',
};

function requestProblem(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && REQUEST_PROBLEMS[code]) || error.message;
}

/*
 * A refused variable reads `Variable "$input" got invalid value <the value, printed> at
 * "input.email"; <reason>`, and the printed value may hold anything, a password included. On a
 * query's first run graphql-js coerces the variables and hands over structure: the variable's
 * definition as the error's node and the reason as an error of its own (originalError), so the
 * reason is read alone, from its start, and only the path is taken from the text. On the run that
 * compiles the query graphql-jit coerces instead, in words of its own, and gives nothing but its
 * message: the variable's name is read from its start and the reason recognised at its end.
 * Either way no text in between is used, only names a known reason holds, and
 * tests/api/error-wording.test.ts sends every wording below through a running server.
 */

/** graphql-jit's message for a refused value, read for the variable's name (or the field's, nested). */
const INVALID_VARIABLE = /^Variable "\$(\w+)" got invalid value /;
/** Where in the variable, as graphql-js prints it at the end of the text before the reason. */
const VARIABLE_PATH = / at "([\w.[\]]+)"; $/;

const TYPE = String.raw`"?([\w[\]!]+)"?`;
/** graphql-js's suggestions after an unknown field or enum value: names only. */
const SUGGESTED = String.raw`(?: Did you mean (?:the enum value )?"\w+"(?:,? (?:or )?"\w+")*\?)?`;
/** graphql-jit's place of a nested value, e.g. value.near.latitude or value.skills[0]. */
const JIT_PATH = String.raw`value((?:\.\w+|\[\d+\])+)`;
/**
 * graphql-jit checks the built-in scalars itself. Its reason ends with the value printed again,
 * so a value could imitate the words before it: only these names are ever taken from there.
 */
const BUILT_IN = String.raw`(String|Int|Float|Boolean|ID)`;
const KIND = String.raw`(string|integer|numeric|boolean)`;

interface Reason {
  /** Rebuilt from the names in the reason: never any part of the value. */
  reason: string;
  /** The input field at fault, when the reason names it. */
  field?: string;
}

export interface KnownReason {
  /** What the library says, in short; the tests name each one. */
  wording: string;
  pattern: RegExp;
  describe: (match: RegExpExecArray) => Reason;
}

/** The name at the end of a path such as `input.near.latitude` or `skills[0]`. */
function lastName(path: string): string | undefined {
  return /(\w+)(?:\[\d+\])*$/.exec(path)?.[1];
}

/** A reason that is the whole of graphql-js's own error. */
const whole = (wording: string, pattern: string, describe: KnownReason['describe']): KnownReason => ({
  wording,
  pattern: new RegExp(`^${pattern}$`),
  describe,
});

/** A reason that ends graphql-jit's message. */
const ending = (wording: string, pattern: string, describe: KnownReason['describe']): KnownReason => ({
  wording,
  pattern: new RegExp(`; ${pattern}$`),
  describe,
});

const unknownField: KnownReason['describe'] = (m) => ({
  reason: `Field "${m[1]}" is not defined by type ${m[2]}.`,
  field: m[1],
});
const notNull: KnownReason['describe'] = (m) => ({ reason: `Expected a value of type ${m[1]}, not null.` });
const notObject: KnownReason['describe'] = (m) => ({ reason: `Expected an object of type ${m[1]}.` });
const otherKind: KnownReason['describe'] = (m) => ({ reason: `${m[1]} cannot represent a non ${m[2]} value.` });
const ofType: KnownReason['describe'] = (m) => ({ reason: `Expected a value of type ${m[1]}.` });

/**
 * Why a value was refused, in words that hold no part of the value: only reasons in known
 * wordings are kept, rebuilt from the names they hold; anything else becomes "not valid".
 */
export const KNOWN_REASONS: { graphqlJs: readonly KnownReason[]; graphqlJit: readonly KnownReason[] } = {
  graphqlJs: [
    whole('unknown field', String.raw`Field "(\w+)" is not defined by type ${TYPE}\.${SUGGESTED}`, unknownField),
    whole('missing field', String.raw`Field "(\w+)" of required type ${TYPE} was not provided\.`, (m) => ({
      reason: `Field "${m[1]}" of required type "${m[2]}" was not provided.`,
      field: m[1],
    })),
    whole('null', String.raw`Expected non-nullable type ${TYPE} not to be null\.`, notNull),
    whole('not an object', String.raw`Expected type ${TYPE} to be an object\.`, notObject),
    whole('unknown enum value', String.raw`Value [\s\S]* does not exist in ${TYPE} enum\.${SUGGESTED}`, (m) => ({
      reason: `Expected one of the ${m[1]} values.`,
    })),
    whole('enum given another kind', String.raw`Enum ${TYPE} cannot represent [\s\S]*`, (m) => ({
      reason: `Expected one of the ${m[1]} values.`,
    })),
    whole('scalar given another kind', String.raw`(\w+) cannot represent (?:a )?non[ -]?(\w+) value[\s\S]*`, otherKind),
    whole('scalar given a value it cannot hold', String.raw`(\w+) cannot represent [\s\S]*`, ofType),
  ],
  graphqlJit: [
    ending('unknown field', String.raw`Field "(\w+)" is not defined by type ${TYPE}\.`, unknownField),
    ending('missing field', String.raw`Field ${JIT_PATH} of required type ${TYPE} was not provided\.`, (m) => {
      const field = lastName(m[1]!);
      return { reason: `Field "${field}" of required type "${m[2]}" was not provided.`, field };
    }),
    ending('null', String.raw`Expected non-nullable type ${TYPE} not to be null at ${JIT_PATH}\.`, (m) => ({
      ...notNull(m),
      field: lastName(m[2]!),
    })),
    ending('not an object', String.raw`Expected type ${TYPE} to be an object\.`, notObject),
    ending('enum or custom scalar', String.raw`Expected type ${TYPE}\.`, ofType),
    ending(
      'scalar given another kind',
      String.raw`Expected type ${BUILT_IN}; \1 cannot represent (?:a )?non[ -]?${KIND} value: [\s\S]*`,
      otherKind,
    ),
    ending(
      'scalar given a value it cannot hold',
      String.raw`Expected type ${BUILT_IN}; \1 cannot represent [\s\S]*`,
      ofType,
    ),
  ],
};

function knownReason(reasons: readonly KnownReason[], text: string): Reason | null {
  for (const { pattern, describe } of reasons) {
    const match = pattern.exec(text);
    if (match) return describe(match);
  }
  return null;
}

interface RefusedVariable {
  variable: string;
  /** e.g. `input.email`; absent when the whole variable was refused, or graphql-jit did not say. */
  path: string | undefined;
  reason: Reason | null;
}

function refusedVariable(error: GraphQLError): RefusedVariable | null {
  const node = error.nodes?.[0];
  const cause = error.originalError;
  if (node?.kind === Kind.VARIABLE_DEFINITION && cause instanceof GraphQLError) {
    const { message } = error;
    const before = message.endsWith(cause.message) ? message.slice(0, message.length - cause.message.length) : '';
    return {
      variable: node.variable.name.value,
      path: VARIABLE_PATH.exec(before)?.[1],
      reason: knownReason(KNOWN_REASONS.graphqlJs, cause.message),
    };
  }
  const named = INVALID_VARIABLE.exec(error.message);
  if (!named) return null;
  return { variable: named[1]!, path: undefined, reason: knownReason(KNOWN_REASONS.graphqlJit, error.message) };
}

/**
 * Errors from parsing, validation and variable coercion. graphql-js quotes the whole value of
 * a bad variable, which may hold a password: keep the reason, drop the value, name the field.
 */
function describeInvalidRequest(
  error: GraphQLError,
  hideSuggestions: boolean,
): Pick<GraphQLFormattedError, 'message' | 'extensions'> {
  const refused = refusedVariable(error);
  if (!refused) {
    const message = hideSuggestions ? error.message.replace(SUGGESTION, '') : error.message;
    return { message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  const known = refused.reason;
  // The innermost input field at fault: an unknown or missing one by its name, else the path's end.
  const field = known?.field ?? lastName(refused.path ?? refused.variable);
  const where = refused.path ? `"${refused.path}"` : `"$${refused.variable}"`;
  return {
    message: `Invalid value for ${where}: ${known?.reason ?? 'That value is not valid here.'}`,
    extensions: field ? { code: 'BAD_USER_INPUT', field } : { code: 'BAD_USER_INPUT' },
  };
}
