import type { Resolvers } from '../../graphql/generated.ts';
import * as venues from './service.ts';

export const venueResolvers: Resolvers = {
  Mutation: {
    addVenue: (_root, { networkId, input }, ctx) => venues.addVenue(ctx.services, networkId, input),
    updateVenue: (_root, { venueId, input }, ctx) => venues.updateVenue(ctx.services, venueId, input),
    archiveVenue: (_root, { venueId }, ctx) => venues.archiveVenue(ctx.services, venueId),
  },
  Venue: {
    archived: (venue) => venue.archivedAt !== null,
  },
};
