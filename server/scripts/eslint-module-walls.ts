// The walls between the server's domain modules, as an ESLint rule that `pnpm check` runs:
//
//   - a module reaches another module only through that module's service.ts;
//   - a module's code names only its own tables (Kysely calls, qualified columns, raw SQL);
//     a query that needs another module's data composes a condition or query that module's
//     service hands out (see core/query.ts), so no table is read behind its owner's back;
//   - core/ depends on nothing above it, and services and repositories do not depend on graphql/.
//
// Every table in the Database interface must have an owner in MODULE_TABLES (eslint.config.js).
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Rule } from 'eslint';

export interface ModuleWallsOptions {
  /** The tables each module owns, by module folder name. */
  tables: Record<string, readonly string[]>;
  /** Every table the database has (the keys of `Database` in db/schema.ts). */
  allTables: readonly string[];
}

/** Kysely methods whose string arguments name tables. */
const TABLE_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'innerJoinLateral',
  'leftJoinLateral',
  'using',
  'table',
]);

const QUALIFIED = /\b([a-z_][a-z0-9_]*)\.(?:[a-z_][a-z0-9_]*|\*)/g;
const SQL_TABLE = /\b(?:from|join|update|into|table)\s+([a-z_][a-z0-9_]*)/gi;

/** The table names of `export interface Database { … }` in a generated schema file. */
export function tablesInSchema(schemaSource: string): string[] {
  const body = /export interface Database \{([\s\S]*?)\n\}/.exec(schemaSource)?.[1] ?? '';
  return [...body.matchAll(/^\s*([a-z_][a-z0-9_]*):/gm)].map((match) => match[1]!);
}

export function readTables(schemaPath: string): string[] {
  return tablesInSchema(readFileSync(schemaPath, 'utf8'));
}

interface Place {
  root: string;
  /** The module folder the file is in, if any. */
  module: string | null;
  layer: 'core' | 'module' | 'other';
  /** resolvers.ts and loaders.ts (or a part's, such as roles-resolvers.ts) are the GraphQL layer of a module. */
  graphqlFile: boolean;
  test: boolean;
}

function placeOf(filename: string): Place | null {
  const marker = `${sep}server${sep}src${sep}`;
  const at = filename.lastIndexOf(marker);
  if (at < 0) return null;
  const root = filename.slice(0, at + marker.length - 1);
  const parts = filename.slice(at + marker.length).split(sep);
  const name = parts.at(-1) ?? '';
  const test = name.endsWith('.test.ts');
  if (parts[0] === 'core') return { root, module: null, layer: 'core', graphqlFile: false, test };
  if (parts[0] === 'modules' && parts.length >= 3) {
    const graphqlFile = /^(?:[a-z-]+-)?(?:resolvers|loaders)\.ts$/.test(name);
    return { root, module: parts[1]!, layer: 'module', graphqlFile, test };
  }
  return { root, module: null, layer: 'other', graphqlFile: false, test };
}

/** What an import of `target` from this place breaks, or null. */
function importProblem(place: Place, filename: string, target: string): string | null {
  if (!target.startsWith('.')) return null;
  const path = relative(place.root, resolve(dirname(filename), target)).split(sep);
  if (path[0] === '..') return null;
  if (place.layer === 'core' && ['graphql', 'modules', 'web'].includes(path[0]!)) {
    return `core/ is the kernel every module uses; it must not depend on ${path[0]}/.`;
  }
  if (place.layer !== 'module') return null;
  if (path[0] === 'graphql' && !place.graphqlFile && !place.test) {
    return 'Services and repositories depend on core/, not on graphql/; only resolvers and loaders speak GraphQL.';
  }
  if (path[0] === 'modules' && path[1] !== place.module && path[2] !== 'service.ts') {
    return `Reach the ${path[1]} module through its service.ts, not ${path.slice(2).join('/')}.`;
  }
  return null;
}

function ownerOf(table: string, tables: ModuleWallsOptions['tables']): string | null {
  for (const [module, owned] of Object.entries(tables)) if (owned.includes(table)) return module;
  return null;
}

const rule: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: "Keeps each server module in its room: other modules' services only, its own tables only." },
    schema: [{ type: 'object' }],
  },
  create(context) {
    const options = context.options[0] as ModuleWallsOptions;
    const place = placeOf(context.filename);
    if (!place) return {};

    function checkImport(node: Rule.Node, source: unknown): void {
      if (typeof source !== 'string' || !place) return;
      const problem = importProblem(place, context.filename, source);
      if (problem) context.report({ node, message: problem });
    }

    function checkTable(node: Rule.Node, table: string): void {
      if (!place?.module || place.test) return;
      if (!options.allTables.includes(table)) return;
      const owner = ownerOf(table, options.tables);
      if (owner === null) {
        context.report({ node, message: `The table ${table} has no owner: give it to one module in MODULE_TABLES.` });
      } else if (owner !== place.module) {
        context.report({
          node,
          message: `The ${place.module} module names the table ${table}, which the ${owner} module owns; ask its service.ts instead.`,
        });
      }
    }

    function checkText(node: Rule.Node, text: string, inSql: boolean): void {
      for (const match of text.matchAll(QUALIFIED)) checkTable(node, match[1]!);
      if (inSql) for (const match of text.matchAll(SQL_TABLE)) checkTable(node, match[1]!.toLowerCase());
    }

    return {
      ImportDeclaration: (node) => checkImport(node, node.source.value),
      ExportNamedDeclaration: (node) => checkImport(node, node.source?.value),
      ExportAllDeclaration: (node) => checkImport(node, node.source.value),
      ImportExpression: (node) => checkImport(node, node.source.type === 'Literal' ? node.source.value : null),
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        if (!TABLE_METHODS.has(callee.property.name)) return;
        const first = node.arguments[0];
        if (first?.type === 'Literal' && typeof first.value === 'string') {
          checkTable(first as Rule.Node, first.value.split(/\s+/)[0]!);
        }
      },
      Literal(node) {
        if (typeof node.value === 'string') checkText(node, node.value, false);
      },
      TaggedTemplateExpression(node) {
        const tag = node.tag;
        const isSql =
          (tag.type === 'Identifier' && tag.name === 'sql') ||
          (tag.type === 'MemberExpression' && tag.object.type === 'Identifier' && tag.object.name === 'sql');
        if (!isSql) return;
        for (const quasi of node.quasi.quasis) checkText(quasi as Rule.Node, quasi.value.cooked ?? '', true);
      },
    };
  },
};

export const moduleWalls = { rules: { 'module-walls': rule } };
