import { describe, expect, it } from 'vitest';
import { RequestMemo } from '../../core/context.ts';
import { errorCodes, useTestApp } from '../../testing/app.ts';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import { caught, nodesOf, serviceContext, type TestPerson } from '../../testing/factories.ts';
import * as memberships from '../memberships/service.ts';
import * as events from './service.ts';
import { DAY_MS, eventInput, eventSetUp, type EventSetUp } from './test-events.ts';

/** The person's next request: a new memo, as each request has. */
const anew = (person: TestPerson): TestPerson => ({ ...person, memo: new RequestMemo() });

const HIDDEN = 'There is no event with that id.';

/** A member of the set-up's network, on its clock. */
async function member(setUp: EventSetUp, name: string): Promise<TestPerson> {
  const person = await setUp.person(name);
  await memberships.joinNetwork(person, setUp.networkId, true);
  return person;
}

describe.each(DATABASE_KINDS)('safety in events on %s', (kind) => {
  const database = useTestDatabase(kind);

  describe('reportableEvent', () => {
    it('should give the event’s network, its creator and its words as anyone sees them', async () => {
      const setUp = await eventSetUp(database.db, { description: 'Bring a laptop.' });
      const stranger = await setUp.person('Sam Stranger');
      expect(await events.reportableEvent(stranger, setUp.event.id)).toEqual({
        networkId: setUp.networkId,
        personId: setUp.organiser.user.id,
        snapshot: { title: 'Digital drop-in', text: 'Bring a laptop.', path: `/events/${setUp.event.id}` },
      });
      expect(await events.reportableEvent(stranger, '0193a5b0-0000-7000-8000-000000000000')).toBeNull();
      expect(await events.reportableEvent(stranger, 'not-an-id')).toBeNull();
    });

    it('should give nothing of a hidden event to anyone but its creator and the network’s organisers', async () => {
      const setUp = await eventSetUp(database.db);
      const stranger = await setUp.person('Sam Stranger');
      await events.hideEvent(serviceContext(database.db, { clock: setUp.clock }), setUp.event.id);
      expect(await events.reportableEvent(anew(stranger), setUp.event.id)).toBeNull();
      expect((await events.reportableEvent(anew(setUp.organiser), setUp.event.id))?.personId).toBe(
        setUp.organiser.user.id,
      );
    });
  });

  describe('hideEvent', () => {
    it('should refuse an event that does not exist', async () => {
      const refused = await caught(
        events.hideEvent(serviceContext(database.db), '0193a5b0-0000-7000-8000-000000000000'),
      );
      expect([refused.code, refused.message]).toEqual(['NOT_FOUND', HIDDEN]);
    });

    it('should take the event out of every list and page for others, and keep it for its creator and organisers', async () => {
      const setUp = await eventSetUp(database.db);
      const { event, organiser, networkId, clock } = setUp;
      const kept = await events.createEvent(organiser, { ...eventInput(clock.now(), { title: 'Kept' }), networkId });
      const attendee = await member(setUp, 'Ada Attendee');
      await events.registerForEvent(attendee, event.id);
      const otherOrganiser = await member(setUp, 'Oz Organiser');
      await memberships.setMemberRole(organiser, networkId, otherOrganiser.user.id, 'ORGANISER');
      const stranger = await setUp.person('Sam Stranger');

      const hidden = await events.hideEvent(serviceContext(database.db, { clock }), event.id);
      expect(hidden.hiddenAt).toEqual(clock.now());

      const upcoming = await events.upcomingEvents(anew(stranger), { filter: { networkId } });
      expect(nodesOf(upcoming).map((e) => e.title)).toEqual(['Kept']);
      expect(await upcoming.totalCount()).toBe(1);
      const organiserList = await events.upcomingEvents(anew(organiser), { filter: { networkId } });
      expect(nodesOf(organiserList).map((e) => e.id)).toEqual([kept.id]);
      const ctx = serviceContext(database.db, { clock });
      expect((await events.networkCalendarEvents(ctx, networkId)).map((e) => e.id)).toEqual([kept.id]);
      expect(await events.personCalendarEvents(ctx, attendee.user.id)).toEqual([]);
      expect(await events.publicCalendarEvent(ctx, event.id)).toBeNull();

      for (const other of [stranger, attendee]) {
        expect((await caught(events.eventById(anew(other), event.id))).code).toBe('NOT_FOUND');
      }
      expect((await caught(events.eventById(serviceContext(database.db), event.id))).code).toBe('NOT_FOUND');
      for (const allowed of [organiser, otherOrganiser]) {
        expect((await events.eventById(anew(allowed), event.id)).hiddenAt).toEqual(clock.now());
      }
    });

    it('should refuse registering, claiming and taking a role at a hidden event as at no event', async () => {
      const setUp = await eventSetUp(database.db, { capacity: 1, promotion: 'CLAIM_WITHIN_HOURS', claimHours: 24 });
      const { event, organiser, clock } = setUp;
      const first = await member(setUp, 'Fay First');
      const second = await member(setUp, 'Sid Second');
      const seat = await events.registerForEvent(first, event.id);
      const waiting = await events.registerForEvent(second, event.id);
      await events.cancelRegistration(anew(first), seat.id);
      await events.hideEvent(serviceContext(database.db, { clock }), event.id);

      const newcomer = await member(setUp, 'Nia Newcomer');
      const attempts = [
        events.registerForEvent(anew(newcomer), event.id),
        events.claimSeat(anew(second), waiting.id),
        events.takeEventRole(anew(newcomer), event.id, 'DOOR'),
        events.registerOnBehalf(anew(organiser), event.id, { name: 'Walk In', email: 'walk.in@example.org' }),
      ];
      for (const refused of await Promise.all(attempts.map(caught))) {
        expect([refused.code, refused.message]).toEqual(['NOT_FOUND', HIDDEN]);
      }
    });
  });

  describe('suspension', () => {
    it('should refuse a suspended member registering, taking a role and running events, until the date passes', async () => {
      const setUp = await eventSetUp(database.db);
      const { event, organiser, networkId, clock } = setUp;
      const suspended = await member(setUp, 'Sue Suspended');
      const organiserToo = await member(setUp, 'Otto Organiser');
      await memberships.setMemberRole(organiser, networkId, organiserToo.user.id, 'ORGANISER');
      const until = new Date(clock.now().getTime() + 2 * DAY_MS);
      for (const person of [suspended, organiserToo]) {
        await memberships.suspendMember(organiser, { networkId, userId: person.user.id, until, note: 'Spam posts.' });
      }
      const message = 'You are suspended from this network until 6 December 2026: Spam posts.';

      const refusals = await Promise.all(
        [
          events.registerForEvent(anew(suspended), event.id),
          events.takeEventRole(anew(suspended), event.id, 'DOOR'),
          events.createEvent(anew(organiserToo), { ...eventInput(clock.now()), networkId }),
          events.updateEvent(anew(organiserToo), event.id, { title: 'Changed' }),
          events.duplicateEvent(anew(organiserToo), event.id, new Date(clock.now().getTime() + 3 * DAY_MS)),
          events.registerOnBehalf(anew(organiserToo), event.id, { name: 'Walk In', phone: '07700 900123' }),
        ].map(caught),
      );
      for (const refused of refusals) expect([refused.code, refused.message]).toEqual(['FORBIDDEN', message]);
      // Nor can an organiser put them in a role while suspended.
      const assigned = await caught(
        events.assignEventRole(anew(organiser), event.id, { personId: suspended.user.id, role: 'DOOR' }),
      );
      expect([assigned.code, assigned.field]).toEqual(['BAD_USER_INPUT', 'personId']);
      // Others carry on.
      expect((await events.registerForEvent(await member(setUp, 'Al Allowed'), event.id)).status).toBe('CONFIRMED');

      clock.advance(2 * DAY_MS + 1000);
      expect((await events.registerForEvent(anew(suspended), event.id)).status).toBe('CONFIRMED');
      expect((await events.takeEventRole(anew(suspended), event.id, 'DOOR')).userId).toBe(suspended.user.id);
      expect((await events.updateEvent(anew(organiserToo), event.id, { title: 'Changed' })).title).toBe('Changed');
    });
  });
});

