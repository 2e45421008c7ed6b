import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HearthApiRequest, HearthApiResponse } from '../../server/src/web/contract.ts';
import { graphql, newPerson, signUp, SIGN_IN } from '../support/graphql.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const ME = '{ me { id name } }';
const SESSION_LOOKUP = /from "sessions"/;
const MAX_DEPTH = 5;

/**
 * POST /test/page-calls runs its body's calls in turn, as one page request's server code would
 * through event.platform.req.hearthApi; GET runs the one call in `?call=`.
 */
function addPageCallsRoute(app: RunningServer['app']): void {
  app.route<{ Body: { calls: HearthApiRequest[] }; Querystring: { call?: string } }>({
    method: ['GET', 'POST'],
    url: '/test/page-calls',
    handler: async (request, reply) => {
      const calls = request.method === 'GET' ? [JSON.parse(request.query.call ?? '{}')] : request.body.calls;
      const api = app.pageGraphql(request, reply);
      const answers: HearthApiResponse[] = [];
      for (const call of calls) answers.push(await api.execute(call));
      return answers;
    },
  });
}

/** An answer as a client sees it, for comparing the two ways in. */
interface Answer {
  status: number;
  body: unknown;
}

// Pages run GraphQL in process, through the executor the server hands each page request
// (app.pageGraphql). A test route exposes it, so its answers can be compared with /graphql's.
describe('GraphQL for pages, in process', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({
      web: false,
      countStatements: true,
      limits: { maxDepth: MAX_DEPTH },
      // Rate limits see the forwarded address, so two clients can be told apart on loopback.
      env: { TRUST_PROXY: 'true', SIGN_IN_LIMIT_PER_CLIENT: '2' },
      beforeListen: addPageCallsRoute,
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Several calls made by one page request, in turn. */
  async function pageCalls(
    calls: HearthApiRequest[],
    cookie?: string,
    client = '192.0.2.1',
  ): Promise<HearthApiResponse[]> {
    const response = await fetch(`${server.url}/test/page-calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ calls }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as HearthApiResponse[];
  }

  async function inProcess(call: HearthApiRequest): Promise<Answer> {
    const [answer] = await pageCalls([call]);
    return { status: answer!.status, body: answer!.body };
  }

  async function overHttp(call: HearthApiRequest): Promise<Answer> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(call),
    });
    return { status: response.status, body: await response.json() };
  }

  const tooDeep = `{ network(slug: "x") { members { edges { node { person { id } } } } } }`;
  const manyAliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
  const manyTokens = `{ me { ${'id '.repeat(2100)} } }`;

  it.each([
    ['an unknown field', { query: '{ me { id nope } }' }],
    ['a syntax error', { query: '{ me { id ' }],
    [
      'a wrongly typed password, without echoing it',
      {
        query: 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { token } }',
        variables: { input: { email: 'someone@example.org', password: 12345 } },
        operationName: 'SignIn',
      },
    ],
    ['a rule broken in a service (UNAUTHENTICATED)', { query: 'mutation { signOutEverywhere }' }],
    ['a query nested too deeply', { query: tooDeep }],
    ['too many aliases', { query: manyAliases }],
    ['too many tokens', { query: manyTokens }],
    ['an operation name that names none', { query: ME, operationName: 'Nothing' }],
  ])('should answer %s as /graphql does', async (_label, call) => {
    // Mercurius compiles an operation (JIT) on its second run, and that run words a bad
    // variable differently from every other: run it twice first, so both compare a later run.
    await overHttp(call);
    await overHttp(call);
    const direct = await inProcess(call);
    const http = await overHttp(call);
    expect(direct).toEqual(http);
    expect((direct.body as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0);
  });

  it('should read the session once for all the calls of a page request', async () => {
    const person = await signUp(server.url, 'page-once');
    server.statements.length = 0;
    const answers = await pageCalls([{ query: ME }, { query: ME }, { query: ME }], `hearth_session=${person.token}`);
    expect(answers.map((answer) => answer.body)).toEqual(
      Array(3).fill({ data: { me: { id: person.user.id, name: person.name } } }),
    );
    expect(server.statements.filter((sql) => SESSION_LOOKUP.test(sql))).toHaveLength(1);
  });

  it('should clear an ended session’s cookie once, with the same Set-Cookie as /graphql', async () => {
    const person = await signUp(server.url, 'page-ended');
    const cookie = `hearth_session=${person.token}`;
    await graphql(server.url, 'mutation { signOut }', { token: person.token });
    const http = await graphql(server.url, ME, { cookie });
    const answers = await pageCalls([{ query: ME }, { query: ME }], cookie);
    expect(answers.map((answer) => answer.body)).toEqual([{ data: { me: null } }, { data: { me: null } }]);
    expect(answers[0]!.setCookies).toEqual(http.headers.getSetCookie());
    expect(answers[1]!.setCookies).toEqual([]);
  });

  it('should set the cookie on sign-in as /graphql does, and act as the new person afterwards', async () => {
    const person = await signUp(server.url, 'page-signin');
    const input = { email: person.email, password: person.password };
    const http = await graphql(server.url, SIGN_IN, { variables: { input } });
    const answers = await pageCalls([{ query: SIGN_IN, variables: { input }, operationName: 'SignIn' }, { query: ME }]);
    // The token and the expiry differ by a moment; every attribute is the same.
    const shape = (cookies: string[]) =>
      cookies.map((cookie) => cookie.replace(/=[^;]*/, '=…').replace(/Expires=[^;]*/, 'Expires=…'));
    expect(shape(answers[0]!.setCookies)).toEqual(shape(http.headers.getSetCookie()));
    expect(answers[0]!.setCookies).toHaveLength(1);
    expect(answers[1]!.body).toEqual({ data: { me: { id: person.user.id, name: person.name } } });
  });

  it('should act as signed out after signing out, and clear the cookie', async () => {
    const person = await signUp(server.url, 'page-signout');
    const answers = await pageCalls(
      [{ query: 'mutation { signOut }' }, { query: ME }],
      `hearth_session=${person.token}`,
    );
    expect(answers[0]!.body).toEqual({ data: { signOut: true } });
    expect(answers[0]!.setCookies).toEqual([expect.stringMatching(/^hearth_session=; .*Expires=Thu, 01 Jan 1970/)]);
    expect(answers[1]!.body).toEqual({ data: { me: null } });
  });

  it('should not run a mutation for a page request that only reads (GET)', async () => {
    const person = await signUp(server.url, 'page-get');
    const call = JSON.stringify({ query: 'mutation { signOut }' });
    const response = await fetch(`${server.url}/test/page-calls?call=${encodeURIComponent(call)}`, {
      headers: { cookie: `hearth_session=${person.token}` },
    });
    const [answer] = (await response.json()) as HearthApiResponse[];
    expect(answer!.body.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['BAD_USER_INPUT', 'A GET request can only read; send mutations with POST.'],
    ]);
    expect((await graphql(server.url, ME, { token: person.token })).data).toEqual({
      me: { id: person.user.id, name: person.name },
    });
  });

  it('should count failed sign-ins against the page request’s client address', async () => {
    const wrongPassword = () => {
      const input = { email: newPerson('page-limit').email, password: 'not the password' };
      return { query: SIGN_IN, variables: { input }, operationName: 'SignIn' };
    };
    const codesOf = (answers: HearthApiResponse[]) => answers.map((a) => a.body.errors?.[0]?.extensions?.code);
    const first = await pageCalls([wrongPassword(), wrongPassword(), wrongPassword()], undefined, '198.51.100.7');
    expect(codesOf(first)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'RATE_LIMITED']);
    const other = await pageCalls([wrongPassword()], undefined, '198.51.100.8');
    expect(codesOf(other)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('GraphQL for pages, when something breaks on our side', () => {
  let server: RunningServer;
  const lines: string[] = [];

  beforeAll(async () => {
    server = await startServer({
      web: false,
      env: { LOG_LEVEL: 'error' },
      logStream: { write: (line) => lines.push(line) },
      beforeListen: addPageCallsRoute,
    });
    // Every read of the networks now fails in the database, as an outage or a bug would.
    await server.database.db.schema.dropTable('networks').cascade().execute();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('should answer INTERNAL quoting the page request’s id, log the error under it, and show nothing else', async () => {
    const response = await fetch(`${server.url}/test/page-calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ calls: [{ query: '{ networks(first: 1) { totalCount } }' }] }),
    });
    const requestId = response.headers.get('x-request-id')!;
    const [answer] = (await response.json()) as HearthApiResponse[];
    expect(answer!.body.errors).toEqual([
      expect.objectContaining({
        message: `Something went wrong on our side. If it keeps happening, quote request id ${requestId}.`,
        extensions: { code: 'INTERNAL', requestId },
      }),
    ]);
    expect(JSON.stringify(answer)).not.toMatch(/relation|does not exist|select /i);
    const logged = lines.map((line) => JSON.parse(line) as { reqId?: string; level: number; msg: string });
    expect(logged).toContainEqual(
      expect.objectContaining({ reqId: requestId, level: 50, msg: 'internal error while executing GraphQL' }),
    );
  });
});
