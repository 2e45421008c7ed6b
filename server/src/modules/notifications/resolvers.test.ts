import { afterAll, describe, expect, it } from 'vitest';
import { errorCodes as codes, useTestApp, type SignedUpOverGraphql } from '../../testing/app.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { startTestSmtpServer, type ReceivedEmail } from '../../testing/smtp.ts';

// Notifications over GraphQL and HTTP, with the outbox sending to a real SMTP server on loopback.

const smtp = await startTestSmtpServer();
afterAll(() => smtp.close());

/** The first email to this address with this subject; fails after a few seconds. */
async function emailTo(address: string, subject: string): Promise<ReceivedEmail> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = smtp.received.find((email) => email.to.includes(address) && email.subject === subject);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no email "${subject}" to ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const VERIFY_LINK = /\/verify-email\?token=([a-z2-7]{32}\.[a-z2-7]{32})/;
const JOIN = 'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }';
const SET_ROLE =
  'mutation ($n: ID!, $u: ID!, $r: NetworkRole!) { setMemberRole(networkId: $n, userId: $u, role: $r) { id } }';
const LIST = `query ($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    edges { cursor node { id kind title body url createdAt readAt } }
    pageInfo { hasNextPage endCursor }
    unreadCount
  }
}`;
const PREFS = 'query { notificationPreferences { kind delivery changeable } }';
const SET_PREF =
  'mutation ($k: NotificationKind!, $d: NotificationDelivery!) { setNotificationPreference(kind: $k, delivery: $d) { kind delivery changeable } }';

