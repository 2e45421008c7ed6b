// Matching rounds: an organiser (or a steward) of a network pairs the network's open needs with
// its available mentors all at once. The pairs maximise total fit under every mentor's places
// (matching.ts); the organiser sees them with reasons, beside what first-come greedy would
// have made, adjusts which needs and mentors take part, and confirms. Confirming sends every
// request in one transaction, checking again what may have changed since the preview.
import { transaction, type ServiceContext } from '../../core/context.ts';
import { badInput, conflict } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import { isUniqueViolation } from '../../core/query.ts';
import * as accounts from '../accounts/service.ts';
import { requireViewer } from '../accounts/service.ts';
import * as memberships from '../memberships/service.ts';
import * as networks from '../networks/service.ts';
import type { AddedNotifications } from '../notifications/service.ts';
import * as safety from '../safety/service.ts';
import { fitOf, type Fit } from './fit.ts';
import { candidateEdges, greedyAssignment, optimalAssignment, type MatchingProblem } from './matching.ts';
import * as repo from './repository.ts';
import type { CandidateOffer, NeedRecord, RequestRecord } from './repository.ts';
import { cleanAskMessage, expiryFrom } from './asks.ts';
import * as notices from './notices.ts';

const RECENT_DAYS = 30;
const ROUND_MAX_NEEDS = 2000;
/** What each mentor of a confirmed round reads when the organiser writes no message. */
const ROUND_MESSAGE = 'Your network’s organiser matched us in a mentoring round. Could we have a first conversation?';

export interface RoundPair {
  need: NeedRecord;
  mentorId: string;
  score: number;
  reasons: string[];
}

/** A mentor with a free place who took part in a round, and how many of its pairs they are in. */
export interface RoundMentor {
  mentorId: string;
  freePlaces: number;
  pairCount: number;
}

export interface RoundPreview {
  pairs: RoundPair[];
  mentors: RoundMentor[];
  unmatched: Array<{ need: NeedRecord; reason: string }>;
  totalScore: number;
  greedyScore: number;
}

interface RoundInput {
  networkId: string;
  needIds?: readonly string[] | null;
  mentorIds?: readonly string[] | null;
}

/** The needs and offers of a round, and the fit of every pair that could work. */
async function roundProblem(ctx: ServiceContext, input: RoundInput) {
  const now = ctx.clock.now();
  const ids = (list: readonly string[] | null | undefined) => (list ? [...new Set(list)].filter(isUuid) : null);
  const network = (await networks.networksByIds(ctx, [input.networkId])).get(input.networkId);
  // Only members in good standing take part: someone suspended in the network is neither matched nor asked.
  const takesPart = memberships.isInGoodStandingOf(ctx, input.networkId);
  const [needs, offers] = await Promise.all([
    repo.listRoundNeeds(ctx.db, {
      networkId: input.networkId,
      needIds: ids(input.needIds),
      now,
      leadTakesPart: takesPart,
    }),
    repo.listRoundOffers(ctx.db, {
      memberOfNetwork: takesPart,
      mentorIds: ids(input.mentorIds),
      asksSince: new Date(now.getTime() - RECENT_DAYS * 24 * 60 * 60 * 1000),
    }),
  ]);
  if (needs.length > ROUND_MAX_NEEDS) {
    throw badInput('needIds', `A round can match up to ${ROUND_MAX_NEEDS} needs at once; choose fewer.`);
  }
  const asked = await repo.getAskedPairs(
    ctx.db,
    needs.map((need) => need.id),
  );
  // Two people either of whom blocked the other are never paired.
  const unblocked = await safety.unblockedPairsAmong(ctx, [
    ...needs.map((need) => need.leadId),
    ...offers.map((offer) => offer.userId),
  ]);
  const place = network ? { latitude: network.latitude, longitude: network.longitude } : null;
  const needIndex = new Map(needs.map((need, i) => [need.id, i]));
  const offerIndex = new Map(offers.map((offer, i) => [offer.userId, i]));
  /** The fit of a pair the round allows, or null. Recomputed rather than kept: a round has many pairs. */
  const fitOfPair = (needId: string, mentorId: string): Fit | null => {
    const need = needs[needIndex.get(needId) ?? -1];
    const offer = offers[offerIndex.get(mentorId) ?? -1];
    if (!need || !offer || need.leadId === offer.userId || asked.has(`${need.id} ${offer.userId}`)) return null;
    if (!unblocked(need.leadId, offer.userId)) return null;
    const fit = fitOf({ ...need, place }, offer);
    return fit && fit.score >= 1 ? fit : null;
  };
  const edges = candidateEdges(
    needs.map((need) => need.id),
    offers.map((offer) => offer.userId),
    (n, m) => fitOfPair(needs[n]!.id, offers[m]!.userId)?.score ?? null,
  );
  const problem: MatchingProblem = {
    needIds: needs.map((need) => need.id),
    mentors: offers.map((offer) => ({ id: offer.userId, places: offer.capacity - offer.activeMentees })),
    edges,
  };
  return { needs, offers, fitOfPair, problem };
}

/** Why a need was left out, in words an organiser can act on. */
function unmatchedReason(need: NeedRecord, hadCandidates: boolean, offers: readonly CandidateOffer[]): string {
  if (offers.length === 0) return 'No mentor in this round has a place free.';
  if (!hadCandidates) {
    return need.formats.length === 1 && need.formats[0] === 'IN_PERSON'
      ? 'No mentor with a place free meets in person near this network.'
      : 'No mentor with a place free fits its skills, support or ways of meeting.';
  }
  return 'The mentors who fit it are taken by better pairs in this round.';
}

