import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, graphql, signUp } from '../support/graphql.ts';
import { startServer, type RunningServer } from '../support/server.ts';

describe('GraphQL hardening', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ web: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('should refuse a query deeper than the limit before running it', async () => {
    // Introspection types nest deeply enough to exceed the depth limit of 10.
    const deep =
      '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }';
    const result = await graphql(server.url, deep);
    expect(result.errors).toEqual([
      {
        message: 'The query is nested 11 levels deep; at most 10 are allowed.',
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
  });

  it('should refuse a document over the token limit', async () => {
    const result = await graphql(server.url, `{ ${'version '.repeat(2100)} }`);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(/tokens/);
  });

  it('should refuse too many aliases and too many root fields', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `v${i}: version`).join(' ');
    expect((await graphql(server.url, `{ ${aliases} }`)).errors?.[0]?.message).toBe(
      'The query uses 16 aliases; at most 15 are allowed.',
    );
    const roots = Array.from({ length: 11 }, () => 'version').join(' ');
    expect((await graphql(server.url, `{ ${roots} }`)).errors?.[0]?.message).toBe(
      'The query asks for 11 top-level fields; at most 10 are allowed.',
    );
  });

  it('should offer introspection and GraphiQL outside production', async () => {
    const result = await graphql<{ __schema: { queryType: { name: string } } }>(
      server.url,
      '{ __schema { queryType { name } } }',
    );
    expect(result.data?.__schema.queryType.name).toBe('Query');
    expect((await fetch(`${server.url}/graphiql`)).status).toBe(200);
  });
});

describe('GraphQL hardening in production', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ web: false, env: { NODE_ENV: 'production' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('should refuse introspection', async () => {
    const result = await graphql(server.url, '{ __schema { queryType { name } } }');
    expect(result.data).toBeNull();
    expect(new Set(codes(result))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(result.errors?.[0]?.message).toContain('introspection');
  });

  it('should not suggest field names', async () => {
    const result = await graphql(server.url, '{ me { nam } }');
    expect(result.errors?.[0]?.message).toBe('Cannot query field "nam" on type "User".');
  });

  it('should not serve GraphiQL', async () => {
    expect((await fetch(`${server.url}/graphiql`)).status).toBe(404);
  });
});

describe('internal errors', () => {
  it('should hide the cause, give a request id, and report the database down on /healthz', async () => {
    const server = await startServer({ web: false });
    try {
      const person = await signUp(server.url, 'internal');
      expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok', database: 'ok' });
      await server.database.close();
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
      const result = await graphql(server.url, '{ me { id } }', { token: person.token });
      const requestId = result.headers.get('x-request-id');
      expect(result.status).toBe(500);
      expect(result.errors).toEqual([
        {
          message: `Something went wrong on our side. If it keeps happening, quote request id ${requestId}.`,
          extensions: { code: 'INTERNAL', requestId },
        },
      ]);
      expect(JSON.stringify(result.errors)).not.toMatch(/select|sessions|stack|at /i);
    } finally {
      await server.close().catch(() => {});
    }
  });
});
