import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// A person's active memberships, found by person. The primary key leads with the network, so
// "does this person share a network with the viewer" (asked for every person a page shows) and
// "which networks does this person steward" read every membership without it: on 275,000
// memberships that was about 50 ms a page on PGlite.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index memberships_person_active_idx on memberships (user_id, network_id) where left_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index memberships_person_active_idx`.execute(db);
}