describe.each(DATABASE_KINDS)('notifications over GraphQL on %s', (kind) => {
  const api = useTestApp(kind, {
    config: {
      mail: { smtpUrl: smtp.url, from: 'Hearth <hearth@example.org>' },
      outbox: { pollMs: 20, leaseMs: 60_000, firstRetryMs: 50 },
    },
  });

  /** Signs up and follows the address proof from the email, as a person would. */
  async function provedPerson(name: string): Promise<SignedUpOverGraphql> {
    const person = await api.signUp(name);
    const proof = await emailTo(person.email, 'Confirm your email address for Hearth');
    const token = VERIFY_LINK.exec(proof.text)![1]!;
    expect(
      (await api.graphql('mutation ($t: String!) { verifyEmail(token: $t) }', { variables: { t: token } })).data,
    ).toEqual({ verifyEmail: true });
    return person;
  }

  it('should tell stewards who joined and a member their new role, by email with a one-click unsubscribe that works signed out', async () => {
    const steward = await provedPerson('Stella Steward');
    const member = await provedPerson('Mo Member');
    const network = await api.startNetwork(steward.token);
    const name = (
      await api.graphql('query ($slug: String!) { network(slug: $slug) { name } }', {
        token: steward.token,
        variables: { slug: network.slug },
      })
    ).data?.network.name as string;
    expect(codes(await api.graphql(JOIN, { token: member.token, variables: { id: network.id } }))).toBeUndefined();

    const stewardsList = await api.graphql(LIST, { token: steward.token });
    expect(stewardsList.data?.notifications.edges.map((e: { node: unknown }) => e.node)).toEqual([
      {
        id: expect.any(String),
        kind: 'NEW_MEMBER',
        title: `Mo Member joined ${name}`,
        body: '',
        url: `/networks/${network.slug}/members`,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        readAt: null,
      },
    ]);
    expect(stewardsList.data?.notifications.unreadCount).toBe(1);

    const promoted = await api.graphql(SET_ROLE, {
      token: steward.token,
      variables: { n: network.id, u: member.id, r: 'ORGANISER' },
    });
    expect(codes(promoted)).toBeUndefined();
    const title = `You are now an organiser of ${name}`;
    const email = await emailTo(member.email, title);
    expect(email.text).toContain(`http://localhost:3000/networks/${network.slug}`);
    // Headers as a mail program reads them: a long one may be folded onto the next line (RFC 5322).
    const header = email.raw.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
    expect(header).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    const unsubscribeUrl = /^List-Unsubscribe: +<([^>]+)>\r$/m.exec(header)![1]!;
    const url = new URL(unsubscribeUrl);
    expect(url.pathname).toBe('/unsubscribe');

    // What a mail provider sends (RFC 8058): a form post from its own site, no cookie.
    const refusedBody = await api.app.inject({
      method: 'POST',
      url: `/unsubscribe${url.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'something=else',
    });
    expect(refusedBody.statusCode).toBe(400);
    const forged = await api.app.inject({
      method: 'POST',
      url: `/unsubscribe?token=${'a'.repeat(32)}.${'b'.repeat(32)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://mail.example' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect([forged.statusCode, forged.body]).toEqual([
      400,
      'This unsubscribe link is not one Hearth sent. Nothing was changed.',
    ]);
    const kindOf = await api.graphql('query ($t: String!) { unsubscribeKind(token: $t) }', {
      variables: { t: url.searchParams.get('token') },
    });
    expect(kindOf.data).toEqual({ unsubscribeKind: 'ROLE_CHANGED' });
    const oneClick = await api.app.inject({
      method: 'POST',
      url: `/unsubscribe${url.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://mail.example' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect([oneClick.statusCode, oneClick.headers['content-type']]).toEqual([200, 'text/plain; charset=utf-8']);
    expect(oneClick.body).toBe('Unsubscribed: Hearth will no longer email you about this kind of notification.');
    expect((await api.graphql(PREFS, { token: member.token })).data?.notificationPreferences).toEqual([
      { kind: 'ACCOUNT', delivery: 'IMMEDIATE', changeable: false },
      { kind: 'SAFETY', delivery: 'IMMEDIATE', changeable: false },
      { kind: 'NEW_MEMBER', delivery: 'DAILY_DIGEST', changeable: true },
      { kind: 'ROLE_CHANGED', delivery: 'IN_APP_ONLY', changeable: true },
      { kind: 'MENTORING', delivery: 'IMMEDIATE', changeable: true },
      { kind: 'EVENTS', delivery: 'IMMEDIATE', changeable: true },
      { kind: 'NEW_EVENTS', delivery: 'DAILY_DIGEST', changeable: true },
      { kind: 'LIBRARY', delivery: 'IMMEDIATE', changeable: true },
    ]);
  });

  it('should set preferences, refusing account messages by field', async () => {
    const person = await api.signUp('Pru Prefs');
    const set = await api.graphql(SET_PREF, { token: person.token, variables: { k: 'NEW_MEMBER', d: 'IN_APP_ONLY' } });
    expect(set.data).toEqual({
      setNotificationPreference: { kind: 'NEW_MEMBER', delivery: 'IN_APP_ONLY', changeable: true },
    });
    const refused = await api.graphql(SET_PREF, { token: person.token, variables: { k: 'SAFETY', d: 'IN_APP_ONLY' } });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.extensions.field).toBe('kind');
    expect(codes(await api.graphql(PREFS))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await api.graphql(LIST))).toEqual(['UNAUTHENTICATED']);
  });

  it('should keep each person’s digest time zone, refusing one that is not an IANA zone by field', async () => {
    const person = await api.signUp('Zed Zone');
    const SET_ZONE = 'mutation ($z: String!) { setDigestTimeZone(timeZone: $z) }';
    expect((await api.graphql('query { digestTimeZone }', { token: person.token })).data).toEqual({
      digestTimeZone: 'Europe/London',
    });
    expect((await api.graphql(SET_ZONE, { token: person.token, variables: { z: 'america/new_york' } })).data).toEqual({
      setDigestTimeZone: 'America/New_York',
    });
    const refused = await api.graphql(SET_ZONE, { token: person.token, variables: { z: 'Somewhere/Else' } });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.extensions.field).toBe('timeZone');
    expect((await api.graphql('query { digestTimeZone }', { token: person.token })).data).toEqual({
      digestTimeZone: 'America/New_York',
    });
    expect(codes(await api.graphql('query { digestTimeZone }'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await api.graphql(SET_ZONE, { variables: { z: 'Europe/Paris' } }))).toEqual(['UNAUTHENTICATED']);
  });

  it('should mark read only the viewer’s own notifications', async () => {
    const steward = await api.signUp('Sid Steward');
    const network = await api.startNetwork(steward.token);
    const joiner = await api.signUp('Jo Joiner');
    await api.graphql(JOIN, { token: joiner.token, variables: { id: network.id } });
    const stewardsId = (await api.graphql(LIST, { token: steward.token })).data?.notifications.edges[0].node.id;
    const mark = 'mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }';
    expect((await api.graphql(mark, { token: joiner.token, variables: { ids: [stewardsId] } })).data).toEqual({
      markNotificationsRead: 0,
    });
    expect((await api.graphql(mark, { token: steward.token, variables: { ids: [stewardsId] } })).data).toEqual({
      markNotificationsRead: 1,
    });
    const after = await api.graphql(LIST, { token: steward.token, variables: { unreadOnly: true } });
    expect([after.data?.notifications.edges, after.data?.notifications.unreadCount]).toEqual([[], 0]);
  });

  it('should list a page of 2 in as many SQL statements as a page of 20', async () => {
    const steward = await api.signUp('Nina Plus-One');
    const network = await api.startNetwork(steward.token);
    for (let i = 0; i < 20; i += 1) {
      const joiner = await api.signUp(`Joiner ${i}`);
      await api.graphql(JOIN, { token: joiner.token, variables: { id: network.id } });
    }
    // The app's workers poll in the background: count only this request's reads of notifications.
    const listing = () =>
      api.database.statements.filter((s) => /from "notifications"/.test(s) && !/digest_pending/.test(s));
    api.database.statements.length = 0;
    const small = await api.graphql(LIST, { token: steward.token, variables: { first: 2 } });
    const smallCount = listing().length;
    api.database.statements.length = 0;
    const large = await api.graphql(LIST, { token: steward.token, variables: { first: 20 } });
    expect(small.data?.notifications.edges).toHaveLength(2);
    expect(large.data?.notifications.edges).toHaveLength(20);
    expect(smallCount).toBe(2); // the page and the unread count
    expect(listing().length).toBe(smallCount);
  });
});
