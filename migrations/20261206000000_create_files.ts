import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// Uploaded files (a template's attachment): kept in the database like every other thing Hearth
// holds, so a backup of PostgreSQL or of the PGlite folder is the whole of it, and several app
// copies share them with no file store to set up. At most 10 MiB each; `content_type` is what the
// bytes are (found from them, not from the name), `name` the uploader's name made safe to send
// back in a Content-Disposition header. The uploader is kept while they have an account.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('files')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('uploaded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`char_length(name) between 1 and 200`))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size between 1 and 10485760`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index files_uploaded_by_idx on files (uploaded_by) where uploaded_by is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('files').execute();
}
