import { describe, expect, it } from 'vitest';
import { transaction, type ServiceContext } from '../../core/context.ts';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import {
  caught,
  RecordingPublisher,
  serviceContext,
  signedUpPerson,
  TestClock,
  type TestPerson,
} from '../../testing/factories.ts';
import * as notifications from './service.ts';

describe.each(DATABASE_KINDS)('notifications on %s', (kind) => {
  const database = useTestDatabase(kind);

  async function person(name: string, options: { verified?: boolean; clock?: TestClock } = {}): Promise<TestPerson> {
    const signed = await signedUpPerson(database.db, { name, ...(options.clock ? { clock: options.clock } : {}) });
    if (options.verified) {
      await database.db
        .updateTable('users')
        .set({ email_verified_at: new Date() })
        .where('id', '=', signed.user.id)
        .execute();
    }
    return signed;
  }

  const id = (p: TestPerson) => p.user.id;

  /** Emails queued for a person with this subject (the outbox is shared with sign-up's proofs). */
  async function emailsTo(p: TestPerson, subject: string) {
    return database.db
      .selectFrom('outbox_emails')
      .select(['recipient', 'kind', 'subject', 'text_body', 'html_body', 'headers'])
      .where('user_id', '=', id(p))
      .where('subject', '=', subject)
      .execute();
  }

  async function notifyInTransaction(
    ctx: ServiceContext,
    request: notifications.NotificationRequest | notifications.NotificationRequest[],
  ) {
    const added = await transaction(ctx, (tx) =>
      Array.isArray(request) ? notifications.notifyEach(tx, request) : notifications.notify(tx, request),
    );
    await notifications.announceAdded(ctx, added);
    return added;
  }

  describe('notify', () => {
    it('should write one notification each and email only people who take the kind at once at a proved address', async () => {
      const system = serviceContext(database.db);
      const verified = await person('Vera Verified', { verified: true });
      const unverified = await person('Una Unproved');
      const inAppOnly = await person('Ian Inapp', { verified: true });
      await notifications.setNotificationPreference(inAppOnly, 'ROLE_CHANGED', 'IN_APP_ONLY');
      const title = `You are now an organiser of Test ${crypto.randomUUID().slice(0, 6)}`;
      const added = await notifyInTransaction(system, {
        userIds: [id(verified), id(unverified), id(inAppOnly)],
        kind: 'ROLE_CHANGED',
        title,
        body: 'Stewards gave you this role.',
        url: '/networks/test',
      });
      expect(added.added.map((a) => [a.userId, a.notification.title, a.notification.readAt])).toEqual([
        [id(verified), title, null],
        [id(unverified), title, null],
        [id(inAppOnly), title, null],
      ]);
      const [sent] = await emailsTo(verified, title);
      expect(sent).toMatchObject({ recipient: verified.user.email, kind: 'ROLE_CHANGED', subject: title });
      expect(sent!.text_body).toContain('Stewards gave you this role.');
      expect(sent!.text_body).toContain('http://localhost:3000/networks/test');
      expect(sent!.text_body).toContain('You get this because your role in a network on Hearth changed.');
      expect(sent!.text_body).toMatch(
        /Stop emails about changes to your role: http:\/\/localhost:3000\/unsubscribe\?token=/,
      );
      const headers = sent!.headers as Record<string, string>;
      expect(headers['List-Unsubscribe']).toMatch(
        /^<http:\/\/localhost:3000\/unsubscribe\?token=[a-z2-7]+\.[a-z2-7]+>$/,
      );
      expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      expect(await emailsTo(unverified, title)).toEqual([]);
      expect(await emailsTo(inAppOnly, title)).toEqual([]);
      // Announced after the commit, to each person's topic.
      expect((system.pubsub as RecordingPublisher).published.map((p) => p.topic)).toEqual([
        `notification-added:${id(verified)}`,
        `notification-added:${id(unverified)}`,
        `notification-added:${id(inAppOnly)}`,
      ]);
    });

    it('should email account messages even to an address not yet proved, without an unsubscribe link', async () => {
      const unverified = await person('Una Account');
      const title = `Your address changed ${crypto.randomUUID().slice(0, 6)}`;
      await notifyInTransaction(serviceContext(database.db), {
        userIds: [id(unverified)],
        kind: 'ACCOUNT',
        title,
        url: '/account',
      });
      const [sent] = await emailsTo(unverified, title);
      expect(sent!.headers).toEqual({});
      expect(sent!.text_body).toContain('This is about your Hearth account.');
    });

    it('should write nothing when the caller rolls back', async () => {
      const verified = await person('Rolf Rollback', { verified: true });
      const title = `Rolled back ${crypto.randomUUID().slice(0, 6)}`;
      const error = await transaction(serviceContext(database.db), async (tx) => {
        await notifications.notify(tx, { userIds: [id(verified)], kind: 'ROLE_CHANGED', title, url: '/' });
        throw new Error('the change failed');
      }).catch((e: unknown) => e);
      expect((error as Error).message).toBe('the change failed');
      expect((await pageOf(verified, {})).nodes).toEqual([]);
      expect(await emailsTo(verified, title)).toEqual([]);
    });

    it('should refuse a link that leaves Hearth', async () => {
      const p = await person('Lou Link');
      const error = await caught(
        notifications.notify(serviceContext(database.db), {
          userIds: [id(p)],
          kind: 'ROLE_CHANGED',
          title: 'x',
          url: '//evil.example/path',
        }),
      );
      expect([error.code, error.field]).toEqual(['BAD_USER_INPUT', 'url']);
    });

    it('should write several requests, each in its own words and kind, in one insert', async () => {
      // In-app only, not the digest: a digest waiting here would be sent by the digest tests below.
      const inApp = await person('Ivy Inapp', { verified: true });
      const atOnce = await person('Ada Atonce', { verified: true });
      await notifications.setNotificationPreference(inApp, 'MENTORING', 'IN_APP_ONLY');
      const tag = crypto.randomUUID().slice(0, 6);
      database.statements.length = 0;
      const added = await notifyInTransaction(serviceContext(database.db), [
        { userIds: [id(inApp)], kind: 'MENTORING', title: `First ${tag}`, url: '/mentoring/requests/1' },
        { userIds: [id(inApp), id(atOnce)], kind: 'MENTORING', title: `Second ${tag}`, url: '/mentoring' },
        { userIds: [id(atOnce)], kind: 'ROLE_CHANGED', title: `Third ${tag}`, body: 'A steward did.', url: '/' },
      ]);
      expect(database.statements.filter((sql) => sql.startsWith('insert into "notifications"'))).toHaveLength(1);
      expect(added.added.map((a) => [a.userId, a.notification.title, a.notification.kind])).toEqual([
        [id(inApp), `First ${tag}`, 'MENTORING'],
        [id(inApp), `Second ${tag}`, 'MENTORING'],
        [id(atOnce), `Second ${tag}`, 'MENTORING'],
        [id(atOnce), `Third ${tag}`, 'ROLE_CHANGED'],
      ]);
      expect((await pageOf(inApp, {})).nodes.map((n) => n.title).sort()).toEqual([`First ${tag}`, `Second ${tag}`]);
      expect(await emailsTo(inApp, `First ${tag}`)).toEqual([]);
      expect(await emailsTo(inApp, `Second ${tag}`)).toEqual([]);
      const [mentoring] = await emailsTo(atOnce, `Second ${tag}`);
      expect(mentoring!.text_body).toContain('You get this because you take part in mentoring on Hearth.');
      expect(mentoring!.text_body).toContain('Stop emails about mentoring requests and answers:');
      expect(await emailsTo(atOnce, `Third ${tag}`)).toHaveLength(1);
    });
  });

  describe('preferences', () => {
    it('should give every kind with its default, and change only the changeable ones', async () => {
      const p = await person('Pat Prefs');
      expect(await notifications.notificationPreferences(p)).toEqual([
        { kind: 'ACCOUNT', delivery: 'IMMEDIATE', changeable: false },
        { kind: 'SAFETY', delivery: 'IMMEDIATE', changeable: false },
        { kind: 'NEW_MEMBER', delivery: 'DAILY_DIGEST', changeable: true },
        { kind: 'ROLE_CHANGED', delivery: 'IMMEDIATE', changeable: true },
        { kind: 'MENTORING', delivery: 'IMMEDIATE', changeable: true },
        { kind: 'EVENTS', delivery: 'IMMEDIATE', changeable: true },
        { kind: 'NEW_EVENTS', delivery: 'DAILY_DIGEST', changeable: true },
        { kind: 'LIBRARY', delivery: 'IMMEDIATE', changeable: true },
      ]);
      expect(await notifications.setNotificationPreference(p, 'NEW_MEMBER', 'IMMEDIATE')).toEqual({
        kind: 'NEW_MEMBER',
        delivery: 'IMMEDIATE',
        changeable: true,
      });
      const refused = await caught(notifications.setNotificationPreference(p, 'ACCOUNT', 'IN_APP_ONLY'));
      expect([refused.code, refused.field]).toEqual(['BAD_USER_INPUT', 'kind']);
      expect((await notifications.notificationPreferences(p)).map((x) => x.delivery)).toEqual([
        'IMMEDIATE',
        'IMMEDIATE',
        'IMMEDIATE',
        'IMMEDIATE',
        'IMMEDIATE',
        'IMMEDIATE',
        'DAILY_DIGEST',
        'IMMEDIATE',
      ]);
      expect((await caught(notifications.notificationPreferences(serviceContext(database.db)))).code).toBe(
        'UNAUTHENTICATED',
      );
    });
  });

  /** A page of a person's notifications, every part fetched. */
  async function pageOf(ctx: ServiceContext, args: Parameters<typeof notifications.listNotifications>[1]) {
    const page = await notifications.listNotifications(ctx, args);
    return {
      nodes: (await page.edges()).map((edge) => edge.node),
      pageInfo: await page.pageInfo(),
      unreadCount: await page.unreadCount(),
    };
  }

  describe('listNotifications and markNotificationsRead', () => {
    it('should list newest first by keyset, filter unread, count unread and mark only the viewer’s own', async () => {
      const clock = new TestClock(new Date('2026-11-30T10:00:00Z'));
      const me = await person('Mia Many');
      const other = await person('Otto Other');
      const system = serviceContext(database.db, { clock });
      for (let i = 1; i <= 5; i += 1) {
        clock.advance(60_000);
        await notifyInTransaction(system, {
          userIds: [id(me), id(other)],
          kind: 'ROLE_CHANGED',
          title: `n${i}`,
          url: `/n/${i}`,
        });
      }
      const first = await pageOf(me, { first: 2 });
      expect(first.nodes.map((n) => n.title)).toEqual(['n5', 'n4']);
      expect(first.pageInfo.hasNextPage).toBe(true);
      expect(first.unreadCount).toBe(5);
      const second = await pageOf(me, { first: 2, after: first.pageInfo.endCursor });
      expect(second.nodes.map((n) => n.title)).toEqual(['n3', 'n2']);
      const third = await pageOf(me, { first: 2, after: second.pageInfo.endCursor });
      expect([third.nodes.map((n) => n.title), third.pageInfo.hasNextPage]).toEqual([['n1'], false]);

      const [n5, n4] = first.nodes;
      const othersFirst = (await pageOf(other, { first: 1 })).nodes[0]!;
      // Someone else's id is ignored; a malformed one too.
      expect(await notifications.markNotificationsRead(me, [n5!.id, othersFirst.id, 'not-an-id'])).toBe(1);
      expect(await notifications.markNotificationsRead(me, [n5!.id])).toBe(0);
      expect((await pageOf(other, {})).unreadCount).toBe(5);
      const unread = await pageOf(me, { unreadOnly: true });
      expect(unread.nodes.map((n) => n.title)).toEqual(['n4', 'n3', 'n2', 'n1']);
      expect(unread.unreadCount).toBe(4);
      expect(unread.nodes[0]).toEqual({ ...n4, readAt: null });
      expect(await notifications.markNotificationsRead(me, null)).toBe(4);
      expect((await pageOf(me, {})).unreadCount).toBe(0);
      expect((await caught(notifications.listNotifications(me, { after: 'garbage' }))).field).toBe('after');
      expect((await caught(notifications.listNotifications(me, { first: 51 }))).field).toBe('first');
    });
  });

  describe('unsubscribe', () => {
    it('should turn off email for the link’s kind only, without signing in, and refuse a made-up link', async () => {
      const p = await person('Una Unsub', { verified: true });
      const title = `Role ${crypto.randomUUID().slice(0, 6)}`;
      await notifyInTransaction(serviceContext(database.db), {
        userIds: [id(p)],
        kind: 'ROLE_CHANGED',
        title,
        url: '/',
      });
      const [sent] = await emailsTo(p, title);
      const token = /token=([^>]+)>/.exec((sent!.headers as Record<string, string>)['List-Unsubscribe']!)![1]!;
      const signedOut = serviceContext(database.db);
      expect(await notifications.unsubscribeKind(signedOut, decodeURIComponent(token))).toBe('ROLE_CHANGED');
      expect(await notifications.unsubscribe(signedOut, decodeURIComponent(token))).toBe(true);
      expect((await notifications.notificationPreferences(p)).map((x) => [x.kind, x.delivery])).toEqual([
        ['ACCOUNT', 'IMMEDIATE'],
        ['SAFETY', 'IMMEDIATE'],
        ['NEW_MEMBER', 'DAILY_DIGEST'],
        ['ROLE_CHANGED', 'IN_APP_ONLY'],
        ['MENTORING', 'IMMEDIATE'],
        ['EVENTS', 'IMMEDIATE'],
        ['NEW_EVENTS', 'DAILY_DIGEST'],
        ['LIBRARY', 'IMMEDIATE'],
      ]);
      const [tokenId] = decodeURIComponent(token).split('.');
      const forged = `${tokenId}.${'a'.repeat(32)}`;
      expect(await notifications.unsubscribeKind(signedOut, forged)).toBeNull();
      expect(await notifications.unsubscribe(signedOut, forged)).toBe(false);
      expect(await notifications.unsubscribe(signedOut, 'nonsense')).toBe(false);
    });
  });

  describe('sendDueDigests', () => {
    it('should send one digest at 07:00 London however many runs race, and the next only the next day', async () => {
      const clock = new TestClock(new Date('2026-12-01T06:30:00Z')); // 06:30 in London (GMT)
      const steward = await person('Dee Digest', { verified: true });
      const system = serviceContext(database.db, { clock });
      const suffix = crypto.randomUUID().slice(0, 6);
      for (const name of ['Ann', 'Ben']) {
        await notifyInTransaction(system, {
          userIds: [id(steward)],
          kind: 'NEW_MEMBER',
          title: `${name} joined Digest ${suffix}`,
          url: '/networks/digest/members',
        });
      }
      const digests = () =>
        database.db
          .selectFrom('outbox_emails')
          .select(['subject', 'text_body', 'headers'])
          .where('user_id', '=', id(steward))
          .where('subject', 'like', 'Your Hearth digest%')
          .execute();
      // Nothing went at once: NEW_MEMBER is a digest kind by default.
      expect(await emailsTo(steward, `Ann joined Digest ${suffix}`)).toEqual([]);
      await notifications.sendDueDigests(system);
      expect(await digests()).toEqual([]);

      clock.advance(31 * 60_000); // 07:01
      const runs = await Promise.all(
        Array.from({ length: 4 }, () => notifications.sendDueDigests(serviceContext(database.db, { clock }))),
      );
      expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
      const [digest, ...more] = await digests();
      expect(more).toEqual([]);
      expect(digest!.subject).toBe('Your Hearth digest: 2 things since yesterday');
      expect(digest!.text_body).toContain(
        `• Ann joined Digest ${suffix}\n  http://localhost:3000/networks/digest/members`,
      );
      expect(digest!.text_body.indexOf('Ann joined')).toBeLessThan(digest!.text_body.indexOf('Ben joined'));
      expect((digest!.headers as Record<string, string>)['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

      // Later the same day: a new one waits for tomorrow.
      clock.advance(60 * 60_000);
      await notifyInTransaction(system, {
        userIds: [id(steward)],
        kind: 'NEW_MEMBER',
        title: `Cat joined ${suffix}`,
        url: '/',
      });
      expect(await notifications.sendDueDigests(system)).toBe(0);
      clock.advance(23 * 60 * 60_000); // 07:01 the next day
      expect(await notifications.sendDueDigests(system)).toBe(1);
      expect((await digests()).map((d) => d.subject)).toEqual([
        'Your Hearth digest: 2 things since yesterday',
        'Your Hearth digest: one thing since yesterday',
      ]);
    });

    it('should send a digest at 07:00 in the time zone the person chose', async () => {
      const clock = new TestClock(new Date('2026-12-01T05:30:00Z')); // 06:30 in Paris, 05:30 in London
      const traveller = await person('Tess Traveller', { verified: true });
      const own = traveller;
      expect(await notifications.digestTimeZone(own)).toBe('Europe/London');
      expect(await notifications.setDigestTimeZone(own, ' europe/paris ')).toBe('Europe/Paris');
      expect(await notifications.digestTimeZone(own)).toBe('Europe/Paris');
      for (const refused of ['+01:00', 'Mars/Olympus', '']) {
        expect(await caught(notifications.setDigestTimeZone(own, refused))).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'timeZone',
        });
      }
      await notifyInTransaction(serviceContext(database.db, { clock }), {
        userIds: [id(traveller)],
        kind: 'NEW_MEMBER',
        title: 'Pia joined',
        url: '/',
      });
      const sent = () =>
        database.db
          .selectFrom('outbox_emails')
          .select('subject')
          .where('user_id', '=', id(traveller))
          .where('subject', 'like', 'Your Hearth digest%')
          .execute();
      expect(await notifications.sendDueDigests(serviceContext(database.db, { clock }))).toBe(0);
      clock.advance(31 * 60_000); // 07:01 in Paris, still 06:01 in London
      await notifications.sendDueDigests(serviceContext(database.db, { clock }));
      expect(await sent()).toEqual([{ subject: 'Your Hearth digest: one thing since yesterday' }]);
    });
  });
});
