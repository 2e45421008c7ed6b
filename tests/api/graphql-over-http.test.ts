import { auditServer, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../support/graphql.ts';
import { startServer, type RunningServer } from '../support/server.ts';

/**
 * The audits that ask `__type(name: $name)` with a map of variables (one per response media
 * type): introspection, which production refuses, so they fail there and only there.
 */
const INTROSPECTION_AUDITS = ['28B9', '2EA1'];

/** The MUST and SHOULD audits that did not pass, readable in a failure. */
function unmet(results: AuditResult[]): string[] {
  return results
    .filter((result) => result.status !== 'ok' && !result.name.startsWith('MAY'))
    .map((result) => `${result.id} ${result.name}${'reason' in result ? `: ${result.reason}` : ''}`);
}

/** A server of the kind asked for, started before its tests (starting takes a while on a busy machine). */
function serverFor(env: Record<string, string>) {
  const holder: { server?: RunningServer } = {};
  beforeAll(async () => {
    holder.server = await startServer({ web: false, env });
  });
  afterAll(async () => {
    await holder.server?.close().catch(() => {});
  });
  return () => holder.server!;
}

describe('the GraphQL over HTTP audit (graphql-http), outside production', () => {
  const server = serverFor({});

  it('should pass every MUST and SHOULD', async () => {
    const results = await auditServer({ url: `${server().url}/graphql` });
    expect(results.length).toBeGreaterThanOrEqual(61);
    expect(unmet(results)).toEqual([]);
  });
});

describe('the GraphQL over HTTP audit (graphql-http), in production', () => {
  const server = serverFor({ NODE_ENV: 'production' });

  it('should pass every MUST and SHOULD but those that need introspection', async () => {
    const results = await auditServer({ url: `${server().url}/graphql` });
    const failing = unmet(results).map((line) => line.slice(0, 4));
    expect(failing.sort()).toEqual([...INTROSPECTION_AUDITS].sort());
    // They fail because introspection is refused, and for nothing else.
    const asked = await graphql(server().url, 'query Type($name: String!) { __type(name: $name) { name } }', {
      variables: { name: 'sometype' },
    });
    expect(asked.errors?.map((error) => error.message)).toEqual([
      'GraphQL introspection has been disabled, but the requested query contained the field "__type".',
    ]);
  });
});

interface Answer {
  status: number;
  contentType: string | null;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function post(url: string, body: unknown, accept?: string): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: (await response.json()) as Answer['body'],
  };
}

const GRAPHQL_RESPONSE = 'application/graphql-response+json';
const COERCION_FAILURE = {
  query: 'query Find($slug: String!) { network(slug: $slug) { id } }',
  variables: { slug: null },
};

describe('application/graphql-response+json', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ web: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('should answer in it when asked, and a query that ran with 200', async () => {
    const answer = await post(server.url, { query: '{ version }' }, GRAPHQL_RESPONSE);
    expect(answer).toEqual({
      status: 200,
      contentType: `${GRAPHQL_RESPONSE}; charset=utf-8`,
      body: { data: { version: expect.any(String) } },
    });
  });

  it('should refuse a document that does not parse with 400 and no data', async () => {
    const answer = await post(server.url, { query: '{' }, GRAPHQL_RESPONSE);
    expect(answer).toEqual({
      status: 400,
      contentType: `${GRAPHQL_RESPONSE}; charset=utf-8`,
      body: {
        errors: [
          {
            message: 'Syntax Error: Expected Name, found <EOF>.',
            locations: [{ line: 1, column: 2 }],
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      },
    });
  });

  it('should refuse an invalid document with 400 and no data', async () => {
    const answer = await post(server.url, { query: '{ nothingHere }' }, GRAPHQL_RESPONSE);
    expect(answer.status).toBe(400);
    expect(answer.body).not.toHaveProperty('data');
    expect(answer.body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  // The second run is the one that compiles the query (graphql-jit), which coerces on its own.
  it.each([1, 2, 3])('should refuse a variable that cannot be coerced with 400 and no data (run %i)', async () => {
    const answer = await post(server.url, COERCION_FAILURE, GRAPHQL_RESPONSE);
    expect(answer.status).toBe(400);
    expect(answer.contentType).toBe(`${GRAPHQL_RESPONSE}; charset=utf-8`);
    expect(answer.body).not.toHaveProperty('data');
    expect(answer.body.errors).toEqual([
      {
        message: 'Variable "$slug" of non-null type "String!" must not be null.',
        locations: [{ line: 1, column: 12 }],
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
  });

  it.each(['application/x-www-form-urlencoded', 'text/plain'])(
    'should refuse a %s POST with 415 and no data',
    async (contentType) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': contentType, accept: GRAPHQL_RESPONSE },
        body: 'query=%7Bversion%7D',
      });
      expect(response.status).toBe(415);
      expect(response.headers.get('content-type')).toBe(`${GRAPHQL_RESPONSE}; charset=utf-8`);
      expect(await response.json()).toEqual({
        errors: [
          {
            message: 'Send GraphQL requests with Content-Type: application/json.',
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      });
    },
  );

  it('should keep application/json as it was: 200 and data null for a refused document', async () => {
    for (const accept of [undefined, 'application/json', '*/*']) {
      const answer = await post(server.url, COERCION_FAILURE, accept);
      expect(answer.status).toBe(200);
      expect(answer.contentType).toBe('application/json; charset=utf-8');
      expect(answer.body.data).toBeNull();
      expect(answer.body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('should accept "extensions": null, as every other parameter', async () => {
    for (const accept of [GRAPHQL_RESPONSE, 'application/json']) {
      const answer = await post(server.url, { query: '{ version }', extensions: null }, accept);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ data: { version: expect.any(String) } });
    }
  });
});

describe('application/graphql-response+json when our side fails', () => {
  const server = serverFor({});

  it('should answer 500 with the request id and no data', async () => {
    await server().database.close();
    const response = await fetch(`${server().url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: GRAPHQL_RESPONSE,
        authorization: `Bearer ${'a'.repeat(32)}.${'b'.repeat(32)}`,
      },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    const requestId = response.headers.get('x-request-id');
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe(`${GRAPHQL_RESPONSE}; charset=utf-8`);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: `Something went wrong on our side. If it keeps happening, quote request id ${requestId}.`,
          extensions: { code: 'INTERNAL', requestId },
        },
      ],
    });
  });
});
