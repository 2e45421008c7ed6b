import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { arrayLiteral, type IdCondition } from '../../core/query.ts';
import type { Database, NetworkRole } from '../../db/schema.ts';

type Executor = Kysely<Database>;

export type { NetworkRole };

export interface MembershipSignals {
  networkId: string;
  memberCount: number;
  newcomers: number;
  leavers: number;
  organisers: number;
}

export interface MemberRow {
  networkId: string;
  userId: string;
  role: NetworkRole;
  joinedAt: Date;
  /** The sort key as exact text (microseconds), for the cursor. */
  joinedAtKey: string;
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

/** Joins, or rejoins after leaving (with the role given). False when already an active member. */
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
          // Someone rejoining starts afresh: they ask again to hear of new events.
          event_alerts: false,
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

/** How many active stewards each network has, in one statement; networks with none are left out. */
export async function countStewards(db: Executor, networkIds: readonly string[]): Promise<Map<string, number>> {
  if (networkIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('memberships')
    .select(['network_id as networkId', sql<string>`count(*)::text`.as('count')])
    .where('network_id', 'in', networkIds)
    .where('role', '=', 'STEWARD')
    .where('left_at', 'is', null)
    .groupBy('network_id')
    .execute();
  return new Map(rows.map((row) => [row.networkId, Number(row.count)]));
}

/** The active stewards of a network. */
export async function getStewardIds(db: Executor, networkId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('user_id as userId')
    .where('network_id', '=', networkId)
    .where('role', '=', 'STEWARD')
    .where('left_at', 'is', null)
    .execute();
  return rows.map((row) => row.userId);
}

/** The active organisers and stewards of a network: those who run it. */
export async function getOrganiserIds(db: Executor, networkId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('user_id as userId')
    .where('network_id', '=', networkId)
    .where('role', 'in', ['ORGANISER', 'STEWARD'])
    .where('left_at', 'is', null)
    .execute();
  return rows.map((row) => row.userId);
}

/** The networks the person is an active steward of, in id order. */
export async function getStewardedNetworkIds(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('network_id as networkId')
    .where('user_id', '=', userId)
    .where('role', '=', 'STEWARD')
    .where('left_at', 'is', null)
    .orderBy('network_id')
    .execute();
  return rows.map((row) => row.networkId);
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

/**
 * Whether the person with this id shares an active membership of some network with the viewer:
 * a condition for the people module to compose into its own statement.
 */
export function sharesNetworkWith(viewerId: string): IdCondition {
  return (userId) => sql<SqlBool>`exists (
    select 1 from memberships theirs
    join memberships mine on mine.network_id = theirs.network_id
    where theirs.user_id = ${userId} and theirs.left_at is null
      and mine.user_id = ${viewerId} and mine.left_at is null)`;
}

/** Whether the person with this id is an active member of the network: a condition for other modules. */
export function isActiveMemberOf(networkId: string): IdCondition {
  return (userId) => sql<SqlBool>`exists (
    select 1 from memberships
    where memberships.network_id = ${networkId} and memberships.user_id = ${userId} and memberships.left_at is null)`;
}

export interface MemberListQuery {
  /** The networks to list, each on its own page with the same filters. */
  networkIds: readonly string[];
  role: NetworkRole | null;
  /** Which people may appear, from the people module (their visible profile and search document). */
  personMatches: IdCondition | null;
  after: { joinedAtKey: string; userId: string } | null;
  limit: number;
}

/** Active members narrowed by the filters; a count of these reads only indexes. */
function filteredMembers(db: Executor, query: MemberListQuery) {
  const { personMatches } = query;
  return db
    .selectFrom('memberships')
    .where('memberships.left_at', 'is', null)
    .$if(query.role !== null, (qb) => qb.where('memberships.role', '=', query.role!))
    .$if(personMatches !== null, (qb) => qb.where(personMatches!(sql.ref<string>('memberships.user_id'))));
}

/** The active membership of each (network, person) pair that has one, in one statement. */
export async function getActiveMembers(
  db: Executor,
  pairs: ReadonlyArray<{ networkId: string; userId: string }>,
): Promise<MemberRow[]> {
  if (pairs.length === 0) return [];
  return db
    .selectFrom('memberships')
    .where('memberships.left_at', 'is', null)
    .where(({ eb, refTuple, tuple }) =>
      eb(
        refTuple('memberships.network_id', 'memberships.user_id'),
        'in',
        pairs.map((pair) => tuple(pair.networkId, pair.userId)),
      ),
    )
    .select([
      'memberships.network_id as networkId',
      'memberships.user_id as userId',
      'memberships.role',
      'memberships.joined_at as joinedAt',
      sql<string>`to_char(memberships.joined_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`.as('joinedAtKey'),
    ])
    .execute();
}

/** One page of one network's members: oldest first, after the cursor, `limit + 1` rows to tell of a next page. */
function memberPage(db: Executor, query: MemberListQuery, networkId: Expression<string>) {
  const after = query.after;
  return filteredMembers(db, query)
    .where('memberships.network_id', '=', networkId)
    .select([
      'memberships.network_id as networkId',
      'memberships.user_id as userId',
      'memberships.role',
      'memberships.joined_at as joinedAt',
      sql<string>`to_char(memberships.joined_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`.as('joinedAtKey'),
    ])
    .$if(after !== null, (qb) =>
      qb.where(
        sql<SqlBool>`(memberships.joined_at, memberships.user_id) > (cast(${after!.joinedAtKey} as timestamp) at time zone 'UTC', cast(${after!.userId} as uuid))`,
      ),
    )
    .orderBy('memberships.joined_at')
    .orderBy('memberships.user_id')
    .limit(query.limit + 1);
}

/**
 * A page of members for each network, in one statement. One network is asked for directly, so
 * the planner sees which network (and its size) when choosing a plan; several go through a
 * lateral join, one index walk per network.
 */
export async function listMembers(db: Executor, query: MemberListQuery): Promise<MemberRow[]> {
  const [only, ...others] = query.networkIds;
  if (only === undefined) return [];
  if (others.length === 0) return memberPage(db, query, sql.val(only)).execute();
  return db
    .selectFrom(
      sql<{ id: string }>`(select unnest(cast(${arrayLiteral(query.networkIds)} as uuid[])) as id)`.as('wanted'),
    )
    .innerJoinLateral(memberPage(db, query, sql.ref<string>('wanted.id')).as('page'), (join) => join.onTrue())
    .selectAll('page')
    .orderBy('page.networkId')
    .orderBy('page.joinedAt')
    .orderBy('page.userId')
    .execute();
}

/** How many members match the filters in each network, in one statement; networks with none are left out. */
export async function countMembers(db: Executor, query: MemberListQuery): Promise<Map<string, number>> {
  if (query.networkIds.length === 0) return new Map();
  const rows = await filteredMembers(db, query)
    .where('memberships.network_id', 'in', query.networkIds)
    .select(['memberships.network_id as networkId', sql<string>`count(*)::text`.as('count')])
    .groupBy('memberships.network_id')
    .execute();
  return new Map(rows.map((row) => [row.networkId, Number(row.count)]));
}

/** The person's active memberships, by the person's index. */
export async function getActiveMembershipsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('memberships')
    .select(['network_id as networkId', 'role', 'joined_at as joinedAt', 'event_alerts as eventAlerts'])
    .where('user_id', '=', userId)
    .where('left_at', 'is', null)
    .execute();
}

/** Every membership the person has had (past ones too), for their export; the service orders them. */
export async function getMembershipsForExport(db: Executor, userId: string) {
  return db
    .selectFrom('memberships')
    .select([
      'network_id as networkId',
      'role',
      'joined_at as joinedAt',
      'left_at as leftAt',
      'code_of_conduct_version as codeOfConductVersion',
      'code_of_conduct_accepted_at as codeOfConductAcceptedAt',
      'event_alerts as eventAlerts',
    ])
    .where('user_id', '=', userId)
    .execute();
}

// New-event alerts: a member asks to be told of each new event of the network.

export interface OwnMembershipRow {
  networkId: string;
  role: NetworkRole;
  joinedAt: Date;
  eventAlerts: boolean;
}

/** The person's active membership of each of these networks that they belong to, in one statement. */
export async function getMembershipsOfUserIn(
  db: Executor,
  userId: string,
  networkIds: readonly string[],
): Promise<OwnMembershipRow[]> {
  if (networkIds.length === 0) return [];
  return db
    .selectFrom('memberships')
    .select(['network_id as networkId', 'role', 'joined_at as joinedAt', 'event_alerts as eventAlerts'])
    .where('user_id', '=', userId)
    .where('network_id', 'in', networkIds)
    .where('left_at', 'is', null)
    .execute();
}

/** Turns the person's alerts on or off; null when they are not an active member. */
export async function setEventAlerts(
  db: Executor,
  networkId: string,
  userId: string,
  on: boolean,
  now: Date,
): Promise<OwnMembershipRow | null> {
  const row = await db
    .updateTable('memberships')
    .set({ event_alerts: on, updated_at: now })
    .where('network_id', '=', networkId)
    .where('user_id', '=', userId)
    .where('left_at', 'is', null)
    .returning(['network_id as networkId', 'role', 'joined_at as joinedAt', 'event_alerts as eventAlerts'])
    .executeTakeFirst();
  return row ?? null;
}

/** The active members of a network who asked to hear of its new events, by its partial index. */
export async function getEventAlertMemberIds(db: Executor, networkId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('user_id as userId')
    .where('network_id', '=', networkId)
    .where('event_alerts', '=', true)
    .where('left_at', 'is', null)
    .orderBy('user_id')
    .execute();
  return rows.map((row) => row.userId);
}
