import { describe, expect, it } from 'vitest';
import { withoutSecrets } from '../../app.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { TEST_PASSWORD, testConfig } from '../../testing/factories.ts';
import * as events from '../events/service.ts';
import * as people from '../people/service.ts';
import * as venues from '../venues/service.ts';
import { DAY_MS, eventSetUp, parseIcs, useCalendarApp, type EventSetUp, type Served } from './test-calendars.ts';

// Calendar files over HTTP, read back with a real parser: times in the event's zone with its
// VTIMEZONE, what each file may show, and the private feed's secret, revocable address.

const ONLINE = 'https://meet.example.org/secret-room';
const ACCESS = 'Needs a ramp: zebra-quartz-access';
const DIETARY = 'No nuts: zebra-quartz-dietary';
const FEED = 'query { myCalendarFeed { url createdAt } }';
const RESET = 'mutation { resetCalendarFeed { url createdAt } }';

/** A summer evening in London (BST, UTC+1) and a winter evening in New York (EST, UTC-5). */
const LONDON = { startsAt: new Date('2027-07-01T17:30:00Z'), endsAt: new Date('2027-07-01T19:30:00Z') };
const NEW_YORK = { startsAt: new Date('2027-01-12T23:00:00Z'), endsAt: new Date('2027-01-13T01:00:00Z') };

const HALL: venues.VenueInput = {
  name: 'Corn Exchange',
  address: '1 Call Lane\nLeeds LS1 7BR',
  stepFreeAccess: true,
  accessibleToilet: true,
  hearingLoop: false,
  quietRoom: false,
  cost: 'FREE',
  notes: 'Members only: zebra-quartz-notes',
};

function expectNoPrivateText(served: Served): void {
  for (const secret of [ACCESS, DIETARY, 'zebra-quartz', ONLINE]) expect(served.body).not.toContain(secret);
}