/** What a round would make, for an organiser or steward of the network. Nothing is written. */
export async function previewMatchingRound(ctx: ServiceContext, input: RoundInput): Promise<RoundPreview> {
  requireViewer(ctx);
  await memberships.requireOrganiser(ctx, input.networkId);
  const { needs, offers, fitOfPair, problem } = await roundProblem(ctx, input);
  const optimal = optimalAssignment(problem);
  const greedy = greedyAssignment(problem);
  const byId = new Map(needs.map((need) => [need.id, need]));
  const matched = new Set(optimal.pairs.map((pair) => pair.needId));
  const withEdges = new Set(problem.edges.map((edge) => edge.needId));
  const pairCounts = new Map<string, number>();
  for (const pair of optimal.pairs) pairCounts.set(pair.mentorId, (pairCounts.get(pair.mentorId) ?? 0) + 1);
  return {
    pairs: optimal.pairs.map((pair) => ({
      need: byId.get(pair.needId)!,
      mentorId: pair.mentorId,
      score: pair.score,
      reasons: fitOfPair(pair.needId, pair.mentorId)!.reasons,
    })),
    mentors: problem.mentors.map((mentor) => ({
      mentorId: mentor.id,
      freePlaces: mentor.places,
      pairCount: pairCounts.get(mentor.id) ?? 0,
    })),
    unmatched: needs
      .filter((need) => !matched.has(need.id))
      .map((need) => ({ need, reason: unmatchedReason(need, withEdges.has(need.id), offers) })),
    totalScore: optimal.totalScore,
    greedyScore: greedy.totalScore,
  };
}

export interface ConfirmedRound {
  id: string;
  pairCount: number;
  totalScore: number;
  greedyScore: number;
  requests: RequestRecord[];
}

/**
 * Sends the requests of the pairs the organiser confirmed, in one transaction: each pair must
 * still be one the round would allow (need open and unasked, mentor with a place for every pair
 * they are given), or nothing is sent.
 */
export async function confirmMatchingRound(
  ctx: ServiceContext,
  input: { networkId: string; pairs: ReadonlyArray<{ needId: string; mentorId: string }>; message?: string | null },
): Promise<ConfirmedRound> {
  const viewer = requireViewer(ctx);
  await memberships.requireOrganiser(ctx, input.networkId);
  if (input.pairs.length === 0) throw badInput('pairs', 'Choose at least one pair to confirm.');
  const needIds = input.pairs.map((pair) => pair.needId);
  if (new Set(needIds).size !== needIds.length) throw badInput('pairs', 'Each need can be in one pair only.');
  const message = cleanAskMessage(input.message ?? '') || ROUND_MESSAGE;
  try {
    const confirmed = await transaction(ctx, async (tx) => {
      const mentorIds = [...new Set(input.pairs.map((pair) => pair.mentorId))];
      await repo.lockOffers(tx.db, mentorIds);
      const { fitOfPair, problem } = await roundProblem(tx, { networkId: input.networkId, needIds, mentorIds });
      const places = new Map(problem.mentors.map((mentor) => [mentor.id, mentor.places]));
      let totalScore = 0;
      for (const pair of input.pairs) {
        const left = places.get(pair.mentorId) ?? 0;
        const fit = fitOfPair(pair.needId, pair.mentorId);
        if (left < 1 || !fit) {
          throw conflict(
            'The round changed since its preview: a need was taken or a mentor filled up. Preview it again.',
          );
        }
        places.set(pair.mentorId, left - 1);
        totalScore += fit.score;
      }
      const greedyScore = greedyAssignment(problem).totalScore;
      const now = tx.clock.now();
      const round = await repo.insertMatchingRound(tx.db, {
        networkId: input.networkId,
        organiserId: viewer.userId,
        pairCount: input.pairs.length,
        totalScore,
        greedyScore,
        now,
      });
      const needOf = new Map((await repo.getNeedsByIds(tx.db, needIds)).map((need) => [need.id, need] as const));
      const requests = await repo.insertRequests(
        tx.db,
        input.pairs.map((pair) => ({
          needId: pair.needId,
          mentorId: pair.mentorId,
          leadId: needOf.get(pair.needId)!.leadId,
          message,
          matchingRoundId: round.id,
          expiresAt: expiryFrom(now),
        })),
        now,
      );
      const added = await askedInRound(tx, requests, needOf);
      return { round: { id: round.id, pairCount: requests.length, totalScore, greedyScore, requests }, added };
    });
    await notices.announce(ctx, confirmed.added);
    return confirmed.round;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict('A request about one of these needs was just sent. Preview the round again.');
    }
    throw error;
  }
}

/** Tells each mentor of a round about each lead it asks them for, in a few statements for them all. */
async function askedInRound(
  tx: ServiceContext,
  requests: readonly RequestRecord[],
  needOf: ReadonlyMap<string, NeedRecord>,
): Promise<AddedNotifications> {
  const leads = await accounts.getUsersByIds(tx, [...new Set(requests.map((request) => request.leadId))]);
  const nameOf = new Map(leads.map((lead) => [lead.id, lead.name]));
  return notices.tell(
    tx,
    requests.map((request) => notices.asked(request, nameOf.get(request.leadId)!, needOf.get(request.needId)!)),
  );
}
