import {
  SUPPORT_CATEGORY_VALUES as SUPPORT_CATEGORIES,
  type MentoringFormat,
  type SupportCategory,
} from '../server/src/db/schema.ts';
import { fitOf, type NeedForFit, type OfferForFit } from '../server/src/modules/mentoring/fit.ts';
import { greedyAssignment, optimalAssignment, type MatchingProblem } from '../server/src/modules/mentoring/matching.ts';
import {
  DemoMentoringRows,
  type DemoMentoring,
  type DemoMentorship,
  type DemoNeed,
  type DemoOffer,
  type DemoRound,
} from './demo-mentoring-rows.ts';
import { COMMITMENTS, DECLINE_NOTES, NEEDS_BY_CATEGORY } from './demo-mentoring-words.ts';
import { SKILLS_BY_CATEGORY, SPECIALISMS, skillAsTyped, type DemoProfile } from './demo-profiles.ts';
import { addDays, type Random } from './random.ts';
import { ANSWER_WITHIN_DAYS } from '../server/src/modules/mentoring/asks.ts';

export type { DemoMentoring };

// The demo's mentoring: every demo mentor's offer, and the needs, requests, mentorships, check-ins
// and one matching round around them, so that each screen of mentoring has something to show.
//
// - Every person whose profile says they mentor has an offer (one source of truth: the flag and
//   the offer agree), made from their profile's skills and the kinds of support their line of work
//   gives, some meeting in person in their network's town. A few are paused; a few are full.
// - Digital leads' needs are at every status, with requests at every status and mentorships
//   active, paused and closed (with outcomes). Mentors are picked by fit.ts, among the best few
//   who are visible to the lead and (for a request that takes a place) have one free.
// - Amara (the README's account) has an open need with no request waiting, so suggestions show,
//   and a matched one with an active mentorship and its check-ins. Rhys has a request waiting
//   from a lead in Cardiff, his network. Leeds Charity Digital has one confirmed matching round,
//   assigned by matching.ts as the app would.
//
// Everything is dated before the reference date, as the rest of the demo, except a request waiting
// for an answer: the app reads one past its 7 days as expired, on the real clock, so a demo loaded
// after the reference date would have none waiting. The loader dates those from the moment it
// loads (waitingFrom); every other row is the same on every load.

/**
 * The requests with those still waiting sent a day before `now`, so their 7 days have not run
 * out when the demo is loaded: Rhys has one to answer.
 */
export function waitingFrom<Request extends { status: string; created_at: Date; expires_at: Date; updated_at: Date }>(
  requests: readonly Request[],
  now: Date,
): Request[] {
  const sent = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  return requests.map((request) =>
    request.status === 'PENDING'
      ? { ...request, created_at: sent, updated_at: sent, expires_at: addDays(sent, ANSWER_WITHIN_DAYS) }
      : request,
  );
}

const AMARA = 'amara.okafor@example.org';
const RHYS = 'rhys.evans@example.org';
const PRIYA = 'priya.shah@example.org';
const ROUND_NETWORK = 'leeds-charity-digital';
const CAPACITIES: ReadonlyArray<readonly [number, number]> = [
  [1, 2],
  [2, 4],
  [3, 3],
  [4, 1],
  [5, 1],
];

export interface MentoringPeople {
  users: ReadonlyArray<{ id: string; email: string }>;
  networks: ReadonlyArray<{ id: string; slug: string; place_name: string; latitude: number; longitude: number }>;
  memberships: ReadonlyArray<{ network_id: string; user_id: string; joined_at: Date; left_at: Date | null }>;
  profiles: readonly DemoProfile[];
}

interface Person {
  id: string;
  email: string;
  profile: DemoProfile;
  /** Active networks, the first joined first. */
  networks: string[];
}

/** What happens to a need: its requests and, for some, the mentorship one became. */
type Story = 'OPEN' | 'WAITING' | 'DECLINED' | 'EXPIRED' | 'ACTIVE' | 'PAUSED' | 'DONE' | 'CLOSED_EARLY' | 'WITHDRAWN';

