import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// memberships.event_alerts: the member asked to be told of each new event of the network (off
// unless asked). notification_kind gains NEW_EVENTS for those notices. As with EVENTS, the new
// value cannot be used in the transaction that adds it, so this migration names it nowhere else;
// `down` leaves it. The partial index holds only the members who asked, per network.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('memberships')
    .addColumn('event_alerts', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await sql`create index memberships_event_alerts_idx on memberships (network_id)
    where event_alerts and left_at is null`.execute(db);
  await sql`alter type notification_kind add value if not exists 'NEW_EVENTS'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index memberships_event_alerts_idx`.execute(db);
  await db.schema.alterTable('memberships').dropColumn('event_alerts').execute();
}