describe.each(DATABASE_KINDS)('hidden events over GraphQL on %s', (kind) => {
  const api = useTestApp(kind);
  const EVENT = 'query ($id: ID!) { event(id: $id) { id hiddenByStewards } }';
  const CREATE = 'mutation ($input: CreateEventInput!) { createEvent(input: $input) { id hiddenByStewards } }';

  it('should tell the organisers an event is hidden, and answer NOT_FOUND to anyone else', async () => {
    const organiser = await api.signUp('Ola Organiser');
    const stranger = await api.signUp('Sam Stranger');
    const network = await api.startNetwork(organiser.token);
    const input = eventInput(new Date());
    const created = await api.graphql(CREATE, {
      token: organiser.token,
      variables: {
        input: {
          ...input,
          networkId: network.id,
          startsAt: input.startsAt.toISOString(),
          endsAt: input.endsAt.toISOString(),
        },
      },
    });
    const eventId = (created.data?.createEvent as { id: string; hiddenByStewards: boolean }).id;
    expect(created.data?.createEvent).toEqual({ id: eventId, hiddenByStewards: false });

    await events.hideEvent(serviceContext(api.database.db), eventId);
    const seen = await api.graphql(EVENT, { token: organiser.token, variables: { id: eventId } });
    expect(seen.data?.event).toEqual({ id: eventId, hiddenByStewards: true });
    for (const token of [stranger.token, null]) {
      expect(errorCodes(await api.graphql(EVENT, { token, variables: { id: eventId } }))).toEqual(['NOT_FOUND']);
    }
  });
});
