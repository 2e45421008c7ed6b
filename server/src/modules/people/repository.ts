import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { arrayLiteral, type IdCondition } from '../../core/query.ts';
import type { NamedPeople } from '../accounts/service.ts';
import type { Database, OrganisationSize, ProfileVisibility, SupportCategory } from '../../db/schema.ts';

type Executor = Kysely<Database>;

export type { OrganisationSize, ProfileVisibility, SupportCategory };

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
  // As the person typed them; a profile saved before that was kept has only the lower-cased tags.
  sql<string[]>`coalesce(profiles.skills_as_typed, profiles.skills, '{}')`.as('skills'),
  sql<SupportCategory[]>`coalesce(profiles.support_needs::text[], '{}')`.as('supportNeeds'),
  sql<ProfileVisibility>`coalesce(profiles.visibility, 'MEMBERS')`.as('visibility'),
] as const;

/**
 * The people with their profiles and whether each shares an active network with the viewer
 * (a condition from the memberships module), in one statement.
 */
export async function getPeople(
  db: Executor,
  people: NamedPeople,
  sharesNetwork: IdCondition | null,
): Promise<PersonRow[]> {
  return db
    .selectFrom(people.as('person'))
    .leftJoin('profiles', 'profiles.user_id', 'person.id')
    .select(['person.id', 'person.name', ...PROFILE_COLUMNS])
    .select(
      sharesNetwork === null
        ? sql<boolean>`false`.as('sharesNetwork')
        : sql<boolean>`${sharesNetwork(sql.ref('person.id'))}`.as('sharesNetwork'),
    )
    .execute();
}

/** Skills as typed, for display, and their lower-cased keys for matching, in the same order. */
export interface SkillList {
  asTyped: string[];
  keys: string[];
}

export type ProfileChanges = Omit<Partial<ProfileFields>, 'skills'> & { skills?: SkillList };

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
    ...(changes.skills !== undefined && {
      skills: sql<string[]>`cast(${arrayLiteral(changes.skills.keys)} as text[])`,
      skills_as_typed: sql<string[]>`cast(${arrayLiteral(changes.skills.asTyped)} as text[])`,
    }),
    ...(changes.supportNeeds !== undefined && {
      support_needs: sql<SupportCategory[]>`cast(${arrayLiteral(changes.supportNeeds)} as support_category[])`,
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

/** What the member directory's profile filters ask for. */
export interface PersonFilter {
  isMentor: boolean | null;
  isDigitalLead: boolean | null;
  skill: string | null;
  supportCategory: SupportCategory | null;
  /** Words (letters and digits only) that must each start a word of the person's search document. */
  searchWords: string[];
}

/**
 * The people the filters let through, as a condition on a person's id for the memberships
 * module's statements; null when nothing is filtered. Profile filters match what fellow members
 * may see: details of a PRIVATE profile never match, not even for its owner, so the list is the
 * one others would get.
 */
export function personMatches(filter: PersonFilter): IdCondition | null {
  const wanted: Array<Expression<SqlBool>> = [];
  if (filter.isMentor === true) wanted.push(sql<SqlBool>`is_mentor`);
  if (filter.isDigitalLead === true) wanted.push(sql<SqlBool>`is_digital_lead`);
  if (filter.skill !== null) wanted.push(sql<SqlBool>`skills @> cast(${arrayLiteral([filter.skill])} as text[])`);
  if (filter.supportCategory !== null) {
    wanted.push(sql<SqlBool>`support_needs @> cast(${arrayLiteral([filter.supportCategory])} as support_category[])`);
  }
  // "Says they are not": a person without a profile has said nothing either way, so they count.
  const unwanted: Array<Expression<SqlBool>> = [];
  if (filter.isMentor === false) unwanted.push(sql<SqlBool>`is_mentor`);
  if (filter.isDigitalLead === false) unwanted.push(sql<SqlBool>`is_digital_lead`);

  const conditions: IdCondition[] = [];
  if (wanted.length > 0) {
    conditions.push(
      (id) => sql<SqlBool>`${id} in (select user_id from profiles
        where visibility <> 'PRIVATE' and ${sql.join(wanted, sql` and `)})`,
    );
  }
  if (unwanted.length > 0) {
    conditions.push(
      (id) => sql<SqlBool>`${id} not in (select user_id from profiles
        where visibility = 'PRIVATE' or ${sql.join(unwanted, sql` or `)})`,
    );
  }
  if (filter.searchWords.length > 0) {
    conditions.push(
      (id) => sql<SqlBool>`${id} in (select user_id from people_search
        where document @@ to_tsquery('simple', ${prefixQuery(filter.searchWords)}))`,
    );
  }
  if (conditions.length === 0) return null;
  return (id) =>
    sql.join(
      conditions.map((condition) => condition(id)),
      sql` and `,
    ) as Expression<SqlBool>;
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
      sql<string[]>`coalesce(skills_as_typed, skills)`.as('skills'),
      sql<SupportCategory[]>`support_needs::text[]`.as('supportNeeds'),
      'visibility',
      'created_at as createdAt',
      'updated_at as updatedAt',
    ])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}
