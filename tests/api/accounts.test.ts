import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, graphql, newPerson, signUp, SIGN_IN, SIGN_UP } from '../support/graphql.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const ME = '{ me { id name email } }';

function sessionCookie(headers: Headers): string {
  const cookie = headers.getSetCookie().find((c) => c.startsWith('hearth_session='));
  if (!cookie) throw new Error('no session cookie set');
  return cookie;
}

describe('accounts over HTTP', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ web: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('should sign up, set an HttpOnly SameSite=Lax cookie, and answer me with the Bearer token', async () => {
    const person = await signUp(server.url, 'cookie');
    const cookie = sessionCookie(person.headers);
    expect(cookie).toMatch(/^hearth_session=[a-z2-7]{32}\.[a-z2-7]{32}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    const me = await graphql(server.url, ME, { token: person.token });
    expect(me.data).toEqual({ me: { id: person.user.id, name: person.name, email: person.email } });
  });

  it('should answer me with the cookie, and null when signed out', async () => {
    const person = await signUp(server.url, 'me');
    const cookie = `hearth_session=${person.token}`;
    expect((await graphql(server.url, ME, { cookie })).data).toEqual({
      me: { id: person.user.id, name: person.name, email: person.email },
    });
    expect((await graphql(server.url, ME)).data).toEqual({ me: null });
    expect((await graphql(server.url, ME, { token: 'not-a-token' })).data).toEqual({ me: null });
  });

  it('should stop a signed-out token at once and clear the cookie', async () => {
    const person = await signUp(server.url, 'signout');
    const result = await graphql(server.url, 'mutation { signOut }', {
      cookie: `hearth_session=${person.token}`,
      origin: server.url,
    });
    expect(result.data).toEqual({ signOut: true });
    expect(sessionCookie(result.headers)).toMatch(/^hearth_session=; .*Expires=Thu, 01 Jan 1970/);
    expect((await graphql(server.url, ME, { token: person.token })).data).toEqual({ me: null });
  });

  it('should end every device session with signOutEverywhere', async () => {
    const person = await signUp(server.url, 'everywhere');
    const other = await graphql<{ signIn: { token: string } }>(server.url, SIGN_IN, {
      variables: { input: { email: person.email, password: person.password } },
    });
    const result = await graphql(server.url, 'mutation { signOutEverywhere }', { token: other.data!.signIn.token });
    expect(result.data).toEqual({ signOutEverywhere: true });
    for (const token of [person.token, other.data!.signIn.token]) {
      expect((await graphql(server.url, ME, { token })).data).toEqual({ me: null });
    }
    const again = await graphql(server.url, 'mutation { signOutEverywhere }', { token: person.token });
    expect(codes(again)).toEqual(['UNAUTHENTICATED']);
  });

  it('should refuse cookie-carried mutations from another origin or with no origin, but not Bearer ones', async () => {
    const person = await signUp(server.url, 'csrf');
    const cookie = `hearth_session=${person.token}`;
    expect(
      codes(await graphql(server.url, 'mutation { signOut }', { cookie, origin: 'https://evil.example' })),
    ).toEqual(['FORBIDDEN']);
    expect(codes(await graphql(server.url, 'mutation { signOut }', { cookie }))).toEqual(['FORBIDDEN']);
    expect((await graphql(server.url, ME, { token: person.token })).data?.me).not.toBeNull();
    const signInFromElsewhere = await graphql(server.url, SIGN_IN, {
      origin: 'https://evil.example',
      variables: { input: { email: person.email, password: person.password } },
    });
    expect(codes(signInFromElsewhere)).toEqual(['FORBIDDEN']);
    expect((await graphql(server.url, 'mutation { signOut }', { token: person.token })).data).toEqual({
      signOut: true,
    });
  });

  it('should not reveal whether an email has an account', async () => {
    const person = await signUp(server.url, 'reveal');
    const wrong = await graphql(server.url, SIGN_IN, {
      variables: { input: { email: person.email, password: 'not the password' } },
    });
    const unknown = await graphql(server.url, SIGN_IN, {
      variables: { input: { email: newPerson('ghost').email, password: 'not the password' } },
    });
    expect(wrong.errors).toEqual(unknown.errors);
    expect(wrong.errors?.[0]?.message).toBe(
      'That email and password do not match an account. Check them and try again.',
    );
  });

  it('should give a request id header on every response', async () => {
    const result = await graphql(server.url, '{ version }');
    expect(result.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('accounts over HTTP with https PUBLIC_URL', () => {
  it('should mark the session cookie Secure', async () => {
    const server = await startServer({ web: false, env: { PUBLIC_URL: 'https://hearth.example' } });
    try {
      const person = await signUp(server.url, 'secure');
      expect(sessionCookie(person.headers)).toContain('Secure');
    } finally {
      await server.close();
    }
  });
});

describe('sign-in rate limits over HTTP', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ web: false, env: { SIGN_IN_LIMIT_PER_EMAIL: '3', SIGN_IN_LIMIT_PER_CLIENT: '1000' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('should not let aliases multiply the guesses one request makes', async () => {
    const person = await signUp(server.url, 'alias');
    const fields = Array.from(
      { length: 5 },
      (_, i) => `a${i}: signIn(input: { email: "${person.email}", password: "wrong guess ${i}" }) { token }`,
    );
    const aliased = await graphql(server.url, `mutation { ${fields.join('\n')} }`);
    expect(aliased.errors).toEqual([
      { message: 'Ask for signIn once per request.', extensions: { code: 'BAD_USER_INPUT' } },
    ]);
    for (let i = 0; i < 3; i++) {
      const guess = await graphql(server.url, SIGN_IN, {
        variables: { input: { email: person.email, password: `wrong ${i}` } },
      });
      expect(codes(guess)).toEqual(['BAD_USER_INPUT']);
    }
    const right = await graphql(server.url, SIGN_IN, {
      variables: { input: { email: person.email, password: person.password } },
    });
    expect(codes(right)).toEqual(['RATE_LIMITED']);
  });

  it('should refuse batched requests so they cannot multiply attempts', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ version }' }, { query: '{ version }' }]),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      data: null,
      errors: [
        {
          message: 'Send one operation per request; batched requests are not accepted.',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
  });
});

describe('a stranger guessing over HTTP, behind a trusted proxy', () => {
  let server: RunningServer;
  beforeAll(async () => {
    // The default limits: 10 sign-ins at one email and 50 at any emails per client per 15 minutes.
    server = await startServer({ web: false, env: { TRUST_PROXY: 'true' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  const signInFrom = async (client: string, email: string, password: string) =>
    graphql<{ signIn: { user: { email: string } } }>(server.url, SIGN_IN, {
      headers: { 'x-forwarded-for': client },
      variables: { input: { email, password } },
    });

  it('should not lock the owner out after a blocked stranger guessed at their email', async () => {
    const owner = await signUp(server.url, 'owner');
    const stranger = '198.51.100.7';

    const spray = [];
    for (let i = 0; i < 51; i++) spray.push(codes(await signInFrom(stranger, newPerson('spray').email, 'wrong guess')));
    expect(spray).toEqual([...Array(50).fill(['BAD_USER_INPUT']), ['RATE_LIMITED']]);
    const guesses = [];
    for (let i = 0; i < 11; i++) guesses.push(codes(await signInFrom(stranger, owner.email, `wrong guess ${i}`)));
    expect(guesses).toEqual(Array(11).fill(['RATE_LIMITED']));

    const signedIn = await signInFrom('203.0.113.9', owner.email, owner.password);
    expect(signedIn.data).toEqual({ signIn: { token: expect.any(String), user: owner.user } });
    expect(codes(await signInFrom(stranger, owner.email, owner.password))).toEqual(['RATE_LIMITED']);
  });
});

describe('sign-up limit over HTTP', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ web: false, env: { TRUST_PROXY: 'true', SIGN_UP_LIMIT_PER_CLIENT: '3' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  const signUpFrom = (client: string, input: ReturnType<typeof newPerson>) =>
    graphql(server.url, SIGN_UP, { headers: { 'x-forwarded-for': client }, variables: { input } });

  it('should refuse the fourth sign-up from one client, a taken email counting, and not another client', async () => {
    const client = '198.51.100.20';
    const first = newPerson('limit');
    const answers = [
      codes(await signUpFrom(client, first)),
      codes(await signUpFrom(client, { ...newPerson('limit'), email: first.email })),
      codes(await signUpFrom(client, newPerson('limit'))),
    ];
    expect(answers).toEqual([[], ['CONFLICT'], []]);

    const refused = await signUpFrom(client, newPerson('limit'));
    expect(refused.errors).toEqual([
      {
        message: 'Too many sign-ups from your network address in the last hour. Wait an hour, then try again.',
        locations: [expect.any(Object)],
        path: ['signUp'],
        extensions: { code: 'RATE_LIMITED' },
      },
    ]);
    expect(codes(await signUpFrom('198.51.100.21', newPerson('limit')))).toEqual([]);
  });

  it('should count the client the proxy saw, not the addresses a client wrote before it', async () => {
    // The proxy appends the address it saw; whatever comes before it the client chose.
    const behindProxy = (written: string) => `${written}, 198.51.100.30`;
    const answers = [];
    for (const written of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']) {
      answers.push(codes(await signUpFrom(behindProxy(written), newPerson('spoof'))));
    }
    expect(answers).toEqual([[], [], [], ['RATE_LIMITED']]);
  });
});

describe('bad input over HTTP', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ web: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  const post = async (body: string, contentType = 'application/json') => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    const json = (await response.json()) as {
      errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
    };
    return { status: response.status, errors: json.errors ?? [] };
  };

  it.each([
    ['an empty body', '', 400, 'The request body is empty; send a JSON object with a "query".'],
    ['malformed JSON', '{"query": ', 400, 'The request body is not valid JSON.'],
    ['a body with no query', '{}', 400, 'Unknown query'],
    ['a query of the wrong type', '{"query": 42}', 400, '"query" must be a string holding a GraphQL document.'],
    ['a body that is not an object', '"text"', 400, 'The request body must be a JSON object with a "query".'],
  ])('should refuse %s with BAD_USER_INPUT', async (_label, body, status, message) => {
    const result = await post(body);
    expect(result.status).toBe(status);
    expect(result.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors[0]?.message).toContain(message);
  });

  it('should refuse a 5 MB body with 413', async () => {
    const result = await post(JSON.stringify({ query: `{ version } #${'x'.repeat(5 * 1024 * 1024)}` }));
    expect(result.status).toBe(413);
    expect(result.errors).toEqual([
      { message: 'The request body is too large; the limit is 100 KB.', extensions: { code: 'BAD_USER_INPUT' } },
    ]);
  });

  it('should refuse a wrong content type with 415', async () => {
    const result = await post('query=%7Bversion%7D', 'application/x-www-form-urlencoded');
    expect(result.status).toBe(415);
    expect(result.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    [
      'a number for a string',
      { email: 42, password: 'a long and unusual phrase', name: 'N' },
      'Invalid value for "input.email": String cannot represent a non string value.',
      'email',
    ],
    [
      'an unknown field',
      { email: 'x@example.org', password: 'a long and unusual phrase', name: 'N', admin: true },
      'Invalid value for "$input": Field "admin" is not defined by type SignUpInput.',
      'admin',
    ],
    [
      'a missing field',
      { email: 'x@example.org', password: 'a long and unusual phrase' },
      'Invalid value for "$input": Field "name" of required type "String!" was not provided.',
      'name',
    ],
  ])('should refuse %s in variables without echoing the password', async (_label, input, message, field) => {
    const result = await graphql(server.url, SIGN_UP, { variables: { input } });
    expect(result.errors).toEqual([
      {
        message,
        locations: [expect.any(Object)],
        extensions: { code: 'BAD_USER_INPUT', field },
      },
    ]);
    expect(JSON.stringify(result.errors)).not.toContain('unusual phrase');
  });

  it.each([
    ['an array', ['a long and unusual phrase'], 'String cannot represent a non string value.'],
    ['an object holding "; "', { p: 'hunter2; SECRET TAIL' }, 'String cannot represent a non string value.'],
    ['an array holding "; "', ['pw1; SECRET TAIL'], 'String cannot represent a non string value.'],
  ])('should not echo a password sent as %s, on the first run or once compiled', async (_label, password, reason) => {
    const input = { email: 'x@example.org', name: 'N', password };
    for (let run = 0; run < 3; run++) {
      const result = await graphql(server.url, SIGN_UP, { variables: { input } });
      expect(result.errors?.map((e) => [e.message, e.extensions])).toEqual([
        [
          expect.stringMatching(new RegExp(`^Invalid value for "[$\\w.]*password": ${reason}$`)),
          { code: 'BAD_USER_INPUT', field: 'password' },
        ],
      ]);
      expect(JSON.stringify(result.errors)).not.toMatch(/SECRET|unusual|hunter/);
    }
  });

  it('should not echo a value sent for an enum', async () => {
    const result = await graphql(
      server.url,
      'mutation ($v: Visibility) { updateProfile(input: { visibility: $v }) { id } }',
      { variables: { v: { x: 'SECRET SEVEN' } } },
    );
    expect(result.errors?.map((e) => [e.message, e.extensions])).toEqual([
      ['Invalid value for "$v": Expected one of the Visibility values.', { code: 'BAD_USER_INPUT', field: 'v' }],
    ]);
  });

  it.each([
    ['email', { email: '' }],
    ['email', { email: 'no-at-sign' }],
    ['name', { name: '' }],
    ['name', { name: 'x'.repeat(5000) }],
    ['password', { password: '' }],
    ['password', { password: 'x'.repeat(10_000) }],
  ])('should name the bad field %s', async (field, change) => {
    const result = await graphql(server.url, SIGN_UP, { variables: { input: { ...newPerson('field'), ...change } } });
    expect(result.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field }]);
  });
});
