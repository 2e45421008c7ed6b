import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../../server/src/testing/databases.ts';
import { networkInput } from '../../server/src/testing/factories.ts';
import { graphql, signUp } from '../support/graphql.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { subscribe } from '../support/subscriptions.ts';

const NOTIFICATION_ADDED = 'subscription { notificationAdded { id kind title url createdAt readAt } }';
// The server registers a subscription just after the subscribe message; give it a moment.
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('notificationAdded across two app copies on one PostgreSQL', () => {
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

  it('should reach a steward’s open connection on one copy when someone joins through the other', async () => {
    const steward = await signUp(first.url, 'steward');
    const joiner = await signUp(second.url, 'joiner');
    const bystander = await signUp(first.url, 'bystander');
    const input = networkInput();
    const created = await graphql<{ createNetwork: { id: string; slug: string } }>(
      first.url,
      'mutation ($input: CreateNetworkInput!) { createNetwork(input: $input) { id slug } }',
      { token: steward.token, variables: { input } },
    );
    const network = created.data!.createNetwork;
    const stewards = await subscribe(first.url, NOTIFICATION_ADDED, { token: steward.token });
    const others = await subscribe(first.url, NOTIFICATION_ADDED, { token: bystander.token });
    try {
      await settle();
      const joined = await graphql(
        second.url,
        'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }',
        { token: joiner.token, variables: { id: network.id } },
      );
      expect(joined.errors).toBeUndefined();
      expect(await stewards.next()).toEqual({
        id: '1',
        type: 'next',
        payload: {
          data: {
            notificationAdded: {
              id: expect.any(String),
              kind: 'NEW_MEMBER',
              title: `${joiner.name} joined ${input.name}`,
              url: `/networks/${network.slug}/members`,
              createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
              readAt: null,
            },
          },
        },
      });
      await expect(others.next(500)).rejects.toThrow('no message within 500 ms');
    } finally {
      stewards.close();
      others.close();
    }
  });
});

describe('POST /unsubscribe with the site mounted', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ web: true });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('should be answered by the server, not refused as a cross-site form post by the site', async () => {
    // A mail provider's one-click post comes from its own site, with no cookie.
    const response = await fetch(`${server.url}/unsubscribe?token=${'a'.repeat(32)}.${'b'.repeat(32)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://mail.example' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect([response.status, await response.text()]).toEqual([
      400,
      'This unsubscribe link is not one Hearth sent. Nothing was changed.',
    ]);
    // The page a person opens from the link is still the site's.
    const page = await fetch(`${server.url}/unsubscribe?token=nonsense`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    // Read to the end: an unread body keeps the connection busy, and closing the server waits for it.
    expect(await page.text()).toContain('<h1');
  });
});
