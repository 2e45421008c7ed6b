import { describe, expect, it } from 'vitest';
import { RequestMemo } from '../../core/context.ts';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import { caught, nodesOf, serviceContext, type TestPerson } from '../../testing/factories.ts';
import * as notifications from '../notifications/service.ts';
import * as events from './service.ts';
import { DAY_MS, eventSetUp, registered, type EventSetUp } from './test-events.ts';

const HOUR_MS = 60 * 60 * 1000;

const noticesOf = async (person: TestPerson) =>
  (await (await notifications.listNotifications(person, {})).edges()).map((edge) => edge.node);

/** The viewer's registration for the event, read afresh. */
const mine = async (person: TestPerson, eventId: string) =>
  (await events.myRegistrations({ ...person, memo: new RequestMemo() }, [eventId])).get(eventId);

/** Every waiting registration's position, in queue order. */
async function positions(setUp: EventSetUp): Promise<Array<number | null>> {
  const list = await events.registrationsOfEvent(setUp.organiser, setUp.event, { status: 'WAITLISTED', first: 50 });
  return nodesOf(list).map((registration) => registration.waitlistPosition);
}

describe.each(DATABASE_KINDS)('registrations on %s', (kind) => {
  const database = useTestDatabase(kind);

  describe('registerForEvent', () => {
    it('should give seats until full, then places on the waitlist, and the same registration twice', async () => {
      const setUp = await eventSetUp(database.db, { capacity: 2 });
      const people = await registered(setUp, 4);
      expect(people.map(({ registration }) => [registration.status, registration.waitlistPosition])).toEqual([
        ['CONFIRMED', null],
        ['CONFIRMED', null],
        ['WAITLISTED', 1],
        ['WAITLISTED', 2],
      ]);
      const again = await events.registerForEvent(people[3]!.person, setUp.event.id, { accessNeeds: 'Ignored' });
      expect(again).toEqual(people[3]!.registration);
      const event = await events.eventById(serviceContext(database.db), setUp.event.id);
      expect([event.seatsTaken, event.waiting, events.seatsLeft(event)]).toEqual([2, 2, 0]);
    });

    it('should keep needs and answers, and refuse answers the event does not ask for', async () => {
      const setUp = await eventSetUp(database.db, {
        questions: [
          { prompt: 'What will you bring?', required: true },
          { prompt: 'Anything else?', required: false },
        ],
      });
      const [asked, optional] = setUp.event.questions;
      const person = await setUp.person('Nia Needs');
      const missing = await caught(events.registerForEvent(person, setUp.event.id, {}));
      expect([missing.field, missing.message]).toEqual(['answers', 'Answer the question "What will you bring?".']);
      const unknown = await caught(
        events.registerForEvent(person, setUp.event.id, {
          answers: [{ questionId: crypto.randomUUID(), answer: 'x' }],
        }),
      );
      expect(unknown.field).toBe('answers');
      const tooLong = await caught(events.registerForEvent(person, setUp.event.id, { accessNeeds: 'x'.repeat(1001) }));
      expect(tooLong.code).toBe('BAD_USER_INPUT');

      const registration = await events.registerForEvent(person, setUp.event.id, {
        accessNeeds: ' Step-free entrance, please ',
        dietaryNeeds: 'Vegan',
        answers: [
          { questionId: optional!.id, answer: '  ' },
          { questionId: asked!.id, answer: 'A laptop' },
        ],
      });
      expect(registration).toMatchObject({
        status: 'CONFIRMED',
        userId: person.user.id,
        accessNeeds: 'Step-free entrance, please',
        dietaryNeeds: 'Vegan',
        answers: [{ questionId: asked!.id, answer: 'A laptop' }],
      });
    });

    it('should refuse a cancelled, started or closed event, and let organisers register someone while closed', async () => {
      const setUp = await eventSetUp(database.db, { capacity: 1 });
      const person = await setUp.person('Cleo Closed');
      await events.setRegistrationClosed(setUp.organiser, setUp.event.id, true);
      const closed = await caught(events.registerForEvent(person, setUp.event.id));
      expect([closed.code, closed.message]).toEqual([
        'CONFLICT',
        'Registration for this event is closed. The organisers can tell you more.',
      ]);
      const onBehalf = await events.registerOnBehalf(setUp.organiser, setUp.event.id, {
        name: 'Pat Phone',
        phone: '07700 900123',
        dietaryNeeds: 'No nuts',
      });
      expect(onBehalf).toMatchObject({
        status: 'CONFIRMED',
        userId: null,
        name: 'Pat Phone',
        phone: '07700 900123',
        email: null,
        registeredBy: setUp.organiser.user.id,
        dietaryNeeds: 'No nuts',
      });
      // Closing keeps the waitlist moving: a second on-behalf registration waits.
      const second = await events.registerOnBehalf(setUp.organiser, setUp.event.id, {
        name: 'Eve Email',
        email: 'Eve@Example.org',
      });
      expect([second.status, second.email, second.waitlistPosition]).toEqual(['WAITLISTED', 'eve@example.org', 1]);

      await events.setRegistrationClosed(setUp.organiser, setUp.event.id, false);
      expect((await events.registerForEvent(person, setUp.event.id)).status).toBe('WAITLISTED');

      setUp.clock.advance(7 * DAY_MS);
      const late = await setUp.person('Lee Late');
      const started = await caught(events.registerForEvent(late, setUp.event.id));
      expect([started.code, started.message]).toEqual([
        'CONFLICT',
        'This event has started, so registration has closed.',
      ]);
    });

    it('should refuse on-behalf registrations by members, or without a name and a way to reach them', async () => {
      const setUp = await eventSetUp(database.db);
      const member = await setUp.person('Mem Ber');
      expect(
        (await caught(events.registerOnBehalf(member, setUp.event.id, { name: 'X', email: 'x@example.org' }))).code,
      ).toBe('FORBIDDEN');
      const nothing = await caught(events.registerOnBehalf(setUp.organiser, setUp.event.id, { name: ' ' }));
      expect(
        'problems' in nothing && (nothing.problems as Array<{ field: string }>).map((problem) => problem.field),
      ).toEqual(['name', 'email']);
      const badPhone = await caught(
        events.registerOnBehalf(setUp.organiser, setUp.event.id, { name: 'A', phone: 'call me' }),
      );
      expect(badPhone.field).toBe('phone');
      const badEmail = await caught(
        events.registerOnBehalf(setUp.organiser, setUp.event.id, { name: 'A', email: 'a@b' }),
      );
      expect(badEmail.field).toBe('email');
    });

    it('should give back the registration an organiser already made for the same email or phone', async () => {
      const setUp = await eventSetUp(database.db);
      const add = (name: string, contact: { email?: string; phone?: string }) =>
        events.registerOnBehalf(setUp.organiser, setUp.event.id, { name, ...contact });
      // Two organisers at the door add the same person at the same moment.
      const [one, two] = await Promise.all([
        add('Pat Phone', { phone: '07700 900123' }),
        add('Pat P.', { phone: '07700 900123' }),
      ]);
      expect(two.id).toBe(one.id);
      const byEmail = await add('Eve Email', { email: 'eve@example.org' });
      expect((await add('Eve', { email: 'EVE@example.org', phone: '07700 900999' })).id).toBe(byEmail.id);
      const event = await events.eventById(setUp.organiser, setUp.event.id);
      expect(event.seatsTaken).toBe(2);
      // Once cancelled, adding them again registers them anew.
      await events.cancelRegistration(setUp.organiser, byEmail.id);
      expect((await add('Eve Email', { email: 'eve@example.org' })).status).toBe('CONFIRMED');
    });
  });

  describe('cancelRegistration', () => {
    it('should confirm the first person waiting at once (AUTO_CONFIRM) and tell them; positions stay 1..N', async () => {
      const setUp = await eventSetUp(database.db, { capacity: 1 });
      const [holder, first, second, third] = await registered(setUp, 4);
      expect(await positions(setUp)).toEqual([1, 2, 3]);

      // The second person waiting leaves: the others close up.
      const left = await events.cancelRegistration(second!.person, second!.registration.id);
      expect([left.status, left.waitlistPosition]).toEqual(['CANCELLED', null]);
      expect(await positions(setUp)).toEqual([1, 2]);
      expect((await mine(third!.person, setUp.event.id))?.waitlistPosition).toBe(2);

      const freed = await events.cancelRegistration(holder!.person, holder!.registration.id);
      expect(freed.status).toBe('CANCELLED');
      expect((await mine(first!.person, setUp.event.id))?.status).toBe('CONFIRMED');
      expect((await mine(third!.person, setUp.event.id))?.waitlistPosition).toBe(1);
      expect(await noticesOf(first!.person)).toMatchObject([
        {
          kind: 'EVENTS',
          title: 'You have a seat: Digital drop-in',
          body: 'A seat came free and it is yours. The event starts Friday, 11 December 2026 at 09:00 GMT.',
        },
      ]);
      expect(await noticesOf(third!.person)).toEqual([]);

      // Cancelling twice changes nothing more.
      expect(await events.cancelRegistration(holder!.person, holder!.registration.id)).toEqual(freed);
      expect((await mine(third!.person, setUp.event.id))?.status).toBe('WAITLISTED');

      // Registering again after cancelling joins the end of the line.
      const back = await events.registerForEvent(holder!.person, setUp.event.id);
      expect([back.id, back.status, back.waitlistPosition]).toEqual([holder!.registration.id, 'WAITLISTED', 2]);
    });

    it('should let only the person or the event’s organisers cancel, and not after the event', async () => {
      const setUp = await eventSetUp(database.db, { capacity: 1 });
      const [holder] = await registered(setUp, 1);
      const stranger = await setUp.person('Stan Stranger');
      expect((await caught(events.cancelRegistration(stranger, holder!.registration.id))).code).toBe('NOT_FOUND');
      expect((await caught(events.cancelRegistration(stranger, 'not-an-id'))).code).toBe('NOT_FOUND');
      const onBehalf = await events.registerOnBehalf(setUp.organiser, setUp.event.id, {
        name: 'Wai Ting',
        phone: '0117 496 0000',
      });
      expect(onBehalf.status).toBe('WAITLISTED');
      expect((await events.cancelRegistration(setUp.organiser, holder!.registration.id)).status).toBe('CANCELLED');
      expect((await mine(holder!.person, setUp.event.id))?.status).toBe('CANCELLED');
      const [promoted] = (await events.registrationsOfEvent(setUp.organiser, setUp.event, { status: 'CONFIRMED' }))
        .edges;
      expect(promoted!.node.id).toBe(onBehalf.id);

      setUp.clock.advance(8 * DAY_MS);
      const over = await caught(events.cancelRegistration(setUp.organiser, onBehalf.id));
      expect(over.code).toBe('CONFLICT');
    });
  });

  describe('claimSeat', () => {
    it('should offer a freed seat to claim within the hours, and confirm it when claimed in time', async () => {
      const setUp = await eventSetUp(database.db, { capacity: 1, promotion: 'CLAIM_WITHIN_HOURS', claimHours: 12 });
      const [holder, waiting] = await registered(setUp, 2);
      await events.cancelRegistration(holder!.person, holder!.registration.id);
      const offered = (await mine(waiting!.person, setUp.event.id))!;
      expect([offered.status, offered.claimBy]).toEqual([
        'OFFERED',
        new Date(setUp.clock.now().getTime() + 12 * HOUR_MS),
      ]);
      const event = await events.eventById(serviceContext(database.db), setUp.event.id);
      expect([events.seatsLeft(event), event.waiting]).toEqual([0, 0]);
      expect(await noticesOf(waiting!.person)).toMatchObject([
        {
          title: 'A seat is free for you: Digital drop-in',
          body: 'Claim it by Friday, 4 December 2026 at 21:00 GMT, or it passes to the next person waiting.',
        },
      ]);
      expect((await caught(events.claimSeat(setUp.organiser, offered.id))).code).toBe('FORBIDDEN');
      const claimed = await events.claimSeat(waiting!.person, offered.id);
      expect([claimed.status, claimed.claimBy]).toEqual(['CONFIRMED', null]);
      expect(await events.claimSeat(waiting!.person, offered.id)).toEqual(claimed);
    });

    it('should refuse a claim out of time and pass the seat on when the sweep comes, never past the start', async () => {
      const setUp = await eventSetUp(database.db, { capacity: 1, promotion: 'CLAIM_WITHIN_HOURS', claimHours: 24 });
      const [holder, first, second] = await registered(setUp, 3);
      await events.cancelRegistration(holder!.person, holder!.registration.id);
      const offer = (await mine(first!.person, setUp.event.id))!;
      setUp.clock.advance(24 * HOUR_MS);
      const late = await caught(events.claimSeat(first!.person, offer.id));
      expect([late.code, late.message]).toEqual([
        'CONFLICT',
        'The time to claim this seat has passed, so it went to the next person waiting.',
      ]);

      const sweeper = serviceContext(database.db, { clock: setUp.clock });
      expect((await events.lapseOverdueOffers(sweeper)).map((r) => r.id)).toEqual([offer.id]);
      expect((await mine(first!.person, setUp.event.id))?.status).toBe('CANCELLED');
      const next = (await mine(second!.person, setUp.event.id))!;
      expect(next.status).toBe('OFFERED');
      expect((await noticesOf(first!.person))[0]?.title).toBe('The seat offered to you has passed on: Digital drop-in');
      expect(await events.lapseOverdueOffers(sweeper)).toEqual([]);
      expect((await events.claimSeat(second!.person, next.id)).status).toBe('CONFIRMED');

      // An offer made less than its hours before the start ends at the start.
      setUp.clock.advance(5 * DAY_MS + 12 * HOUR_MS);
      const third = await setUp.person('Tom Third');
      await events.registerForEvent(third, setUp.event.id);
      await events.cancelRegistration(second!.person, next.id);
      expect((await mine(third, setUp.event.id))?.claimBy).toEqual(setUp.event.startsAt);
    });
  });

  describe('checkIn', () => {
    it('should tick seat holders in once, for organisers only', async () => {
      const setUp = await eventSetUp(database.db, { capacity: 1 });
      const [holder, waiting] = await registered(setUp, 2);
      expect((await caught(events.checkIn(holder!.person, holder!.registration.id))).code).toBe('FORBIDDEN');
      const ticked = await events.checkIn(setUp.organiser, holder!.registration.id);
      expect([ticked.status, ticked.checkedInAt]).toEqual(['ATTENDED', setUp.clock.now()]);
      expect(await events.checkIn(setUp.organiser, holder!.registration.id)).toEqual(ticked);
      const notSeated = await caught(events.checkIn(setUp.organiser, waiting!.registration.id));
      expect([notSeated.code, notSeated.message]).toEqual([
        'CONFLICT',
        'This person is on the waitlist, not holding a seat.',
      ]);
      // Checked in is a record of who came: it is not cancelled.
      expect((await caught(events.cancelRegistration(holder!.person, holder!.registration.id))).code).toBe('CONFLICT');
      const event = await events.eventById(serviceContext(database.db), setUp.event.id);
      expect([event.seatsTaken, event.waiting]).toEqual([1, 1]);
    });
  });

  describe('privacy', () => {
    it('should show needs only to the person and the event’s organisers, and contact details only to organisers', async () => {
      const setUp = await eventSetUp(database.db);
      const person = await setUp.person('Pri Vate');
      const other = await setUp.person('Nos Ey');
      const own = await events.registerForEvent(person, setUp.event.id, {
        accessNeeds: 'Wheelchair',
        dietaryNeeds: 'Halal',
      });
      const onBehalf = await events.registerOnBehalf(setUp.organiser, setUp.event.id, {
        name: 'Off Line',
        email: 'o@example.org',
      });
      const both = [own, onBehalf];
      const shownTo = async (viewer: Parameters<typeof events.privateShown>[0]) => {
        const shown = await events.privateShown(viewer, both);
        return { needs: [...shown.needs].sort(), contact: [...shown.contact].sort() };
      };
      expect(await shownTo(person)).toEqual({ needs: [own.id], contact: [] });
      expect(await shownTo(setUp.organiser)).toEqual({
        needs: [own.id, onBehalf.id].sort(),
        contact: [own.id, onBehalf.id].sort(),
      });
      expect(await shownTo(other)).toEqual({ needs: [], contact: [] });
      expect(await shownTo(serviceContext(database.db))).toEqual({ needs: [], contact: [] });
      expect((await caught(events.registrationsOfEvent(person, setUp.event, {}))).code).toBe('FORBIDDEN');
    });

    it('should give the online link only to confirmed seat holders and organisers', async () => {
      const setUp = await eventSetUp(database.db, { capacity: 1 });
      const [holder, waiting] = await registered(setUp, 2);
      const link = async (viewer: Parameters<typeof events.onlineUrlsFor>[0]) =>
        (await events.onlineUrlsFor(viewer, [setUp.event])).get(setUp.event.id);
      expect(await link(holder!.person)).toBe('https://meet.example.org/drop-in');
      expect(await link(setUp.organiser)).toBe('https://meet.example.org/drop-in');
      expect(await link(waiting!.person)).toBeNull();
      expect(await link(serviceContext(database.db))).toBeNull();
      expect(await link(await setUp.person('Sid Stranger'))).toBeNull();
    });
  });
});
