import type { MercuriusLoaders } from 'mercurius';
import type { GraphqlContext } from '../../graphql/context.ts';
import type { Resolvers } from '../../graphql/generated.ts';
import * as people from '../people/service.ts';
import * as events from './service.ts';

// Volunteer roles at events over GraphQL (the rules: roles.ts).

export const eventRoleResolvers: Resolvers = {
  Mutation: {
    takeEventRole: (_root, { eventId, role, note }, ctx) => events.takeEventRole(ctx.services, eventId, role, note),
    assignEventRole: (_root, { eventId, input }, ctx) => events.assignEventRole(ctx.services, eventId, input),
    removeEventRole: (_root, { roleId }, ctx) => events.removeEventRole(ctx.services, roleId),
  },
};

type Queries<Obj> = Array<{ obj: Obj }>;

/** Event.roles and EventRole.person for a whole list: one statement each, however many events. */
export const eventRoleLoaders: MercuriusLoaders = {
  Event: {
    async roles(queries: Queries<events.EventRecord>, ctx: GraphqlContext) {
      const found = await events.rolesOfEvents(
        ctx.services,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => found.get(q.obj.id) ?? []);
    },
  },
  EventRole: {
    async person(queries: Queries<events.EventRoleRecord>, ctx: GraphqlContext) {
      const found = await people.peopleByIds(
        ctx.services,
        queries.map((q) => q.obj.userId),
      );
      return queries.map((q) => found.get(q.obj.userId) ?? null);
    },
  },
};
