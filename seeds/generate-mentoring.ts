// Mentoring for the large generated data set (`node seeds/generate.ts --offers 20000`): mentors'
// offers, and enough history behind them that some mentors are full and some were asked a lot
// lately, as the suggestions benchmark (tests/bench/mentoring.ts) needs.
//
// Offers go to the generated mentors first (in an order drawn from the seed), then to other
// generated people with a profile, whose profile then says they mentor: afterwards a profile's
// is_mentor is true exactly when the person has an offer. Skills come from a skewed vocabulary:
// a few skills nearly every mentor lists, a long tail that a few dozen do, as tags on a real
// site fall. Each offer may carry open mentorships (some mentors full), closed ones, and
// requests sent in the 30 days before the reference date (pending ones within its last week).
// Every mentorship and request is about a need of its own, from a generated digital lead.
//
// The rows are built here from a seeded generator and sent as JSON (mentoring-rows.ts). The
// person ids they hang on are read back from the database in a fixed order, so the same seed
// gives the same rows on PGlite and PostgreSQL. For 20,000 offers (with about 21,000 mentorships
// and 50,000 needs and requests) this adds about 7 s on PostgreSQL and 10 s on PGlite.
import { sql, type Kysely } from 'kysely';
import {
  SUPPORT_CATEGORY_VALUES as SUPPORT_CATEGORIES,
  type MentoringFormat,
  type SupportCategory,
} from '../server/src/db/schema.ts';
import { checkedSkills } from '../server/src/modules/people/profile-input.ts';
import { insertMentoringRows } from './mentoring-rows.ts';
import { addDays, daysBetween, seededRandom, type Random } from './random.ts';
import { ANSWER_WITHIN_DAYS } from '../server/src/modules/mentoring/asks.ts';
import type { DemoOffer } from './demo-mentoring-rows.ts';

// Any Kysely: seeds, like migrations, should not depend on the app's generated types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Skills mentors offer, as typed, most common first. Skill n is drawn with weight 1 / n^1.2:
 * the first is in about two offers of three, the last in about one of four hundred.
 */
export const MENTOR_SKILL_VOCABULARY: readonly string[] = [
  'Social media',
  'Canva',
  'Mailchimp',
  'WordPress',
  'Email marketing',
  'Copywriting',
  'Google Workspace',
  'Microsoft 365',
  'Digital strategy',
  'Website build',
  'Data protection',
  'GDPR',
  'SEO',
  'Google Analytics',
  'Newsletters',
  'Excel',
  'Digital fundraising',
  'Funding bids for digital',
  'CRM setup',
  'Salesforce',
  'Accessibility',
  'Cyber security',
  'Coaching',
  'Facilitation',
  'User research',
  'Service design',
  'Product management',
  'Agile delivery',
  'Automation',
  'Zapier',
  'AI tools',
  'Video editing',
  'Photography',
  'Event promotion',
  'Volunteer management',
  'Templates',
  'Making the case to trustees',
  'Change management',
  'Peer support',
  'Testing ideas',
  'Online safeguarding',
  'Case studies',
  'Charity governance',
  'Inclusive design',
  'Charity finance',
  'Open data',
  'Hiring a team',
  'Journey mapping',
  'Prototyping',
  'Roadmapping',
  'HTML and CSS',
  'Data migration',
  'Plain English',
  'Assistive technology',
  'Interviewing',
  'Usability testing',
  'Budgets for digital',
  'Lived experience',
  'Airtable',
  'HubSpot',
  'Notion',
  'Trello',
  'Slack',
  'Figma',
  'Beacon CRM',
  'Donorfy',
  'JustGiving',
  'Eventbrite',
  'Typeform',
  'Power BI',
  'Looker Studio',
  'Python',
  'SQL',
  'Shopify',
  'Squarespace',
  'Wix',
  'Drupal',
  'Podcasting',
  'Instagram',
  'TikTok',
  'LinkedIn',
  'YouTube',
  'Facebook groups',
  'WhatsApp communities',
  'Online events',
  'Zoom',
  'Microsoft Teams',
  'SharePoint',
  'Google Ad Grants',
  'Gift Aid',
  'Data visualisation',
  'Impact measurement',
  'Surveys',
  'Content design',
  'Branding',
  'Storytelling',
  'Press and PR',
  'Crisis communications',
  'Digital inclusion',
  'Device recycling',
  'Cloud backups',
  'Password managers',
  'Multi-factor authentication',
  'Phishing awareness',
  'IT procurement',
  'Choosing a supplier',
  'Open source',
  'Low-code tools',
  'Power Automate',
  'Chatbots',
  'SMS campaigns',
  'Easy Read',
  'British Sign Language',
  'Translation',
  'Welsh language',
  'Rural connectivity',
  'Co-operatives',
  'Social enterprise',
  'Theory of change',
  'Digital maturity',
  'Board reporting',
  'Risk registers',
  'Business continuity',
  'Remote working',
  'Hybrid meetings',
  'Recruiting volunteers online',
  'Online learning',
  'Moodle',
  'Safeguarding policies',
  'Digital wellbeing',
  'Ethical AI',
  'Data ethics',
  'Dashboards',
  'APIs',
  'JavaScript',
  'Mobile apps',
  'Booking systems',
  'Online shops',
  'Membership systems',
  'Donation forms',
  'Crowdfunding',
  'Legacy giving online',
  'Corporate partnerships',
  'Grant reporting',
  'Volunteer rotas',
  'Case management systems',
  'Referral systems',
  'Scottish Gaelic',
  'Irish language',
];

