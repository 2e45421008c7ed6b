import {
  BREAK,
  getOperationAST,
  Kind,
  visit,
  type ASTNode,
  type DocumentNode,
  type OperationDefinitionNode,
} from 'graphql';
import type { preExecutionHookHandler } from 'mercurius';
import { badInput, type DomainError } from '../core/errors.ts';
import { codePoint, firstControlCharacter } from '../core/text.ts';

/*
 * Every string a client sends, refused in one place when it holds a control character (see
 * core/text.ts): before any resolver runs, so no service, and no SQL (PostgreSQL refuses NUL in
 * text), meets one, whichever argument it arrives in: a String, an ID or a custom scalar, inline
 * in the document or in the variables, alone or nested in input objects and lists.
 */

/** A string at fault, and the argument or input field it was given for: the name a form knows it by. */
export interface ControlCharacterFound {
  field: string;
  character: string;
}

/** "networkId" → "network id": the field as a person would read it in a message. */
function readable(field: string): string {
  return field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

export function controlCharacterError({ field, character }: ControlCharacterFound): DomainError {
  return badInput(
    field,
    `The ${readable(field)} holds a control character (${codePoint(character)}). Use letters, numbers and punctuation only.`,
  );
}

/** The argument or input field a node sits in, from the nearest enclosing one. */
function enclosingName(ancestors: readonly (ASTNode | readonly ASTNode[])[]): string | undefined {
  for (let i = ancestors.length - 1; i >= 0; i -= 1) {
    const ancestor = ancestors[i]!;
    if ('kind' in ancestor && (ancestor.kind === Kind.ARGUMENT || ancestor.kind === Kind.OBJECT_FIELD)) {
      return ancestor.name.value;
    }
  }
  return undefined;
}

/**
 * Where each variable is used: the argument or input field it fills (the first, if several),
 * which names it better than the variable's own name, chosen by whoever wrote the query.
 */
function variableUses(document: DocumentNode): Map<string, string> {
  const uses = new Map<string, string>();
  visit(document, {
    Variable(node, _key, parent) {
      if (parent && 'kind' in parent && (parent.kind === Kind.ARGUMENT || parent.kind === Kind.OBJECT_FIELD)) {
        if (!uses.has(node.name.value)) uses.set(node.name.value, parent.name.value);
      }
    },
  });
  return uses;
}

/** A string literal in the document holding a control character, default values of variables included. */
function inDocument(document: DocumentNode, uses: Map<string, string>): ControlCharacterFound | null {
  let found: ControlCharacterFound | null = null;
  let defining: string | undefined;
  visit(document, {
    VariableDefinition: {
      enter: (node) => {
        defining = node.variable.name.value;
      },
      leave: () => {
        defining = undefined;
      },
    },
    StringValue(node, _key, parent, _path, ancestors) {
      const character = firstControlCharacter(node.value);
      if (character === undefined) return undefined;
      const variable = defining === undefined ? undefined : (uses.get(defining) ?? defining);
      // graphql-js leaves the parent out of the ancestors.
      const field = enclosingName(parent ? [...ancestors, parent] : ancestors) ?? variable ?? 'query';
      found = { field, character };
      return BREAK;
    },
  });
  return found;
}

/**
 * A string in a variable's value holding a control character, named by the innermost key it sits
 * under, else by `field`. Walked without recursion: a value may nest as deep as the body allows.
 */
function inValue(value: unknown, field: string): ControlCharacterFound | null {
  const pending: { value: unknown; field: string }[] = [{ value, field }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value === 'string') {
      const character = firstControlCharacter(next.value);
      if (character !== undefined) return { field: next.field, character };
    } else if (Array.isArray(next.value)) {
      const name = next.field;
      pending.push(...next.value.map((item: unknown) => ({ value: item, field: name })).reverse());
    } else if (next.value !== null && typeof next.value === 'object') {
      pending.push(
        ...Object.entries(next.value)
          .map(([key, item]) => ({ value: item, field: key }))
          .reverse(),
      );
    }
  }
  return null;
}

/** The operation to run, or every operation in the document when which one is not known here. */
function operationsToRead(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode[] {
  const named = getOperationAST(document, operationName);
  if (named) return [named];
  return document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
}

/**
 * The first string the operation would be given that holds a control character: inline in the
 * document, or in a variable the operation declares. Without an operation name for a document
 * of several (a GET request names it in the address), the variables of each are read.
 */
export function findControlCharacter(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): ControlCharacterFound | null {
  const uses = variableUses(document);
  const inline = inDocument(document, uses);
  if (inline || !variables) return inline;
  for (const operation of operationsToRead(document, operationName)) {
    for (const { variable } of operation.variableDefinitions ?? []) {
      const name = variable.name.value;
      if (!Object.hasOwn(variables, name)) continue;
      const found = inValue(variables[name], uses.get(name) ?? name);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Mercurius' preExecution hook: refuses, as BAD_USER_INPUT naming the field, an operation given
 * a control character. It runs for /graphql and for the pages' in-process calls alike (both go
 * through Mercurius' graphql function). Mercurius' hook for subscriptions is given no variables,
 * so subscriptions are checked where their messages are read (subscription-guard.ts).
 */
export const refuseControlCharacters: preExecutionHookHandler = (_schema, document, context, variables) => {
  const found = findControlCharacter(document, variables, context.operationName);
  if (found) throw controlCharacterError(found);
};
