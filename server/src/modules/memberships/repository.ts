import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { arrayLiteral, type IdCondition } from '../../core/query.ts';
import type { Database, JoinRequestStatus, NetworkRole } from '../../db/schema.ts';

type Executor = Kysely<Database>;

export type { JoinRequestStatus, NetworkRole };

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
  /** Set while a suspension is recorded (it may have passed: compare with now). */
  suspendedUntil: Date | null;
}

const MEMBER_COLUMNS = [
  'memberships.network_id as networkId',
  'memberships.user_id as userId',
  'memberships.role',
  'memberships.joined_at as joinedAt',
  sql<string>`to_char(memberships.joined_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`.as('joinedAtKey'),
  'memberships.suspended_until as suspendedUntil',
] as const;

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

/** The networks both people are active members of, in id order. */
export async function getSharedNetworkIds(db: Executor, a: string, b: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships as mine')
    .innerJoin('memberships as theirs', 'theirs.network_id', 'mine.network_id')
    .select('mine.network_id as networkId')
    .where('mine.user_id', '=', a)
    .where('mine.left_at', 'is', null)
    .where('theirs.user_id', '=', b)
    .where('theirs.left_at', 'is', null)
    .orderBy('mine.network_id')
    .execute();
  return rows.map((row) => row.networkId);
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

/**
 * Whether the person is an active member of the network and not suspended at `now`: who may take
 * part there (post, register, be suggested or matched). A condition for other modules.
 */
export function isInGoodStandingOf(networkId: string, now: Date): IdCondition {
  return (userId) => sql<SqlBool>`exists (
    select 1 from memberships
    where memberships.network_id = ${networkId} and memberships.user_id = ${userId} and memberships.left_at is null
      and (memberships.suspended_until is null or memberships.suspended_until <= ${now}))`;
}

/** Whether the person shares with the viewer a network where neither is suspended at `now`. */
export function sharesNetworkInGoodStandingWith(viewerId: string, now: Date): IdCondition {
  return (userId) => sql<SqlBool>`exists (
    select 1 from memberships theirs
    join memberships mine on mine.network_id = theirs.network_id
    where theirs.user_id = ${userId} and theirs.left_at is null
      and (theirs.suspended_until is null or theirs.suspended_until <= ${now})
      and mine.user_id = ${viewerId} and mine.left_at is null
      and (mine.suspended_until is null or mine.suspended_until <= ${now}))`;
}

export interface Suspension {
  networkId: string;
  until: Date;
  note: string;
}

/** The person's suspensions in force at `now`, in these networks. */
export async function getSuspensions(
  db: Executor,
  userId: string,
  networkIds: readonly string[],
  now: Date,
): Promise<Suspension[]> {
  if (networkIds.length === 0) return [];
  const rows = await db
    .selectFrom('memberships')
    .select(['network_id as networkId', 'suspended_until as until', 'suspension_note as note'])
    .where('user_id', '=', userId)
    .where('network_id', 'in', networkIds)
    .where('left_at', 'is', null)
    .where('suspended_until', '>', now)
    .execute();
  return rows.map((row) => ({ networkId: row.networkId, until: row.until!, note: row.note! }));
}

/** Suspends an active member until a date, with the stewards' note. False when not an active member. */
export async function suspend(
  db: Executor,
  change: { networkId: string; userId: string; until: Date; note: string; now: Date },
): Promise<boolean> {
  const row = await db
    .updateTable('memberships')
    .set({ suspended_until: change.until, suspension_note: change.note, updated_at: change.now })
    .where('network_id', '=', change.networkId)
    .where('user_id', '=', change.userId)
    .where('left_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Takes an active member out of the network, marked as removed so they cannot rejoin by themself. */
export async function markRemoved(db: Executor, networkId: string, userId: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('memberships')
    .set({ left_at: now, removed_at: now, suspended_until: null, suspension_note: null, updated_at: now })
    .where('network_id', '=', networkId)
    .where('user_id', '=', userId)
    .where('left_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export interface MemberListQuery {
  /** The networks to list, each on its own page with the same filters. */
  networkIds: readonly string[];
  role: NetworkRole | null;
  /** Which people may appear, from the people module (their visible profile and search document). */
  personMatches: IdCondition | null;
  /** Which people the viewer may see at all, from the safety module (neither blocked the other). */
  personShown: IdCondition | null;
  after: { joinedAtKey: string; userId: string } | null;
  limit: number;
}

/** Active members narrowed by the filters; a count of these reads only indexes. */
function filteredMembers(db: Executor, query: MemberListQuery) {
  const { personMatches, personShown } = query;
  return db
    .selectFrom('memberships')
    .where('memberships.left_at', 'is', null)
    .$if(query.role !== null, (qb) => qb.where('memberships.role', '=', query.role!))
    .$if(personMatches !== null, (qb) => qb.where(personMatches!(sql.ref<string>('memberships.user_id'))))
    .$if(personShown !== null, (qb) => qb.where(personShown!(sql.ref<string>('memberships.user_id'))));
}

/** The active membership of each (network, person) pair that has one, in one statement. */
export async function getActiveMembers(
  db: Executor,
  pairs: ReadonlyArray<{ networkId: string; userId: string }>,
  personShown: IdCondition | null,
): Promise<MemberRow[]> {
  if (pairs.length === 0) return [];
  return db
    .selectFrom('memberships')
    .where('memberships.left_at', 'is', null)
    .$if(personShown !== null, (qb) => qb.where(personShown!(sql.ref<string>('memberships.user_id'))))
    .where(({ eb, refTuple, tuple }) =>
      eb(
        refTuple('memberships.network_id', 'memberships.user_id'),
        'in',
        pairs.map((pair) => tuple(pair.networkId, pair.userId)),
      ),
    )
    .select(MEMBER_COLUMNS)
    .execute();
}

/** One page of one network's members: oldest first, after the cursor, `limit + 1` rows to tell of a next page. */
function memberPage(db: Executor, query: MemberListQuery, networkId: Expression<string>) {
  const after = query.after;
  return filteredMembers(db, query)
    .where('memberships.network_id', '=', networkId)
    .select(MEMBER_COLUMNS)
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

const OWN_COLUMNS = [
  'network_id as networkId',
  'role',
  'joined_at as joinedAt',
  'event_alerts as eventAlerts',
  'suspended_until as suspendedUntil',
  'suspension_note as suspensionNote',
] as const;

/** The person's active memberships, by the person's index. */
export async function getActiveMembershipsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('memberships')
    .select(OWN_COLUMNS)
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
  /** Set while a suspension is recorded (it may have passed: compare with now). */
  suspendedUntil: Date | null;
  suspensionNote: string | null;
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
    .select(OWN_COLUMNS)
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
    .returning(OWN_COLUMNS)
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

/** Whether the person was ever a member, and whether the stewards removed them; null when never. */
export async function getMembershipState(
  db: Executor,
  networkId: string,
  userId: string,
): Promise<{ active: boolean; removed: boolean } | null> {
  const row = await db
    .selectFrom('memberships')
    .select(['left_at as leftAt', 'removed_at as removedAt'])
    .where('network_id', '=', networkId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? { active: row.leftAt === null, removed: row.removedAt !== null } : null;
}

// Join requests: a newcomer asks to join a network whose join policy is ASK_TO_JOIN.

export interface JoinRequestRow {
  id: string;
  networkId: string;
  userId: string;
  about: string;
  codeOfConductVersion: number;
  status: JoinRequestStatus;
  answerNote: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  createdAt: Date;
  /** The sort key as exact text (microseconds), for the cursor. */
  createdAtKey: string;
}

const JOIN_REQUEST_COLUMNS = [
  'join_requests.id',
  'join_requests.network_id as networkId',
  'join_requests.user_id as userId',
  'join_requests.about',
  'join_requests.code_of_conduct_version as codeOfConductVersion',
  'join_requests.status',
  'join_requests.answer_note as answerNote',
  'join_requests.answered_by as answeredBy',
  'join_requests.answered_at as answeredAt',
  'join_requests.created_at as createdAt',
  sql<string>`to_char(join_requests.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`.as('createdAtKey'),
] as const;

/** A new waiting request; null when one already waits for this person and network. */
export async function insertJoinRequest(
  db: Executor,
  request: { networkId: string; userId: string; about: string; codeOfConductVersion: number; now: Date },
): Promise<JoinRequestRow | null> {
  const row = await db
    .insertInto('join_requests')
    .values({
      network_id: request.networkId,
      user_id: request.userId,
      about: request.about,
      code_of_conduct_version: request.codeOfConductVersion,
      created_at: request.now,
      updated_at: request.now,
    })
    // The predicate as a literal, so the database matches it to the partial unique index.
    .onConflict((oc) =>
      oc
        .columns(['network_id', 'user_id'])
        .where(sql<SqlBool>`status = 'PENDING'`)
        .doNothing(),
    )
    .returning(JOIN_REQUEST_COLUMNS)
    .executeTakeFirst();
  return row ?? null;
}

export async function getJoinRequestsByIds(db: Executor, ids: readonly string[]): Promise<JoinRequestRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('join_requests').select(JOIN_REQUEST_COLUMNS).where('id', 'in', ids).execute();
}

/**
 * Answers a waiting request, only if it still waits: of two answers at once, one changes the row
 * and the other finds it answered. Null when it no longer waits (or is not the person's own, for
 * a withdrawal).
 */
export async function answerJoinRequest(
  db: Executor,
  answer: {
    id: string;
    status: Exclude<JoinRequestStatus, 'PENDING'>;
    note: string | null;
    answeredBy: string | null;
    onlyUserId?: string;
    now: Date;
  },
): Promise<JoinRequestRow | null> {
  const row = await db
    .updateTable('join_requests')
    .set({
      status: answer.status,
      answer_note: answer.note,
      answered_by: answer.answeredBy,
      answered_at: answer.now,
      updated_at: answer.now,
    })
    .where('id', '=', answer.id)
    .where('status', '=', 'PENDING')
    .$if(answer.onlyUserId !== undefined, (qb) => qb.where('user_id', '=', answer.onlyUserId!))
    .returning(JOIN_REQUEST_COLUMNS)
    .executeTakeFirst();
  return row ?? null;
}

/** Closes the person's waiting request to a network they have joined by other means. */
export async function withdrawPendingRequest(
  db: Executor,
  networkId: string,
  userId: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('join_requests')
    .set({ status: 'WITHDRAWN', answered_at: now, updated_at: now })
    .where('network_id', '=', networkId)
    .where('user_id', '=', userId)
    .where('status', '=', 'PENDING')
    .execute();
}

/** The person's latest request to each of these networks that they asked to join, in one statement. */
export async function getLatestJoinRequestsOf(
  db: Executor,
  userId: string,
  networkIds: readonly string[],
): Promise<JoinRequestRow[]> {
  if (networkIds.length === 0) return [];
  return db
    .selectFrom('join_requests')
    .select(JOIN_REQUEST_COLUMNS)
    .distinctOn('join_requests.network_id')
    .where('join_requests.user_id', '=', userId)
    .where('join_requests.network_id', 'in', networkIds)
    .orderBy('join_requests.network_id')
    .orderBy('join_requests.created_at', 'desc')
    .orderBy('join_requests.id', 'desc')
    .execute();
}

/** One page of a network's waiting requests, oldest first, after the cursor; `limit + 1` rows. */
export async function listPendingJoinRequests(
  db: Executor,
  query: { networkId: string; after: { createdAtKey: string; id: string } | null; limit: number },
): Promise<JoinRequestRow[]> {
  const after = query.after;
  return db
    .selectFrom('join_requests')
    .select(JOIN_REQUEST_COLUMNS)
    .where('join_requests.network_id', '=', query.networkId)
    .where('join_requests.status', '=', 'PENDING')
    .$if(after !== null, (qb) =>
      qb.where(
        sql<SqlBool>`(join_requests.created_at, join_requests.id) > (cast(${after!.createdAtKey} as timestamp) at time zone 'UTC', cast(${after!.id} as uuid))`,
      ),
    )
    .orderBy('join_requests.created_at')
    .orderBy('join_requests.id')
    .limit(query.limit + 1)
    .execute();
}

/** How many requests wait in each network, in one statement; networks with none are left out. */
export async function countPendingJoinRequests(
  db: Executor,
  networkIds: readonly string[],
): Promise<Map<string, number>> {
  if (networkIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('join_requests')
    .select(['network_id as networkId', sql<string>`count(*)::text`.as('count')])
    .where('network_id', 'in', networkIds)
    .where('status', '=', 'PENDING')
    .groupBy('network_id')
    .execute();
  return new Map(rows.map((row) => [row.networkId, Number(row.count)]));
}

/** The person's requests to join, oldest first, for their export. */
export async function getJoinRequestsForExport(db: Executor, userId: string) {
  return db
    .selectFrom('join_requests')
    .select([
      'network_id as networkId',
      'about',
      'status',
      'answer_note as answerNote',
      'created_at as createdAt',
      'answered_at as answeredAt',
    ])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
