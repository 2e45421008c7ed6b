import type { Resolvers } from '../../graphql/generated.ts';
import * as memberships from './service.ts';

export const membershipResolvers: Resolvers = {
  Query: {
    myMemberships: (_root, _args, ctx) => memberships.myMemberships(ctx.services),
  },
  Mutation: {
    joinNetwork: (_root, { networkId, acceptCodeOfConduct }, ctx) =>
      memberships.joinNetwork(ctx.services, networkId, acceptCodeOfConduct),
    askToJoin: (_root, { networkId, about, acceptCodeOfConduct }, ctx) =>
      memberships.askToJoin(ctx.services, networkId, about, acceptCodeOfConduct),
    withdrawJoinRequest: (_root, { requestId }, ctx) => memberships.withdrawJoinRequest(ctx.services, requestId),
    answerJoinRequest: (_root, { requestId, approve, note }, ctx) =>
      memberships.answerJoinRequest(ctx.services, requestId, approve, note),
    leaveNetwork: (_root, { networkId }, ctx) => memberships.leaveNetwork(ctx.services, networkId),
    setMemberRole: (_root, { networkId, userId, role }, ctx) =>
      memberships.setMemberRole(ctx.services, networkId, userId, role),
    setEventAlerts: (_root, { networkId, on }, ctx) => memberships.setEventAlerts(ctx.services, networkId, on),
  },
  JoinRequestConnection: {
    totalCount: (connection) => connection.totalCount(),
  },
};
