// What the safety module needs of mentoring: a mentor offer or a mentorship as a report keeps it,
// and hiding an offer after a report. A hidden offer is kept but out of every list, suggestion
// and matching round, and nobody can ask its mentor through it (repository: visibleOffer); its
// mentor still sees it, and neither editing nor pausing it brings it back.
import type { ServiceContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import type { ReportableSubject } from '../../core/reportable.ts';
import { offersOfPeople, type MentorOffer } from './offers.ts';
import * as repo from './repository.ts';

/** How many of the latest check-ins a mentorship's report keeps: enough to see what happened. */
const CHECK_INS_KEPT = 3;
const SNAPSHOT_MAX = 20_000;

/** The offer's words as those who may see it read them. */
function offerWords(offer: MentorOffer): string {
  const lines = [
    offer.commitment,
    `Skills: ${offer.skillsAsTyped.join(', ')}`,
    `Support: ${offer.categories.join(', ')}`,
    `Ways to meet: ${offer.formats.join(', ')}`,
  ];
  if (offer.placeName) lines.push(`Place: ${offer.placeName}, within ${offer.radiusKm} km`);
  return lines.join('\n');
}

/**
 * A mentor's offer (its id is the mentor's person id) as the viewer sees it, for a report; null
 * when there is none or the viewer may not see it. The network is left to the safety module: it
 * picks the one the reporter shares with the mentor.
 */
export async function reportableMentorOffer(ctx: ServiceContext, mentorId: string): Promise<ReportableSubject | null> {
  const offer = (await offersOfPeople(ctx, [mentorId])).get(mentorId);
  if (!offer) return null;
  return {
    networkId: null,
    personId: offer.userId,
    snapshot: { title: 'Mentor offer', text: offerWords(offer), path: `/people/${offer.userId}` },
  };
}

/** Hides a mentor's offer after a report, inside the safety module's transaction. NOT_FOUND when there is none. */
export async function hideMentorOffer(ctx: ServiceContext, mentorId: string): Promise<void> {
  const hidden = isUuid(mentorId) ? await repo.hideOffer(ctx.db, mentorId, ctx.clock.now()) : null;
  if (!hidden) throw notFound('There is no such mentor offer.');
  ctx.memo.clear();
}

/**
 * A mentorship as the viewer, one of its two people, sees it, for a report about the other; null
 * for anyone else, or none. It goes to the stewards of the network the need was posted in (none
 * for a need posted in no network: the safety module decides).
 */
export async function reportableMentorship(
  ctx: ServiceContext,
  mentorshipId: string,
): Promise<ReportableSubject | null> {
  const viewerId = ctx.viewer?.userId;
  const [mentorship] = viewerId && isUuid(mentorshipId) ? await repo.getMentorshipsByIds(ctx.db, [mentorshipId]) : [];
  if (!mentorship || (mentorship.mentorId !== viewerId && mentorship.menteeId !== viewerId)) return null;
  const [[need], checkIns] = await Promise.all([
    repo.getNeedsByIds(ctx.db, [mentorship.needId]),
    repo.getCheckIns(ctx.db, [mentorship.id]),
  ]);
  const latest = checkIns.slice(-CHECK_INS_KEPT).map((checkIn) => `Check-in, ${checkIn.happenedOn}: ${checkIn.note}`);
  const goals = mentorship.goals.trim() === '' ? [] : [`Goals: ${mentorship.goals}`];
  return {
    networkId: need?.networkId ?? null,
    personId: mentorship.mentorId === viewerId ? mentorship.menteeId : mentorship.mentorId,
    snapshot: {
      title: `Mentorship: ${need?.title ?? 'a need since closed'}`,
      text: [...goals, ...latest].join('\n\n').slice(0, SNAPSHOT_MAX),
      path: `/mentoring/mentorships/${mentorship.id}`,
    },
  };
}
