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
  networkId: string;
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

export interface MemberListQuery {
  /** The networks to list, each on its own page with the same filters. */
  networkIds: readonly string[];
  role: NetworkRole | null;
  isMentor: boolean | null;
  isDigitalLead: boolean | null;
  skill: string | null;
  supportCategory: SupportCategory | null;
  /** Words (letters and digits only) that must each start a word of the person's search document. */
  searchWords: string[];
  after: { joinedAtKey: string; userId: string } | null;
  limit: number;
}

/**
 * Active members narrowed by the filters, from memberships alone, so that a count reads only
 * indexes; the caller says which networks. Profile filters match what fellow members may see:
 * details of a PRIVATE profile never match, not even for its owner, so the list is the one
 * others would get.
 */
function filteredMembers(db: Executor, query: MemberListQuery) {
  const wanted: Array<Expression<SqlBool>> = [];
  if (query.isMentor === true) wanted.push(sql<SqlBool>`is_mentor`);
  if (query.isDigitalLead === true) wanted.push(sql<SqlBool>`is_digital_lead`);
  if (query.skill !== null) wanted.push(sql<SqlBool>`skills @> cast(${textArray([query.skill])} as text[])`);
  if (query.supportCategory !== null) {
    wanted.push(sql<SqlBool>`support_needs @> cast(${textArray([query.supportCategory])} as support_category[])`);
  }
  // "Says they are not": a person without a profile has said nothing either way, so they count.
  const unwanted: Array<Expression<SqlBool>> = [];
  if (query.isMentor === false) unwanted.push(sql<SqlBool>`is_mentor`);
  if (query.isDigitalLead === false) unwanted.push(sql<SqlBool>`is_digital_lead`);

  return db
    .selectFrom('memberships')
    .where('memberships.left_at', 'is', null)
    .$if(query.role !== null, (qb) => qb.where('memberships.role', '=', query.role!))
    .$if(wanted.length > 0, (qb) =>
      qb.where(
        sql<SqlBool>`memberships.user_id in (select user_id from profiles
          where visibility <> 'PRIVATE' and ${sql.join(wanted, sql` and `)})`,
      ),
    )
    .$if(unwanted.length > 0, (qb) =>
      qb.where(
        sql<SqlBool>`memberships.user_id not in (select user_id from profiles
          where visibility = 'PRIVATE' or ${sql.join(unwanted, sql` or `)})`,
      ),
    )
    .$if(query.searchWords.length > 0, (qb) =>
      qb.where(
        sql<SqlBool>`memberships.user_id in (select user_id from people_search
          where document @@ to_tsquery('simple', ${prefixQuery(query.searchWords)}))`,
      ),
    );
}

/**
 * `word:* & word:*`; the words hold letters and digits only, so nothing in them is tsquery syntax.
 * Where the database's locale lowercases ASCII letters only (C, as PGlite and many servers use),
 * "Émile" stays capitalised in the document, so each word is looked for with a capital too.
 */
function prefixQuery(words: readonly string[]): string {
  return words
    .map((word) => {
      const [first = '', ...rest] = word;
      const variants = [...new Set([word, first.toUpperCase() + rest.join('')])];
      return variants.length === 1 ? `${word}:*` : `(${variants.map((variant) => `${variant}:*`).join(' | ')})`;
    })
    .join(' & ');
}

/** One page of one network's members: oldest first, after the cursor, `limit + 1` rows to tell of a next page. */
function memberPage(db: Executor, query: MemberListQuery, networkId: Expression<string>) {
  const after = query.after;
  return filteredMembers(db, query)
    .where('memberships.network_id', '=', networkId)
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .leftJoin('profiles', 'profiles.user_id', 'memberships.user_id')
    .select(['users.id', 'users.name', ...PROFILE_COLUMNS])
    .select([
      sql<boolean>`true`.as('sharesNetwork'),
      'memberships.network_id as networkId',
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
    .selectFrom(sql<{ id: string }>`(select unnest(cast(${textArray(query.networkIds)} as uuid[])) as id)`.as('wanted'))
    .innerJoinLateral(memberPage(db, query, sql.ref<string>('wanted.id')).as('page'), (join) => join.onTrue())
    .selectAll('page')
    .orderBy('page.networkId')
    .orderBy('page.joinedAt')
    .orderBy('page.id')
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

// Everything held about one person, for their own export.

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
