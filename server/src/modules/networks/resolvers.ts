import type { Resolvers } from '../../graphql/generated.ts';
import * as networks from './service.ts';

export const networkResolvers: Resolvers = {
  Query: {
    network: (_root, { slug }, ctx) => networks.getNetworkBySlug(ctx.services, slug),
    places: (_root, { search, first }) => networks.listPlaces(search, first),
    closePlaces: (_root, { name, first }) => networks.listClosePlaces(name, first),
    networks: (_root, { filter, first, after }, ctx) =>
      networks.listNetworks(ctx.services, { ...filter, first, after }),
  },
  Mutation: {
    createNetwork: (_root, { input }, ctx) => networks.createNetwork(ctx.services, input),
    updateNetwork: (_root, { networkId, input }, ctx) => networks.updateNetwork(ctx.services, networkId, input),
  },
  NetworkConnection: {
    totalCount: (connection) => connection.totalCount(),
  },
};
