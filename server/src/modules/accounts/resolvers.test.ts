import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../../testing/databases.ts';
import { testConfig, uniqueEmail } from '../../testing/factories.ts';

describe.each(DATABASE_KINDS)('accounts resolvers on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    app = await buildApp({ config: testConfig({ logLevel: 'silent' }), database, web: false });
  });
  afterAll(async () => {
    await app?.close();
  });

  const post = async (query: string, options: { token?: string; variables?: Record<string, unknown> } = {}) => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      payload: JSON.stringify({ query, variables: options.variables }),
    });
    return response.json() as { data: Record<string, unknown> | null; errors?: unknown[] };
  };

  it('should answer me with one SQL statement per request', async () => {
    const signUp = await post('mutation ($input: SignUpInput!) { signUp(input: $input) { token } }', {
      variables: { input: { email: uniqueEmail('count'), password: 'a long and unusual phrase', name: 'Counted' } },
    });
    const token = (signUp.data?.signUp as { token: string }).token;
    for (let i = 0; i < 3; i++) {
      database.statements.length = 0;
      const me = await post('{ me { id name email } }', { token });
      expect(me.data?.me).toMatchObject({ name: 'Counted' });
      expect(database.statements).toHaveLength(1);
    }
  });

  it('should run no SQL for a signed-out request', async () => {
    database.statements.length = 0;
    expect((await post('{ me { id } version }')).data).toEqual({ me: null, version: '0.1.0' });
    expect(database.statements).toEqual([]);
  });

  it('should show the person who just signed up or in their own email', async () => {
    const email = uniqueEmail('own');
    const signUp = await post('mutation ($input: SignUpInput!) { signUp(input: $input) { user { email } } }', {
      variables: { input: { email, password: 'a long and unusual phrase', name: 'Own' } },
    });
    expect(signUp.data).toEqual({ signUp: { user: { email } } });
    const signIn = await post('mutation ($input: SignInInput!) { signIn(input: $input) { user { email } } }', {
      variables: { input: { email, password: 'a long and unusual phrase' } },
    });
    expect(signIn.data).toEqual({ signIn: { user: { email } } });
  });
});

describe('logging', () => {
  it('should tag request lines with a request id and never log passwords, tokens or cookies', async () => {
    const database = await openTestDatabase('pglite');
    const lines: string[] = [];
    const app = await buildApp({
      config: testConfig({ logLevel: 'trace' }),
      database,
      web: false,
      logStream: { write: (line) => lines.push(line) },
    });
    try {
      const password = 'a long and unusual phrase';
      const signUp = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({
          query: 'mutation ($input: SignUpInput!) { signUp(input: $input) { token } }',
          variables: { input: { email: uniqueEmail('log'), password, name: 'Logged' } },
        }),
      });
      const token = (signUp.json() as { data: { signUp: { token: string } } }).data.signUp.token;
      await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', cookie: `hearth_session=${token}` },
        payload: '{"query":"{ me { id } }"}',
      });
      await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        payload: `{"query": "${password}`,
      });

      const log = lines.join('');
      expect(log).not.toContain(password);
      expect(log).not.toContain(token.split('.')[1]);
      const requestLines = lines
        .map((l) => JSON.parse(l) as { reqId?: string; req?: unknown; res?: unknown })
        .filter((l) => l.req || l.res);
      // One line per request, each with its request id.
      expect(requestLines).toHaveLength(3);
      expect(requestLines.filter((l) => !/^[0-9a-f-]{36}$/.test(l.reqId ?? ''))).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
