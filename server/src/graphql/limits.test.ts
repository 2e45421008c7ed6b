import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, limitProblem, measureOperation } from './limits.ts';

const schema = buildSchema(`
  type Query { items(first: Int): [Item!]! version: String }
  type Mutation { signIn: Boolean signUp: Boolean }
  type Item { id: ID! children(first: Int): [Item!]! name: String }
`);

const measure = (query: string, variables?: Record<string, unknown>) =>
  measureOperation(schema, parse(query), variables, undefined, 20);

describe('measureOperation', () => {
  it('should cost one per field and multiply what is under a paged field by its page size', () => {
    expect(measure('{ version }').cost).toBe(1);
    // items: 1 + 10 * (id + name) = 21
    expect(measure('{ items(first: 10) { id name } }').cost).toBe(21);
    // items: 1 + 10 * (1 + children: 1 + 5 * 1) = 71
    expect(measure('{ items(first: 10) { id children(first: 5) { id } } }').cost).toBe(71);
  });

  it('should take the page size from variables and assume the default page size when absent', () => {
    expect(measure('query ($n: Int) { items(first: $n) { id } }', { n: 50 }).cost).toBe(51);
    expect(measure('{ items { id } }').cost).toBe(21);
  });

  it('should count fields reached through fragments and inline fragments', () => {
    const query = '{ items(first: 2) { ...F ... on Item { name } } } fragment F on Item { id }';
    expect(measure(query).cost).toBe(5);
  });

  it('should count aliases and root fields', () => {
    const result = measure('{ a: version b: version items(first: 1) { c: id } }');
    expect({ aliases: result.aliases, rootFields: result.rootFields }).toEqual({ aliases: 3, rootFields: 3 });
  });
});

describe('limitProblem', () => {
  const limits = { ...DEFAULT_LIMITS, maxAliases: 2, maxRootFields: 2, maxCost: 100 };

  it('should refuse too many aliases, root fields, a cost over budget, or a repeated sign-in', () => {
    expect(limitProblem(measure('{ a: version b: version c: version }'), limits)).toBe(
      'The query uses 3 aliases; at most 2 are allowed.',
    );
    expect(limitProblem(measure('{ version items(first: 1) { id } x: version }'), { ...limits, maxAliases: 5 })).toBe(
      'The query asks for 3 top-level fields; at most 2 are allowed.',
    );
    expect(limitProblem(measure('{ items(first: 10) { children(first: 10) { id } } }'), limits)).toBe(
      'The query is too expensive (cost 111, budget 100). Ask for smaller pages or fewer fields.',
    );
    expect(limitProblem(measure('mutation { a: signIn b: signIn }'), limits)).toBe('Ask for signIn once per request.');
  });

  it('should accept an operation within every limit', () => {
    expect(limitProblem(measure('{ items(first: 5) { id } }'), limits)).toBeNull();
  });
});
