import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database, NetworkRole, OrganisationSize, ProfileVisibility, SupportCategory } from '../../db/schema.ts';

type Executor = Kysely<Database>;

export type { NetworkRole, OrganisationSize, ProfileVisibility, SupportCategory };

/** A person's profile as stored; a person without a profile row reads as these defaults. */
export interface ProfileFields {
  pronouns: string | null;
  bio: string | null;
  organisation: string | null;
  organisationSize: OrganisationSize | null;
  sector: string | null;
  roleTitle: string | null;
  isDigitalLead: boolean;
  isMentor: boolean;
  skills: string[];
  supportNeeds: SupportCategory[];
  visibility: ProfileVisibility;
}

/** A person with everything stored about their profile, before the viewer's rights are applied. */
export interface PersonRow extends ProfileFields {
  id: string;
  name: string;
  /** Whether the viewer shares an active network membership with this person. */
  sharesNetwork: boolean;
}

export interface MemberRow extends PersonRow {
  role: NetworkRole;
  joinedAt: Date;
  /** The sort key as exact text (microseconds), for the cursor. */
  joinedAtKey: string;
}

// Enum arrays come back from both drivers as text; cast them to text[] so they arrive as arrays.
const PROFILE_COLUMNS = [
  'profiles.pronouns',
  'profiles.bio',
  'profiles.organisation',
  'profiles.organisation_size as organisationSize',
  'profiles.sector',
  'profiles.role_title as roleTitle',
  sql<boolean>`coalesce(profiles.is_digital_lead, false)`.as('isDigitalLead'),
  sql<boolean>`coalesce(profiles.is_mentor, false)`.as('isMentor'),
  sql<string[]>`coalesce(profiles.skills, '{}')`.as('skills'),
  sql<SupportCategory[]>`coalesce(profiles.support_needs::text[], '{}')`.as('supportNeeds'),
  sql<ProfileVisibility>`coalesce(profiles.visibility, 'MEMBERS')`.as('visibility'),
] as const;

/** The people with these ids and whether each shares an active network with the viewer, in one statement. */
export async function getPeople(db: Executor, ids: readonly string[], viewerId: string | null): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('users')
    .leftJoin('profiles', 'profiles.user_id', 'users.id')
    .select(['users.id', 'users.name', ...PROFILE_COLUMNS])
    .select(
      viewerId === null
        ? sql<boolean>`false`.as('sharesNetwork')
        : sql<boolean>`exists (
            select 1 from memberships theirs
            join memberships mine on mine.network_id = theirs.network_id
            where theirs.user_id = users.id and theirs.left_at is null
              and mine.user_id = ${viewerId} and mine.left_at is null)`.as('sharesNetwork'),
    )
    .where('users.id', 'in', ids)
    .execute();
}

export type ProfileChanges = Partial<ProfileFields>;

/** Writes the changed fields, making the profile row on first use; concurrent first writes both land. */
export async function upsertProfile(db: Executor, userId: string, changes: ProfileChanges, now: Date): Promise<void> {
  const columns = {
    ...(changes.pronouns !== undefined && { pronouns: changes.pronouns }),
    ...(changes.bio !== undefined && { bio: changes.bio }),
    ...(changes.organisation !== undefined && { organisation: changes.organisation }),
    ...(changes.organisationSize !== undefined && { organisation_size: changes.organisationSize }),
    ...(changes.sector !== undefined && { sector: changes.sector }),
    ...(changes.roleTitle !== undefined && { role_title: changes.roleTitle }),
    ...(changes.isDigitalLead !== undefined && { is_digital_lead: changes.isDigitalLead }),
    ...(changes.isMentor !== undefined && { is_mentor: changes.isMentor }),
    ...(changes.skills !== undefined && { skills: sql<string[]>`cast(${textArray(changes.skills)} as text[])` }),
    ...(changes.supportNeeds !== undefined && {
      support_needs: sql<SupportCategory[]>`cast(${textArray(changes.supportNeeds)} as support_category[])`,
    }),
    ...(changes.visibility !== undefined && { visibility: changes.visibility }),
    updated_at: now,
  };
  await db
    .insertInto('profiles')
    .values({ user_id: userId, created_at: now, ...columns })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(columns))
    .execute();
}

/** A PostgreSQL array literal, so both drivers send the same text; elements are quoted and escaped. */
function textArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

export async function setUserName(db: Executor, userId: string, name: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ name, updated_at: now }).where('id', '=', userId).execute();
}

