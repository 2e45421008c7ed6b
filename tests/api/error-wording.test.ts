// server/src/graphql/errors.ts recognises what graphql-js, graphql-jit and Mercurius say, to tell
// clients why a request was refused without echoing the value they sent. A release that rewords
// any of it would turn a precise message into "That value is not valid here." without a sound:
// here every wording errors.ts depends on is produced by a running server and checked, on a
// query's first run (graphql-js coerces the variables) and on the run that compiles it (Mercurius
// compiles on the second run, `jit: 1`, and graphql-jit coerces them), and again after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_REASONS } from '../../server/src/graphql/errors.ts';
import { graphql, SIGN_UP } from '../support/graphql.ts';
import { startServer, type RunningServer } from '../support/server.ts';

interface Refusal {
  message: string;
  field: string;
  /** The wording in KNOWN_REASONS the library's message is in. */
  wording: string;
}

interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** What graphql-js's refusal becomes: the first run, and every run after the compiling one. */
  graphqlJs: Refusal;
  /** What graphql-jit's refusal becomes, on the run that compiles the query. */
  graphqlJit: Refusal;
}

const SET_VISIBILITY = 'mutation ($v: Visibility) { updateProfile(input: { visibility: $v }) { id } }';
const UPDATE_PROFILE = 'mutation ($v: UpdateProfileInput!) { updateProfile(input: $v) { id } }';
const NEAR = 'query ($f: NetworkFilter) { networks(filter: $f) { totalCount } }';
// An Int that is not a page size, so the cost limit never sees it.
const DETAILS_VERSION =
  'mutation ($id: ID!, $n: Int) { updateNetwork(networkId: $id, input: { expectedDetailsVersion: $n }) { id } }';
const SOME_ID = '00000000-0000-4000-8000-000000000000';
const person = { email: 'wording@example.org', password: 'a long and unusual phrase', name: 'N' };

const both = (message: string, field: string, wording: string) => ({
  graphqlJs: { message, field, wording },
  graphqlJit: { message, field, wording },
});

const CASES: Case[] = [
  {
    name: 'a number for a string inside an input',
    query: SIGN_UP,
    variables: { input: { ...person, email: 42 } },
    graphqlJs: {
      message: 'Invalid value for "input.email": String cannot represent a non string value.',
      field: 'email',
      wording: 'scalar given another kind',
    },
    // graphql-jit names the field where the variable's name and path would be.
    graphqlJit: {
      message: 'Invalid value for "$email": String cannot represent a non string value.',
      field: 'email',
      wording: 'scalar given another kind',
    },
  },
  {
    name: 'a word for a float two levels down',
    query: NEAR,
    variables: { f: { near: { latitude: 'north', longitude: 1 } } },
    graphqlJs: {
      message: 'Invalid value for "f.near.latitude": Float cannot represent a non numeric value.',
      field: 'latitude',
      wording: 'scalar given another kind',
    },
    graphqlJit: {
      message: 'Invalid value for "$latitude": Float cannot represent a non numeric value.',
      field: 'latitude',
      wording: 'scalar given another kind',
    },
  },
  {
    name: 'a fraction for an Int',
    query: DETAILS_VERSION,
    variables: { id: SOME_ID, n: 1.5 },
    ...both('Invalid value for "$n": Int cannot represent a non integer value.', 'n', 'scalar given another kind'),
  },
  {
    name: 'an Int out of range',
    query: DETAILS_VERSION,
    variables: { id: SOME_ID, n: 2 ** 40 },
    ...both('Invalid value for "$n": Expected a value of type Int.', 'n', 'scalar given a value it cannot hold'),
  },
  {
    name: 'a boolean for an ID',
    query: 'mutation ($id: ID!) { leaveNetwork(networkId: $id) }',
    variables: { id: true },
    ...both('Invalid value for "$id": Expected a value of type ID.', 'id', 'scalar given a value it cannot hold'),
  },
  {
    name: 'an unknown field',
    query: SIGN_UP,
    variables: { input: { ...person, admin: true } },
    ...both('Invalid value for "$input": Field "admin" is not defined by type SignUpInput.', 'admin', 'unknown field'),
  },
  {
    // graphql-js suggests "email"; the suggestion is dropped with the rest of its words.
    name: 'an unknown field close to a known one',
    query: SIGN_UP,
    variables: { input: { ...person, emial: 'x' } },
    ...both('Invalid value for "$input": Field "emial" is not defined by type SignUpInput.', 'emial', 'unknown field'),
  },
  {
    name: 'a missing field',
    query: SIGN_UP,
    variables: { input: { email: person.email, password: person.password } },
    ...both(
      'Invalid value for "$input": Field "name" of required type "String!" was not provided.',
      'name',
      'missing field',
    ),
  },
  {
    name: 'a missing field one level down',
    query: NEAR,
    variables: { f: { near: { latitude: 1 } } },
    graphqlJs: {
      message: 'Invalid value for "f.near": Field "longitude" of required type "Float!" was not provided.',
      field: 'longitude',
      wording: 'missing field',
    },
    graphqlJit: {
      message: 'Invalid value for "$near": Field "longitude" of required type "Float!" was not provided.',
      field: 'longitude',
      wording: 'missing field',
    },
  },
  {
    name: 'null for a required field',
    query: SIGN_UP,
    variables: { input: { ...person, name: null } },
    graphqlJs: {
      message: 'Invalid value for "input.name": Expected a value of type String!, not null.',
      field: 'name',
      wording: 'null',
    },
    graphqlJit: {
      message: 'Invalid value for "$input": Expected a value of type String!, not null.',
      field: 'name',
      wording: 'null',
    },
  },
  {
    name: 'null in a list that holds no nulls',
    query: UPDATE_PROFILE,
    variables: { v: { skills: ['maps', null] } },
    graphqlJs: {
      message: 'Invalid value for "v.skills[1]": Expected a value of type String!, not null.',
      field: 'skills',
      wording: 'null',
    },
    graphqlJit: {
      message: 'Invalid value for "$skills": Expected a value of type String!, not null.',
      field: 'skills',
      wording: 'null',
    },
  },
  {
    name: 'a string for an input object',
    query: SIGN_UP,
    variables: { input: 'everything' },
    ...both('Invalid value for "$input": Expected an object of type SignUpInput.', 'input', 'not an object'),
  },
  {
    // graphql-js suggests "MEMBERS"; graphql-jit cannot tell an enum from a scalar of our own.
    name: 'an unknown enum value',
    query: SET_VISIBILITY,
    variables: { v: 'MEMBER' },
    graphqlJs: {
      message: 'Invalid value for "$v": Expected one of the Visibility values.',
      field: 'v',
      wording: 'unknown enum value',
    },
    graphqlJit: {
      message: 'Invalid value for "$v": Expected a value of type Visibility.',
      field: 'v',
      wording: 'enum or custom scalar',
    },
  },
  {
    name: 'a number for an enum',
    query: SET_VISIBILITY,
    variables: { v: 5 },
    graphqlJs: {
      message: 'Invalid value for "$v": Expected one of the Visibility values.',
      field: 'v',
      wording: 'enum given another kind',
    },
    graphqlJit: {
      message: 'Invalid value for "$v": Expected a value of type Visibility.',
      field: 'v',
      wording: 'enum or custom scalar',
    },
  },
  {
    // A value dressed up as the words around it: only fixed names may come back.
    name: 'an object for a password that imitates the reasons',
    query: SIGN_UP,
    variables: {
      input: {
        ...person,
        password: {
          '; Field "SECRET" is not defined by type SECRET.': '; Expected type SECRET; SECRET cannot represent a SECRET',
          secret: ['x; Expected type Int; Int cannot represent non 32-bit SECRET value: '],
        },
      },
    },
    graphqlJs: {
      message: 'Invalid value for "input.password": String cannot represent a non string value.',
      field: 'password',
      wording: 'scalar given another kind',
    },
    graphqlJit: {
      message: 'Invalid value for "$password": String cannot represent a non string value.',
      field: 'password',
      wording: 'scalar given another kind',
    },
  },
];