const SKILL_SKEW = 1.2;
const SKILL_WEIGHTS = MENTOR_SKILL_VOCABULARY.map((skill, n) => [skill, 1 / (n + 1) ** SKILL_SKEW] as const);

/** The kinds of support mentors give, by how often they offer them. */
const CATEGORY_SUPPLY: ReadonlyArray<readonly [SupportCategory, number]> = [
  ['QUICK_TIP', 3],
  ['SHORT_TERM_SKILLS', 4],
  ['EXPANDING_POSSIBILITY', 2],
  ['LONG_TERM_SKILLS', 2],
  ['HANDS_ON_SUPPORT', 2.5],
  ['PERSONAL_VALIDATION', 2],
  ['RISK_MITIGATION', 2],
  ['UNIQUE_PERSPECTIVES', 1],
];

const COMMITMENTS = [
  'An hour a month for three months.',
  'An hour a fortnight, by video, for as long as it helps.',
  'Quick questions any time; a longer call once a month.',
  'Two or three calls over a couple of months.',
  'Half a day a quarter, in person if you are nearby.',
];
const RADII_KM = [5, 10, 15, 25, 40, 60];
const MESSAGES = [
  'Hello! Your offer looks like a good fit for what we are stuck on. Could we talk?',
  'Hi, I read your offer and would love an hour of your time on this.',
  'We are a small team and this is new to us. Would you be willing to help?',
];
const DECLINE_NOTES = [
  'Thank you for asking. I am short of time this month; do ask again later.',
  'This is a little outside what I know well, and I would not want to steer you wrong. Good luck!',
  'I am at capacity just now, sorry. Someone else here will be a better fit.',
];
const NEED_TITLES = [
  'Get our newsletter going again',
  'Choose a CRM for a team of four',
  'Make our website easier to update',
  'Plan a digital strategy our trustees will back',
  'Stay safe with supporters’ data',
  'Grow our social media without paying for it',
  'Write a funding bid for digital work',
  'Save time on admin with automation',
];
const OUTCOME_NOTES = [
  'We now send a newsletter every month, and people reply to it.',
  'The trustees agreed the plan at the next meeting.',
  'We chose a system and moved our records over in a fortnight.',
];

