import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { arrayLiteral, type IdCondition } from '../../core/query.ts';
import type {
  Database,
  MentoringFormat,
  MentorshipRequestStatus,
  MentorshipStatus,
  NeedStatus,
  NeedUrgency,
  OfferVisibility,
  SupportCategory,
} from '../../db/schema.ts';

type Executor = Kysely<Database>;

export type {
  MentoringFormat,
  MentorshipRequestStatus,
  MentorshipStatus,
  NeedStatus,
  NeedUrgency,
  OfferVisibility,
  SupportCategory,
};

// Offers.

/** A mentor's offer as the service reads it; `activeMentees` counts mentorships not closed. */
export interface OfferRecord {
  userId: string;
  skills: string[];
  skillsAsTyped: string[];
  categories: SupportCategory[];
  formats: MentoringFormat[];
  placeName: string | null;
  latitude: number | null;
  longitude: number | null;
  radiusKm: number | null;
  capacity: number;
  commitment: string;
  visibleTo: OfferVisibility;
  promisedNoSellingAt: Date;
  pausedAt: Date | null;
  /** When the stewards hid it after a report: kept, shown to its mentor only. Null while shown. */
  hiddenAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface OfferFields {
  skills: { keys: string[]; asTyped: string[] };
  categories: SupportCategory[];
  formats: MentoringFormat[];
  place: { name: string; latitude: number; longitude: number; radiusKm: number } | null;
  capacity: number;
  commitment: string;
  visibleTo: OfferVisibility;
}

const OFFER_COLUMNS = [
  'user_id as userId',
  'skills',
  'skills_as_typed as skillsAsTyped',
  // Arrays of enums arrive as their text form from both drivers; as text[] they arrive as arrays.
  sql<SupportCategory[]>`categories::text[]`.as('categories'),
  sql<MentoringFormat[]>`formats::text[]`.as('formats'),
  'place_name as placeName',
  'latitude',
  'longitude',
  'radius_km as radiusKm',
  'capacity',
  'commitment',
  'visible_to as visibleTo',
  'promised_no_selling_at as promisedNoSellingAt',
  'paused_at as pausedAt',
  'hidden_at as hiddenAt',
  'created_at as createdAt',
  'updated_at as updatedAt',
] as const;

/**
 * A person not suspended in a network: not a member of it (by `member`), or one in good standing
 * there (by `inGoodStanding`). Conditions from the memberships module, combined.
 */
export function notSuspendedIn(member: IdCondition, inGoodStanding: IdCondition): IdCondition {
  return (id) => sql<SqlBool>`(not (${member(id)}) or (${inGoodStanding(id)}))`;
}

/**
 * Whether an offer (read as `o`) is shown to others: not hidden by stewards after a report. Every
 * statement that lists, suggests, matches or lets someone ask a mentor composes this one
 * condition; the mentor alone still sees their hidden offer. Writing the offer (an edit, a pause)
 * never touches hidden_at, so a mentor cannot unhide it.
 */
const visibleOffer: Expression<SqlBool> = sql<SqlBool>`o.hidden_at is null`;

export async function getOffer(db: Executor, userId: string): Promise<OfferRecord | null> {
  const row = await db
    .selectFrom('mentor_offers')
    .select(OFFER_COLUMNS)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * The offer, when the viewer may ask through it: shown (not hidden), open to anyone signed in or
 * sharing a network with them, and meeting every one of `alsoRequired` (not blocked, say).
 */
export async function getOfferVisibleTo(
  db: Executor,
  userId: string,
  sharesNetworkWithViewer: IdCondition,
  alsoRequired: readonly IdCondition[] = [],
): Promise<OfferRecord | null> {
  const row = await db
    .selectFrom('mentor_offers as o')
    .select(OFFER_COLUMNS)
    .where('o.user_id', '=', userId)
    .where(visibleOffer)
    .where((eb) => eb.or([eb('o.visible_to', '=', 'SIGNED_IN'), sharesNetworkWithViewer(eb.ref('o.user_id'))]))
    .where((eb) => eb.and(alsoRequired.map((condition) => condition(eb.ref('o.user_id')))))
    .executeTakeFirst();
  return row ?? null;
}

/** Hides an offer after a report: kept, shown to its mentor only. Null when there is no offer. */
export async function hideOffer(db: Executor, userId: string, now: Date): Promise<OfferRecord | null> {
  const row = await db
    .updateTable('mentor_offers')
    .set({ hidden_at: now, updated_at: now })
    .where('user_id', '=', userId)
    .returning(OFFER_COLUMNS)
    .executeTakeFirst();
  return row ?? null;
}

/** The offer's row locked for this transaction: accepts and changes of capacity queue behind it. */
export async function lockOffer(db: Executor, userId: string): Promise<OfferRecord | null> {
  const row = await db
    .selectFrom('mentor_offers')
    .select(OFFER_COLUMNS)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Writes the offer. Making the no-selling promise again on an edit keeps its first date: the
 * date a report would cite is when the mentor first promised.
 */
export async function upsertOffer(db: Executor, userId: string, fields: OfferFields, now: Date): Promise<OfferRecord> {
  const columns = {
    skills: sql<string[]>`cast(${arrayLiteral(fields.skills.keys)} as text[])`,
    skills_as_typed: sql<string[]>`cast(${arrayLiteral(fields.skills.asTyped)} as text[])`,
    categories: sql<SupportCategory[]>`cast(${arrayLiteral(fields.categories)} as support_category[])`,
    formats: sql<MentoringFormat[]>`cast(${arrayLiteral(fields.formats)} as mentoring_format[])`,
    place_name: fields.place?.name ?? null,
    latitude: fields.place?.latitude ?? null,
    longitude: fields.place?.longitude ?? null,
    radius_km: fields.place?.radiusKm ?? null,
    capacity: fields.capacity,
    commitment: fields.commitment,
    visible_to: fields.visibleTo,
    updated_at: now,
  };
  return db
    .insertInto('mentor_offers')
    .values({ user_id: userId, promised_no_selling_at: now, created_at: now, ...columns })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(columns))
    .returning(OFFER_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Pauses or resumes an offer; a pause keeps its first date. Null when there is no offer. */
export async function setOfferPaused(
  db: Executor,
  userId: string,
  paused: boolean,
  now: Date,
): Promise<OfferRecord | null> {
  const row = await db
    .updateTable('mentor_offers')
    .set({
      paused_at: paused ? sql<Date>`coalesce(paused_at, ${now})` : null,
      updated_at: now,
    })
    .where('user_id', '=', userId)
    .returning(OFFER_COLUMNS)
    .executeTakeFirst();
  return row ?? null;
}

// Needs.

export interface NeedRecord {
  id: string;
  leadId: string;
  networkId: string | null;
  title: string;
  description: string;
  firstCallBrief: string;
  categories: SupportCategory[];
  skills: string[];
  skillsAsTyped: string[];
  formats: MentoringFormat[];
  urgency: NeedUrgency;
  status: NeedStatus;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NeedFields {
  networkId: string | null;
  title: string;
  description: string;
  firstCallBrief: string;
  categories: SupportCategory[];
  skills: { keys: string[]; asTyped: string[] };
  formats: MentoringFormat[];
  urgency: NeedUrgency;
}

const NEED_COLUMNS = [
  'id',
  'lead_id as leadId',
  'network_id as networkId',
  'title',
  'description',
  'first_call_brief as firstCallBrief',
  sql<SupportCategory[]>`categories::text[]`.as('categories'),
  'skills',
  'skills_as_typed as skillsAsTyped',
  sql<MentoringFormat[]>`formats::text[]`.as('formats'),
  'urgency',
  'status',
  'closed_at as closedAt',
  'created_at as createdAt',
  'updated_at as updatedAt',
] as const;

export async function insertNeed(db: Executor, leadId: string, fields: NeedFields, now: Date): Promise<NeedRecord> {
  return db
    .insertInto('needs')
    .values({
      lead_id: leadId,
      network_id: fields.networkId,
      title: fields.title,
      description: fields.description,
      first_call_brief: fields.firstCallBrief,
      categories: sql<SupportCategory[]>`cast(${arrayLiteral(fields.categories)} as support_category[])`,
      skills: sql<string[]>`cast(${arrayLiteral(fields.skills.keys)} as text[])`,
      skills_as_typed: sql<string[]>`cast(${arrayLiteral(fields.skills.asTyped)} as text[])`,
      formats: sql<MentoringFormat[]>`cast(${arrayLiteral(fields.formats)} as mentoring_format[])`,
      urgency: fields.urgency,
      created_at: now,
      updated_at: now,
    })
    .returning(NEED_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function getNeedsByIds(db: Executor, ids: readonly string[]): Promise<NeedRecord[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('needs').select(NEED_COLUMNS).where('id', 'in', ids).execute();
}

/** A lead's needs, newest first. */
export async function getNeedsOfLead(db: Executor, leadId: string): Promise<NeedRecord[]> {
  return db
    .selectFrom('needs')
    .select(NEED_COLUMNS)
    .where('lead_id', '=', leadId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Closes a lead's need unless it is closed already; null when it was not theirs or not open. */
export async function closeNeed(db: Executor, needId: string, leadId: string, now: Date): Promise<NeedRecord | null> {
  const row = await db
    .updateTable('needs')
    .set({ status: 'CLOSED', closed_at: now, updated_at: now })
    .where('id', '=', needId)
    .where('lead_id', '=', leadId)
    .where('status', '<>', 'CLOSED')
    .returning(NEED_COLUMNS)
    .executeTakeFirst();
  return row ?? null;
}

// Suggestions.

/** An offer that may be suggested, with what the fit reads of the mentor now. */
export interface CandidateOffer extends OfferRecord {
  activeMentees: number;
  recentAsks: number;
}

/** How much each part of the fit counts (fit.ts), so the database orders candidates as the fit would. */
export interface CandidateWeights {
  skills: number;
  categories: number;
  nearby: number;
  freePlaces: number;
}

export interface CandidateQuery {
  needId: string;
  leadId: string;
  skills: readonly string[];
  categories: readonly SupportCategory[];
  formats: readonly MentoringFormat[];
  /** Where the lead is, for meeting in person; null when unknown. */
  place: { latitude: number; longitude: number } | null;
  /** Requests sent since this time count as recent asks. */
  asksSince: Date;
  /** Who the lead shares a network with, for offers limited to shared networks. */
  sharesNetworkWithLead: IdCondition;
  /** Who may be suggested to the lead at all, every one holding: not blocked either way, say. At least one. */
  suggestable: readonly IdCondition[];
  weights: CandidateWeights;
  /** How many of the best offers to read (before leaving out those the lead may not see). */
  limit: number;
}

/** A candidate and the part of its fit the database computed: all but the format and recent-asks points. */
export type RankedCandidate = CandidateOffer & { partialFit: number };

export interface CandidatePage {
  /** The offers the lead may see among the best `limit`, best partial fit first. */
  offers: RankedCandidate[];
  /** Every offer left out has a partial fit of at most this; null when none was left out. */
  floor: number | null;
}

/** Offers shown and not paused, with what the fit reads of each mentor now: open mentorships and recent asks. */
function unpausedOffersWithFacts(db: Executor, asksSince: Date) {
  return db
    .selectFrom('mentor_offers as o')
    .select(OFFER_COLUMNS)
    .select((eb) => [
      'o.open_mentorships as activeMentees',
      eb
        .selectFrom('mentorship_requests as r')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('r.mentor_id', '=', 'o.user_id')
        .where('r.created_at', '>=', asksSince)
        .as('recentAsks'),
    ])
    .where('o.paused_at', 'is', null)
    .where(visibleOffer);
}

/** Counts arrive as text from PostgreSQL's bigint. */
const withCounts = <Row extends { recentAsks: string | null }>(row: Row) => ({
  ...row,
  recentAsks: Number(row.recentAsks),
});

const textArray = (values: readonly string[]) => sql<string[]>`cast(${arrayLiteral(values)} as text[])`;
const categoryArray = (values: readonly string[]) =>
  sql<SupportCategory[]>`cast(${arrayLiteral(values)} as support_category[])`;

/** How many of `wanted` the array column holds, as a sum of containments: each a cheap array test. */
function countOf(column: 'skills' | 'categories', wanted: readonly string[]) {
  if (wanted.length === 0) return sql<number>`0`;
  const one = column === 'skills' ? textArray : categoryArray;
  return sql<number>`(${sql.join(
    wanted.map((value) => sql`(o.${sql.ref(column)} @> ${one([value])})::int`),
    sql` + `,
  )})`;
}

/** Great-circle km from the lead to the offer's place (fit.ts distanceKm), null without a place. */
function kmFrom(place: { latitude: number; longitude: number }) {
  const lat = sql`${place.latitude}::float8`;
  const lon = sql`${place.longitude}::float8`;
  return sql<number | null>`2 * 6371 * asin(least(1, sqrt(
    sin(radians(o.latitude - ${lat}) / 2) ^ 2
    + cos(radians(${lat})) * cos(radians(o.latitude)) * sin(radians(o.longitude - ${lon}) / 2) ^ 2)))`;
}

/**
 * The partial fit of each offer, computed where the offers are: skills and kinds of support
 * shared, meeting nearby, and places free, weighted as fit.ts weighs them; and whether the offer
 * can meet the lead in person (within its distance, a hair generous so rounding never drops one).
 */
function partialFit(query: CandidateQuery) {
  const w = query.weights;
  const share = (weight: number, count: ReturnType<typeof countOf>, of: number) =>
    of === 0 ? sql<number>`0` : sql<number>`${sql.lit(weight)}::float8 * ${count} / ${sql.lit(of)}`;
  const km = query.place && query.formats.includes('IN_PERSON') ? kmFrom(query.place) : null;
  const inPerson = km
    ? sql<SqlBool>`('IN_PERSON' = any(o.formats) and o.latitude is not null and ${km} <= o.radius_km + 1e-9)`
    : sql<SqlBool>`false`;
  const nearby = km
    ? sql<number>`case when ${inPerson} then ${sql.lit(w.nearby)}::float8 * greatest(0, 1 - ${km} / o.radius_km) else 0 end`
    : sql<number>`0`;
  const score = sql<number>`${share(w.skills, countOf('skills', query.skills), query.skills.length)}
    + ${share(w.categories, countOf('categories', query.categories), query.categories.length)}
    + ${nearby}
    + ${sql.lit(w.freePlaces)}::float8 * (o.capacity - o.open_mentorships) / o.capacity`;
  return { score, inPerson };
}

/**
 * The best `limit` offers for a need by partial fit, of those that could be suggested: not
 * paused, not full, not the lead's, not asked about this need already, sharing a skill or a kind
 * of support with it (when it names any), and with a way of meeting in common (in person only
 * within the mentor's distance). Of those, the ones the lead may see.
 *
 * The first two conditions are the predicate of the partial indexes on skills and categories, so
 * full and paused offers are never read. Visibility is checked last, on the best `limit` only:
 * the membership test it needs is cheap a few hundred times, not for every offer with a common
 * skill. Their facts (recent asks) are read for those rows alone.
 */
export async function listCandidateOffers(db: Executor, query: CandidateQuery): Promise<CandidatePage> {
  const { score, inPerson } = partialFit(query);
  const otherFormats = query.formats.filter((format) => format !== 'IN_PERSON');
  const best = db
    .selectFrom('mentor_offers as o')
    .select(['o.user_id as userId', score.as('partialFit')])
    .where('o.paused_at', 'is', null)
    .where(visibleOffer)
    .where(sql<SqlBool>`o.open_mentorships < o.capacity`)
    .where('o.user_id', '<>', query.leadId)
    .$if(query.skills.length > 0 || query.categories.length > 0, (qb) =>
      qb.where(
        sql<SqlBool>`(o.skills && ${textArray(query.skills)} or o.categories && ${categoryArray(query.categories)})`,
      ),
    )
    .where(sql<SqlBool>`(o.formats && cast(${arrayLiteral(otherFormats)} as mentoring_format[]) or ${inPerson})`)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('mentorship_requests as asked')
            .select(sql`1`.as('one'))
            .where('asked.need_id', '=', query.needId)
            .whereRef('asked.mentor_id', '=', 'o.user_id'),
        ),
      ),
    )
    .orderBy('partialFit', 'desc')
    .orderBy('o.user_id')
    .limit(query.limit);
  const rows = await unpausedOffersWithFacts(db, query.asksSince)
    .innerJoin(best.as('best'), 'best.userId', 'o.user_id')
    .select((eb) => [
      'best.partialFit',
      eb
        .and([
          eb.or([eb('o.visible_to', '=', 'SIGNED_IN'), query.sharesNetworkWithLead(eb.ref('o.user_id'))]),
          ...query.suggestable.map((condition) => condition(eb.ref('o.user_id'))),
        ])
        .as('visible'),
    ])
    .orderBy('best.partialFit', 'desc')
    .orderBy('o.user_id')
    .execute();
  const last = rows.at(-1);
  return {
    offers: rows.filter((row) => row.visible).map(({ visible: _visible, ...row }) => withCounts(row)),
    floor: rows.length === query.limit && last ? last.partialFit : null,
  };
}

/**
 * The offers a matching round may use: members of the network (by the condition), not paused,
 * with a place free, optionally only these mentors; with what the fit reads of them.
 */
export async function listRoundOffers(
  db: Executor,
  round: { memberOfNetwork: IdCondition; mentorIds: readonly string[] | null; asksSince: Date },
): Promise<CandidateOffer[]> {
  if (round.mentorIds !== null && round.mentorIds.length === 0) return [];
  const rows = await unpausedOffersWithFacts(db, round.asksSince)
    .where((eb) => round.memberOfNetwork(eb.ref('o.user_id')))
    .$if(round.mentorIds !== null, (qb) => qb.where('o.user_id', 'in', round.mentorIds!))
    .orderBy('o.user_id')
    .execute();
  return rows.map(withCounts).filter((offer) => offer.activeMentees < offer.capacity);
}

/**
 * A network's open needs that no request waits on, of leads who may take part (by the
 * condition), optionally only these; oldest first, so in a tie the need that waited longest is
 * matched first.
 */
export async function listRoundNeeds(
  db: Executor,
  round: { networkId: string; needIds: readonly string[] | null; now: Date; leadTakesPart: IdCondition },
): Promise<NeedRecord[]> {
  if (round.needIds !== null && round.needIds.length === 0) return [];
  return db
    .selectFrom('needs')
    .select(NEED_COLUMNS)
    .where('network_id', '=', round.networkId)
    .where('status', '=', 'OPEN')
    .where((eb) => round.leadTakesPart(eb.ref('needs.lead_id')))
    .$if(round.needIds !== null, (qb) => qb.where('id', 'in', round.needIds!))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('mentorship_requests as waiting')
            .select(sql`1`.as('one'))
            .whereRef('waiting.need_id', '=', 'needs.id')
            .where('waiting.status', '=', 'PENDING')
            .where('waiting.expires_at', '>', round.now),
        ),
      ),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The mentor–need pairs already asked about, so a round does not ask them again. */
export async function getAskedPairs(db: Executor, needIds: readonly string[]): Promise<Set<string>> {
  if (needIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('mentorship_requests')
    .select(['need_id as needId', 'mentor_id as mentorId'])
    .where('need_id', 'in', needIds)
    .execute();
  return new Set(rows.map((row) => `${row.needId} ${row.mentorId}`));
}

export async function insertMatchingRound(
  db: Executor,
  round: {
    networkId: string;
    organiserId: string;
    pairCount: number;
    totalScore: number;
    greedyScore: number;
    now: Date;
  },
): Promise<{ id: string; createdAt: Date }> {
  return db
    .insertInto('matching_rounds')
    .values({
      network_id: round.networkId,
      organiser_id: round.organiserId,
      pair_count: round.pairCount,
      total_score: round.totalScore,
      greedy_score: round.greedyScore,
      created_at: round.now,
    })
    .returning(['id', 'created_at as createdAt'])
    .executeTakeFirstOrThrow();
}

/** Locks these mentors' offers, in a fixed order so two rounds cannot deadlock. */
export async function lockOffers(db: Executor, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .selectFrom('mentor_offers')
    .select('user_id')
    .where('user_id', 'in', userIds)
    .orderBy('user_id')
    .forUpdate()
    .execute();
}

// Requests.

export interface RequestRecord {
  id: string;
  needId: string;
  mentorId: string;
  leadId: string;
  message: string;
  status: MentorshipRequestStatus;
  responseNote: string | null;
  matchingRoundId: string | null;
  expiresAt: Date;
  answeredAt: Date | null;
  createdAt: Date;
}

const REQUEST_COLUMNS = [
  'id',
  'need_id as needId',
  'mentor_id as mentorId',
  'lead_id as leadId',
  'message',
  'status',
  'response_note as responseNote',
  'matching_round_id as matchingRoundId',
  'expires_at as expiresAt',
  'answered_at as answeredAt',
  'created_at as createdAt',
] as const;

export interface NewRequest {
  needId: string;
  mentorId: string;
  leadId: string;
  message: string;
  matchingRoundId: string | null;
  expiresAt: Date;
}

export async function insertRequests(
  db: Executor,
  requests: readonly NewRequest[],
  now: Date,
): Promise<RequestRecord[]> {
  if (requests.length === 0) return [];
  return db
    .insertInto('mentorship_requests')
    .values(
      requests.map((r) => ({
        need_id: r.needId,
        mentor_id: r.mentorId,
        lead_id: r.leadId,
        message: r.message,
        matching_round_id: r.matchingRoundId,
        expires_at: r.expiresAt,
        created_at: now,
        updated_at: now,
      })),
    )
    .returning(REQUEST_COLUMNS)
    .execute();
}

export async function getRequestsByIds(db: Executor, ids: readonly string[]): Promise<RequestRecord[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('mentorship_requests').select(REQUEST_COLUMNS).where('id', 'in', ids).execute();
}

/** The requests about these needs, oldest first. */
export async function getRequestsOfNeeds(db: Executor, needIds: readonly string[]): Promise<RequestRecord[]> {
  if (needIds.length === 0) return [];
  return db
    .selectFrom('mentorship_requests')
    .select(REQUEST_COLUMNS)
    .where('need_id', 'in', needIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Requests a person sent (as lead) or was sent (as mentor), newest first. */
export async function getRequestsOf(
  db: Executor,
  userId: string,
  side: 'lead_id' | 'mentor_id',
): Promise<RequestRecord[]> {
  return db
    .selectFrom('mentorship_requests')
    .select(REQUEST_COLUMNS)
    .where(side, '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/**
 * Answers a request that is still waiting and not past its time: the conditional update is what
 * makes a request answered once. Null when it was answered, withdrawn or expired first.
 */
export async function answerRequest(
  db: Executor,
  answer: { requestId: string; status: 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN'; note: string | null; now: Date },
): Promise<RequestRecord | null> {
  const row = await db
    .updateTable('mentorship_requests')
    .set({ status: answer.status, response_note: answer.note, answered_at: answer.now, updated_at: answer.now })
    .where('id', '=', answer.requestId)
    .where('status', '=', 'PENDING')
    .where('expires_at', '>', answer.now)
    .returning(REQUEST_COLUMNS)
    .executeTakeFirst();
  return row ?? null;
}

/** Withdraws every waiting request about a need (the need was closed or taken on); returns them. */
export async function withdrawPendingOfNeed(db: Executor, needId: string, now: Date): Promise<RequestRecord[]> {
  return db
    .updateTable('mentorship_requests')
    .set({ status: 'WITHDRAWN', answered_at: now, updated_at: now })
    .where('need_id', '=', needId)
    .where('status', '=', 'PENDING')
    .returning(REQUEST_COLUMNS)
    .execute();
}

/** Marks a need's requests past their time as expired, so the need's one waiting place is free. */
export async function expireRequestsOfNeed(db: Executor, needId: string, now: Date): Promise<void> {
  await db
    .updateTable('mentorship_requests')
    .set({ status: 'EXPIRED', answered_at: now, updated_at: now })
    .where('need_id', '=', needId)
    .where('status', '=', 'PENDING')
    .where('expires_at', '<=', now)
    .execute();
}

/** Marks requests past their time as expired; returns them, for telling their leads. */
export async function expireRequests(db: Executor, now: Date, limit: number): Promise<RequestRecord[]> {
  return db
    .updateTable('mentorship_requests')
    .set({ status: 'EXPIRED', answered_at: now, updated_at: now })
    .where(
      'id',
      'in',
      db
        .selectFrom('mentorship_requests')
        .select('id')
        .where('status', '=', 'PENDING')
        .where('expires_at', '<=', now)
        .orderBy('expires_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(REQUEST_COLUMNS)
    .execute();
}

export async function setNeedStatus(
  db: Executor,
  needId: string,
  status: 'OPEN' | 'MATCHED',
  now: Date,
): Promise<void> {
  await db.updateTable('needs').set({ status, updated_at: now }).where('id', '=', needId).execute();
}

// Mentorships.

export interface MentorshipRecord {
  id: string;
  requestId: string;
  needId: string;
  mentorId: string;
  menteeId: string;
  goals: string;
  status: MentorshipStatus;
  pausedAt: Date | null;
  closedAt: Date | null;
  closedBy: string | null;
  closeNote: string | null;
  outcomeRating: number | null;
  outcomeNote: string | null;
  outcomeAt: Date | null;
  createdAt: Date;
}

const MENTORSHIP_COLUMNS = [
  'id',
  'request_id as requestId',
  'need_id as needId',
  'mentor_id as mentorId',
  'mentee_id as menteeId',
  'goals',
  'status',
  'paused_at as pausedAt',
  'closed_at as closedAt',
  'closed_by as closedBy',
  'close_note as closeNote',
  'outcome_rating as outcomeRating',
  'outcome_note as outcomeNote',
  'outcome_at as outcomeAt',
  'created_at as createdAt',
] as const;

export async function insertMentorship(db: Executor, request: RequestRecord, now: Date): Promise<MentorshipRecord> {
  return db
    .insertInto('mentorships')
    .values({
      request_id: request.id,
      need_id: request.needId,
      mentor_id: request.mentorId,
      mentee_id: request.leadId,
      created_at: now,
      updated_at: now,
    })
    .returning(MENTORSHIP_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** A person's mentorships, as mentor or mentee, newest first. */
export async function getMentorshipsOf(db: Executor, userId: string): Promise<MentorshipRecord[]> {
  return db
    .selectFrom('mentorships')
    .select(MENTORSHIP_COLUMNS)
    .where((eb) => eb.or([eb('mentor_id', '=', userId), eb('mentee_id', '=', userId)]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** How many mentorships each mentor has that are not closed (active or paused). */
export async function countOpenMentorships(db: Executor, mentorIds: readonly string[]): Promise<Map<string, number>> {
  if (mentorIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('mentorships')
    .select(['mentor_id as mentorId', (eb) => eb.fn.countAll<string>().as('count')])
    .where('mentor_id', 'in', mentorIds)
    .where('status', '<>', 'CLOSED')
    .groupBy('mentor_id')
    .execute();
  return new Map(rows.map((row) => [row.mentorId, Number(row.count)]));
}

export async function getMentorshipsByIds(db: Executor, ids: readonly string[]): Promise<MentorshipRecord[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('mentorships').select(MENTORSHIP_COLUMNS).where('id', 'in', ids).execute();
}

export async function setGoals(db: Executor, id: string, goals: string, now: Date): Promise<MentorshipRecord | null> {
  const row = await db
    .updateTable('mentorships')
    .set({ goals, updated_at: now })
    .where('id', '=', id)
    .where('status', '<>', 'CLOSED')
    .returning(MENTORSHIP_COLUMNS)
    .executeTakeFirst();
  return row ?? null;
}

/** Pauses an active mentorship or resumes a paused one; null when it was not in the state to. */
export async function setMentorshipPaused(
  db: Executor,
  id: string,
  paused: boolean,
  now: Date,
): Promise<MentorshipRecord | null> {
  const row = await db
    .updateTable('mentorships')
    .set({ status: paused ? 'PAUSED' : 'ACTIVE', paused_at: paused ? now : null, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', paused ? 'ACTIVE' : 'PAUSED')
    .returning(MENTORSHIP_COLUMNS)
    .executeTakeFirst();
  return row ?? null;
}

/** Closes a mentorship that is not closed; null when it was closed first. */
export async function closeMentorship(
  db: Executor,
  close: {
    id: string;
    by: string;
    note: string | null;
    outcome: { rating: number; note: string | null } | null;
    now: Date;
  },
): Promise<MentorshipRecord | null> {
  const row = await db
    .updateTable('mentorships')
    .set({
      status: 'CLOSED',
      paused_at: null,
      closed_at: close.now,
      closed_by: close.by,
      close_note: close.note,
      ...(close.outcome && {
        outcome_rating: close.outcome.rating,
        outcome_note: close.outcome.note,
        outcome_at: close.now,
      }),
      updated_at: close.now,
    })
    .where('id', '=', close.id)
    .where('status', '<>', 'CLOSED')
    .returning(MENTORSHIP_COLUMNS)
    .executeTakeFirst();
  return row ?? null;
}

/** Records the mentee's outcome of a closed mentorship, once. */
export async function recordOutcome(
  db: Executor,
  id: string,
  outcome: { rating: number; note: string | null },
  now: Date,
): Promise<MentorshipRecord | null> {
  const row = await db
    .updateTable('mentorships')
    .set({ outcome_rating: outcome.rating, outcome_note: outcome.note, outcome_at: now, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'CLOSED')
    .where('outcome_rating', 'is', null)
    .returning(MENTORSHIP_COLUMNS)
    .executeTakeFirst();
  return row ?? null;
}

export interface CheckInRecord {
  id: string;
  mentorshipId: string;
  authorId: string | null;
  happenedOn: string;
  note: string;
  createdAt: Date;
}

const CHECK_IN_COLUMNS = [
  'id',
  'mentorship_id as mentorshipId',
  'author_id as authorId',
  sql<string>`to_char(happened_on, 'YYYY-MM-DD')`.as('happenedOn'),
  'note',
  'created_at as createdAt',
] as const;

export async function insertCheckIn(
  db: Executor,
  checkIn: { mentorshipId: string; authorId: string; happenedOn: string; note: string; now: Date },
): Promise<CheckInRecord> {
  return db
    .insertInto('mentorship_check_ins')
    .values({
      mentorship_id: checkIn.mentorshipId,
      author_id: checkIn.authorId,
      happened_on: sql<string>`${checkIn.happenedOn}::date`,
      note: checkIn.note,
      created_at: checkIn.now,
    })
    .returning(CHECK_IN_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** The check-ins of these mentorships, in the order they happened. */
export async function getCheckIns(db: Executor, mentorshipIds: readonly string[]): Promise<CheckInRecord[]> {
  if (mentorshipIds.length === 0) return [];
  return db
    .selectFrom('mentorship_check_ins')
    .select(CHECK_IN_COLUMNS)
    .where('mentorship_id', 'in', mentorshipIds)
    .orderBy('happened_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function getMentorshipsByRequestIds(
  db: Executor,
  requestIds: readonly string[],
): Promise<MentorshipRecord[]> {
  if (requestIds.length === 0) return [];
  return db.selectFrom('mentorships').select(MENTORSHIP_COLUMNS).where('request_id', 'in', requestIds).execute();
}

/**
 * These people's offers, paused or not, that the viewer may see: their own, those open to anyone
 * signed in, and those limited to shared networks when the viewer shares one (by the condition).
 */
export async function getOffersVisibleTo(
  db: Executor,
  userIds: readonly string[],
  viewer: { id: string; sharesNetwork: IdCondition; notBlocked: IdCondition },
): Promise<OfferRecord[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('mentor_offers as o')
    .select(OFFER_COLUMNS)
    .where('o.user_id', 'in', userIds)
    .where((eb) =>
      eb.or([
        eb('o.user_id', '=', viewer.id),
        eb.and([
          visibleOffer,
          viewer.notBlocked(eb.ref('o.user_id')),
          eb.or([eb('o.visible_to', '=', 'SIGNED_IN'), viewer.sharesNetwork(eb.ref('o.user_id'))]),
        ]),
      ]),
    )
    .execute();
}
