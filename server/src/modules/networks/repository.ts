import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database, JoinPolicy, LifecycleStage } from '../../db/schema.ts';

type Executor = Kysely<Database>;

export type { JoinPolicy };

/** What a steward writes about a network. */
export interface NetworkFields {
  name: string;
  placeName: string;
  region: string;
  latitude: number;
  longitude: number;
  purpose: string;
  values: string;
  codeOfConduct: string;
}

export interface NetworkRecord extends NetworkFields {
  id: string;
  slug: string;
  codeOfConductVersion: number;
  /** Rises with every change to the details above. */
  detailsVersion: number;
  /** Who may join: at once (OPEN), or by asking a steward or organiser (ASK_TO_JOIN). */
  joinPolicy: JoinPolicy;
  stage: LifecycleStage;
  stageSetAt: Date;
  createdAt: Date;
  /** Set when the directory was sorted by distance from a point. */
  distanceKm?: number | null;
}

const NETWORK_COLUMNS = [
  'networks.id',
  'networks.slug',
  'networks.name',
  'networks.place_name as placeName',
  'networks.region',
  'networks.latitude',
  'networks.longitude',
  'networks.purpose',
  'networks.values',
  'networks.code_of_conduct as codeOfConduct',
  'networks.code_of_conduct_version as codeOfConductVersion',
  'networks.details_version as detailsVersion',
  'networks.join_policy as joinPolicy',
  'networks.stage',
  'networks.stage_set_at as stageSetAt',
  'networks.created_at as createdAt',
] as const;

/** Great-circle distance in km (haversine), computed in SQL so the database can sort by it. */
function distanceKm(latitude: number, longitude: number) {
  return sql<number>`2 * 6371 * asin(sqrt(
    power(sin(radians(networks.latitude - ${latitude}) / 2), 2) +
    cos(radians(${latitude})) * cos(radians(networks.latitude)) *
    power(sin(radians(networks.longitude - ${longitude}) / 2), 2)))`;
}

export async function insertNetwork(
  db: Executor,
  network: NetworkFields & { slug: string; joinPolicy: JoinPolicy; now: Date },
): Promise<NetworkRecord | null> {
  const row = await db
    .insertInto('networks')
    .values({
      slug: network.slug,
      name: network.name,
      place_name: network.placeName,
      region: network.region,
      latitude: network.latitude,
      longitude: network.longitude,
      purpose: network.purpose,
      values: network.values,
      code_of_conduct: network.codeOfConduct,
      join_policy: network.joinPolicy,
      stage_set_at: network.now,
      created_at: network.now,
      updated_at: network.now,
    })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning(NETWORK_COLUMNS)
    .executeTakeFirst();
  return row ?? null;
}

export async function updateNetwork(
  db: Executor,
  networkId: string,
  changes: Partial<NetworkFields> & { joinPolicy?: JoinPolicy },
  now: Date,
): Promise<NetworkRecord> {
  const row = await db
    .updateTable('networks')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.placeName !== undefined && { place_name: changes.placeName }),
      ...(changes.region !== undefined && { region: changes.region }),
      ...(changes.latitude !== undefined && { latitude: changes.latitude }),
      ...(changes.longitude !== undefined && { longitude: changes.longitude }),
      ...(changes.purpose !== undefined && { purpose: changes.purpose }),
      ...(changes.values !== undefined && { values: changes.values }),
      ...(changes.codeOfConduct !== undefined && {
        code_of_conduct: changes.codeOfConduct,
        code_of_conduct_version: sql<number>`case when code_of_conduct = ${changes.codeOfConduct} then code_of_conduct_version else code_of_conduct_version + 1 end`,
      }),
      ...(changes.joinPolicy !== undefined && { join_policy: changes.joinPolicy }),
      details_version: sql<number>`details_version + 1`,
      updated_at: now,
    })
    .where('id', '=', networkId)
    .returning(NETWORK_COLUMNS)
    .executeTakeFirstOrThrow();
  return row;
}

export async function getNetworkBySlug(db: Executor, slug: string): Promise<NetworkRecord | null> {
  const row = await db.selectFrom('networks').select(NETWORK_COLUMNS).where('slug', '=', slug).executeTakeFirst();
  return row ?? null;
}

