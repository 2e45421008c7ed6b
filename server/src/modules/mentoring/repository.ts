import { sql, type Kysely } from 'kysely';
import { arrayLiteral } from '../../core/query.ts';
import type {
  Database,
  MentoringFormat,
  NeedStatus,
  NeedUrgency,
  OfferVisibility,
  SupportCategory,
} from '../../db/schema.ts';

type Executor = Kysely<Database>;

export type { MentoringFormat, NeedStatus, NeedUrgency, OfferVisibility, SupportCategory };

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
  'created_at as createdAt',
  'updated_at as updatedAt',
] as const;

export async function getOffer(db: Executor, userId: string): Promise<OfferRecord | null> {
  const row = await db
    .selectFrom('mentor_offers')
    .select(OFFER_COLUMNS)
    .where('user_id', '=', userId)
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

// Mentorships: only what capacity needs, until requests land.

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
