// How well a mentor's offer fits a need: a score out of 100 and the reasons in words. Pure, so
// suggestions and matching rounds rank by the same rule, and it is tested without a database.
import type { MentoringFormat, SupportCategory } from './repository.ts';

/** What the fit reads of a need. */
export interface NeedForFit {
  skills: readonly string[];
  skillsAsTyped: readonly string[];
  categories: readonly SupportCategory[];
  formats: readonly MentoringFormat[];
  /** Where the lead is (their network's place), for meeting in person; null when unknown. */
  place: { latitude: number; longitude: number } | null;
}

/** What the fit reads of an offer, with the facts about the mentor now. */
export interface OfferForFit {
  skills: readonly string[];
  skillsAsTyped: readonly string[];
  categories: readonly SupportCategory[];
  formats: readonly MentoringFormat[];
  placeName: string | null;
  latitude: number | null;
  longitude: number | null;
  radiusKm: number | null;
  capacity: number;
  /** Mentorships the mentor has now (active or paused). */
  activeMentees: number;
  /** Requests the mentor was sent in the last 30 days. */
  recentAsks: number;
}

export interface Fit {
  /** 0 to 100; higher fits better. */
  score: number;
  reasons: string[];
}

// The weights: skills matter most, then the kind of support, then how and where they meet; free
// places and being asked less lately break near-ties, so asks spread beyond the usual few.
export const FIT_WEIGHTS = {
  skills: 45,
  categories: 20,
  format: 10,
  nearby: 10,
  freePlaces: 10,
  notAskedLately: 5,
} as const;
const {
  skills: SKILLS,
  categories: CATEGORIES,
  format: FORMAT,
  nearby: NEARBY,
  freePlaces: FREE_PLACES,
  notAskedLately: NOT_ASKED_LATELY,
} = FIT_WEIGHTS;
/** Each recent ask takes this much off, up to all of the not-asked-lately points and as much again. */
const PER_RECENT_ASK = 2;

const FORMAT_WORDS: Record<MentoringFormat, string> = { VIDEO: 'video', PHONE: 'phone', IN_PERSON: 'in person' };

const CATEGORY_WORDS: Record<SupportCategory, string> = {
  QUICK_TIP: 'quick tips',
  SHORT_TERM_SKILLS: 'short-term skills',
  EXPANDING_POSSIBILITY: 'expanding what is possible',
  LONG_TERM_SKILLS: 'long-term skills',
  HANDS_ON_SUPPORT: 'hands-on support',
  PERSONAL_VALIDATION: 'a second opinion',
  RISK_MITIGATION: 'avoiding risks',
  UNIQUE_PERSPECTIVES: 'a fresh perspective',
};

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Great-circle distance in km. */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** How far the lead is from the mentor's place, when both are known and within the mentor's distance. */
function inPersonDistance(need: NeedForFit, offer: OfferForFit): number | null {
  if (!need.formats.includes('IN_PERSON') || !offer.formats.includes('IN_PERSON') || !need.place) return null;
  if (offer.latitude === null || offer.longitude === null || offer.radiusKm === null) return null;
  const km = distanceKm(need.place, { latitude: offer.latitude, longitude: offer.longitude });
  return km <= offer.radiusKm ? km : null;
}

/**
 * The fit of an offer to a need, or null when they cannot work together at all: no way of
 * meeting in common (in person counts only within the mentor's distance), or no places free.
 */
export function fitOf(need: NeedForFit, offer: OfferForFit): Fit | null {
  const free = offer.capacity - offer.activeMentees;
  if (free <= 0) return null;
  const km = inPersonDistance(need, offer);
  const formats = need.formats.filter(
    (format) => offer.formats.includes(format) && (format !== 'IN_PERSON' || km !== null),
  );
  if (formats.length === 0) return null;

  const reasons: string[] = [];
  let score = 0;

  // In the mentor's own spelling: the reason describes them.
  const known = need.skills.flatMap((skill) => {
    const at = offer.skills.indexOf(skill);
    return at === -1 ? [] : [offer.skillsAsTyped[at] ?? skill];
  });
  if (known.length > 0) reasons.push(`knows ${listInWords(known)}`);
  score += need.skills.length > 0 ? (SKILLS * known.length) / need.skills.length : 0;

  const gives = need.categories.filter((category) => offer.categories.includes(category));
  if (gives.length > 0) reasons.push(`gives ${listInWords(gives.map((c) => CATEGORY_WORDS[c]))}`);
  score += need.categories.length > 0 ? (CATEGORIES * gives.length) / need.categories.length : 0;

  // Nothing in common but a way of meeting is not a fit, unless the need names nothing at all.
  const namesSomething = need.skills.length > 0 || need.categories.length > 0;
  if (namesSomething && known.length === 0 && gives.length === 0) return null;

  score += FORMAT;
  if (km !== null) {
    reasons.push(`meets in ${offer.placeName}, ${Math.round(km)} km away`);
    score += NEARBY * (1 - km / offer.radiusKm!);
  } else {
    reasons.push(`meets by ${listInWords(formats.filter((f) => f !== 'IN_PERSON').map((f) => FORMAT_WORDS[f]))}`);
  }

  reasons.push(`has ${free} of ${offer.capacity} ${offer.capacity === 1 ? 'place' : 'places'} free`);
  score += (FREE_PLACES * free) / offer.capacity;

  if (offer.recentAsks === 0) {
    reasons.push('has not been asked this month');
    score += NOT_ASKED_LATELY;
  } else {
    reasons.push(`was asked ${offer.recentAsks === 1 ? 'once' : `${offer.recentAsks} times`} this month`);
    score -= Math.min(NOT_ASKED_LATELY, PER_RECENT_ASK * offer.recentAsks);
  }
  return { score: Math.max(0, Math.min(100, Math.round(score))), reasons };
}
