import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/app.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { TEST_PASSWORD, uniqueEmail } from '../../testing/factories.ts';

describe.each(DATABASE_KINDS)('accounts resolvers on %s', (kind) => {
  const api = useTestApp(kind);

  it('should answer me with one SQL statement per request', async () => {
    const { token } = await api.signUp('Counted', uniqueEmail('count'));
    for (let i = 0; i < 3; i++) {
      api.database.statements.length = 0;
      const me = await api.graphql('{ me { id name email } }', { token });
      expect(me.data?.me).toMatchObject({ name: 'Counted' });
      expect(api.database.statements).toHaveLength(1);
    }
  });

  it('should run no SQL for a signed-out request', async () => {
    api.database.statements.length = 0;
    expect((await api.graphql('{ me { id } version }')).data).toEqual({ me: null, version: '0.1.0' });
    expect(api.database.statements).toEqual([]);
  });

  it('should show the person who just signed up or in their own email', async () => {
    const email = uniqueEmail('own');
    const signUp = await api.graphql('mutation ($input: SignUpInput!) { signUp(input: $input) { user { email } } }', {
      variables: { input: { email, password: TEST_PASSWORD, name: 'Own' } },
    });
    expect(signUp.data).toEqual({ signUp: { user: { email } } });
    const signIn = await api.graphql('mutation ($input: SignInInput!) { signIn(input: $input) { user { email } } }', {
      variables: { input: { email, password: TEST_PASSWORD } },
    });
    expect(signIn.data).toEqual({ signIn: { user: { email } } });
  });
});

describe('logging', () => {
  const lines: string[] = [];
  const api = useTestApp('pglite', { config: { logLevel: 'trace' }, logStream: { write: (line) => lines.push(line) } });

  it('should tag request lines with a request id and never log passwords, tokens or cookies', async () => {
    const password = TEST_PASSWORD;
    const { token } = await api.signUp('Logged', uniqueEmail('log'));
    await api.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', cookie: `hearth_session=${token}` },
      payload: '{"query":"{ me { id } }"}',
    });
    await api.app.inject({
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
  });
});
