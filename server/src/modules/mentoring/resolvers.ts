import type { Resolvers } from '../../graphql/generated.ts';
import * as networks from '../networks/service.ts';
import * as mentoring from './service.ts';

export const mentoringResolvers: Resolvers = {
  Query: {
    myMentorOffer: (_root, _args, ctx) => mentoring.myMentorOffer(ctx.services),
    need: (_root, { id }, ctx) => mentoring.myNeed(ctx.services, id),
    mentorshipRequest: (_root, { id }, ctx) => mentoring.visibleRequest(ctx.services, id),
    mentorship: (_root, { id }, ctx) => mentoring.myMentorship(ctx.services, id),
    myMentoring: (_root, _args, ctx) => mentoring.myMentoring(ctx.services),
    previewMatchingRound: (_root, args, ctx) => mentoring.previewMatchingRound(ctx.services, args),
    myNeeds: (_root, _args, ctx) => mentoring.myNeeds(ctx.services),
  },
  Mutation: {
    upsertMentorOffer: (_root, { input }, ctx) => mentoring.upsertMentorOffer(ctx.services, input),
    pauseMentorOffer: (_root, { paused }, ctx) => mentoring.pauseMentorOffer(ctx.services, paused),
    postNeed: (_root, { input }, ctx) => mentoring.postNeed(ctx.services, input),
    closeNeed: (_root, { needId }, ctx) => mentoring.closeNeed(ctx.services, needId),
    requestMentor: (_root, { needId, mentorId, message }, ctx) =>
      mentoring.requestMentor(ctx.services, needId, mentorId, message),
    respondToRequest: async (_root, { requestId, accept, message }, ctx) =>
      (await mentoring.respondToRequest(ctx.services, requestId, accept, message)).request,
    withdrawRequest: (_root, { requestId }, ctx) => mentoring.withdrawRequest(ctx.services, requestId),
    setMentorshipGoals: (_root, { mentorshipId, goals }, ctx) =>
      mentoring.setMentorshipGoals(ctx.services, mentorshipId, goals),
    pauseMentorship: (_root, { mentorshipId, paused }, ctx) =>
      mentoring.pauseMentorship(ctx.services, mentorshipId, paused),
    logCheckIn: async (_root, { mentorshipId, note, on }, ctx) => {
      await mentoring.logCheckIn(ctx.services, mentorshipId, note, on);
      return mentoring.myMentorship(ctx.services, mentorshipId);
    },
    confirmMatchingRound: (_root, args, ctx) => mentoring.confirmMatchingRound(ctx.services, args),
    closeMentorship: (_root, { mentorshipId, rating, note }, ctx) =>
      mentoring.closeMentorship(ctx.services, mentorshipId, rating, note),
  },
  Need: {
    skills: (need) => need.skillsAsTyped,
    suggestions: (need, { first }, ctx) => mentoring.needSuggestions(ctx.services, need, first),
    network: async (need, _args, ctx) =>
      need.networkId
        ? ((await networks.networksByIds(ctx.services, [need.networkId])).get(need.networkId) ?? null)
        : null,
  },
  MyMentoring: {
    offer: (parts) => parts.offer(),
    needs: (parts) => parts.needs(),
    requestsIn: (parts) => parts.requestsIn(),
    requestsOut: (parts) => parts.requestsOut(),
    mentorships: (parts) => parts.mentorships(),
  },
  Mentorship: {
    outcome: (mentorship) =>
      mentorship.outcomeRating === null ? null : { rating: mentorship.outcomeRating, note: mentorship.outcomeNote },
  },
  CheckIn: {
    at: (checkIn) => checkIn.happenedOn,
  },
  MentorOffer: {
    skills: (offer) => offer.skillsAsTyped,
    paused: (offer) => offer.pausedAt !== null,
    hiddenByStewards: (offer) => offer.hiddenAt !== null,
    freePlaces: (offer) => Math.max(0, offer.capacity - offer.activeMentees),
  },
};
