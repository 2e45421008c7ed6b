import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// Mentoring: a mentor's offer, a digital lead's needs, requests between them, the mentorships
// that accepted requests become, and the matching rounds an organiser confirms.
// - mentor_offers: one per person. Skills are kept as profiles keep them: lower-cased tags to
//   compare and index, and the person's spelling beside them. `promised_no_selling_at` records
//   when the mentor made the no-selling promise, which a report of a breach will cite. A paused
//   offer keeps everything and is suggested to nobody.
// - needs: what a lead wants help with, with the brief a mentor reads before answering.
// - mentorship_requests: one lead asking one mentor about one need. A need is asked of one mentor
//   at a time (a partial unique index) and of the same mentor once. Unanswered, a request
//   expires at `expires_at`. `lead_id` repeats the need's lead so inboxes and counts of recent
//   asks need no join.
// - mentorships: an accepted request. Capacity is counted over those not closed; accepting locks
//   the mentor's offer row first, so two accepts at once cannot both take the last place.
// - mentorship_check_ins: dated notes either side logs.
// - matching_rounds: a confirmed round, with its totals; its requests point back at it.
// Erasing a person erases their offer, needs, requests and mentorships (cascades); a check-in or
// round they wrote for someone else's mentorship or network stays, without their name.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create type mentoring_format as enum ('VIDEO', 'PHONE', 'IN_PERSON')`.execute(db);
  await sql`create type offer_visibility as enum ('SIGNED_IN', 'SHARED_NETWORKS')`.execute(db);
  await sql`create type need_urgency as enum ('THIS_WEEK', 'THIS_MONTH', 'NO_RUSH')`.execute(db);
  await sql`create type need_status as enum ('OPEN', 'MATCHED', 'CLOSED')`.execute(db);
  await sql`create type mentorship_request_status as enum ('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN')`.execute(
    db,
  );
  await sql`create type mentorship_status as enum ('ACTIVE', 'PAUSED', 'CLOSED')`.execute(db);

  await db.schema
    .createTable('mentor_offers')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('skills', sql`text[]`, (c) =>
      c.notNull().check(sql`cardinality(skills) between 1 and 20 and array_position(skills, null) is null`),
    )
    .addColumn('skills_as_typed', sql`text[]`, (c) => c.notNull())
    .addColumn('categories', sql`support_category[]`, (c) =>
      c.notNull().check(sql`cardinality(categories) between 1 and 8 and array_position(categories, null) is null`),
    )
    .addColumn('formats', sql`mentoring_format[]`, (c) =>
      c.notNull().check(sql`cardinality(formats) between 1 and 3 and array_position(formats, null) is null`),
    )
    .addColumn('place_name', 'text', (c) => c.check(sql`char_length(place_name) between 1 and 120`))
    .addColumn('latitude', 'double precision', (c) => c.check(sql`latitude between -90 and 90`))
    .addColumn('longitude', 'double precision', (c) => c.check(sql`longitude between -180 and 180`))
    .addColumn('radius_km', 'integer', (c) => c.check(sql`radius_km between 1 and 200`))
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity between 1 and 10`))
    .addColumn('commitment', 'text', (c) => c.notNull().check(sql`char_length(commitment) between 1 and 300`))
    .addColumn('visible_to', sql`offer_visibility`, (c) => c.notNull().defaultTo('SIGNED_IN'))
    .addColumn('promised_no_selling_at', 'timestamptz', (c) => c.notNull())
    .addColumn('paused_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'mentor_offers_skills_as_typed_match',
      sql`cardinality(skills_as_typed) = cardinality(skills) and array_position(skills_as_typed, null) is null`,
    )
    // A place is all or nothing, and meeting in person needs one.
    .addCheckConstraint(
      'mentor_offers_place_whole',
      sql`(place_name is null) = (latitude is null) and (latitude is null) = (longitude is null)
        and (latitude is null) = (radius_km is null)`,
    )
    .addCheckConstraint(
      'mentor_offers_in_person_has_place',
      sql`not ('IN_PERSON' = any(formats)) or place_name is not null`,
    )
    .execute();
  await sql`create index mentor_offers_skills_idx on mentor_offers using gin (skills) where paused_at is null`.execute(
    db,
  );

  await db.schema
    .createTable('needs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('lead_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('network_id', 'uuid', (c) => c.references('networks.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull().check(sql`char_length(title) between 1 and 120`))
    .addColumn('description', 'text', (c) => c.notNull().check(sql`char_length(description) between 1 and 2000`))
    .addColumn('first_call_brief', 'text', (c) =>
      c.notNull().check(sql`char_length(first_call_brief) between 1 and 1000`),
    )
    .addColumn('categories', sql`support_category[]`, (c) =>
      c.notNull().check(sql`cardinality(categories) <= 8 and array_position(categories, null) is null`),
    )
    .addColumn('skills', sql`text[]`, (c) =>
      c.notNull().check(sql`cardinality(skills) <= 20 and array_position(skills, null) is null`),
    )
    .addColumn('skills_as_typed', sql`text[]`, (c) => c.notNull())
    .addColumn('formats', sql`mentoring_format[]`, (c) =>
      c.notNull().check(sql`cardinality(formats) between 1 and 3 and array_position(formats, null) is null`),
    )
    .addColumn('urgency', sql`need_urgency`, (c) => c.notNull())
    .addColumn('status', sql`need_status`, (c) => c.notNull().defaultTo('OPEN'))
    .addColumn('closed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'needs_skills_as_typed_match',
      sql`cardinality(skills_as_typed) = cardinality(skills) and array_position(skills_as_typed, null) is null`,
    )
    .addCheckConstraint('needs_closed_when_closed', sql`(status = 'CLOSED') = (closed_at is not null)`)
    .execute();
  await sql`create index needs_lead_idx on needs (lead_id, created_at)`.execute(db);
  await sql`create index needs_open_in_network_idx on needs (network_id, created_at) where status = 'OPEN'`.execute(db);

  await db.schema
    .createTable('matching_rounds')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('network_id', 'uuid', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('organiser_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('pair_count', 'integer', (c) => c.notNull().check(sql`pair_count >= 0`))
    .addColumn('total_score', 'integer', (c) => c.notNull())
    .addColumn('greedy_score', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index matching_rounds_network_idx on matching_rounds (network_id, created_at)`.execute(db);

  await db.schema
    .createTable('mentorship_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('need_id', 'uuid', (c) => c.notNull().references('needs.id').onDelete('cascade'))
    .addColumn('mentor_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('lead_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('message', 'text', (c) => c.notNull().check(sql`char_length(message) <= 2000`))
    .addColumn('status', sql`mentorship_request_status`, (c) => c.notNull().defaultTo('PENDING'))
    .addColumn('response_note', 'text', (c) => c.check(sql`char_length(response_note) between 1 and 1000`))
    .addColumn('matching_round_id', 'uuid', (c) => c.references('matching_rounds.id').onDelete('set null'))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('answered_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('mentorship_requests_once_per_mentor', ['need_id', 'mentor_id'])
    .addCheckConstraint('mentorship_requests_not_oneself', sql`mentor_id <> lead_id`)
    .addCheckConstraint('mentorship_requests_answered', sql`(status = 'PENDING') = (answered_at is null)`)
    .execute();
  await sql`create unique index mentorship_requests_one_pending_idx on mentorship_requests (need_id) where status = 'PENDING'`.execute(
    db,
  );
  await sql`create index mentorship_requests_mentor_idx on mentorship_requests (mentor_id, created_at)`.execute(db);
  await sql`create index mentorship_requests_lead_idx on mentorship_requests (lead_id, created_at)`.execute(db);
  await sql`create index mentorship_requests_expiry_idx on mentorship_requests (expires_at) where status = 'PENDING'`.execute(
    db,
  );

  await db.schema
    .createTable('mentorships')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('request_id', 'uuid', (c) =>
      c.notNull().unique().references('mentorship_requests.id').onDelete('cascade'),
    )
    .addColumn('need_id', 'uuid', (c) => c.notNull().references('needs.id').onDelete('cascade'))
    .addColumn('mentor_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('mentee_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('goals', 'text', (c) =>
      c
        .notNull()
        .defaultTo('')
        .check(sql`char_length(goals) <= 2000`),
    )
    .addColumn('status', sql`mentorship_status`, (c) => c.notNull().defaultTo('ACTIVE'))
    .addColumn('paused_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('close_note', 'text', (c) => c.check(sql`char_length(close_note) between 1 and 1000`))
    .addColumn('outcome_rating', 'smallint', (c) => c.check(sql`outcome_rating between 1 and 5`))
    .addColumn('outcome_note', 'text', (c) => c.check(sql`char_length(outcome_note) between 1 and 2000`))
    .addColumn('outcome_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('mentorships_not_oneself', sql`mentor_id <> mentee_id`)
    .addCheckConstraint('mentorships_paused_when_paused', sql`(status = 'PAUSED') = (paused_at is not null)`)
    .addCheckConstraint('mentorships_closed_when_closed', sql`(status = 'CLOSED') = (closed_at is not null)`)
    .addCheckConstraint(
      'mentorships_outcome_whole',
      sql`(outcome_rating is null) = (outcome_at is null) and (outcome_note is null or outcome_rating is not null)`,
    )
    .execute();
  await sql`create index mentorships_mentor_open_idx on mentorships (mentor_id) where status <> 'CLOSED'`.execute(db);
  await sql`create index mentorships_mentee_idx on mentorships (mentee_id, created_at)`.execute(db);
  await sql`create index mentorships_mentor_idx on mentorships (mentor_id, created_at)`.execute(db);

  await db.schema
    .createTable('mentorship_check_ins')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('mentorship_id', 'uuid', (c) => c.notNull().references('mentorships.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('happened_on', 'date', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().check(sql`char_length(note) between 1 and 2000`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index mentorship_check_ins_mentorship_idx on mentorship_check_ins (mentorship_id, happened_on)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'mentorship_check_ins',
    'mentorships',
    'mentorship_requests',
    'matching_rounds',
    'needs',
    'mentor_offers',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const type of [
    'mentorship_status',
    'mentorship_request_status',
    'need_status',
    'need_urgency',
    'offer_visibility',
    'mentoring_format',
  ]) {
    await sql.raw(`drop type ${type}`).execute(db);
  }
}
