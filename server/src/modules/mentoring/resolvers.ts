import type { Resolvers } from '../../graphql/generated.ts';
import * as networks from '../networks/service.ts';
import * as people from '../people/service.ts';
import * as mentoring from './service.ts';

export const mentoringResolvers: Resolvers = {
  Query: {
    myMentorOffer: (_root, _args, ctx) => mentoring.myMentorOffer(ctx.services),
    need: (_root, { id }, ctx) => mentoring.myNeed(ctx.services, id),
    myNeeds: (_root, _args, ctx) => mentoring.myNeeds(ctx.services),
  },
  Mutation: {
    upsertMentorOffer: (_root, { input }, ctx) => mentoring.upsertMentorOffer(ctx.services, input),
    pauseMentorOffer: (_root, { paused }, ctx) => mentoring.pauseMentorOffer(ctx.services, paused),
    postNeed: (_root, { input }, ctx) => mentoring.postNeed(ctx.services, input),
    closeNeed: (_root, { needId }, ctx) => mentoring.closeNeed(ctx.services, needId),
  },
  Need: {
    skills: (need) => need.skillsAsTyped,
    network: async (need, _args, ctx) =>
      need.networkId
        ? ((await networks.networksByIds(ctx.services, [need.networkId])).get(need.networkId) ?? null)
        : null,
  },
  MentorOffer: {
    mentor: async (offer, _args, ctx) => {
      const person = await people.getPerson(ctx.services, offer.userId);
      if (!person) throw new Error(`the mentor ${offer.userId} of an offer has no account`);
      return person;
    },
    skills: (offer) => offer.skillsAsTyped,
    paused: (offer) => offer.pausedAt !== null,
    freePlaces: (offer) => Math.max(0, offer.capacity - offer.activeMentees),
  },
};
