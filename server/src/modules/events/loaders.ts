import type { MercuriusLoaders } from 'mercurius';
import type { GraphqlContext } from '../../graphql/context.ts';
import * as networks from '../networks/service.ts';
import * as people from '../people/service.ts';
import * as venues from '../venues/service.ts';
import * as events from './service.ts';

type Queries<Obj> = Array<{ obj: Obj }>;
type EventQueries = Queries<events.EventRecord>;
type RegistrationQueries = Queries<events.RegistrationRecord>;

/** A private field of each registration, or null where the viewer may not read it. */
async function privateField<T>(
  queries: RegistrationQueries,
  ctx: GraphqlContext,
  kind: 'needs' | 'contact',
  field: (registration: events.RegistrationRecord) => T,
): Promise<Array<T | null>> {
  const shown = (
    await events.privateShown(
      ctx.services,
      queries.map((q) => q.obj),
    )
  )[kind];
  return queries.map((q) => (shown.has(q.obj.id) ? field(q.obj) : null));
}

/**
 * The fields of events and registrations that read the database or depend on the viewer, each
 * list's rows in one statement however long the list; the viewer's roles are read once.
 */
export const eventLoaders: MercuriusLoaders = {
  EventSeries: {
    async events(queries: Queries<events.SeriesRecord>, ctx: GraphqlContext) {
      const found = await events.datesOfSeries(
        ctx.services,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => found.get(q.obj.id) ?? []);
    },
  },
  Event: {
    async series(queries: EventQueries, ctx: GraphqlContext) {
      const found = await events.seriesByIds(
        ctx.services,
        queries.flatMap((q) => q.obj.seriesId ?? []),
      );
      return queries.map((q) => found.get(q.obj.seriesId ?? '') ?? null);
    },
    async network(queries: EventQueries, ctx: GraphqlContext) {
      const found = await networks.networksByIds(
        ctx.services,
        queries.map((q) => q.obj.networkId),
      );
      return queries.map((q) => found.get(q.obj.networkId) ?? null);
    },
    async venue(queries: EventQueries, ctx: GraphqlContext) {
      const found = await venues.venuesByIds(
        ctx.services,
        queries.flatMap((q) => q.obj.venueId ?? []),
      );
      return queries.map((q) => found.get(q.obj.venueId ?? '') ?? null);
    },
    async onlineUrl(queries: EventQueries, ctx: GraphqlContext) {
      const found = await events.onlineUrlsFor(
        ctx.services,
        queries.map((q) => q.obj),
      );
      return queries.map((q) => found.get(q.obj.id) ?? null);
    },
    async canManage(queries: EventQueries, ctx: GraphqlContext) {
      const managed = await events.managedEvents(
        ctx.services,
        queries.map((q) => q.obj),
      );
      return queries.map((q) => managed.has(q.obj.id));
    },
    async myRegistration(queries: EventQueries, ctx: GraphqlContext) {
      const found = await events.myRegistrations(
        ctx.services,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => found.get(q.obj.id) ?? null);
    },
  },
  Registration: {
    async event(queries: RegistrationQueries, ctx: GraphqlContext) {
      const found = await events.eventsByIds(
        ctx.services,
        queries.map((q) => q.obj.eventId),
      );
      return queries.map((q) => found.get(q.obj.eventId) ?? null);
    },
    async person(queries: RegistrationQueries, ctx: GraphqlContext) {
      const found = await people.peopleByIds(
        ctx.services,
        queries.flatMap((q) => q.obj.userId ?? []),
      );
      return queries.map((q) => found.get(q.obj.userId ?? '') ?? null);
    },
    async name(queries: RegistrationQueries, ctx: GraphqlContext) {
      const found = await events.registrantNames(
        ctx.services,
        queries.map((q) => q.obj),
      );
      return queries.map((q) => found.get(q.obj.id) ?? '');
    },
    email: (queries: RegistrationQueries, ctx: GraphqlContext) =>
      privateField(queries, ctx, 'contact', (registration) => registration.email),
    phone: (queries: RegistrationQueries, ctx: GraphqlContext) =>
      privateField(queries, ctx, 'contact', (registration) => registration.phone),
    accessNeeds: (queries: RegistrationQueries, ctx: GraphqlContext) =>
      privateField(queries, ctx, 'needs', (registration) => registration.accessNeeds),
    dietaryNeeds: (queries: RegistrationQueries, ctx: GraphqlContext) =>
      privateField(queries, ctx, 'needs', (registration) => registration.dietaryNeeds),
    answers: (queries: RegistrationQueries, ctx: GraphqlContext) =>
      privateField(queries, ctx, 'needs', (registration) => registration.answers),
  },
};
