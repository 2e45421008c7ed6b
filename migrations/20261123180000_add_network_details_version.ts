import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// Rises with every change to a network's details, so a steward's save can say which version it
// was based on and be refused, not silently overwrite, when another steward saved in between.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('networks')
    .addColumn('details_version', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`details_version >= 1`),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('networks').dropColumn('details_version').execute();
}
