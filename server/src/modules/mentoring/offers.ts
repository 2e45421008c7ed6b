// A mentor's offer: what they can help with, how, where, and how many mentees at once. Publishing
// needs the no-selling promise. The profile's isMentor flag is written in the same transaction
// as the offer, so the two never disagree.
import { checkFields } from '../../core/errors.ts';
import { badInput, notFound } from '../../core/errors.ts';
import { transaction, type ServiceContext } from '../../core/context.ts';
import { cleanText } from '../../core/text.ts';
import { isUuid } from '../../core/ids.ts';
import { requireViewer } from '../accounts/service.ts';
import * as memberships from '../memberships/service.ts';
import * as networks from '../networks/service.ts';
import * as people from '../people/service.ts';
import * as safety from '../safety/service.ts';
import * as repo from './repository.ts';
import type { MentoringFormat, OfferFields, OfferRecord, OfferVisibility, SupportCategory } from './repository.ts';

export const CAPACITY_MAX = 10;
export const RADIUS_KM_MAX = 200;
export const DEFAULT_RADIUS_KM = 15;
const COMMITMENT_MAX = 300;

export interface MentorOfferInput {
  skills: readonly string[];
  categories: readonly SupportCategory[];
  formats: readonly MentoringFormat[];
  capacity: number;
  commitment: string;
  promiseNoSelling: boolean;
  placeName?: string | null;
  radiusKm?: number | null;
  visibleTo?: OfferVisibility | null;
}

/** An offer as the service hands it out: the record, and how many places are taken now. */
export interface MentorOffer extends OfferRecord {
  activeMentees: number;
}

/** The offer, checked field by field; every problem is reported at once. */
export function validOffer(input: MentorOfferInput): OfferFields {
  const inPerson = input.formats.includes('IN_PERSON');
  const checked = checkFields({
    skills: () => {
      const skills = people.checkedSkills(input.skills);
      if (skills.keys.length === 0) throw badInput('skills', 'Name at least one skill or topic you can help with.');
      return skills;
    },
    categories: () => {
      if (input.categories.length === 0)
        throw badInput('categories', 'Choose at least one kind of support you can give.');
      return [...new Set(input.categories)];
    },
    formats: () => {
      if (input.formats.length === 0) throw badInput('formats', 'Choose at least one way you can meet.');
      return [...new Set(input.formats)];
    },
    placeName: () => {
      const typed = input.placeName?.trim() ?? '';
      if (typed === '') {
        if (inPerson) throw badInput('placeName', 'Say which town or city you can meet in, or do not offer in person.');
        return null;
      }
      return networks.placeFromName(typed, 'placeName');
    },
    radiusKm: () => {
      const radius = input.radiusKm ?? DEFAULT_RADIUS_KM;
      if (!Number.isInteger(radius) || radius < 1 || radius > RADIUS_KM_MAX) {
        throw badInput('radiusKm', `Give a distance from 1 to ${RADIUS_KM_MAX} km.`);
      }
      return radius;
    },
    capacity: () => {
      if (!Number.isInteger(input.capacity) || input.capacity < 1 || input.capacity > CAPACITY_MAX) {
        throw badInput('capacity', `Give a number of mentees from 1 to ${CAPACITY_MAX}.`);
      }
      return input.capacity;
    },
    commitment: () =>
      cleanText('commitment', input.commitment, {
        label: 'commitment',
        max: COMMITMENT_MAX,
        required: 'Say how much time you can give, such as "an hour a month for three months".',
      }),
    promiseNoSelling: () => {
      if (input.promiseNoSelling !== true) {
        throw badInput(
          'promiseNoSelling',
          'Make the promise to publish an offer: mentoring on Hearth is never a pitch for your own services, agency or products.',
        );
      }
      return true;
    },
  });
  const place = checked.placeName;
  return {
    skills: checked.skills,
    categories: checked.categories,
    formats: checked.formats,
    place: place
      ? { name: place.name, latitude: place.latitude, longitude: place.longitude, radiusKm: checked.radiusKm }
      : null,
    capacity: checked.capacity,
    commitment: checked.commitment,
    visibleTo: input.visibleTo ?? 'SIGNED_IN',
  };
}

async function withActiveMentees(ctx: ServiceContext, offer: OfferRecord): Promise<MentorOffer> {
  const open = await repo.countOpenMentorships(ctx.db, [offer.userId]);
  return { ...offer, activeMentees: open.get(offer.userId) ?? 0 };
}

/**
 * The offers of these people that the viewer may see, paused ones too (a profile says the mentor
 * is not taking mentees just now), by person, in two statements however many: for signed-in
 * viewers only; an offer limited to shared networks only to those who share one, and to its mentor.
 * An offer the stewards hid, or of a person either side blocked, only its mentor sees.
 */
export async function offersOfPeople(
  ctx: ServiceContext,
  userIds: readonly string[],
): Promise<Map<string, MentorOffer>> {
  const viewerId = ctx.viewer?.userId;
  const ids = [...new Set(userIds.filter(isUuid))];
  if (!viewerId || ids.length === 0) return new Map();
  const offers = await repo.getOffersVisibleTo(ctx.db, ids, {
    id: viewerId,
    sharesNetwork: memberships.sharesNetworkWith(viewerId),
    notBlocked: safety.notBlockedWith(viewerId),
  });
  const open = await repo.countOpenMentorships(
    ctx.db,
    offers.map((offer) => offer.userId),
  );
  return new Map(offers.map((offer) => [offer.userId, { ...offer, activeMentees: open.get(offer.userId) ?? 0 }]));
}

/** The viewer's own offer, paused or not; null when they have none. */
export async function myMentorOffer(ctx: ServiceContext): Promise<MentorOffer | null> {
  const viewer = requireViewer(ctx);
  const offer = await repo.getOffer(ctx.db, viewer.userId);
  return offer ? withActiveMentees(ctx, offer) : null;
}

/**
 * Publishes or changes the viewer's offer. Lowering the capacity below the mentees they have now
 * is allowed: nobody is dropped, and no new request can be accepted until there is room.
 */
export async function upsertMentorOffer(ctx: ServiceContext, input: MentorOfferInput): Promise<MentorOffer> {
  const viewer = requireViewer(ctx);
  const fields = validOffer(input);
  const offer = await transaction(ctx, async (tx) => {
    // The flag first: it locks the account, which every change to a person takes before their rows.
    await people.setMentorFlag(tx, viewer.userId, true);
    const saved = await repo.upsertOffer(tx.db, viewer.userId, fields, tx.clock.now());
    return saved;
  });
  return withActiveMentees(ctx, offer);
}

/**
 * Pauses the viewer's offer (for a holiday, say) or resumes it; nothing else changes. The profile
 * still says they mentor while paused: a paused offer is kept, and a profile shows it as paused.
 */
export async function pauseMentorOffer(ctx: ServiceContext, paused: boolean): Promise<MentorOffer> {
  const viewer = requireViewer(ctx);
  const offer = await repo.setOfferPaused(ctx.db, viewer.userId, paused, ctx.clock.now());
  if (!offer) throw notFound('You have no mentoring offer to pause. Publish one first.');
  return withActiveMentees(ctx, offer);
}
