import { sql, type Kysely } from 'kysely';
import type { Database, VenueCost } from '../../db/schema.ts';

type Executor = Kysely<Database>;

export type { VenueCost };

/** A venue as the service reads it. */
export interface VenueRecord {
  id: string;
  networkId: string;
  name: string;
  address: string;
  stepFreeAccess: boolean;
  accessibleToilet: boolean;
  hearingLoop: boolean;
  quietRoom: boolean;
  capacity: number | null;
  cost: VenueCost;
  relationshipHolderId: string | null;
  notes: string;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
}

/** What a venue's form sets, checked. */
export interface VenueFields {
  name: string;
  address: string;
  stepFreeAccess: boolean;
  accessibleToilet: boolean;
  hearingLoop: boolean;
  quietRoom: boolean;
  capacity: number | null;
  cost: VenueCost;
  relationshipHolderId: string | null;
  notes: string;
}

const VENUE_COLUMNS = [
  'id',
  'network_id as networkId',
  'name',
  'address',
  'step_free_access as stepFreeAccess',
  'accessible_toilet as accessibleToilet',
  'hearing_loop as hearingLoop',
  'quiet_room as quietRoom',
  'capacity',
  'cost',
  'relationship_holder_id as relationshipHolderId',
  'notes',
  'created_at as createdAt',
  'updated_at as updatedAt',
  'archived_at as archivedAt',
] as const;

const columnsOf = (fields: VenueFields) => ({
  name: fields.name,
  address: fields.address,
  step_free_access: fields.stepFreeAccess,
  accessible_toilet: fields.accessibleToilet,
  hearing_loop: fields.hearingLoop,
  quiet_room: fields.quietRoom,
  capacity: fields.capacity,
  cost: fields.cost,
  relationship_holder_id: fields.relationshipHolderId,
  notes: fields.notes,
});

export async function getVenuesByIds(db: Executor, ids: readonly string[]): Promise<VenueRecord[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('venues').select(VENUE_COLUMNS).where('id', 'in', ids).execute();
}

/**
 * The live venues of these networks: free ones first, then those asking a donation, then paid
 * ones (the enum's order), each group by name. Free rooms are what organisers look for first.
 */
export async function listLiveVenues(db: Executor, networkIds: readonly string[]): Promise<VenueRecord[]> {
  if (networkIds.length === 0) return [];
  return db
    .selectFrom('venues')
    .select(VENUE_COLUMNS)
    .where('network_id', 'in', networkIds)
    .where('archived_at', 'is', null)
    .orderBy('cost')
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute();
}

export async function insertVenue(
  db: Executor,
  networkId: string,
  fields: VenueFields,
  now: Date,
): Promise<VenueRecord> {
  return db
    .insertInto('venues')
    .values({ network_id: networkId, ...columnsOf(fields), created_at: now, updated_at: now })
    .returning(VENUE_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Rewrites a live venue; null when it is archived (or gone). */
export async function updateLiveVenue(
  db: Executor,
  venueId: string,
  fields: VenueFields,
  now: Date,
): Promise<VenueRecord | null> {
  const row = await db
    .updateTable('venues')
    .set({ ...columnsOf(fields), updated_at: now })
    .where('id', '=', venueId)
    .where('archived_at', 'is', null)
    .returning(VENUE_COLUMNS)
    .executeTakeFirst();
  return row ?? null;
}

/** Archives a venue; archiving it again keeps the first date. */
export async function archiveVenue(db: Executor, venueId: string, now: Date): Promise<VenueRecord | null> {
  const row = await db
    .updateTable('venues')
    .set({ archived_at: sql<Date>`coalesce(archived_at, ${now})`, updated_at: now })
    .where('id', '=', venueId)
    .returning(VENUE_COLUMNS)
    .executeTakeFirst();
  return row ?? null;
}

/** The venues whose relationship the person holds, archived ones too, oldest first: for their data export. */
export async function getVenuesHeldBy(db: Executor, userId: string) {
  return db
    .selectFrom('venues')
    .select([
      'network_id as networkId',
      'name',
      'address',
      'created_at as createdAt',
      'updated_at as updatedAt',
      'archived_at as archivedAt',
    ])
    .where('relationship_holder_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