describe.each(DATABASE_KINDS)('calendar files on %s', (kind) => {
  const api = useCalendarApp(kind);

  /** An online London event in BST, with a venue, and two people: one confirmed, one waiting. */
  async function londonEvent(): Promise<EventSetUp & { venueId: string }> {
    const setUp = await eventSetUp(api.database.db, { ...LONDON, capacity: 1, onlineUrl: ONLINE });
    const venue = await venues.addVenue(setUp.organiser, setUp.networkId, HALL);
    setUp.clock.advance(90_000);
    const event = await events.updateEvent(setUp.organiser, setUp.event.id, { venueId: venue.id });
    return { ...setUp, event, venueId: venue.id };
  }

  async function feedUrlOf(token: string): Promise<string> {
    const answer = await api.graphql(FEED, token);
    expect(answer.errors).toBeUndefined();
    return new URL(answer.data!.myCalendarFeed.url as string).pathname;
  }

  describe('GET /calendar/events/:id.ics', () => {
    it('should give the local time in the event’s zone with its VTIMEZONE, in summer time', async () => {
      const setUp = await londonEvent();
      const served = await api.get(`/calendar/events/${setUp.event.id}.ics`);
      expect(served.status).toBe(200);
      expect(served.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(served.headers['content-disposition']).toBe(`attachment; filename="hearth-event-${setUp.event.id}.ics"`);
      const file = parseIcs(served.body);
      expect(file.timezones).toEqual(['Europe/London']);
      expect(file.events).toHaveLength(1);
      const [event] = file.events;
      expect(event).toMatchObject({
        uid: `${setUp.event.id}@hearth`,
        summary: 'Digital drop-in',
        tzid: 'Europe/London',
        localStart: '2027-07-01T18:30:00',
        localEnd: '2027-07-01T20:30:00',
        location: 'Corn Exchange, 1 Call Lane, Leeds LS1 7BR',
        url: `${testConfig().publicUrl.origin}/events/${setUp.event.id}`,
        status: 'CONFIRMED',
      });
      expect(event!.start).toEqual(LONDON.startsAt);
      expect(event!.end).toEqual(LONDON.endsAt);
      expect(event!.description).toContain('Bring a laptop and a question.');
      // Changed 90 s after it was made: the sequence rises with every change.
      expect(event!.sequence).toBe(90);
      expectNoPrivateText(served);
    });

    it('should give New York’s local time in winter', async () => {
      const setUp = await eventSetUp(api.database.db, { ...NEW_YORK, timeZone: 'America/New_York' });
      const file = parseIcs((await api.get(`/calendar/events/${setUp.event.id}.ics`)).body);
      expect(file.timezones).toEqual(['America/New_York']);
      expect(file.events[0]).toMatchObject({
        tzid: 'America/New_York',
        localStart: '2027-01-12T18:00:00',
        localEnd: '2027-01-12T20:00:00',
        location: null,
      });
      expect(file.events[0]!.start).toEqual(NEW_YORK.startsAt);
    });

    it('should mark a cancelled event CANCELLED', async () => {
      const setUp = await eventSetUp(api.database.db, LONDON);
      await events.cancelEvent(setUp.organiser, setUp.event.id, 'The hall flooded.');
      const [event] = parseIcs((await api.get(`/calendar/events/${setUp.event.id}.ics`)).body).events;
      expect(event!.status).toBe('CANCELLED');
      expect(event!.summary).toBe('Cancelled: Digital drop-in');
      expect(event!.description).toContain('The hall flooded.');
    });

    it('should answer a plain 404 for an unknown or malformed id', async () => {
      for (const url of [
        '/calendar/events/0190a4f3-0000-7000-8000-000000000000.ics',
        '/calendar/events/not-an-id.ics',
        '/calendar/events/.ics',
      ]) {
        const served = await api.get(url);
        expect(served.status).toBe(404);
        expect(served.body).toBe('There is no calendar at this address.');
      }
    });
  });

  describe('GET /calendar/networks/:slug.ics', () => {
    it('should list the network’s events, cancelled ones too, named for the network, with no private text', async () => {
      const setUp = await londonEvent();
      const [confirmed] = [await setUp.person('Reg A')];
      await events.registerForEvent(confirmed!, setUp.event.id, { accessNeeds: ACCESS, dietaryNeeds: DIETARY });
      const cancelled = await events.createEvent(setUp.organiser, {
        ...LONDON,
        title: 'Called off',
        format: 'SOCIAL',
        timeZone: 'Europe/London',
        capacity: 5,
        networkId: setUp.networkId,
        onlineUrl: ONLINE,
      });
      await events.cancelEvent(setUp.organiser, cancelled.id, 'Not enough people.');
      const network = await api.database.db
        .selectFrom('networks')
        .select(['slug', 'name'])
        .where('id', '=', setUp.networkId)
        .executeTakeFirstOrThrow();
      const served = await api.get(`/calendar/networks/${network.slug}.ics`);
      expect(served.status).toBe(200);
      expect(served.headers['content-disposition']).toBe(`attachment; filename="${network.slug}.ics"`);
      const file = parseIcs(served.body);
      expect(file.name).toBe(network.name);
      expect(file.refreshInterval).toBe('PT1H');
      expect(file.events.map((event) => [event.uid, event.status])).toEqual([
        [`${setUp.event.id}@hearth`, 'CONFIRMED'],
        [`${cancelled.id}@hearth`, 'CANCELLED'],
      ]);
      expectNoPrivateText(served);
    });

    it('should leave out events that started more than 90 days ago', async () => {
      const setUp = await eventSetUp(api.database.db, LONDON);
      const slug = (
        await api.database.db
          .selectFrom('networks')
          .select('slug')
          .where('id', '=', setUp.networkId)
          .executeTakeFirstOrThrow()
      ).slug;
      const now = api.clock.current;
      try {
        api.clock.current = new Date(LONDON.startsAt.getTime() + 89 * DAY_MS);
        expect(parseIcs((await api.get(`/calendar/networks/${slug}.ics`)).body).events).toHaveLength(1);
        api.clock.current = new Date(LONDON.startsAt.getTime() + 91 * DAY_MS);
        expect(parseIcs((await api.get(`/calendar/networks/${slug}.ics`)).body).events).toHaveLength(0);
      } finally {
        api.clock.current = now;
      }
    });

    it('should answer 404 for an unknown slug', async () => {
      expect((await api.get('/calendar/networks/no-such-network-here.ics')).status).toBe(404);
    });
  });

  describe('GET /calendar/people/:token.ics', () => {
    it('should list the person’s events, the online link only where they hold a confirmed seat', async () => {
      const setUp = await londonEvent();
      const holder = await setUp.person('Hana Holder');
      const waiting = await setUp.person('Wes Waiting');
      const input = { accessNeeds: ACCESS, dietaryNeeds: DIETARY };
      expect((await events.registerForEvent(holder, setUp.event.id, input)).status).toBe('CONFIRMED');
      expect((await events.registerForEvent(waiting, setUp.event.id, input)).status).toBe('WAITLISTED');

      const held = await api.get(await feedUrlOf(holder.token));
      expect(held.status).toBe(200);
      expect(held.headers['cache-control']).toBe('private, no-store');
      const [confirmed] = parseIcs(held.body).events;
      expect(confirmed).toMatchObject({
        summary: 'Digital drop-in',
        status: 'CONFIRMED',
        localStart: '2027-07-01T18:30:00',
      });
      expect(confirmed!.description).toContain(`Join online: ${ONLINE}`);
      expect(confirmed!.location).toBe('Corn Exchange, 1 Call Lane, Leeds LS1 7BR');

      const waited = await api.get(await feedUrlOf(waiting.token));
      const [tentative] = parseIcs(waited.body).events;
      expect(tentative).toMatchObject({ summary: 'Waitlisted: Digital drop-in', status: 'TENTATIVE' });
      expectNoPrivateText(waited);
      for (const served of [held, waited]) {
        expect(served.body).not.toContain('zebra-quartz');
        expect(served.body).not.toContain('Hana');
        expect(served.body).not.toContain('Wes');
      }
    });

    it('should leave out cancelled registrations', async () => {
      const setUp = await eventSetUp(api.database.db, LONDON);
      const person = await setUp.person();
      const registration = await events.registerForEvent(person, setUp.event.id);
      await events.cancelRegistration(person, registration.id);
      expect(parseIcs((await api.get(await feedUrlOf(person.token))).body).events).toEqual([]);
    });

    it('should stop answering the old address the moment the feed is reset', async () => {
      const setUp = await eventSetUp(api.database.db, LONDON);
      const person = await setUp.person();
      const first = await feedUrlOf(person.token);
      expect(await feedUrlOf(person.token)).toBe(first);
      const reset = await api.graphql(RESET, person.token);
      const second = new URL(reset.data!.resetCalendarFeed.url as string).pathname;
      expect(second).not.toBe(first);
      expect(second).toMatch(/^\/calendar\/people\/[A-Za-z0-9_-]{43}\.ics$/);
      expect(await feedUrlOf(person.token)).toBe(second);
      const old = await api.get(first);
      const never = await api.get(`/calendar/people/${'A'.repeat(43)}.ics`);
      expect([old.status, never.status]).toEqual([404, 404]);
      expect(old.body).toBe(never.body);
      expect((await api.get(second)).status).toBe(200);
    });

    it('should give two first asks at once the same address', async () => {
      const setUp = await eventSetUp(api.database.db, LONDON);
      const person = await setUp.person();
      const [a, b] = await Promise.all([feedUrlOf(person.token), feedUrlOf(person.token)]);
      expect(a).toBe(b);
    });

    it('should refuse signed-out callers', async () => {
      expect((await api.graphql(FEED, null)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
      expect((await api.graphql(RESET, null)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    });

    it('should answer 404 once the person deleted their account', async () => {
      const setUp = await eventSetUp(api.database.db, LONDON);
      const person = await setUp.person();
      await events.registerForEvent(person, setUp.event.id);
      const url = await feedUrlOf(person.token);
      expect((await api.get(url)).status).toBe(200);
      expect(await people.deleteMyAccount(person, TEST_PASSWORD)).toBe(true);
      expect((await api.get(url)).status).toBe(404);
      const rows = await api.database.db
        .selectFrom('calendar_feeds')
        .select('user_id')
        .where('user_id', '=', person.user.id)
        .execute();
      expect(rows).toEqual([]);
    });
  });
});

describe('withoutSecrets', () => {
  it('should keep a private feed’s token out of the logged address', () => {
    expect(withoutSecrets(`/calendar/people/${'A'.repeat(43)}.ics`)).toBe('/calendar/people/[redacted]');
    expect(withoutSecrets('/calendar/networks/leeds.ics')).toBe('/calendar/networks/leeds.ics');
  });
});