/** The network, locked until the transaction ends: role changes serialise on it. */
export async function lockNetwork(db: Executor, networkId: string): Promise<NetworkRecord | null> {
  const row = await db
    .selectFrom('networks')
    .select(NETWORK_COLUMNS)
    .where('id', '=', networkId)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

/** The networks, locked until the transaction ends, in id order so that concurrent lockers cannot deadlock. */
export async function lockNetworks(db: Executor, networkIds: readonly string[]): Promise<NetworkRecord[]> {
  if (networkIds.length === 0) return [];
  const rows = await db
    .selectFrom('networks')
    .select(NETWORK_COLUMNS)
    .where('id', 'in', networkIds)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows;
}

export async function getNetworksByIds(db: Executor, networkIds: readonly string[]): Promise<NetworkRecord[]> {
  if (networkIds.length === 0) return [];
  const rows = await db.selectFrom('networks').select(NETWORK_COLUMNS).where('id', 'in', networkIds).execute();
  return rows;
}

/** Where a page of the directory starts: just after the sort key of the last network shown. */
export interface NetworkListPosition {
  /** Text-match rank; present when the list is ranked by a search. */
  rank: number | null;
  /** Present when the list is sorted by distance. */
  distanceKm: number | null;
  name: string;
  id: string;
}

export interface NetworkListQuery {
  search: string | null;
  stage: LifecycleStage | null;
  near: { latitude: number; longitude: number } | null;
  after: NetworkListPosition | null;
  limit: number;
}

function filteredNetworks(db: Executor, query: NetworkListQuery) {
  return db
    .selectFrom('networks')
    .$if(query.search !== null, (qb) => qb.where(sql<boolean>`networks.search @@ ${searchQuery(query.search!)}`))
    .$if(query.stage !== null, (qb) => qb.where('networks.stage', '=', query.stage!));
}

const searchQuery = (search: string) => sql`websearch_to_tsquery('english', ${search})`;

/** The directory's sort keys, in order: rank (best first) when searching, distance when near a point, then name and id. */
function sortKeys(query: NetworkListQuery) {
  const keys: Array<{ value: Expression<unknown>; descending: boolean; after: Expression<unknown> | null }> = [];
  const after = query.after;
  if (query.search !== null) {
    keys.push({
      value: sql`ts_rank(networks.search, ${searchQuery(query.search)})`,
      descending: true,
      after: after ? sql`cast(${after.rank} as real)` : null,
    });
  }
  if (query.near !== null) {
    keys.push({
      value: distanceKm(query.near.latitude, query.near.longitude),
      descending: false,
      after: after ? sql`cast(${after.distanceKm} as float8)` : null,
    });
  }
  keys.push({ value: sql.ref('networks.name'), descending: false, after: after ? sql.val(after.name) : null });
  keys.push({ value: sql.ref('networks.id'), descending: false, after: after ? sql`cast(${after.id} as uuid)` : null });
  return keys;
}

/** Rows after the position: later on the first key, or equal on it and later on the rest. */
function afterPosition(keys: ReturnType<typeof sortKeys>): Expression<SqlBool> {
  const [key, ...rest] = keys;
  const later = key!.descending
    ? sql<SqlBool>`${key!.value} < ${key!.after}`
    : sql<SqlBool>`${key!.value} > ${key!.after}`;
  if (rest.length === 0) return later;
  return sql<SqlBool>`(${later} or (${key!.value} = ${key!.after} and ${afterPosition(rest)}))`;
}

/** One page of the directory, `limit + 1` rows to tell of a next page, each with its sort key. */
export async function listNetworks(
  db: Executor,
  query: NetworkListQuery,
): Promise<Array<NetworkRecord & { rank: number | null }>> {
  const keys = sortKeys(query);
  const near = query.near;
  let page = filteredNetworks(db, query)
    .select(NETWORK_COLUMNS)
    .select(
      near
        ? distanceKm(near.latitude, near.longitude).as('distanceKm')
        : sql<number | null>`null::float8`.as('distanceKm'),
    )
    .select(
      query.search !== null
        ? sql<number>`ts_rank(networks.search, ${searchQuery(query.search)})`.as('rank')
        : sql<number | null>`null::real`.as('rank'),
    )
    .$if(query.after !== null, (qb) => qb.where(afterPosition(keys)));
  for (const key of keys) page = page.orderBy(key.value, key.descending ? 'desc' : 'asc');
  return page.limit(query.limit + 1).execute();
}

/** How many networks match the filters (the position is ignored). */
export async function countNetworks(db: Executor, query: NetworkListQuery): Promise<number> {
  const row = await filteredNetworks(db, query)
    .select(sql<string>`count(*)::text`.as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function setStage(db: Executor, networkId: string, stage: LifecycleStage, now: Date): Promise<void> {
  await db
    .updateTable('networks')
    .set({ stage, stage_set_at: now, updated_at: now })
    .where('id', '=', networkId)
    .execute();
}