export interface MemberListQuery {
  networkId: string;
  viewerId: string;
  role: NetworkRole | null;
  isMentor: boolean | null;
  isDigitalLead: boolean | null;
  skill: string | null;
  supportCategory: SupportCategory | null;
  /** Words that must each appear, as ILIKE patterns already escaped. */
  searchPatterns: string[];
  after: { joinedAtKey: string; userId: string } | null;
  limit: number;
}

/**
 * The directory's members and the filters, with one rule: a profile detail counts only where
 * the viewer may see it. The viewer is a member here, so they share this network with everyone
 * listed: MEMBERS and PUBLIC profiles are visible, PRIVATE ones only to their owner.
 */
function filteredMembers(db: Executor, query: MemberListQuery) {
  const visible = sql<SqlBool>`(coalesce(profiles.visibility, 'MEMBERS') <> 'PRIVATE' or memberships.user_id = ${query.viewerId})`;
  const whenVisible = (condition: Expression<SqlBool>) => sql<SqlBool>`(${visible} and ${condition})`;
  return {
    visible,
    builder: db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .leftJoin('profiles', 'profiles.user_id', 'memberships.user_id')
      .where('memberships.network_id', '=', query.networkId)
      .where('memberships.left_at', 'is', null)
      .$if(query.role !== null, (qb) => qb.where('memberships.role', '=', query.role!))
      .$if(query.isMentor !== null, (qb) =>
        qb.where(whenVisible(sql<SqlBool>`coalesce(profiles.is_mentor, false) = ${query.isMentor}`)),
      )
      .$if(query.isDigitalLead !== null, (qb) =>
        qb.where(whenVisible(sql<SqlBool>`coalesce(profiles.is_digital_lead, false) = ${query.isDigitalLead}`)),
      )
      .$if(query.skill !== null, (qb) =>
        qb.where(whenVisible(sql<SqlBool>`profiles.skills @> cast(${textArray([query.skill!])} as text[])`)),
      )
      .$if(query.supportCategory !== null, (qb) =>
        qb.where(
          whenVisible(
            sql<SqlBool>`profiles.support_needs @> cast(${textArray([query.supportCategory!])} as support_category[])`,
          ),
        ),
      )
      .$call((qb) =>
        query.searchPatterns.reduce(
          (acc, pattern) =>
            acc.where(
              sql<SqlBool>`(users.name ilike ${pattern} or ${whenVisible(sql<SqlBool>`(
                profiles.organisation ilike ${pattern} or profiles.role_title ilike ${pattern}
                or profiles.sector ilike ${pattern} or array_to_string(profiles.skills, ' ') ilike ${pattern})`)})`,
            ),
          qb,
        ),
      ),
  };
}

/** One page of a network's active members, oldest first, after the cursor; `limit + 1` tells of a next page. */
export async function listMembers(db: Executor, query: MemberListQuery): Promise<MemberRow[]> {
  const { builder } = filteredMembers(db, query);
  const after = query.after;
  return builder
    .select(['users.id', 'users.name', ...PROFILE_COLUMNS])
    .select([
      sql<boolean>`true`.as('sharesNetwork'),
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
    .limit(query.limit + 1)
    .execute();
}

export async function countMembers(db: Executor, query: MemberListQuery): Promise<number> {
  const row = await filteredMembers(db, query)
    .builder.select(sql<string>`count(*)::text`.as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function getPasswordHash(db: Executor, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return row?.password_hash ?? null;
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

/** Deletes the account; the database cascades to profile, memberships and sessions and unlinks their notes. */
export async function deleteUser(db: Executor, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('users').where('id', '=', userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

// Everything held about one person, for their own export.

export async function getAccountForExport(db: Executor, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'created_at as createdAt', 'updated_at as updatedAt'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function getProfileForExport(db: Executor, userId: string) {
  return db
    .selectFrom('profiles')
    .select([
      'pronouns',
      'bio',
      'organisation',
      'organisation_size as organisationSize',
      'sector',
      'role_title as roleTitle',
      'is_digital_lead as isDigitalLead',
      'is_mentor as isMentor',
      'skills',
      sql<SupportCategory[]>`support_needs::text[]`.as('supportNeeds'),
      'visibility',
      'created_at as createdAt',
      'updated_at as updatedAt',
    ])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

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

/** Sessions without their id or secret hash: the export must not be usable to sign in. */
export async function getSessionsForExport(db: Executor, userId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at as createdAt', 'last_used_at as lastUsedAt'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}