/** The other leads' stories, in turn: every status, active mentorships the most common. */
const STORIES: readonly Story[] = [
  'ACTIVE',
  'OPEN',
  'DONE',
  'WAITING',
  'ACTIVE',
  'DECLINED',
  'DONE',
  'PAUSED',
  'EXPIRED',
  'WITHDRAWN',
  'ACTIVE',
  'CLOSED_EARLY',
];
/** Days before the reference date a need of each story was posted (earliest, latest). */
const NEED_AGE_DAYS: Record<Story, readonly [number, number]> = {
  OPEN: [20, 1],
  WAITING: [6, 2],
  DECLINED: [45, 15],
  EXPIRED: [60, 20],
  ACTIVE: [120, 20],
  PAUSED: [150, 40],
  DONE: [400, 150],
  CLOSED_EARLY: [300, 100],
  WITHDRAWN: [60, 20],
};
const OTHER_LEADS = 40;
const OFFERS_SINCE_DAYS = 420;
/** Leads who joined in the last few days have not posted a need yet. */
const NEW_FOR_DAYS = 7;
const FULL_MENTORS = 4;

/** The demo's mentoring rows; the same people and generator give the same rows. */
export function buildDemoMentoring(people: MentoringPeople, random: Random, reference: Date): DemoMentoring {
  return new MentoringStory(people, random, reference).tell();
}

class MentoringStory extends DemoMentoringRows {
  readonly #people = new Map<string, Person>();
  readonly #byEmail = new Map<string, Person>();
  readonly #offers = new Map<string, DemoOffer>();
  readonly #paused = new Set<string>();
  readonly #networks: Map<string, MentoringPeople['networks'][number]>;
  readonly roundNetwork: string;

  constructor(people: MentoringPeople, random: Random, reference: Date) {
    super(random, reference);
    this.#networks = new Map(people.networks.map((network) => [network.id, network]));
    const emails = new Map(people.users.map((user) => [user.id, user.email]));
    const active = [...people.memberships]
      .filter((m) => m.left_at === null)
      .sort((a, b) => a.joined_at.getTime() - b.joined_at.getTime());
    for (const profile of people.profiles) {
      const networks = active.filter((m) => m.user_id === profile.user_id).map((m) => m.network_id);
      const person = { id: profile.user_id, email: emails.get(profile.user_id)!, profile, networks };
      this.#people.set(person.id, person);
      this.#byEmail.set(person.email, person);
    }
    this.roundNetwork = people.networks.find((network) => network.slug === ROUND_NETWORK)!.id;
  }

