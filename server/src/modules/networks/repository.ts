import { sql, type Kysely } from 'kysely';
import type { Database, LifecycleStage, NetworkRole } from '../../db/schema.ts';

type Executor = Kysely<Database>;

export interface NetworkRecord {
  id: string;
  slug: string;
  name: string;
  placeName: string;
  region: string;
  latitude: number;
  longitude: number;
  purpose: string;
  values: string;
  codeOfConduct: string;
  codeOfConductVersion: number;
  /** Rises with every change to the details above. */
  detailsVersion: number;
  stage: LifecycleStage;
  stageSetAt: Date;
  createdAt: Date;
  /** Set when the list was sorted by distance from a point. */
  distanceKm: number | null;
}

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

export interface LifecycleChangeRecord {
  id: string;
  networkId: string;
  stage: LifecycleStage;
  note: string;
  setAt: Date;
  setBy: string | null;
}

export interface MembershipSignals {
  networkId: string;
  memberCount: number;
  newcomers: number;
  leavers: number;
  organisers: number;
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
  network: NetworkFields & { slug: string; now: Date },
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
      stage_set_at: network.now,
      created_at: network.now,
      updated_at: network.now,
    })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning(NETWORK_COLUMNS)
    .executeTakeFirst();
  return row ? { ...row, distanceKm: null } : null;
}

export async function updateNetwork(
  db: Executor,
  networkId: string,
  changes: Partial<NetworkFields>,
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
      details_version: sql<number>`details_version + 1`,
      updated_at: now,
    })
    .where('id', '=', networkId)
    .returning(NETWORK_COLUMNS)
    .executeTakeFirstOrThrow();
  return { ...row, distanceKm: null };
}

export async function getNetworkBySlug(db: Executor, slug: string): Promise<NetworkRecord | null> {
  const row = await db.selectFrom('networks').select(NETWORK_COLUMNS).where('slug', '=', slug).executeTakeFirst();
  return row ? { ...row, distanceKm: null } : null;
}

/** The network, locked until the transaction ends: role changes serialise on it. */
export async function lockNetwork(db: Executor, networkId: string): Promise<NetworkRecord | null> {
  const row = await db
    .selectFrom('networks')
    .select(NETWORK_COLUMNS)
    .where('id', '=', networkId)
    .forUpdate()
    .executeTakeFirst();
  return row ? { ...row, distanceKm: null } : null;
}

export interface NetworkListQuery {
  search: string | null;
  stage: LifecycleStage | null;
  near: { latitude: number; longitude: number } | null;
  offset: number;
  limit: number;
}

function filteredNetworks(db: Executor, query: NetworkListQuery) {
  const tsQuery = query.search ? sql`websearch_to_tsquery('english', ${query.search})` : null;
  return {
    tsQuery,
    builder: db
      .selectFrom('networks')
      .$if(tsQuery !== null, (qb) => qb.where(sql<boolean>`networks.search @@ ${tsQuery}`))
      .$if(query.stage !== null, (qb) => qb.where('networks.stage', '=', query.stage!)),
  };
}

/** One page of the directory, ranked by text match, then distance, then name; and how many match. */
export async function listNetworks(
  db: Executor,
  query: NetworkListQuery,
): Promise<{ rows: NetworkRecord[]; total: number }> {
  const { tsQuery, builder } = filteredNetworks(db, query);
  const near = query.near;
  const rows = await builder
    .select(NETWORK_COLUMNS)
    .select(
      near
        ? distanceKm(near.latitude, near.longitude).as('distanceKm')
        : sql<number | null>`null::float8`.as('distanceKm'),
    )
    .$if(tsQuery !== null, (qb) => qb.orderBy(sql`ts_rank(networks.search, ${tsQuery})`, 'desc'))
    .$if(near !== null, (qb) => qb.orderBy('distanceKm', 'asc'))
    .orderBy('networks.name')
    .orderBy('networks.id')
    .offset(query.offset)
    .limit(query.limit)
    .execute();
  const count = await filteredNetworks(db, query)
    .builder.select(sql<string>`count(*)::text`.as('count'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.count) };
}

export async function getActiveRole(db: Executor, networkId: string, userId: string): Promise<NetworkRole | null> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('network_id', '=', networkId)
    .where('user_id', '=', userId)
    .where('left_at', 'is', null)
    .executeTakeFirst();
  return row?.role ?? null;
}

/** The viewer's role in each of the networks, in one statement. */
export async function getRolesForUser(db: Executor, userId: string, networkIds: readonly string[]) {
  if (networkIds.length === 0) return [];
  return db
    .selectFrom('memberships')
    .select(['network_id as networkId', 'role'])
    .where('user_id', '=', userId)
    .where('network_id', 'in', networkIds)
    .where('left_at', 'is', null)
    .execute();
}

