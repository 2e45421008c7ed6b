import { Linter } from 'eslint';
import ts from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { moduleWalls, readTables, tablesInSchema } from './eslint-module-walls.ts';

const ROOT = '/repo/server/src';
const TABLES = {
  accounts: ['users', 'sessions'],
  memberships: ['memberships'],
  people: ['profiles'],
};
const ALL_TABLES = ['users', 'sessions', 'memberships', 'profiles', 'orphans'];

/** The rule's messages for `code` as if it were the file at `path` under server/src. */
function problems(path: string, code: string): string[] {
  const linter = new Linter({ configType: 'flat', cwd: '/repo' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: ts.parser as Linter.Parser },
        plugins: { hearth: moduleWalls },
        rules: { 'hearth/module-walls': ['error', { tables: TABLES, allTables: ALL_TABLES }] },
      },
    ],
    { filename: `${ROOT}/${path}` },
  );
  return messages.map((message) => message.message);
}

describe('the module walls rule', () => {
  it('should let a module import another module through its service.ts only', () => {
    expect(problems('modules/people/service.ts', "import * as m from '../memberships/service.ts';")).toEqual([]);
    expect(problems('modules/people/service.ts', "import * as m from '../memberships/repository.ts';")).toEqual([
      'Reach the memberships module through its service.ts, not repository.ts.',
    ]);
    expect(problems('modules/people/loaders.ts', "export { x } from '../memberships/loaders.ts';")).toEqual([
      'Reach the memberships module through its service.ts, not loaders.ts.',
    ]);
    expect(problems('modules/people/service.ts', "import { x } from './repository.ts';")).toEqual([]);
  });

  it('should keep services off graphql/ and the kernel off everything above it', () => {
    expect(problems('modules/people/service.ts', "import type { X } from '../../graphql/context.ts';")).toEqual([
      'Services and repositories depend on core/, not on graphql/; only resolvers and loaders speak GraphQL.',
    ]);
    expect(problems('modules/people/loaders.ts', "import type { X } from '../../graphql/context.ts';")).toEqual([]);
    expect(problems('core/text.ts', "import { x } from '../modules/people/service.ts';")).toEqual([
      'core/ is the kernel every module uses; it must not depend on modules/.',
    ]);
    expect(problems('core/text.ts', "import { x } from '../graphql/errors.ts';")).toEqual([
      'core/ is the kernel every module uses; it must not depend on graphql/.',
    ]);
  });

  it("should refuse another module's table in Kysely calls, qualified columns and raw SQL", () => {
    const foreign =
      'The people module names the table memberships, which the memberships module owns; ask its service.ts instead.';
    expect(problems('modules/people/repository.ts', "db.selectFrom('memberships').selectAll();")).toEqual([foreign]);
    expect(
      problems('modules/people/repository.ts', "db.selectFrom('profiles').innerJoin('memberships as m', 'a', 'b');"),
    ).toEqual([foreign]);
    expect(problems('modules/people/repository.ts', "db.selectFrom('profiles').select('memberships.role');")).toEqual([
      foreign,
    ]);
    expect(problems('modules/people/repository.ts', 'sql`exists (select 1 from memberships where x)`;')).toEqual([
      foreign,
    ]);
    expect(problems('modules/people/repository.ts', 'sql<boolean>`a join  Memberships m on true`;')).toEqual([foreign]);
    expect(problems('modules/people/repository.ts', "db.selectFrom('profiles').select('profiles.bio');")).toEqual([]);
  });

  it('should ask for an owner for a table nobody owns, and leave tests and other words alone', () => {
    expect(problems('modules/people/repository.ts', "db.selectFrom('orphans');")).toEqual([
      'The table orphans has no owner: give it to one module in MODULE_TABLES.',
    ]);
    expect(problems('modules/people/people.test.ts', "db.selectFrom('memberships');")).toEqual([]);
    expect(problems('modules/people/service.ts', "const m = 'Join the memberships of your networks.';")).toEqual([]);
  });
});

describe('the tables the rule knows', () => {
  it('should read every table of the generated Database interface', () => {
    expect(tablesInSchema('export interface Database {\n  a_table: A;\n  b: B;\n}\n')).toEqual(['a_table', 'b']);
    const tables = readTables(new URL('../src/db/schema.ts', import.meta.url).pathname);
    expect(tables).toContain('memberships');
    expect(tables).toContain('people_search');
  });
});
