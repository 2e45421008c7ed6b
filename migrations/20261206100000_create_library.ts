import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// The shared library: case studies, templates and quick tips, peer-reviewed before publishing.
// - library_items: the current state of each item. A case study's sections, a template's or a
//   tip's body live here as Markdown; `search_vector` is generated from the text (title weight A,
//   summary B, the rest C) so ranked search is one GIN lookup. `review_round` counts submissions:
//   approvals count only within the current round, so an edit after an approval starts again.
// - library_item_versions: every version of every item, whole (content as JSON), so older ones
//   stay readable; version 1 is made with the item.
// - library_reviews: one decision per reviewer per round; the item row is locked while a review
//   is recorded, so two approvals at once publish the item once.
// - library_uses: "I used this", one per person per item (again replaces the note).
// - library_reviewers and library_settings: members the stewards named as reviewers, and how
//   many approvals a network needs (no row: one).
// - library_words: every word the published text holds, with a trigram index, so a misspelt
//   search word is mended to the nearest real one before the full-text match.
// - library_briefs: a digital lead's case for management, readable by anyone holding its token.
// Erasing a person keeps their published items and reviews (the network's knowledge) without
// their name, and erases their drafts, uses and briefs.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create type library_item_kind as enum ('CASE_STUDY', 'TEMPLATE', 'TIP')`.execute(db);
  await sql`create type library_item_status as enum ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED')`.execute(db);
  await sql`create type library_audience as enum ('NETWORK', 'ALL_NETWORKS')`.execute(db);
  await sql`create type library_sector as enum ('ARTS_AND_CULTURE', 'HEALTH_AND_CARE', 'HOUSING', 'EDUCATION_AND_YOUTH', 'ENVIRONMENT', 'COMMUNITY', 'ADVICE_AND_ADVOCACY', 'FOOD_AND_POVERTY', 'SPORT_AND_WELLBEING', 'FAITH', 'OTHER')`.execute(
    db,
  );
  await sql`create type review_decision as enum ('APPROVE', 'REQUEST_CHANGES')`.execute(db);

  await db.schema
    .createTable('library_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('kind', sql`library_item_kind`, (c) => c.notNull())
    .addColumn('network_id', 'uuid', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('audience', sql`library_audience`, (c) => c.notNull().defaultTo('NETWORK'))
    .addColumn('status', sql`library_item_status`, (c) => c.notNull().defaultTo('DRAFT'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('event_id', 'uuid', (c) => c.references('events.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull().check(sql`char_length(title) between 1 and 120`))
    .addColumn('summary', 'text', (c) => c.notNull().check(sql`char_length(summary) between 1 and 300`))
    .addColumn('categories', sql`support_category[]`, (c) =>
      c.notNull().check(sql`cardinality(categories) between 1 and 8 and array_position(categories, null) is null`),
    )
    .addColumn('sector', sql`library_sector`)
    .addColumn('org_size', sql`organisation_size`)
    .addColumn('tools', sql`text[]`, (c) =>
      c
        .notNull()
        .defaultTo(sql`'{}'::text[]`)
        .check(sql`cardinality(tools) <= 10`),
    )
    // The kind's own fields: { orgName, problem, approach, ... } or { body }.
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('file_id', 'uuid', (c) => c.references('files.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('review_round', 'integer', (c) => c.notNull().defaultTo(0))
    // The item's own text without markup (sections or body, organisation, tools), for snippets.
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    // Kept by PostgreSQL from the text, so no writer can forget it: title A, summary B, the rest C.
    .addColumn('search_vector', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql`setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, summary), 'B') || setweight(to_tsvector('english'::regconfig, body_text), 'C')`,
        )
        .stored(),
    )
    .addColumn('published_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index library_items_search_idx on library_items using gin (search_vector)`.execute(db);
  await sql`create index library_items_published_idx on library_items (published_at desc, id desc) where status = 'PUBLISHED'`.execute(
    db,
  );
  // Facet counts over everything a reader may see read only these columns: kept beside the
  // published rows' network and audience, they are counted from the index without the wide rows.
  await sql`create index library_items_facets_idx on library_items (network_id, audience) include (kind, sector, org_size, categories, tools, published_at) where status = 'PUBLISHED'`.execute(
    db,
  );
  await sql`create index library_items_network_status_idx on library_items (network_id, status)`.execute(db);
  await sql`create index library_items_author_idx on library_items (created_by) where created_by is not null`.execute(
    db,
  );
  await sql`create index library_items_categories_idx on library_items using gin (categories)`.execute(db);
  await sql`create index library_items_tools_idx on library_items using gin (tools)`.execute(db);

  await db.schema
    .createTable('library_item_versions')
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('library_items.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('file_id', 'uuid', (c) => c.references('files.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('library_item_versions_pkey', ['item_id', 'number'])
    .execute();
  await sql`create index library_item_versions_author_idx on library_item_versions (author_id) where author_id is not null`.execute(
    db,
  );

  await db.schema
    .createTable('library_reviews')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('library_items.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('reviewer_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decision', sql`review_decision`, (c) => c.notNull())
    .addColumn('comment', 'text', (c) =>
      c
        .notNull()
        .defaultTo('')
        .check(sql`char_length(comment) <= 2000`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('library_reviews_once_per_round', ['item_id', 'round', 'reviewer_id'])
    .execute();
  await sql`create index library_reviews_reviewer_idx on library_reviews (reviewer_id) where reviewer_id is not null`.execute(
    db,
  );

  await db.schema
    .createTable('library_uses')
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('library_items.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('note', 'text', (c) =>
      c
        .notNull()
        .defaultTo('')
        .check(sql`char_length(note) <= 1000`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('library_uses_pkey', ['item_id', 'person_id'])
    .execute();
  await sql`create index library_uses_person_idx on library_uses (person_id)`.execute(db);

  await db.schema
    .createTable('library_reviewers')
    .addColumn('network_id', 'uuid', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('named_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('library_reviewers_pkey', ['network_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('library_settings')
    .addColumn('network_id', 'uuid', (c) => c.primaryKey().references('networks.id').onDelete('cascade'))
    .addColumn('approvals_needed', 'integer', (c) => c.notNull().check(sql`approvals_needed between 1 and 2`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('library_words')
    .addColumn('word', 'text', (c) => c.primaryKey())
    .execute();
  await sql`create index library_words_trigram_idx on library_words using gin (word gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable('library_briefs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('owner_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull().check(sql`char_length(title) between 1 and 120`))
    .addColumn('ask', 'text', (c) => c.notNull().check(sql`char_length(ask) between 1 and 1500`))
    .addColumn('item_ids', sql`uuid[]`, (c) => c.notNull().check(sql`cardinality(item_ids) between 1 and 6`))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index library_briefs_owner_idx on library_briefs (owner_id, created_at desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'library_briefs',
    'library_words',
    'library_settings',
    'library_reviewers',
    'library_uses',
    'library_reviews',
    'library_item_versions',
    'library_items',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const type of [
    'review_decision',
    'library_sector',
    'library_audience',
    'library_item_status',
    'library_item_kind',
  ]) {
    await sql`drop type ${sql.raw(type)}`.execute(db);
  }
}
