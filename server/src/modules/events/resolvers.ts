import type { Resolvers } from '../../graphql/generated.ts';
import * as events from './service.ts';

/** The first message, then whatever the subscription delivers. */
async function* startingWith<T>(first: T, rest: AsyncIterable<T>): AsyncGenerator<T> {
  yield first;
  yield* rest;
}

export const eventResolvers: Resolvers = {
  Query: {
    event: (_root, { id }, ctx) => events.eventById(ctx.services, id),
    upcomingEvents: (_root, args, ctx) => events.upcomingEvents(ctx.services, args),
  },
  Mutation: {
    createEvent: (_root, { input }, ctx) => events.createEvent(ctx.services, input),
    updateEvent: (_root, { eventId, input }, ctx) => events.updateEvent(ctx.services, eventId, input),
    cancelEvent: (_root, { eventId, reason }, ctx) => events.cancelEvent(ctx.services, eventId, reason),
    duplicateEvent: (_root, { eventId, startsAt }, ctx) => events.duplicateEvent(ctx.services, eventId, startsAt),
    setRegistrationClosed: (_root, { eventId, closed }, ctx) =>
      events.setRegistrationClosed(ctx.services, eventId, closed),
    registerForEvent: (_root, { eventId, input }, ctx) => events.registerForEvent(ctx.services, eventId, input ?? {}),
    cancelRegistration: (_root, { registrationId }, ctx) => events.cancelRegistration(ctx.services, registrationId),
    claimSeat: (_root, { registrationId }, ctx) => events.claimSeat(ctx.services, registrationId),
    registerOnBehalf: (_root, { eventId, input }, ctx) => events.registerOnBehalf(ctx.services, eventId, input),
    checkIn: (_root, { registrationId }, ctx) => events.checkIn(ctx.services, registrationId),
    writeUpEvent: (_root, { eventId, writeUp }, ctx) => events.writeUpEvent(ctx.services, eventId, writeUp),
    undoCheckIn: (_root, { registrationId }, ctx) => events.undoCheckIn(ctx.services, registrationId),
    recordNoShows: (_root, { eventId }, ctx) => events.recordNoShows(ctx.services, eventId),
  },
  Subscription: {
    eventSeats: {
      subscribe: async (_root, { eventId }, ctx) => {
        // Listen before reading the counts, so no change can fall between the two.
        const changes = await ctx.pubsub.subscribe(events.EVENT_SEATS_TOPIC(eventId));
        try {
          const now = await events.currentSeatCounts(ctx.services, eventId);
          return startingWith({ eventSeats: now }, changes);
        } catch (error) {
          changes.destroy();
          throw error;
        }
      },
    },
  },
  Event: {
    seatsLeft: (event) => events.seatsLeft(event),
    waitlistLength: (event) => event.waiting,
    isOnline: (event) => event.onlineUrl !== null,
    hiddenByStewards: (event) => event.hiddenAt !== null,
    registrationOpen: (event, _args, ctx) =>
      !event.registrationClosedAt && !event.cancelledAt && event.startsAt > ctx.services.clock.now(),
    registrations: (event, args, ctx) => events.registrationsOfEvent(ctx.services, event, args),
  },
  EventConnection: {
    totalCount: (connection) => connection.totalCount(),
  },
  RegistrationConnection: {
    totalCount: (connection) => connection.totalCount(),
  },
  Registration: {
    onBehalf: (registration) => registration.userId === null,
    registeredAt: (registration) => registration.createdAt,
  },
};
