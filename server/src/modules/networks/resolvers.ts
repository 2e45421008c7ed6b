import type { Resolvers } from '../../graphql/generated.ts';
import * as networks from './service.ts';

export const networkResolvers: Resolvers = {
  Query: {
    network: (_root, { slug }, ctx) => networks.getNetworkBySlug(ctx.services, slug),
    places: (_root, { search, first }) => networks.listPlaces(search, first ?? undefined),
    networks: async (_root, { filter, first, after }, ctx) => {
      const page = await networks.listNetworks(ctx.services, { ...filter, first, after });
      const edges = page.rows.map((node, i) => ({ cursor: networks.encodeCursor(page.offset + i), node }));
      return {
        edges,
        totalCount: page.total,
        nearPlace: page.place ?? null,
        pageInfo: { hasNextPage: page.offset + page.rows.length < page.total, endCursor: edges.at(-1)?.cursor ?? null },
      };
    },
  },
  Mutation: {
    createNetwork: (_root, { input }, ctx) => networks.createNetwork(ctx.services, input),
    updateNetwork: (_root, { networkId, input }, ctx) => networks.updateNetwork(ctx.services, networkId, input),
    joinNetwork: (_root, { networkId, acceptCodeOfConduct }, ctx) =>
      networks.joinNetwork(ctx.services, networkId, acceptCodeOfConduct),
    leaveNetwork: (_root, { networkId }, ctx) => networks.leaveNetwork(ctx.services, networkId),
    setMemberRole: (_root, { networkId, userId, role }, ctx) =>
      networks.setMemberRole(ctx.services, networkId, userId, role),
    setLifecycleStage: (_root, { networkId, stage, note }, ctx) =>
      networks.setLifecycleStage(ctx.services, networkId, stage, note),
  },
  Network: {
    lifecycle: (network) => network,
  },
  NetworkLifecycle: {
    since: (network) => network.stageSetAt,
  },
};