export interface MentoringPlan {
  /** How many offers to make: at most one per generated person with a profile. */
  offers: number;
  seed: number;
  reference: Date;
  /** Places an offer may meet in: the generated networks' towns. */
  places: ReadonlyArray<{ name: string; latitude: number; longitude: number }>;
  emailDomain: string;
}

export interface MentoringSummary {
  offers: number;
  pausedOffers: number;
  /** Offers whose open mentorships fill every place. */
  fullOffers: number;
  needs: number;
  requests: number;
  mentorships: number;
}

interface Person {
  user_id: string;
  is_mentor: boolean;
  is_digital_lead: boolean;
  created_at: Date;
}

/** An offer row, as the demo writes one. */
type OfferRow = DemoOffer;

/** The rows of each table, in the order they must be inserted. */
interface Rows {
  offers: OfferRow[];
  needs: object[];
  requests: object[];
  mentorships: object[];
}

const RECENT_DAYS = 30;

/** Makes the offers and their history; the same plan on the same generated people gives the same rows. */
export async function generateMentoring(db: AnyDb, plan: MentoringPlan): Promise<MentoringSummary> {
  const people = (
    await sql<Person>`
      select p.user_id, p.is_mentor, p.is_digital_lead, p.created_at from profiles p
      join users u on u.id = p.user_id
      where u.email like ${`%@${plan.emailDomain}`}
      order by p.user_id
    `.execute(db)
  ).rows;
  if (!Number.isInteger(plan.offers) || plan.offers < 0 || plan.offers > people.length) {
    throw new Error(`offers must be a whole number from 0 to ${people.length} (one per person with a profile)`);
  }
  const random = seededRandom(plan.seed + 2_000_003);
  const rows = buildRows(random, plan, people);
  await insertMentoringRows(db, 'mentor_offers', rows.offers);
  await insertMentoringRows(db, 'needs', rows.needs);
  await insertMentoringRows(db, 'mentorship_requests', rows.requests);
  await insertMentoringRows(db, 'mentorships', rows.mentorships);
  // One source of truth: a generated profile says "mentor" exactly when there is an offer.
  await sql`
    update profiles p set is_mentor = not p.is_mentor
    where p.user_id in (select id from users where email like ${`%@${plan.emailDomain}`})
      and p.is_mentor <> exists (select 1 from mentor_offers o where o.user_id = p.user_id)
  `.execute(db);
  const open = new Map<string, number>();
  for (const m of rows.mentorships as Array<{ mentor_id: string; status: string }>) {
    if (m.status !== 'CLOSED') open.set(m.mentor_id, (open.get(m.mentor_id) ?? 0) + 1);
  }
  return {
    offers: rows.offers.length,
    pausedOffers: rows.offers.filter((o) => o.paused_at !== null).length,
    fullOffers: rows.offers.filter((o) => (open.get(o.user_id) ?? 0) >= o.capacity).length,
    needs: rows.needs.length,
    requests: rows.requests.length,
    mentorships: rows.mentorships.length,
  };
}

/** Fisher–Yates, from the seeded generator. */
function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function distinctDraws<T>(random: Random, weights: ReadonlyArray<readonly [T, number]>, draws: number): T[] {
  const chosen = new Set<T>();
  for (let i = 0; i < draws; i += 1) chosen.add(random.weighted(weights));
  return [...chosen];
}

/** A moment between two others, `share` of the way. */
const between = (from: Date, to: Date, share: number) => addDays(from, daysBetween(from, to) * share);

function buildRows(random: Random, plan: MentoringPlan, people: readonly Person[]): Rows {
  const mentorsFirst = [
    ...shuffled(
      random,
      people.filter((p) => p.is_mentor),
    ),
    ...shuffled(
      random,
      people.filter((p) => !p.is_mentor),
    ),
  ];
  const leads = people.filter((p) => p.is_digital_lead);
  const rows: Rows = { offers: [], needs: [], requests: [], mentorships: [] };
  for (const mentor of mentorsFirst.slice(0, plan.offers)) {
    const offer = offerFor(random, plan, mentor);
    rows.offers.push(offer);
    // Asks need a lead other than the mentor; a tiny data set may have none.
    if (leads.length > 1) addHistory(random, plan, offer, leads, rows);
  }
  return rows;
}

