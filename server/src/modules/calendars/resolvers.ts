import type { Resolvers } from '../../graphql/generated.ts';
import * as calendars from './service.ts';

export const calendarResolvers: Resolvers = {
  Query: {
    myCalendarFeed: (_root, _args, ctx) => calendars.myCalendarFeed(ctx.services),
  },
  Mutation: {
    resetCalendarFeed: (_root, _args, ctx) => calendars.resetCalendarFeed(ctx.services),
  },
};
