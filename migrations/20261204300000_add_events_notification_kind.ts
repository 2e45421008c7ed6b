import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// notification_kind gains EVENTS: a seat confirmed from the waitlist, a seat offered to claim, an
// offer that lapsed, an event cancelled or moved. As with MENTORING, the value cannot be used in
// the transaction that adds it, so this migration names it nowhere else; `down` leaves it.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter type notification_kind add value if not exists 'EVENTS'`.execute(db);
}

export async function down(): Promise<void> {}