function offerFor(random: Random, plan: MentoringPlan, mentor: Person): OfferRow {
  const skills = checkedSkills(distinctDraws(random, SKILL_WEIGHTS, random.int(2, 6)));
  const categories = new Set(distinctDraws(random, CATEGORY_SUPPLY, random.int(1, 3)));
  const formats = new Set<MentoringFormat>();
  if (random.chance(0.85)) formats.add('VIDEO');
  if (random.chance(0.5)) formats.add('PHONE');
  if (random.chance(0.35)) formats.add('IN_PERSON');
  if (formats.size === 0) formats.add('VIDEO');
  const place = formats.has('IN_PERSON') || random.chance(0.15) ? random.pick(plan.places) : null;
  const created = between(mentor.created_at, plan.reference, random.next());
  const paused = random.chance(0.08) ? between(created, plan.reference, random.next()) : null;
  return {
    user_id: mentor.user_id,
    skills: skills.keys,
    skills_as_typed: skills.asTyped,
    categories: SUPPORT_CATEGORIES.filter((category) => categories.has(category)),
    formats: (['VIDEO', 'PHONE', 'IN_PERSON'] as const).filter((format) => formats.has(format)),
    place_name: place?.name ?? null,
    latitude: place?.latitude ?? null,
    longitude: place?.longitude ?? null,
    radius_km: place ? random.pick(RADII_KM) : null,
    capacity: random.weighted([
      [1, 3],
      [2, 4],
      [3, 3],
      [4, 1.5],
      [5, 1],
    ]),
    commitment: random.pick(COMMITMENTS),
    visible_to: random.chance(0.15) ? 'SHARED_NETWORKS' : 'SIGNED_IN',
    promised_no_selling_at: created,
    paused_at: paused,
    created_at: created,
    updated_at: paused ?? created,
  };
}

/** A need of a generated lead (never the mentor) asking for some of what the offer gives. */
function needFor(random: Random, offer: OfferRow, leads: readonly Person[], at: Date) {
  let lead = random.pick(leads);
  while (lead.user_id === offer.user_id) lead = random.pick(leads);
  const skills = checkedSkills([random.pick(offer.skills_as_typed), random.weighted(SKILL_WEIGHTS)]);
  return {
    id: random.uuidV7(at),
    lead_id: lead.user_id,
    title: random.pick(NEED_TITLES),
    description: 'We are a small charity and nobody on the team has done this before.',
    first_call_brief: 'Whether we are on the right track, and what to do first.',
    categories: [random.pick(offer.categories)],
    skills: skills.keys,
    skills_as_typed: skills.asTyped,
    formats: [random.pick(offer.formats)],
    urgency: random.pick(['THIS_WEEK', 'THIS_MONTH', 'NO_RUSH'] as const),
    status: 'OPEN' as 'OPEN' | 'MATCHED' | 'CLOSED',
    closed_at: null as Date | null,
    created_at: at,
    updated_at: at,
  };
}

/**
 * The offer's open mentorships (about a sixth of mentors are full, a third have some places
 * taken), a closed one or two for some, and the requests of the last 30 days.
 */
