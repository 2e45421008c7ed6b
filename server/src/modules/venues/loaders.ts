import type { MercuriusLoaders } from 'mercurius';
import type { GraphqlContext } from '../../graphql/context.ts';
import type { NetworkRecord } from '../networks/service.ts';
import * as people from '../people/service.ts';
import * as venues from './service.ts';

type Queries<Obj> = Array<{ obj: Obj }>;

/**
 * A network's venues and each venue's member-only details, batched per request: a directory of
 * any length costs the same few statements (the viewer's roles are read once and shared).
 */
export const venueLoaders: MercuriusLoaders = {
  Network: {
    async venues(queries: Queries<NetworkRecord>, ctx: GraphqlContext) {
      try {
        const found = await venues.venuesOfNetworks(
          ctx.services,
          queries.map((q) => q.obj.id),
        );
        return queries.map((q) => found.get(q.obj.id)!);
      } catch (error) {
        return queries.map(() => error as Error);
      }
    },
  },
  Venue: {
    async relationshipHolder(queries: Queries<venues.VenueRecord>, ctx: GraphqlContext) {
      const shown = await venues.memberOnly(
        ctx.services,
        queries.map((q) => q.obj),
      );
      const holderOf = (venue: venues.VenueRecord) => (shown.has(venue.id) ? venue.relationshipHolderId : null);
      const found = await people.peopleByIds(
        ctx.services,
        queries.flatMap((q) => holderOf(q.obj) ?? []),
      );
      return queries.map((q) => found.get(holderOf(q.obj) ?? '') ?? null);
    },
    async notes(queries: Queries<venues.VenueRecord>, ctx: GraphqlContext) {
      const shown = await venues.memberOnly(
        ctx.services,
        queries.map((q) => q.obj),
      );
      return queries.map((q) => (shown.has(q.obj.id) ? q.obj.notes : null));
    },
  },
};
