import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// Skills were stored lower-cased, so pages showed "wordpress" and "mailchimp". They are still
// compared without regard to case: `skills` keeps the lower-cased tags the member filter, its
// index and the people_search document use, untouched. Beside them, `skills_as_typed` keeps the
// person's own spelling of each, in the same order, for display. Null for a profile saved before:
// only the lower-cased tags were kept, so those are what it shows until its owner saves skills again.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table profiles add column skills_as_typed text[]`.execute(db);
  await sql`alter table profiles add constraint profiles_skills_as_typed_match check (
    skills_as_typed is null
    or (cardinality(skills_as_typed) = cardinality(skills) and array_position(skills_as_typed, null) is null)
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table profiles drop constraint profiles_skills_as_typed_match`.execute(db);
  await sql`alter table profiles drop column skills_as_typed`.execute(db);
}