type Run = 'first run' | 'compiling run' | 'compiled run';
const RUNS: Array<[Run, keyof Pick<Case, 'graphqlJs' | 'graphqlJit'>]> = [
  ['first run', 'graphqlJs'],
  ['compiling run', 'graphqlJit'],
  ['compiled run', 'graphqlJs'],
];

describe('the wordings errors.ts recognises', () => {
  let server: RunningServer;
  let production: RunningServer;
  beforeAll(async () => {
    [server, production] = await Promise.all([
      startServer({ web: false }),
      startServer({ web: false, env: { NODE_ENV: 'production' } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([server?.close(), production?.close()]);
  });

  it.each(CASES)('should name the reason for $name on every run', async (refused) => {
    // Mercurius counts runs per query text: a text of this case's own starts at the first run.
    const query = `# ${refused.name}\n${refused.query}`;
    for (const [run, engine] of RUNS) {
      const result = await graphql(server.url, query, { variables: refused.variables });
      const { message, field } = refused[engine];
      expect({ run, errors: result.errors?.map((e) => [e.message, e.extensions]) }).toEqual({
        run,
        errors: [[message, { code: 'BAD_USER_INPUT', field }]],
      });
      expect(JSON.stringify(result.errors)).not.toMatch(/SECRET|secret|unusual|north|everything/);
    }
  });

  it('should have a case for every wording, from graphql-js and from graphql-jit', () => {
    const covered = (engine: 'graphqlJs' | 'graphqlJit') => new Set(CASES.map((c) => c[engine].wording));
    expect(covered('graphqlJs')).toEqual(new Set(KNOWN_REASONS.graphqlJs.map((r) => r.wording)));
    expect(covered('graphqlJit')).toEqual(new Set(KNOWN_REASONS.graphqlJit.map((r) => r.wording)));
  });

  it("should read the depth and its limit from Mercurius's refusal of a deep query", async () => {
    const deep =
      '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }';
    for (let run = 0; run < 2; run++) {
      const result = await graphql(server.url, deep);
      expect(result.errors).toEqual([
        {
          message: 'The query is nested 11 levels deep; at most 10 are allowed.',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ]);
    }
  });

  it("should drop graphql-js's suggestion in production, and only the suggestion", async () => {
    const typo = '{ me { nam } }';
    for (let run = 0; run < 2; run++) {
      const offered = await graphql(server.url, typo);
      expect(offered.errors?.map((e) => e.message)).toEqual([
        'Cannot query field "nam" on type "User". Did you mean "name"?',
      ]);
      const hidden = await graphql(production.url, typo);
      expect(hidden.errors?.map((e) => [e.message, e.extensions])).toEqual([
        ['Cannot query field "nam" on type "User".', { code: 'BAD_USER_INPUT' }],
      ]);
    }
  });
});
