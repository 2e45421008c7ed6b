// Mentors suggested for a need, ranked by fit with the reasons in words.
//
// The database orders the offers that could fit by their partial fit: the parts of fit.ts's score
// it can compute from the offer row (skills and kinds of support shared, meeting nearby, places
// free), weighted alike. It hands over the best hundred; fit.ts scores those in full, adding the
// format points (the same for every candidate) and the recent-asks points (+5 down to -5).
//
// That keeps the ranking exact, not a guess: an offer left out has a partial fit of at most the
// last one handed over (the floor), so its full score is at most the floor plus the most the rest
// can add. When that cannot beat the last suggestion wanted, nobody left out outranks it (ties
// with it at best). Otherwise (many near-equal offers) the database is asked for eight times as
// many, until that holds or every candidate has been seen. On 20,000 offers one round trip is the
// rule (tests/bench/mentoring.ts checks the answer against a ranking of every offer).
import type { ServiceContext } from '../../core/context.ts';
import { badInput } from '../../core/errors.ts';
import * as memberships from '../memberships/service.ts';
import * as networks from '../networks/service.ts';
import { mentorsFor } from './asks.ts';
import { FIT_WEIGHTS, fitOf, type NeedForFit } from './fit.ts';
import * as repo from './repository.ts';
import type { CandidateOffer, CandidateWeights, NeedRecord, RankedCandidate } from './repository.ts';

export const SUGGESTIONS_MAX = 50;
/** How many offers the database hands over first: enough that the best by fit are among them. */
const CANDIDATES = 100;
/** How much wider each further ask is, when the first could not settle the ranking. */
const WIDER = 8;
const RECENT_DAYS = 30;

/**
 * fit.ts's weights of the parts the database computes (suggestions.test.ts checks that a partial
 * fit plus the rest is fit.ts's score).
 */
export const PARTIAL_FIT_WEIGHTS: CandidateWeights = {
  skills: FIT_WEIGHTS.skills,
  categories: FIT_WEIGHTS.categories,
  nearby: FIT_WEIGHTS.nearby,
  freePlaces: FIT_WEIGHTS.freePlaces,
};
/** The most fit.ts adds to the partial fit: the format points and the not-asked-lately points. */
export const REST_OF_FIT_MAX = FIT_WEIGHTS.format + FIT_WEIGHTS.notAskedLately;
/** Room for the database's and JavaScript's floating point to differ in the last digits. */
const ROUNDING = 1e-6;

export interface MentorSuggestion {
  mentorId: string;
  score: number;
  reasons: string[];
  offer: CandidateOffer & { activeMentees: number };
}

/** Where the lead is, for meeting in person: the place of the network the need was posted in. */
async function leadPlace(ctx: ServiceContext, need: NeedRecord): Promise<NeedForFit['place']> {
  if (!need.networkId || !need.formats.includes('IN_PERSON')) return null;
  const network = (await networks.networksByIds(ctx, [need.networkId])).get(need.networkId);
  return network ? { latitude: network.latitude, longitude: network.longitude } : null;
}

/** Best first: by score, then the mentor asked less lately, then a fixed order. */
function bySuggestionOrder(a: MentorSuggestion, b: MentorSuggestion): number {
  return (
    b.score - a.score ||
    a.offer.recentAsks - b.offer.recentAsks ||
    (a.mentorId < b.mentorId ? -1 : a.mentorId > b.mentorId ? 1 : 0)
  );
}

function ranked(need: NeedForFit, offers: readonly RankedCandidate[]): MentorSuggestion[] {
  return offers
    .flatMap((offer) => {
      const fit = fitOf(need, offer);
      return fit ? [{ mentorId: offer.userId, ...fit, offer }] : [];
    })
    .sort(bySuggestionOrder);
}

/**
 * Whether no offer left out (each with a partial fit of at most `floor`) could rank above the last
 * of the first `wanted`: a higher score, or the same score and fewer recent asks. One that could
 * at best tie with it, not asked lately either, is as good a suggestion; the order of ids, which
 * only keeps equals in a fixed order, does not send the database back for it.
 */
export function isSettled(suggestions: readonly MentorSuggestion[], wanted: number, floor: number | null): boolean {
  if (floor === null) return true;
  const last = suggestions[wanted - 1];
  if (!last) return false;
  const bestLeftOut = Math.round(Math.min(100, floor + REST_OF_FIT_MAX + ROUNDING));
  return last.score > bestLeftOut || (last.score === bestLeftOut && last.offer.recentAsks === 0);
}

/**
 * The mentors to suggest for one of the viewer's needs, best first. Nothing while the need is not
 * open or a request for it is waiting for an answer: the lead waits for that answer first.
 */
export async function suggestMentors(
  ctx: ServiceContext,
  need: NeedRecord,
  first: number | null | undefined,
  waitingForAnswer: boolean,
): Promise<MentorSuggestion[]> {
  const limit = first ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > SUGGESTIONS_MAX) {
    throw badInput('first', `Ask for 1 to ${SUGGESTIONS_MAX} suggestions.`);
  }
  if (need.status !== 'OPEN' || waitingForAnswer) return [];
  const now = ctx.clock.now();
  const place = await leadPlace(ctx, need);
  const forFit: NeedForFit = { ...need, place };
  const query = {
    needId: need.id,
    leadId: need.leadId,
    skills: need.skills,
    categories: need.categories,
    formats: need.formats,
    place,
    asksSince: new Date(now.getTime() - RECENT_DAYS * 24 * 60 * 60 * 1000),
    sharesNetworkWithLead: memberships.sharesNetworkInGoodStandingWith(ctx, need.leadId),
    suggestable: mentorsFor(ctx, need.leadId, need.networkId),
    weights: PARTIAL_FIT_WEIGHTS,
  };
  for (let candidates = CANDIDATES; ; candidates *= WIDER) {
    const page = await repo.listCandidateOffers(ctx.db, { ...query, limit: candidates });
    const suggestions = ranked(forFit, page.offers);
    if (isSettled(suggestions, limit, page.floor)) return suggestions.slice(0, limit);
  }
}
