import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type AppOptions } from '../app.ts';
import type { Config } from '../config.ts';
import { useTestDatabase, type DatabaseKind, type UsedTestDatabase } from './databases.ts';
import type { NetworkFields } from '../modules/networks/service.ts';
import { networkInput, TEST_PASSWORD, testConfig, uniqueEmail } from './factories.ts';

/** A GraphQL answer, typed loosely: a test reads whatever shape it asked for. */
export interface GraphqlResponse {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads whatever shape it asked for
  data: Record<string, any> | null;
  errors?: Array<{ message: string; extensions: { code: string; field?: string } }>;
}

/** A person signed up over GraphQL: the bearer token their requests carry. */
export interface SignedUpOverGraphql {
  token: string;
  id: string;
  email: string;
}

export interface TestAppOptions {
  /** Settings over the test defaults (logs are silent unless `logLevel` is given). */
  config?: Partial<Config>;
  logStream?: AppOptions['logStream'];
}

export interface UsedTestApp {
  readonly app: FastifyInstance;
  /** The app's database, for counting statements or reading rows directly. */
  readonly database: UsedTestDatabase;
  /** Posts one GraphQL request, as the bearer of `token` when given. */
  graphql(
    query: string,
    options?: { token?: string | null; variables?: Record<string, unknown> },
  ): Promise<GraphqlResponse>;
  /** Signs a new person up over GraphQL; fails the test if the sign-up is refused. */
  signUp(name?: string, email?: string): Promise<SignedUpOverGraphql>;
  /** Starts a network over GraphQL as the bearer of `token` (`networkInput` details); fails the test if refused. */
  startNetwork(token: string, overrides?: Partial<NetworkFields>): Promise<{ id: string; slug: string }>;
}

/**
 * The app over a freshly migrated database of the given kind, built (without the web site)
 * before the tests of the enclosing block and closed with its database after them. Requests go
 * through `app.inject`; nothing listens on a port.
 */
export function useTestApp(kind: DatabaseKind, options: TestAppOptions = {}): UsedTestApp {
  const database = useTestDatabase(kind);
  let opened: FastifyInstance | null = null;
  beforeAll(async () => {
    opened = await buildApp({
      config: testConfig({ logLevel: 'silent', ...options.config }),
      database: database.handle,
      web: false,
      // useTestDatabase closes it, after the app (after-hooks run in reverse order).
      closeDatabase: false,
      ...(options.logStream ? { logStream: options.logStream } : {}),
    });
  });
  afterAll(async () => {
    await opened?.close();
    opened = null;
  });
  const current = () => {
    if (!opened) throw new Error('The test app is open only inside tests and hooks of its block.');
    return opened;
  };

  async function graphql(
    query: string,
    { token, variables }: { token?: string | null; variables?: Record<string, unknown> } = {},
  ): Promise<GraphqlResponse> {
    const response = await current().inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: JSON.stringify({ query, variables }),
    });
    return response.json<GraphqlResponse>();
  }

  async function signUp(name = 'Test Person', email = uniqueEmail('graphql')): Promise<SignedUpOverGraphql> {
    const answer = await graphql('mutation ($input: SignUpInput!) { signUp(input: $input) { token user { id } } }', {
      variables: { input: { email, password: TEST_PASSWORD, name } },
    });
    if (!answer.data?.signUp) throw new Error(`sign-up refused: ${JSON.stringify(answer.errors)}`);
    return { token: answer.data.signUp.token as string, id: answer.data.signUp.user.id as string, email };
  }

  async function startNetwork(
    token: string,
    overrides: Partial<NetworkFields> = {},
  ): Promise<{ id: string; slug: string }> {
    const mutation = 'mutation ($input: CreateNetworkInput!) { createNetwork(input: $input) { id slug } }';
    const answer = await graphql(mutation, { token, variables: { input: networkInput(overrides) } });
    if (!answer.data?.createNetwork) throw new Error(`network refused: ${JSON.stringify(answer.errors)}`);
    return answer.data.createNetwork as { id: string; slug: string };
  }

  return {
    get app() {
      return current();
    },
    database,
    graphql,
    signUp,
    startNetwork,
  };
}

/** The error codes of a GraphQL answer, in order (undefined when it has no errors). */
export function errorCodes(response: GraphqlResponse): string[] | undefined {
  return response.errors?.map((error) => error.extensions.code);
}
