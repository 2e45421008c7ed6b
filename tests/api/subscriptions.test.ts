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