/** Joins, or rejoins after leaving (as a member again). Null when already an active member. */
export async function upsertMembership(
  db: Executor,
  membership: { networkId: string; userId: string; role: NetworkRole; codeOfConductVersion: number; now: Date },
): Promise<boolean> {
  const row = await db
    .insertInto('memberships')
    .values({
      network_id: membership.networkId,
      user_id: membership.userId,
      role: membership.role,
      code_of_conduct_version: membership.codeOfConductVersion,
      code_of_conduct_accepted_at: membership.now,
      joined_at: membership.now,
      updated_at: membership.now,
    })
    .onConflict((oc) =>
      oc
        .columns(['network_id', 'user_id'])
        .doUpdateSet({
          role: membership.role,
          code_of_conduct_version: membership.codeOfConductVersion,
          code_of_conduct_accepted_at: membership.now,
          joined_at: membership.now,
          left_at: null,
          updated_at: membership.now,
        })
        .where('memberships.left_at', 'is not', null),
    )
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function markLeft(db: Executor, networkId: string, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('memberships')
    .set({ left_at: now, updated_at: now })
    .where('network_id', '=', networkId)
    .where('user_id', '=', userId)
    .where('left_at', 'is', null)
    .execute();
}

export async function setRole(
  db: Executor,
  networkId: string,
  userId: string,
  role: NetworkRole,
  now: Date,
): Promise<void> {
  await db
    .updateTable('memberships')
    .set({ role, updated_at: now })
    .where('network_id', '=', networkId)
    .where('user_id', '=', userId)
    .where('left_at', 'is', null)
    .execute();
}

export async function countStewards(db: Executor, networkId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select(sql<string>`count(*)::text`.as('count'))
    .where('network_id', '=', networkId)
    .where('role', '=', 'STEWARD')
    .where('left_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Member counts and movement for each network, in one statement. */
export async function getMembershipSignals(
  db: Executor,
  networkIds: readonly string[],
  since: Date,
): Promise<MembershipSignals[]> {
  if (networkIds.length === 0) return [];
  const rows = await db
    .selectFrom('memberships')
    .select([
      'network_id as networkId',
      sql<string>`count(*) filter (where left_at is null)::text`.as('memberCount'),
      sql<string>`count(*) filter (where left_at is null and joined_at >= ${since})::text`.as('newcomers'),
      sql<string>`count(*) filter (where left_at >= ${since})::text`.as('leavers'),
      sql<string>`count(*) filter (where left_at is null and role in ('ORGANISER', 'STEWARD'))::text`.as('organisers'),
    ])
    .where('network_id', 'in', networkIds)
    .groupBy('network_id')
    .execute();
  return rows.map((row) => ({
    networkId: row.networkId,
    memberCount: Number(row.memberCount),
    newcomers: Number(row.newcomers),
    leavers: Number(row.leavers),
    organisers: Number(row.organisers),
  }));
}

export async function setStage(db: Executor, networkId: string, stage: LifecycleStage, now: Date): Promise<void> {
  await db
    .updateTable('networks')
    .set({ stage, stage_set_at: now, updated_at: now })
    .where('id', '=', networkId)
    .execute();
}

export async function insertLifecycleChange(
  db: Executor,
  change: { networkId: string; stage: LifecycleStage; note: string; setBy: string; now: Date },
): Promise<void> {
  await db
    .insertInto('lifecycle_changes')
    .values({
      network_id: change.networkId,
      stage: change.stage,
      note: change.note,
      set_by: change.setBy,
      set_at: change.now,
    })
    .execute();
}

/** Every network's stage history, newest first, in one statement. */
export async function getLifecycleHistories(
  db: Executor,
  networkIds: readonly string[],
): Promise<LifecycleChangeRecord[]> {
  if (networkIds.length === 0) return [];
  return db
    .selectFrom('lifecycle_changes')
    .select(['id', 'network_id as networkId', 'stage', 'note', 'set_at as setAt', 'set_by as setBy'])
    .where('network_id', 'in', networkIds)
    .orderBy('set_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/**
 * The networks the person stewards, locked (in id order, so concurrent callers cannot deadlock)
 * the same way role changes lock them, with how many active stewards each has.
 */
export async function lockStewardedNetworks(
  db: Executor,
  userId: string,
): Promise<Array<{ id: string; name: string; stewards: number }>> {
  const locked = await db
    .selectFrom('networks')
    .select(['networks.id', 'networks.name'])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('memberships')
          .select(sql`1`.as('one'))
          .whereRef('memberships.network_id', '=', 'networks.id')
          .where('memberships.user_id', '=', userId)
          .where('memberships.role', '=', 'STEWARD')
          .where('memberships.left_at', 'is', null),
      ),
    )
    .orderBy('networks.id')
    .forUpdate()
    .execute();
  if (locked.length === 0) return [];
  const counts = await db
    .selectFrom('memberships')
    .select(['network_id as networkId', sql<string>`count(*)::text`.as('count')])
    .where(
      'network_id',
      'in',
      locked.map((n) => n.id),
    )
    .where('role', '=', 'STEWARD')
    .where('left_at', 'is', null)
    .groupBy('network_id')
    .execute();
  const byNetwork = new Map(counts.map((c) => [c.networkId, Number(c.count)]));
  return locked.map((n) => ({ ...n, stewards: byNetwork.get(n.id) ?? 0 }));
}

// A person's own memberships and notes, for their export.

export async function getMembershipsForExport(db: Executor, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('networks', 'networks.id', 'memberships.network_id')
    .select([
      'networks.slug as networkSlug',
      'networks.name as networkName',
      'memberships.role',
      'memberships.joined_at as joinedAt',
      'memberships.left_at as leftAt',
      'memberships.code_of_conduct_version as codeOfConductVersion',
      'memberships.code_of_conduct_accepted_at as codeOfConductAcceptedAt',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('memberships.joined_at')
    .orderBy('networks.slug')
    .execute();
}

export async function getLifecycleNotesForExport(db: Executor, userId: string) {
  return db
    .selectFrom('lifecycle_changes')
    .innerJoin('networks', 'networks.id', 'lifecycle_changes.network_id')
    .select([
      'networks.slug as networkSlug',
      'lifecycle_changes.stage',
      'lifecycle_changes.note',
      'lifecycle_changes.set_at as setAt',
    ])
    .where('lifecycle_changes.set_by', '=', userId)
    .orderBy('lifecycle_changes.set_at')
    .orderBy('lifecycle_changes.id')
    .execute();
}
