import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// notification_kind gains MENTORING: requests, answers, expiries and closes between a lead and a
// mentor. Kysely runs pending migrations in one transaction; PostgreSQL 12 and later (PGlite is
// 17) allow ADD VALUE there, but the value cannot be used before that transaction commits, so
// this migration names it nowhere else. `down` cannot take an enum value away: it leaves it
// (harmless once nothing writes it).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter type notification_kind add value if not exists 'MENTORING'`.execute(db);
}

export async function down(): Promise<void> {}