function addHistory(random: Random, plan: MentoringPlan, offer: OfferRow, leads: readonly Person[], rows: Rows) {
  const roll = random.next();
  const open = roll < 0.16 ? offer.capacity : roll < 0.5 && offer.capacity > 1 ? random.int(1, offer.capacity - 1) : 0;
  const closed = random.chance(0.2) ? random.int(1, 2) : 0;
  for (let n = 0; n < open + closed; n += 1) {
    const asked = between(offer.created_at, addDays(plan.reference, -1), random.next());
    const answered = addDays(asked, Math.min(daysBetween(asked, plan.reference), random.next() * 5));
    const need = needFor(random, offer, leads, addDays(asked, -random.next()));
    const request = acceptedRequest(random, need, offer, asked, answered);
    const isOpen = n < open;
    const closedAt = isOpen ? null : between(answered, plan.reference, random.next());
    const paused = isOpen && random.chance(0.1) ? between(answered, plan.reference, random.next()) : null;
    const rated = closedAt !== null && random.chance(0.6);
    rows.needs.push({ ...need, status: isOpen ? 'MATCHED' : 'CLOSED', closed_at: closedAt });
    rows.requests.push(request);
    rows.mentorships.push({
      id: random.uuidV7(answered),
      request_id: request.id,
      need_id: need.id,
      mentor_id: offer.user_id,
      mentee_id: need.lead_id,
      goals: 'Agree what to try first, then check in monthly.',
      status: closedAt ? 'CLOSED' : paused ? 'PAUSED' : 'ACTIVE',
      paused_at: paused,
      closed_at: closedAt,
      closed_by: closedAt ? need.lead_id : null,
      close_note: closedAt ? 'Thank you: we have what we needed for now.' : null,
      outcome_rating: rated ? random.int(3, 5) : null,
      outcome_note: rated ? random.pick(OUTCOME_NOTES) : null,
      outcome_at: rated ? closedAt : null,
      created_at: answered,
      updated_at: closedAt ?? paused ?? answered,
    });
  }
  // Recent asks: most mentors none or one, a few "usual suspects" five or more.
  const recent = Math.floor(random.next() ** 3 * 7);
  const since = addDays(plan.reference, -RECENT_DAYS);
  const from = offer.created_at > since ? offer.created_at : since;
  for (let n = 0; n < recent; n += 1) {
    const asked = between(from, plan.reference, random.next());
    const need = needFor(random, offer, leads, addDays(asked, -random.next() / 2));
    rows.needs.push(need);
    rows.requests.push(unansweredOrRefused(random, plan, need, offer, asked));
  }
}

function acceptedRequest(
  random: Random,
  need: { id: string; lead_id: string },
  offer: OfferRow,
  asked: Date,
  answered: Date,
) {
  return {
    id: random.uuidV7(asked),
    need_id: need.id,
    mentor_id: offer.user_id,
    lead_id: need.lead_id,
    message: random.pick(MESSAGES),
    status: 'ACCEPTED',
    response_note: null,
    expires_at: addDays(asked, ANSWER_WITHIN_DAYS),
    answered_at: answered,
    created_at: asked,
    updated_at: answered,
  };
}

/** A request of the last 30 days: waiting when its week has not run out, else declined, expired or withdrawn. */
function unansweredOrRefused(
  random: Random,
  plan: MentoringPlan,
  need: { id: string; lead_id: string },
  offer: OfferRow,
  asked: Date,
) {
  const expires = addDays(asked, ANSWER_WITHIN_DAYS);
  const waiting = expires > plan.reference && random.chance(0.6);
  const status = waiting
    ? 'PENDING'
    : random.weighted([
        ['DECLINED', 5],
        ['EXPIRED', expires <= plan.reference ? 3 : 0],
        ['WITHDRAWN', 2],
      ] as const);
  const latest = expires < plan.reference ? expires : plan.reference;
  const answered = status === 'PENDING' ? null : status === 'EXPIRED' ? expires : between(asked, latest, random.next());
  return {
    id: random.uuidV7(asked),
    need_id: need.id,
    mentor_id: offer.user_id,
    lead_id: need.lead_id,
    message: random.pick(MESSAGES),
    status,
    response_note: status === 'DECLINED' ? random.pick(DECLINE_NOTES) : null,
    expires_at: expires,
    answered_at: answered,
    created_at: asked,
    updated_at: answered ?? asked,
  };
}
