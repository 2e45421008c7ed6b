import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { DomainError, ERROR_CODES } from '../core/errors.ts';
import { depthProblem } from './errors.ts';
import { controlCharacterError, findControlCharacter } from './input-text.ts';
import { limitProblem, measureOperation, type OperationLimits } from './limits.ts';

/*
 * Mercurius runs a subscription sent over the WebSocket without validating it, and sends what
 * goes wrong without the error formatter: a syntax error, a bad variable (its value printed in
 * the message), an unknown field, all with no `extensions.code`. So each socket is guarded at
 * both ends. A subscribe message is checked first, as /graphql checks a request (parse,
 * validation, depth and limits, variables, control characters); a refused one gets coded errors
 * and Mercurius never sees it. And whatever error Mercurius still sends without a code of ours
 * is logged and goes out as INTERNAL.
 */

/** The little of a `ws` WebSocket the guard wraps. */
export interface GuardedSocket {
  protocol: string;
  emit(event: string | symbol, ...args: unknown[]): boolean;
  send(data: unknown, ...rest: unknown[]): void;
}

export interface SubscriptionRules {
  schema: () => GraphQLSchema;
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  maxDepth: number;
  limits: OperationLimits;
}

export interface ConnectionErrors {
  /** A refusal or a failure, as the client may see it (formatError, with the connection's request id). */
  format(error: Error): GraphQLFormattedError;
  /** An error Mercurius sends with no code of ours: logged, and replaced by an INTERNAL one. */
  unexpected(error: GraphQLFormattedError): GraphQLFormattedError;
}

/** The client's message types Mercurius handles, by subprotocol; `subscribe` starts an operation. */
const PROTOCOLS: Record<string, { subscribe: string; known: ReadonlySet<string> }> = {
  'graphql-transport-ws': {
    subscribe: 'subscribe',
    known: new Set(['connection_init', 'subscribe', 'complete', 'ping', 'pong', 'connection_terminate']),
  },
  'graphql-ws': {
    subscribe: 'start',
    known: new Set(['connection_init', 'start', 'stop', 'connection_terminate', 'ka']),
  },
};

const KNOWN_CODES: ReadonlySet<unknown> = new Set(ERROR_CODES);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const refused = (message: string) => new DomainError('BAD_USER_INPUT', message);

/** How deep the selections nest, counted as Mercurius counts (a fragment spread adds no level). */
function selectionDepth(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, level: number): number {
  let deepest = level;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(selection.name.value);
      if (fragment) deepest = Math.max(deepest, selectionDepth(fragment.selectionSet, fragments, level));
    } else {
      const inner = selection.selectionSet;
      deepest = Math.max(deepest, inner ? selectionDepth(inner, fragments, level + 1) : level + 1);
    }
  }
  return deepest;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** Why a subscribe message's payload may not run: what /graphql would refuse, and more. Empty when it may. */
export function subscriptionProblems(payload: unknown, rules: SubscriptionRules): readonly Error[] {
  if (!isRecord(payload) || typeof payload.query !== 'string') {
    return [refused('A subscribe message needs a payload with a "query" string.')];
  }
  const { query, variables, operationName } = payload;
  if (variables != null && !isRecord(variables)) return [refused('"variables" must be a JSON object.')];
  if (operationName != null && typeof operationName !== 'string') {
    return [refused('"operationName" must be a string.')];
  }
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: rules.maxTokens });
  } catch (error) {
    return [error as GraphQLError];
  }
  const schema = rules.schema();
  const invalid = validate(schema, document, [...specifiedRules, ...rules.validationRules]);
  if (invalid.length > 0) return invalid;

  const operation = getOperationAST(document, operationName);
  if (!operation) return [refused('Say which operation to run: give "operationName" one of the document\'s.')];
  if (operation.operation !== 'subscription') {
    return [refused('Only subscriptions run over the WebSocket; send queries and mutations over HTTP.')];
  }
  const depth = selectionDepth(operation.selectionSet, fragmentsOf(document), 0);
  if (depth > rules.maxDepth) return [refused(depthProblem(depth, rules.maxDepth))];
  const name = operationName ?? undefined;
  const problem = limitProblem(
    measureOperation(schema, document, variables ?? undefined, name, rules.limits.defaultPageSize),
    rules.limits,
  );
  if (problem) return [refused(problem)];
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 10 });
  if (coerced.errors) return coerced.errors;
  const control = findControlCharacter(document, variables ?? undefined, name);
  return control ? [controlCharacterError(control)] : [];
}

type Message = Record<string, unknown> & { type?: unknown; id?: unknown; payload?: unknown };

function readMessage(raw: unknown): Message | null {
  try {
    const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw);
    const message: unknown = JSON.parse(text);
    return isRecord(message) ? message : null;
  } catch {
    return null;
  }
}

/**
 * Guards one socket (see the top of this file). Messages are screened only once the connection
 * is acknowledged: before that Mercurius answers them itself, as the protocol says.
 */
export function guardSubscriptions(socket: GuardedSocket, rules: SubscriptionRules, errors: ConnectionErrors): void {
  const protocol = PROTOCOLS[socket.protocol];
  // Mercurius closes a socket of any other subprotocol at once.
  if (!protocol) return;
  const emit = socket.emit.bind(socket);
  const send = socket.send.bind(socket);
  let acknowledged = false;

  const refuse = (id: unknown, problems: readonly Error[]) =>
    send(JSON.stringify({ type: 'error', id: id ?? null, payload: problems.map((error) => errors.format(error)) }));

  /** The refusal for a message Mercurius should not see, or null to hand it on. */
  const screen = (raw: unknown): (() => void) | null => {
    const message = readMessage(raw);
    if (!message) return () => refuse(null, [refused('Each message must be a JSON object.')]);
    const { type, id } = message;
    if (typeof type !== 'string' || !protocol.known.has(type)) {
      return () => refuse(id, [refused(`Messages of ${socket.protocol} have a "type" it defines.`)]);
    }
    if (type !== protocol.subscribe) return null;
    const problems = subscriptionProblems(message.payload, rules);
    return problems.length > 0 ? () => refuse(id, problems) : null;
  };

  socket.emit = (event, ...args) => {
    if (event !== 'message' || !acknowledged) return emit(event, ...args);
    const refusal = screen(args[0]);
    if (!refusal) return emit(event, ...args);
    refusal();
    return true;
  };

  socket.send = (data, ...rest) => {
    const message = typeof data === 'string' ? readMessage(data) : null;
    if (message?.type === 'connection_ack') acknowledged = true;
    const coded = message ? withCodes(message, errors) : null;
    send(coded ? JSON.stringify(coded) : data, ...rest);
  };
}

function hasCode(error: GraphQLFormattedError): boolean {
  return KNOWN_CODES.has(error.extensions?.code);
}

/** The message with every error coded, or null when all already were. */
function withCodes(message: Message, errors: ConnectionErrors): Message | null {
  const { type, payload } = message;
  const code = (list: GraphQLFormattedError[]) => list.map((e) => (hasCode(e) ? e : errors.unexpected(e)));
  if (type === 'error' && Array.isArray(payload) && !payload.every(hasCode)) {
    return { ...message, payload: code(payload as GraphQLFormattedError[]) };
  }
  const list = isRecord(payload) ? payload.errors : undefined;
  if ((type === 'next' || type === 'data') && Array.isArray(list) && !list.every(hasCode)) {
    return { ...message, payload: { ...(payload as object), errors: code(list as GraphQLFormattedError[]) } };
  }
  return null;
}
