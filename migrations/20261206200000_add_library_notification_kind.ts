import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// notification_kind gains LIBRARY: an item sent for review to its network's reviewers, and the
// reviewer's decision to its author. As with EVENTS, the value cannot be used in the transaction
// that adds it, so this migration names it nowhere else; `down` leaves it.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter type notification_kind add value if not exists 'LIBRARY'`.execute(db);
}

export async function down(): Promise<void> {}
