// Mentors suggested for a need, ranked by fit with the reasons in words. The database narrows
// twenty thousand offers to a few hundred that could fit (fitting skills first); fit.ts ranks those.
import type { ServiceContext } from '../../core/context.ts';
import { badInput } from '../../core/errors.ts';
import * as memberships from '../memberships/service.ts';
import * as networks from '../networks/service.ts';
import { fitOf, type NeedForFit } from './fit.ts';
import * as repo from './repository.ts';
import type { CandidateOffer, NeedRecord } from './repository.ts';

export const SUGGESTIONS_MAX = 50;
/** How many offers the database hands over for ranking: enough that the best by fit is among them. */
const CANDIDATES = 300;
const RECENT_DAYS = 30;

export interface MentorSuggestion {
  mentorId: string;
  score: number;
  reasons: string[];
  offer: CandidateOffer & { activeMentees: number };
}

/** Where the lead is, for meeting in person: the place of the network the need was posted in. */
async function leadPlace(ctx: ServiceContext, need: NeedRecord): Promise<NeedForFit['place']> {
  if (!need.networkId) return null;
  const network = (await networks.networksByIds(ctx, [need.networkId])).get(need.networkId);
  return network ? { latitude: network.latitude, longitude: network.longitude } : null;
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
  const [offers, place] = await Promise.all([
    repo.listCandidateOffers(ctx.db, {
      needId: need.id,
      leadId: need.leadId,
      skills: need.skills,
      categories: need.categories,
      asksSince: new Date(now.getTime() - RECENT_DAYS * 24 * 60 * 60 * 1000),
      sharesNetworkWithLead: memberships.sharesNetworkWith(need.leadId),
      limit: CANDIDATES,
    }),
    leadPlace(ctx, need),
  ]);
  const forFit: NeedForFit = { ...need, place };
  return offers
    .flatMap((offer) => {
      const fit = fitOf(forFit, offer);
      return fit ? [{ mentorId: offer.userId, ...fit, offer }] : [];
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.offer.recentAsks - b.offer.recentAsks ||
        (a.mentorId < b.mentorId ? -1 : a.mentorId > b.mentorId ? 1 : 0),
    )
    .slice(0, limit);
}
