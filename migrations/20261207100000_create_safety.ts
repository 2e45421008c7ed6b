import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import application code.
//
// Safety: who gets in, reports and what stewards did about them, blocking, and the audit trail.
// - networks.join_policy: OPEN (join at once, as before) or ASK_TO_JOIN (a steward or organiser
//   answers a join request first).
// - memberships gain a suspension (until a date, with the steward's note) and removed_at: a person
//   removed by the stewards keeps the row with left_at and may not rejoin by themself.
// - join_requests: a line from the newcomer, with the code of conduct version they accepted in
//   asking; at most one pending request per person and network.
// - blocks: one person's block of another; it hides each from the other, both ways.
// - operators: the site's operators, granted from the command line.
// - reports: a concern about a person, a network or a piece of content, with a snapshot of the
//   content as it was when reported. `network_id` is the network whose stewards see it; reports
//   about a network itself or about one of its stewards go to the operators (for_operators).
//   At most one open report per reporter and subject: asking again returns it.
// - audit_log: who did what, when and why. Append-only, enforced by a trigger. No foreign keys, so
//   a row outlives the account of the person it names (shown then as a former member).
// - library_items, events and mentor_offers gain hidden_at: content a steward hid is kept but shown
//   to nobody but its author and the stewards.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create type join_policy as enum ('OPEN', 'ASK_TO_JOIN')`.execute(db);
  await sql`alter table networks add column join_policy join_policy not null default 'OPEN'`.execute(db);

  await sql`
    alter table memberships
      add column suspended_until timestamptz,
      add column suspension_note text check (char_length(suspension_note) between 1 and 2000),
      add column removed_at timestamptz,
      add constraint memberships_suspension_with_note check ((suspended_until is null) = (suspension_note is null))
  `.execute(db);

  await sql`create type join_request_status as enum ('PENDING', 'APPROVED', 'DECLINED', 'WITHDRAWN')`.execute(db);
  await db.schema
    .createTable('join_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('network_id', 'uuid', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('about', 'text', (c) => c.notNull().check(sql`char_length(about) between 1 and 500`))
    .addColumn('code_of_conduct_version', 'integer', (c) => c.notNull())
    .addColumn('status', sql`join_request_status`, (c) => c.notNull().defaultTo('PENDING'))
    .addColumn('answer_note', 'text', (c) => c.check(sql`char_length(answer_note) between 1 and 1000`))
    .addColumn('answered_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('answered_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('join_requests_answered', sql`(status = 'PENDING') = (answered_at is null)`)
    .execute();
  await sql`create unique index join_requests_one_pending on join_requests (network_id, user_id) where status = 'PENDING'`.execute(
    db,
  );
  await sql`create index join_requests_pending_idx on join_requests (network_id, created_at, id) where status = 'PENDING'`.execute(
    db,
  );
  await db.schema.createIndex('join_requests_user_idx').on('join_requests').column('user_id').execute();

  await db.schema
    .createTable('blocks')
    .addColumn('blocker_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('blocked_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('blocks_pkey', ['blocker_id', 'blocked_id'])
    .addCheckConstraint('blocks_not_self', sql`blocker_id <> blocked_id`)
    .execute();
  await db.schema.createIndex('blocks_blocked_idx').on('blocks').columns(['blocked_id', 'blocker_id']).execute();

  await db.schema
    .createTable('operators')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await sql`create type report_subject_kind as enum ('PERSON', 'NETWORK', 'EVENT', 'LIBRARY_ITEM', 'MENTOR_OFFER', 'MENTORSHIP')`.execute(
    db,
  );
  await sql`create type report_reason as enum ('HARASSMENT', 'SELLING', 'SPAM', 'UNSAFE', 'PRIVACY', 'OTHER')`.execute(
    db,
  );
  await sql`create type report_status as enum ('OPEN', 'RESOLVED')`.execute(db);
  await sql`create type report_action as enum ('DISMISS', 'WARN', 'HIDE', 'SUSPEND', 'REMOVE')`.execute(db);
  await db.schema
    .createTable('reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('reporter_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('subject_kind', sql`report_subject_kind`, (c) => c.notNull())
    .addColumn('subject_id', 'uuid', (c) => c.notNull())
    .addColumn('subject_person_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('network_id', 'uuid', (c) => c.references('networks.id').onDelete('cascade'))
    .addColumn('for_operators', 'boolean', (c) => c.notNull())
    .addColumn('reason', sql`report_reason`, (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull().check(sql`char_length(details) <= 4000`))
    .addColumn('anonymous', 'boolean', (c) => c.notNull())
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    .addColumn('status', sql`report_status`, (c) => c.notNull().defaultTo('OPEN'))
    .addColumn('action', sql`report_action`)
    .addColumn('note', 'text', (c) => c.check(sql`char_length(note) between 1 and 2000`))
    .addColumn('suspend_until', 'timestamptz')
    .addColumn('resolved_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'reports_resolved',
      sql`(status = 'RESOLVED') = (resolved_at is not null) and (resolved_at is null) = (action is null) and (action is null) = (note is null)`,
    )
    .addCheckConstraint('reports_suspend_until', sql`(action = 'SUSPEND') = (suspend_until is not null)`)
    .addCheckConstraint('reports_routed', sql`for_operators or network_id is not null`)
    .execute();
  await sql`create unique index reports_one_open on reports (reporter_id, subject_kind, subject_id) where status = 'OPEN'`.execute(
    db,
  );
  await sql`create index reports_network_queue_idx on reports (network_id, status, created_at, id) where not for_operators`.execute(
    db,
  );
  await sql`create index reports_operator_queue_idx on reports (status, created_at, id) where for_operators`.execute(
    db,
  );
  await db.schema.createIndex('reports_reporter_idx').on('reports').columns(['reporter_id', 'created_at']).execute();
  await db.schema.createIndex('reports_subject_person_idx').on('reports').column('subject_person_id').execute();

  await sql`create type audit_action as enum ('ROLE_CHANGED', 'STAGE_CHANGED', 'DETAILS_CHANGED', 'JOIN_POLICY_CHANGED', 'JOIN_REQUEST_ANSWERED', 'REPORT_RESOLVED', 'OPERATOR_GRANTED', 'OPERATOR_REVOKED')`.execute(
    db,
  );
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`uuid_v7()`))
    .addColumn('network_id', 'uuid')
    .addColumn('actor_id', 'uuid')
    .addColumn('action', sql`audit_action`, (c) => c.notNull())
    .addColumn('subject_person_id', 'uuid')
    .addColumn('summary', 'text', (c) => c.notNull().check(sql`char_length(summary) between 1 and 500`))
    .addColumn('reason', 'text', (c) => c.check(sql`char_length(reason) between 1 and 2000`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('audit_log_network_idx')
    .on('audit_log')
    .columns(['network_id', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('audit_log_time_idx').on('audit_log').columns(['created_at', 'id']).execute();
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log rows are only ever added' using errcode = 'insufficient_privilege';
    end
    $$
  `.execute(db);
  await sql`
    create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_append_only()
  `.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()
  `.execute(db);

  await sql`alter table library_items add column hidden_at timestamptz`.execute(db);
  await sql`alter table events add column hidden_at timestamptz`.execute(db);
  await sql`alter table mentor_offers add column hidden_at timestamptz`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table mentor_offers drop column hidden_at`.execute(db);
  await sql`alter table events drop column hidden_at`.execute(db);
  await sql`alter table library_items drop column hidden_at`.execute(db);
  await db.schema.dropTable('audit_log').execute();
  await sql`drop function audit_log_append_only`.execute(db);
  await db.schema.dropTable('reports').execute();
  await db.schema.dropTable('operators').execute();
  await db.schema.dropTable('blocks').execute();
  await db.schema.dropTable('join_requests').execute();
  await sql`alter table memberships drop constraint memberships_suspension_with_note, drop column suspended_until, drop column suspension_note, drop column removed_at`.execute(
    db,
  );
  await sql`alter table networks drop column join_policy`.execute(db);
  for (const type of [
    'audit_action',
    'report_action',
    'report_status',
    'report_reason',
    'report_subject_kind',
    'join_request_status',
    'join_policy',
  ]) {
    await sql`drop type ${sql.raw(type)}`.execute(db);
  }
}
