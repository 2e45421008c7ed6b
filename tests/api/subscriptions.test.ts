import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../../server/src/testing/databases.ts';
import { graphql, signUp } from '../support/graphql.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { subscribe } from '../support/subscriptions.ts';

const SESSION_ENDED = 'subscription { sessionEnded { reason at } }';
// The server registers a subscription just after the subscribe message; give it a moment.
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('subscriptions over WebSocket on PGlite', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ web: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('should tell an open connection when its person signs out everywhere', async () => {
    const person = await signUp(server.url, 'ws');
    const subscription = await subscribe(server.url, SESSION_ENDED, { token: person.token });
    try {
      await settle();
      await graphql(server.url, 'mutation { signOutEverywhere }', { token: person.token });
      const message = await subscription.next();
      expect(message).toEqual({
        id: '1',
        type: 'next',
        payload: {
          data: { sessionEnded: { reason: 'SIGNED_OUT_EVERYWHERE', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) } },
        },
      });
    } finally {
      subscription.close();
    }
  });

  it('should not tell one person about another person signing out', async () => {
    const watcher = await signUp(server.url, 'watcher');
    const other = await signUp(server.url, 'other');
    const subscription = await subscribe(server.url, SESSION_ENDED, { token: watcher.token });
    try {
      await settle();
      await graphql(server.url, 'mutation { signOutEverywhere }', { token: other.token });
      await expect(subscription.next(500)).rejects.toThrow('no message within 500 ms');
    } finally {
      subscription.close();
    }
  });

  it('should refuse a connection with a bad token, and a subscription without one', async () => {
    const refused = await subscribe(server.url, SESSION_ENDED, { token: 'a'.repeat(32) + '.' + 'b'.repeat(32) });
    expect(await refused.next()).toMatchObject({ type: 'connection_error' });
    refused.close();

    const anonymous = await subscribe(server.url, SESSION_ENDED);
    try {
      const message = await anonymous.next();
      expect(message).toMatchObject({ id: '1', type: 'error', payload: [{ message: 'Sign in to do this.' }] });
    } finally {
      anonymous.close();
    }
  });

  it('should not authenticate a cookie sent from another site', async () => {
    const person = await signUp(server.url, 'cswsh');
    const subscription = await subscribe(server.url, SESSION_ENDED, {
      headers: { cookie: `hearth_session=${person.token}`, origin: 'https://evil.example' },
    });
    try {
      expect(await subscription.next()).toMatchObject({
        id: '1',
        type: 'error',
        payload: [{ message: 'Sign in to do this.' }],
      });
    } finally {
      subscription.close();
    }
  });
});

describe('subscription errors over WebSocket', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ web: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  /** The first message the server sends for a subscription, signed in. */
  async function firstAnswer(query: string, variables?: Record<string, unknown>) {
    const person = await signUp(server.url, 'ws-errors');
    const subscription = await subscribe(server.url, query, { token: person.token, variables });
    try {
      return await subscription.next();
    } finally {
      subscription.close();
    }
  }

  const refusal = (errors: Array<Record<string, unknown>>) => ({ id: '1', type: 'error', payload: errors });

  it('should refuse a subscription that does not parse, with a code', async () => {
    expect(await firstAnswer('subscription {')).toEqual(
      refusal([
        {
          message: 'Syntax Error: Expected Name, found <EOF>.',
          locations: [{ line: 1, column: 15 }],
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ]),
    );
  });

  it('should refuse a subscription that is not valid, with a code', async () => {
    expect(await firstAnswer('subscription { sessionEnded { reason nothingHere } }')).toEqual(
      refusal([
        {
          message: 'Cannot query field "nothingHere" on type "SessionEnded".',
          locations: [{ line: 1, column: 38 }],
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ]),
    );
  });

  it('should refuse a variable of the wrong type, naming it, without echoing the value', async () => {
    const query = 'subscription Ended($on: Boolean!) { sessionEnded { reason @include(if: $on) } }';
    expect(await firstAnswer(query, { on: 'secret words' })).toEqual(
      refusal([
        {
          message: 'Invalid value for "$on": Boolean cannot represent a non boolean value.',
          locations: [{ line: 1, column: 20 }],
          extensions: { code: 'BAD_USER_INPUT', field: 'on' },
        },
      ]),
    );
  });

  it('should refuse a subscription nested deeper than a query may be', async () => {
    const nested = Array.from({ length: 10 }).reduce<string>((inner) => `... on SessionEnded { ${inner} }`, 'reason');
    expect(await firstAnswer(`subscription { sessionEnded { ${nested} } }`)).toEqual(
      refusal([
        {
          message: 'The query is nested 12 levels deep; at most 10 are allowed.',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ]),
    );
  });

  it('should send queries back to HTTP', async () => {
    expect(await firstAnswer('{ version }')).toEqual(
      refusal([
        {
          message: 'Only subscriptions run over the WebSocket; send queries and mutations over HTTP.',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ]),
    );
  });

  it('should refuse a subscription its person may not have, with UNAUTHENTICATED', async () => {
    const subscription = await subscribe(server.url, SESSION_ENDED);
    try {
      expect(await subscription.next()).toEqual(
        refusal([
          {
            message: 'Sign in to do this.',
            locations: [{ line: 1, column: 16 }],
            path: ['sessionEnded'],
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ]),
      );
    } finally {
      subscription.close();
    }
  });

  it('should answer a message that is not JSON, or of no known type, with a code', async () => {
    const person = await signUp(server.url, 'ws-messages');
    const subscription = await subscribe(server.url, SESSION_ENDED, { token: person.token });
    try {
      await settle();
      subscription.send('not json');
      expect(await subscription.next()).toEqual({
        id: null,
        type: 'error',
        payload: [{ message: 'Each message must be a JSON object.', extensions: { code: 'BAD_USER_INPUT' } }],
      });
      subscription.send(JSON.stringify({ id: '2', type: 'start' }));
      expect(await subscription.next()).toEqual({
        id: '2',
        type: 'error',
        payload: [
          {
            message: 'Messages of graphql-transport-ws have a "type" it defines.',
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      });
    } finally {
      subscription.close();
    }
  });
});

describe('subscriptions across two app copies on one PostgreSQL', () => {
  let first: RunningServer;
  let second: RunningServer;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createPostgresDatabase();
    drop = database.drop;
    first = await startServer({ web: false, databaseUrl: database.url });
    second = await startServer({ web: false, databaseUrl: database.url });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await drop?.();
  });

  it('should deliver an event published by one copy to a subscriber on the other', async () => {
    const person = await signUp(first.url, 'fanout');
    const subscription = await subscribe(first.url, SESSION_ENDED, { token: person.token });
    try {
      await settle();
      expect((await graphql(second.url, 'mutation { signOutEverywhere }', { token: person.token })).data).toEqual({
        signOutEverywhere: true,
      });
      expect(await subscription.next()).toMatchObject({
        type: 'next',
        payload: { data: { sessionEnded: { reason: 'SIGNED_OUT_EVERYWHERE' } } },
      });
    } finally {
      subscription.close();
    }
  });
});
