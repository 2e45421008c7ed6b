// Mentoring: offers, needs, suggestions, requests, mentorships and matching rounds. The rules
// live in a file per part; this is the module's one door for resolvers and other modules.
export {
  CAPACITY_MAX,
  myMentorOffer,
  pauseMentorOffer,
  upsertMentorOffer,
  validOffer,
  type MentorOffer,
  type MentorOfferInput,
} from './offers.ts';
export { closeNeed, myNeed, myNeeds, postNeed, validNeed, type NeedRecord, type PostNeedInput } from './needs.ts';
export {
  ANSWER_WITHIN_DAYS,
  expireOverdueRequests,
  needsOfRequests,
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
