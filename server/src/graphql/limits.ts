import {
  getNamedType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { PAGE_SIZE } from '../core/connection.ts';

export interface OperationLimits {
  maxAliases: number;
  maxRootFields: number;
  maxCost: number;
  /** The page size assumed for a list field whose `first` is not given. */
  defaultPageSize: number;
}

export const DEFAULT_LIMITS: OperationLimits = {
  maxAliases: 15,
  maxRootFields: 10,
  maxCost: 5000,
  defaultPageSize: PAGE_SIZE.default,
};

export interface OperationMeasure {
  aliases: number;
  rootFields: number;
  cost: number;
  /** Names of the root fields, repeated as often as they are asked for. */
  rootFieldNames: string[];
}

/** Root fields a request may hold once: each is a guess or a new account, so aliases must not multiply them. */
export const ONCE_PER_REQUEST = new Set(['signIn', 'signUp']);

/**
 * Measures the operation that will run: aliases, root fields and a cost where every field
 * costs 1 and a field taking `first`/`last` multiplies what is below it by that page size.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  defaultPageSize = DEFAULT_LIMITS.defaultPageSize,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  const measure: OperationMeasure = { aliases: 0, rootFields: 0, cost: 0, rootFieldNames: [] };
  if (!operation) return measure;
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return measure;

  const pageSize = (value: ValueNode | undefined): number => {
    if (!value) return defaultPageSize;
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.VARIABLE) {
      const given = variables?.[value.name.value];
      return typeof given === 'number' ? given : defaultPageSize;
    }
    return defaultPageSize;
  };

  const walk = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType,
    depthFromRoot: number,
    seen: Set<string>,
  ): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (depthFromRoot === 0) {
          measure.rootFields++;
          measure.rootFieldNames.push(selection.name.value);
        }
        if (selection.alias) measure.aliases++;
        const fieldDef =
          isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        let multiplier = 1;
        if (fieldDef?.args.some((a) => a.name === 'first' || a.name === 'last')) {
          const arg = selection.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
          multiplier = Math.max(1, pageSize(arg?.value));
        }
        const childType = fieldDef ? getNamedType(fieldDef.type) : undefined;
        const below =
          selection.selectionSet && childType && isCompositeType(childType)
            ? walk(selection.selectionSet, childType, depthFromRoot + 1, seen)
            : 0;
        cost += 1 + multiplier * below;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        const type = typeName ? schema.getType(typeName) : parent;
        if (type && isCompositeType(type)) cost += walk(selection.selectionSet, type, depthFromRoot, seen);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A fragment spread inside itself is refused by validation; guard against loops anyway.
        if (!fragment || seen.has(name)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (type && isCompositeType(type)) {
          cost += walk(fragment.selectionSet, type, depthFromRoot, new Set([...seen, name]));
        }
      }
    }
    return cost;
  };

  measure.cost = walk(operation.selectionSet, rootType, 0, new Set());
  return measure;
}

/** Why an operation is refused, or null when it is within every limit. */
export function limitProblem(measure: OperationMeasure, limits: OperationLimits): string | null {
  if (measure.aliases > limits.maxAliases) {
    return `The query uses ${measure.aliases} aliases; at most ${limits.maxAliases} are allowed.`;
  }
  if (measure.rootFields > limits.maxRootFields) {
    return `The query asks for ${measure.rootFields} top-level fields; at most ${limits.maxRootFields} are allowed.`;
  }
  const repeated = [...ONCE_PER_REQUEST].find((name) => measure.rootFieldNames.filter((n) => n === name).length > 1);
  if (repeated) return `Ask for ${repeated} once per request.`;
  if (measure.cost > limits.maxCost) {
    return `The query is too expensive (cost ${measure.cost}, budget ${limits.maxCost}). Ask for smaller pages or fewer fields.`;
  }
  return null;
}