  tell(): DemoMentoring {
    const mentors = [...this.#people.values()].filter((p) => p.profile.is_mentor);
    for (const mentor of mentors) this.#offers.set(mentor.id, this.offerOf(mentor));
    const pausable = mentors.filter((m) => ![AMARA, RHYS, PRIYA].includes(m.email));
    for (const mentor of this.pick(pausable, Math.round(mentors.length / 10))) this.#paused.add(mentor.id);

    // Rhys is asked first, so that nobody fills the places his waiting request needs.
    const waitingForRhys = this.rhysIsAsked();
    const amara = this.#byEmail.get(AMARA)!;
    this.amarasNeeds(amara);
    const round = this.matchingRound([amara.id, waitingForRhys]);
    const used = new Set([amara.id, waitingForRhys, ...round]);
    const leads = this.leads().filter((p) => !used.has(p.id));
    this.pick(leads, OTHER_LEADS).forEach((lead, n) =>
      this.live(lead, STORIES[n % STORIES.length]!, this.needOf(lead)),
    );
    this.fillSome();
    this.rows.offers = [...this.#offers.values()].map((offer) => this.dated(offer));
    return this.rows;
  }

  /** The digital leads who have been on Hearth long enough to have posted a need. */
  leads(): Person[] {
    const settled = addDays(this.reference, -NEW_FOR_DAYS);
    return [...this.#people.values()].filter((p) => p.profile.is_digital_lead && p.profile.created_at < settled);
  }

  // Offers.

  offerOf(mentor: Person): DemoOffer {
    const { profile } = mentor;
    const specialism = SPECIALISMS.find((s) => s.roles.includes(profile.role_title ?? ''));
    const wanted = new Set<SupportCategory>(specialism?.categories ?? []);
    for (const category of SUPPORT_CATEGORIES) {
      if (SKILLS_BY_CATEGORY[category].some((skill) => profile.skills.includes(skill))) wanted.add(category);
    }
    if (wanted.size === 0) wanted.add('QUICK_TIP');
    const home = mentor.networks[0] ? this.#networks.get(mentor.networks[0])! : null;
    const formats = new Set<MentoringFormat>();
    if (this.random.chance(0.85)) formats.add('VIDEO');
    if (this.random.chance(0.5)) formats.add('PHONE');
    if (home && this.random.chance(0.4)) formats.add('IN_PERSON');
    if (formats.size === 0) formats.add('VIDEO');
    const place = formats.has('IN_PERSON') || (home && this.random.chance(0.2)) ? home : null;
    // Hearth's mentoring is new: offers date from the last year or so, however long the profile.
    const since = new Date(
      Math.max(profile.created_at.getTime(), addDays(this.reference, -OFFERS_SINCE_DAYS).getTime()),
    );
    const created = this.between(since, addDays(since, 30));
    const demoAccount = [AMARA, RHYS, PRIYA].includes(mentor.email);
    return {
      user_id: mentor.id,
      skills: profile.skills,
      skills_as_typed: profile.skills_as_typed,
      categories: SUPPORT_CATEGORIES.filter((category) => wanted.has(category)),
      formats: (['VIDEO', 'PHONE', 'IN_PERSON'] as const).filter((format) => formats.has(format)),
      place_name: place?.place_name ?? null,
      latitude: place?.latitude ?? null,
      longitude: place?.longitude ?? null,
      radius_km: place ? this.random.pick([10, 15, 25, 40]) : null,
      capacity: this.random.weighted(CAPACITIES),
      commitment: this.random.pick(COMMITMENTS),
      visible_to: !demoAccount && this.random.chance(0.2) ? 'SHARED_NETWORKS' : 'SIGNED_IN',
      promised_no_selling_at: created,
      paused_at: null,
      created_at: created,
      updated_at: created,
    };
  }

  /**
   * The offer dated before anyone asked its mentor (and no later than two days before the
   * reference date), and paused, when it is, a little before the reference date.
   */
  dated(offer: DemoOffer): DemoOffer {
    const asks = this.rows.requests.filter((r) => r.mentor_id === offer.user_id).map((r) => r.created_at.getTime());
    const latest = Math.min(addDays(this.reference, -2).getTime(), ...asks.map((at) => at - 43_200_000));
    const profiled = this.#people.get(offer.user_id)!.profile.created_at.getTime();
    const created = new Date(Math.max(profiled, Math.min(offer.created_at.getTime(), latest)));
    // Paused after the last ask: nobody can ask a paused mentor.
    const lastAsk = new Date(Math.max(created.getTime(), ...asks.map((at) => at + 3_600_000)));
    const paused = this.#paused.has(offer.user_id) ? this.between(lastAsk, addDays(this.reference, -1)) : null;
    return {
      ...offer,
      created_at: created,
      promised_no_selling_at: created,
      paused_at: paused,
      updated_at: paused ?? created,
    };
  }

  /** Makes a few mentors full: their capacity is the mentorships they have open. */
  fillSome(): void {
    const waiting = new Set(this.rows.requests.filter((r) => r.status === 'PENDING').map((r) => r.mentor_id));
    const fillable = [...this.#offers.values()].filter((offer) => {
      const person = this.#people.get(offer.user_id)!;
      return (this.open.get(offer.user_id) ?? 0) > 0 && !waiting.has(offer.user_id) && person.email !== RHYS;
    });
    for (const offer of this.pick(fillable, FULL_MENTORS)) offer.capacity = this.open.get(offer.user_id)!;
  }

  // Needs and who is asked.

  needOf(lead: Person, text?: Partial<DemoNeed>): DemoNeed {
    const wanted = lead.profile.support_needs.length > 0 ? lead.profile.support_needs : (['QUICK_TIP'] as const);
    const category = this.random.pick(wanted);
    const words = this.random.pick(NEEDS_BY_CATEGORY[category]);
    const skills = this.pick(SKILLS_BY_CATEGORY[category], this.random.int(1, 2));
    const network = lead.networks[0] ?? null;
    const formats = new Set<MentoringFormat>(['VIDEO']);
    if (this.random.chance(0.3)) formats.add('PHONE');
    if (network && this.random.chance(0.3)) formats.add('IN_PERSON');
    return {
      id: '',
      lead_id: lead.id,
      network_id: network,
      title: words.title,
      description: words.description,
      first_call_brief: words.brief,
      categories: [category],
      skills,
      skills_as_typed: skills.map(skillAsTyped),
      formats: (['VIDEO', 'PHONE', 'IN_PERSON'] as const).filter((format) => formats.has(format)),
      urgency: this.random.pick(['THIS_WEEK', 'THIS_MONTH', 'NO_RUSH'] as const),
      status: 'OPEN',
      closed_at: null,
      created_at: this.reference,
      updated_at: this.reference,
      ...text,
    };
  }

  placeOf(need: DemoNeed): NeedForFit['place'] {
    const network = need.network_id ? this.#networks.get(need.network_id) : undefined;
    return network ? { latitude: network.latitude, longitude: network.longitude } : null;
  }

  /** The offer as fit.ts reads it; a request that takes a place counts the places taken and promised. */
  forFit(offer: DemoOffer, takesPlace: boolean): OfferForFit {
    return {
      skills: offer.skills,
      skillsAsTyped: offer.skills_as_typed,
      categories: offer.categories,
      formats: offer.formats,
      placeName: offer.place_name,
      latitude: offer.latitude,
      longitude: offer.longitude,
      radiusKm: offer.radius_km,
      capacity: offer.capacity,
      activeMentees: takesPlace ? (this.open.get(offer.user_id) ?? 0) + this.waitingFor(offer.user_id) : 0,
      recentAsks: 0,
    };
  }

  /** Whether the lead may see the offer: open to anyone signed in, or they share a network. */
  visibleTo(offer: DemoOffer, lead: Person): boolean {
    if (offer.visible_to === 'SIGNED_IN') return true;
    const mentor = this.#people.get(offer.user_id)!;
    return mentor.networks.some((network) => lead.networks.includes(network));
  }

  /**
   * The fit of each offer the lead could ask at `at` about the need: visible to them, not theirs,
   * not asked about it already, written before then, and (when the ask takes or needs a place)
   * not paused and with a place free. Best first.
   */
  fits(need: DemoNeed, at: Date, takesPlace: boolean, among?: ReadonlySet<string>) {
    const lead = this.#people.get(need.lead_id)!;
    const asked = new Set(this.rows.requests.filter((r) => r.need_id === need.id).map((r) => r.mentor_id));
    const forFit = { ...need, skillsAsTyped: need.skills_as_typed, place: this.placeOf(need) };
    return [...this.#offers.values()]
      .flatMap((offer) => {
        const mentor = this.#people.get(offer.user_id)!;
        if (offer.user_id === lead.id || asked.has(offer.user_id) || (among && !among.has(offer.user_id))) return [];
        if ((takesPlace && this.#paused.has(offer.user_id)) || mentor.profile.created_at >= addDays(at, -1)) return [];
        if (!this.visibleTo(offer, lead)) return [];
        const fit = fitOf(forFit, this.forFit(offer, takesPlace));
        return fit && fit.score > 0 ? [{ offer, score: fit.score }] : [];
      })
      .sort((a, b) => b.score - a.score || (a.offer.user_id < b.offer.user_id ? -1 : 1));
  }

  /** One of the best few mentors for the need, or null when nobody fits. */
  mentorFor(need: DemoNeed, at: Date, takesPlace: boolean): string | null {
    const best = this.fits(need, at, takesPlace).slice(0, 4);
    return best.length > 0 ? this.random.pick(best).offer.user_id : null;
  }

  /** When a lead could post a need of this story: in its window, and after they and Hearth met. */
  postedAt(lead: Person, story: Story): Date {
    const [earliest, latest] = NEED_AGE_DAYS[story];
    const posted = this.between(addDays(this.reference, -earliest), addDays(this.reference, -latest));
    const ready = addDays(lead.profile.created_at, 1);
    return posted > ready ? posted : this.between(ready, addDays(this.reference, -1));
  }

  // Stories.

  /**
   * Plays a need's story, with the mentor given or one of the best few; a story nobody fits stays
   * an open need with no request.
   */
  live(lead: Person, story: Story, need: DemoNeed, given: { mentorId?: string; checkIns?: number } = {}): DemoNeed {
    const posted = this.post(need, this.postedAt(lead, story));
    if (story === 'OPEN') return posted;
    const at = this.after(posted.created_at, 3);
    const takesPlace = story !== 'DONE' && story !== 'CLOSED_EARLY';
    const mentor = given.mentorId ?? this.mentorFor(posted, at, takesPlace);
    if (!mentor) return posted;
    const request = this.ask(posted, mentor, at);
    const answered = this.after(at, 4);
    const expired = request.expires_at < this.reference;
    switch (story) {
      case 'WAITING':
        break;
      case 'EXPIRED':
      case 'DECLINED':
        // A need posted too recently for its week to have run out was declined instead.
        if (story === 'EXPIRED' && expired) this.answer(request, 'EXPIRED', request.expires_at);
        else this.answer(request, 'DECLINED', answered, this.random.pick(DECLINE_NOTES));
        break;
      case 'WITHDRAWN':
        this.answer(request, 'WITHDRAWN', answered);
        this.closeNeed(posted, answered);
        break;
      default:
        this.mentor(story, this.accept(request, posted, answered), posted, given.checkIns);
    }
    return posted;
  }

  /** The mentorship's life after the accept, by the story. */
  mentor(story: Story, mentorship: DemoMentorship, need: DemoNeed, checkIns?: number): void {
    if (story === 'ACTIVE') {
      return this.checkIns(mentorship, checkIns ?? this.random.int(1, 3), addDays(this.reference, -1));
    }
    if (story === 'PAUSED') {
      const paused = this.after(mentorship.created_at, 40);
      this.checkIns(mentorship, this.random.int(1, 2), paused);
      Object.assign(mentorship, { status: 'PAUSED', paused_at: paused, updated_at: paused });
      return;
    }
    const closed = this.after(mentorship.created_at, 100);
    this.checkIns(mentorship, story === 'DONE' ? this.random.int(2, 4) : 1, closed);
    this.close(mentorship, need, closed, story === 'DONE' ? 'mentee' : 'mentor');
  }

  /** Amara: a need a mentor declined kindly (open, nothing waiting) and one matched, with check-ins. */
  amarasNeeds(amara: Person): void {
    const leeds = this.roundNetwork;
    // Three check-ins: her page shows a mentorship well under way.
    this.live(
      amara,
      'ACTIVE',
      this.needOf(amara, {
        network_id: leeds,
        title: 'Make the case for a new CRM to our trustees',
        description:
          'Our supporter records are in four spreadsheets. I know we need one system, but the trustees ' +
          'see a cost, not what it would save.',
        first_call_brief: 'What the trustees will ask, and how other small charities answered.',
        categories: ['EXPANDING_POSSIBILITY', 'HANDS_ON_SUPPORT'],
        skills: ['crm setup', 'making the case to trustees'],
        skills_as_typed: ['CRM setup', 'Making the case to trustees'],
        formats: ['VIDEO'],
        urgency: 'NO_RUSH',
      }),
      { checkIns: 3 },
    );
    this.live(
      amara,
      'DECLINED',
      this.needOf(amara, {
        network_id: leeds,
        title: 'Get our supporter newsletter going again',
        description:
          'Our newsletter has not gone out since the spring. I want a simple monthly routine that one ' +
          'person can keep up.',
        first_call_brief: 'Look at our last two newsletters with me and tell me what to cut.',
        categories: ['QUICK_TIP', 'SHORT_TERM_SKILLS'],
        skills: ['mailchimp', 'email marketing'],
        skills_as_typed: ['Mailchimp', 'Email marketing'],
        formats: ['VIDEO', 'IN_PERSON'],
        urgency: 'THIS_MONTH',
      }),
    );
  }

  /** A lead in Cardiff, Rhys's network, asks him about a need his offer fits, and waits. Returns the lead. */
  rhysIsAsked(): string {
    const rhys = this.#byEmail.get(RHYS)!;
    const offer = this.#offers.get(rhys.id)!;
    const cardiff = rhys.networks[0]!;
    const lead = this.leads().find((p) => p.id !== rhys.id && p.networks.includes(cardiff) && p.email !== AMARA)!;
    const skill = offer.skills[0]!;
    this.live(
      lead,
      'WAITING',
      this.needOf(lead, {
        network_id: cardiff,
        categories: [offer.categories[0]!],
        skills: [skill],
        skills_as_typed: [offer.skills_as_typed[0]!],
        formats: offer.formats,
      }),
      { mentorId: rhys.id },
    );
    return lead.id;
  }

  /**
   * Leeds's confirmed round: three open needs of its leads and its members' offers with places
   * free, paired by matching.ts (best total fit, and greedy for comparison); each pair asked in
   * the round. One mentor declined; the others accepted.
   */
  matchingRound(exclude: readonly string[]): string[] {
    const leeds = this.roundNetwork;
    const leads = this.pick(
      this.leads().filter((p) => p.networks.includes(leeds) && !exclude.includes(p.id)),
      3,
    );
    const needs = leads.map((lead) =>
      this.post(this.needOf(lead, { network_id: leeds }), this.postedAt(lead, 'DECLINED')),
    );
    const at = this.after(new Date(Math.max(...needs.map((need) => need.created_at.getTime()))), 2);
    const members = new Set([...this.#people.values()].filter((p) => p.networks.includes(leeds)).map((p) => p.id));
    const problem: MatchingProblem = {
      needIds: needs.map((need) => need.id),
      mentors: [...members]
        .filter((id) => this.#offers.has(id))
        .map((id) => ({
          id,
          places: Math.max(0, this.#offers.get(id)!.capacity - (this.open.get(id) ?? 0) - this.waitingFor(id)),
        })),
      edges: needs.flatMap((need) =>
        this.fits(need, at, true, members).map(({ offer, score }) => ({
          needId: need.id,
          mentorId: offer.user_id,
          score,
        })),
      ),
    };
    const best = optimalAssignment(problem);
    const round: DemoRound = {
      id: this.random.uuidV7(at),
      network_id: leeds,
      organiser_id: this.#byEmail.get(AMARA)!.id,
      pair_count: best.pairs.length,
      total_score: best.totalScore,
      greedy_score: greedyAssignment(problem).totalScore,
      created_at: at,
    };
    this.rows.rounds.push(round);
    best.pairs.forEach((pair, n) => {
      const need = needs.find((candidate) => candidate.id === pair.needId)!;
      const request = this.ask(need, pair.mentorId, at, round.id);
      const answered = this.after(at, 3);
      if (n === 0) this.answer(request, 'DECLINED', answered, this.random.pick(DECLINE_NOTES));
      else this.checkIns(this.accept(request, need, answered), 1, addDays(this.reference, -1));
    });
    return leads.map((lead) => lead.id);
  }
}
