import type { Resolvers } from '../../graphql/generated.ts';
import * as memberships from './service.ts';

export const membershipResolvers: Resolvers = {
  Query: {
    myMemberships: (_root, _args, ctx) => memberships.myMemberships(ctx.services),
  },
  Mutation: {
    joinNetwork: (_root, { networkId, acceptCodeOfConduct }, ctx) =>
      memberships.joinNetwork(ctx.services, networkId, acceptCodeOfConduct),
    leaveNetwork: (_root, { networkId }, ctx) => memberships.leaveNetwork(ctx.services, networkId),
    setMemberRole: (_root, { networkId, userId, role }, ctx) =>
      memberships.setMemberRole(ctx.services, networkId, userId, role),
    setEventAlerts: (_root, { networkId, on }, ctx) => memberships.setEventAlerts(ctx.services, networkId, on),
  },
};
