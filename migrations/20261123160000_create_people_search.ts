import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// The member directory's word search. Matching with ILIKE across users and profiles had to read
// every member of a network (about 180 ms for 100,000 members); one indexed document per person
// lets PostgreSQL find the matches first. The document holds what fellow members may see: the
// name always, the organisation, role, sector and skills unless the profile is PRIVATE. Triggers
// keep it in step with both tables, so no write path can forget it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('people_search')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('document', sql`tsvector`, (c) => c.notNull())
    .execute();
  await sql`create index people_search_document_idx on people_search using gin (document)`.execute(db);

  // 'simple': names and skills are not English words to stem; the search matches word starts.
  await sql`
    create function people_search_document(
      person_name text, visibility profile_visibility,
      organisation text, role_title text, sector text, skills text[]
    ) returns tsvector language sql immutable parallel safe as $$
      select setweight(to_tsvector('simple', person_name), 'A') ||
        case when visibility is distinct from 'PRIVATE'
          then to_tsvector('simple', concat_ws(' ', organisation, role_title, sector, array_to_string(skills, ' ')))
          else ''::tsvector
        end
    $$`.execute(db);

  await sql`
    create function people_search_refresh(ids uuid[]) returns void language sql as $$
      insert into people_search (user_id, document)
      select users.id, people_search_document(users.name, profiles.visibility,
        profiles.organisation, profiles.role_title, profiles.sector, profiles.skills)
      from unnest(ids) as changed(id)
      join users on users.id = changed.id
      left join profiles on profiles.user_id = users.id
      on conflict (user_id) do update set document = excluded.document
    $$`.execute(db);

  // Statement-level with transition tables: a bulk insert refreshes its rows in one statement.
  // PostgreSQL allows a transition table only on a single-event trigger, hence two per table.
  await sql`
    create function people_search_users_changed() returns trigger language plpgsql as $$
    begin
      perform people_search_refresh(array(select id from changed));
      return null;
    end $$`.execute(db);
  await sql`
    create function people_search_profiles_changed() returns trigger language plpgsql as $$
    begin
      perform people_search_refresh(array(select user_id from changed));
      return null;
    end $$`.execute(db);
  for (const [table, fn] of [
    ['users', 'people_search_users_changed'],
    ['profiles', 'people_search_profiles_changed'],
  ] as const) {
    for (const event of ['insert', 'update'] as const) {
      await sql
        .raw(
          `create trigger ${table}_${event}_people_search after ${event} on ${table}
           referencing new table as changed for each statement execute function ${fn}()`,
        )
        .execute(db);
    }
  }

  await sql`select people_search_refresh(array(select id from users))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['users', 'profiles']) {
    for (const event of ['insert', 'update']) {
      await sql.raw(`drop trigger ${table}_${event}_people_search on ${table}`).execute(db);
    }
  }
  await sql`drop function people_search_profiles_changed()`.execute(db);
  await sql`drop function people_search_users_changed()`.execute(db);
  await sql`drop function people_search_refresh(uuid[])`.execute(db);
  await sql`drop function people_search_document(text, profile_visibility, text, text, text, text[])`.execute(db);
  await db.schema.dropTable('people_search').execute();
}
