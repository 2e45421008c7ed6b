import type { Resolvers } from '../../graphql/generated.ts';
import * as people from './service.ts';

export const peopleResolvers: Resolvers = {
  Query: {
    person: (_root, { id }, ctx) => people.getPerson(ctx.services, id),
    exportMyData: (_root, _args, ctx) => people.exportMyData(ctx.services),
  },
  Mutation: {
    updateProfile: (_root, { input }, ctx) => people.updateProfile(ctx.services, input),
    deleteMyAccount: async (_root, { password }, ctx) => {
      const deleted = await people.deleteMyAccount(ctx.services, password);
      ctx.clearSessionCookie();
      return deleted;
    },
  },
  MemberConnection: {
    totalCount: (connection) => connection.totalCount(),
  },
};
