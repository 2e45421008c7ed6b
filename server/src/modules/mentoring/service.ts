// Mentoring: offers, needs, suggestions, requests, mentorships and matching rounds. The rules
// live in a file per part; this is the module's one door for resolvers and other modules.
import type { ServiceContext } from '../../core/context.ts';
import { requireViewer } from '../accounts/service.ts';
import { myMentorships } from './mentorships.ts';
import { myNeeds } from './needs.ts';
import { myMentorOffer } from './offers.ts';
import { myRequests, statusAt } from './requests.ts';
import * as repo from './repository.ts';

export {
  CAPACITY_MAX,
  myMentorOffer,
  offersOfPeople,
  pauseMentorOffer,
  upsertMentorOffer,
  validOffer,
  type MentorOffer,
  type MentorOfferInput,
} from './offers.ts';
export { hideMentorOffer, reportableMentorOffer, reportableMentorship } from './reporting.ts';
export { closeNeed, myNeed, myNeeds, postNeed, validNeed, type NeedRecord, type PostNeedInput } from './needs.ts';
export {
  ANSWER_WITHIN_DAYS,
  expireOverdueRequests,
  mentorshipsOfRequests,
  myRequests,
  needsOf,
  needSuggestions,
  requestMentor,
  requestsOfNeeds,
  respondToRequest,
  visibleRequest,
  withdrawRequest,
  type Answer,
  type MentorshipRecord,
  type RequestRecord,
} from './requests.ts';
export { SUGGESTIONS_MAX, type MentorSuggestion } from './suggestions.ts';
export {
  confirmMatchingRound,
  previewMatchingRound,
  type ConfirmedRound,
  type RoundMentor,
  type RoundPair,
  type RoundPreview,
} from './rounds.ts';
export {
  checkInsOf,
  closeMentorship,
  contactEmailsOf,
  logCheckIn,
  myMentorship,
  myMentorships,
  pauseMentorship,
  setMentorshipGoals,
  type CheckInRecord,
} from './mentorships.ts';

/** The signed-in person's mentoring, each part fetched only when asked for (the dashboard). */
export function myMentoring(ctx: ServiceContext) {
  requireViewer(ctx);
  return {
    offer: () => myMentorOffer(ctx),
    needs: () => myNeeds(ctx),
    requestsIn: () => myRequests(ctx, 'in'),
    requestsOut: () => myRequests(ctx, 'out'),
    mentorships: () => myMentorships(ctx),
  };
}

export type MyMentoring = ReturnType<typeof myMentoring>;

/**
 * What mentoring holds about a person, for their data export: their offer, their needs, the
 * requests they sent and were sent, and their mentorships with every check-in (both sides see
 * those, so both get them).
 */
export async function mentoringForExport(ctx: ServiceContext, userId: string) {
  const [offer, needs, sent, received, mentorships] = await Promise.all([
    repo.getOffer(ctx.db, userId),
    repo.getNeedsOfLead(ctx.db, userId),
    repo.getRequestsOf(ctx.db, userId, 'lead_id'),
    repo.getRequestsOf(ctx.db, userId, 'mentor_id'),
    repo.getMentorshipsOf(ctx.db, userId),
  ]);
  const checkIns = await repo.getCheckIns(
    ctx.db,
    mentorships.map((m) => m.id),
  );
  const now = ctx.clock.now();
  const asOfNow = (request: repo.RequestRecord) => ({ ...request, status: statusAt(request, now) });
  return {
    offer,
    needs,
    requestsSent: sent.map(asOfNow),
    requestsReceived: received.map(asOfNow),
    mentorships: mentorships.map((mentorship) => ({
      ...mentorship,
      checkIns: checkIns.filter((checkIn) => checkIn.mentorshipId === mentorship.id),
    })),
  };
}
