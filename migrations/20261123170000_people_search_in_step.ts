import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// Keeps the member search document right when writes to one person overlap. A refresh read the
// person's rows with a snapshot taken before it waited for the document's row, so a name change
// racing a switch to PRIVATE could store the old, visible details. Now each trigger first locks
// the person's users row, and then refreshes in a new statement, whose snapshot sees everything
// committed by whoever held that lock before. Profile deletions refresh the document too.
//
// Also: line breaks from browser forms were stored as CRLF before the services normalised them;
// normalise what is stored, so resending an unchanged code of conduct keeps its version.

const LOCK_THEN_REFRESH = (idColumn: 'id' | 'user_id') => `
  begin
    perform 1 from users where id in (select ${idColumn} from changed) order by id for no key update;
    perform people_search_refresh(array(select ${idColumn} from changed));
    return null;
  end`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create or replace function people_search_users_changed() returns trigger language plpgsql as $$${LOCK_THEN_REFRESH('id')}$$`,
    )
    .execute(db);
  await sql
    .raw(
      `create or replace function people_search_profiles_changed() returns trigger language plpgsql as $$${LOCK_THEN_REFRESH('user_id')}$$`,
    )
    .execute(db);
  await sql`
    create trigger profiles_delete_people_search after delete on profiles
    referencing old table as changed for each statement execute function people_search_profiles_changed()`.execute(db);

  for (const column of ['purpose', 'values', 'code_of_conduct']) {
    await sql
      .raw(
        `update networks set "${column}" = replace("${column}", E'\\r\\n', E'\\n') where strpos("${column}", E'\\r') > 0`,
      )
      .execute(db);
  }
  await sql`update profiles set bio = replace(bio, E'\\r\\n', E'\\n') where strpos(bio, E'\\r') > 0`.execute(db);
  await sql`update lifecycle_changes set note = replace(note, E'\\r\\n', E'\\n') where strpos(note, E'\\r') > 0`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger profiles_delete_people_search on profiles`.execute(db);
  for (const [fn, column] of [
    ['people_search_users_changed', 'id'],
    ['people_search_profiles_changed', 'user_id'],
  ] as const) {
    await sql
      .raw(
        `create or replace function ${fn}() returns trigger language plpgsql as $$
        begin
          perform people_search_refresh(array(select ${column} from changed));
          return null;
        end $$`,
      )
      .execute(db);
  }
}
