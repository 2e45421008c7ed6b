import { sql, type Kysely } from 'kysely';
import type { ReportSnapshot } from '../../core/reportable.ts';
import type { Database, ReportAction, ReportReason, ReportStatus, ReportSubjectKind } from '../../db/schema.ts';

type Executor = Kysely<Database>;

export type { ReportAction, ReportReason, ReportStatus, ReportSubjectKind };

export interface ReportRecord {
  id: string;
  reporterId: string | null;
  subjectKind: ReportSubjectKind;
  subjectId: string;
  subjectPersonId: string | null;
  networkId: string | null;
  forOperators: boolean;
  reason: ReportReason;
  details: string;
  anonymous: boolean;
  snapshot: ReportSnapshot;
  status: ReportStatus;
  action: ReportAction | null;
  note: string | null;
  suspendUntil: Date | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

const REPORT_COLUMNS = [
  'id',
  'reporter_id as reporterId',
  'subject_kind as subjectKind',
  'subject_id as subjectId',
  'subject_person_id as subjectPersonId',
  'network_id as networkId',
  'for_operators as forOperators',
  'reason',
  'details',
  'anonymous',
  sql<ReportSnapshot>`snapshot`.as('snapshot'),
  'status',
  'action',
  'note',
  'suspend_until as suspendUntil',
  'resolved_by as resolvedBy',
  'resolved_at as resolvedAt',
  'created_at as createdAt',
] as const;

type NewReport = Omit<
  ReportRecord,
  'id' | 'status' | 'action' | 'note' | 'suspendUntil' | 'resolvedBy' | 'resolvedAt'
> & { reporterId: string };

/**
 * Files a report, or returns the reporter's open report on the same subject: the partial unique
 * index makes two reports at once into one.
 */
export async function insertReport(
  db: Executor,
  report: NewReport,
): Promise<{ record: ReportRecord; created: boolean }> {
  const inserted = await db
    .insertInto('reports')
    .values({
      reporter_id: report.reporterId,
      subject_kind: report.subjectKind,
      subject_id: report.subjectId,
      subject_person_id: report.subjectPersonId,
      network_id: report.networkId,
      for_operators: report.forOperators,
      reason: report.reason,
      details: report.details,
      anonymous: report.anonymous,
      snapshot: sql`${JSON.stringify(report.snapshot)}::text::jsonb`,
      created_at: report.createdAt,
      updated_at: report.createdAt,
    })
    // The predicate written out, not a parameter: PostgreSQL matches a partial index by its text.
    .onConflict((oc) =>
      oc
        .columns(['reporter_id', 'subject_kind', 'subject_id'])
        .where(sql<boolean>`status = 'OPEN'`)
        .doNothing(),
    )
    .returning(REPORT_COLUMNS)
    .executeTakeFirst();
  if (inserted) return { record: inserted, created: true };
  const open = await db
    .selectFrom('reports')
    .select(REPORT_COLUMNS)
    .where('reporter_id', '=', report.reporterId)
    .where('subject_kind', '=', report.subjectKind)
    .where('subject_id', '=', report.subjectId)
    .where('status', '=', 'OPEN')
    .executeTakeFirstOrThrow();
  return { record: open, created: false };
}

/** How many reports the person filed since a time, for the hourly allowance. */
export async function countReportsSince(db: Executor, reporterId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('reporter_id', '=', reporterId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function getReportsByIds(db: Executor, ids: readonly string[]): Promise<ReportRecord[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('reports').select(REPORT_COLUMNS).where('id', 'in', ids).execute();
}

/** Locks a report for its resolution, so two stewards acting at once take turns. */
export async function lockReport(db: Executor, id: string): Promise<ReportRecord | undefined> {
  return db.selectFrom('reports').select(REPORT_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Resolves an open report; undefined when it was resolved meanwhile. */
export async function markResolved(
  db: Executor,
  resolution: {
    id: string;
    action: ReportAction;
    note: string;
    suspendUntil: Date | null;
    resolvedBy: string;
    now: Date;
  },
): Promise<ReportRecord | undefined> {
  return db
    .updateTable('reports')
    .set({
      status: 'RESOLVED',
      action: resolution.action,
      note: resolution.note,
      suspend_until: resolution.suspendUntil,
      resolved_by: resolution.resolvedBy,
      resolved_at: resolution.now,
      updated_at: resolution.now,
    })
    .where('id', '=', resolution.id)
    .where('status', '=', 'OPEN')
    .returning(REPORT_COLUMNS)
    .executeTakeFirst();
}

export interface QueueQuery {
  /** One network's queue, or undefined for the operators' queue of every report. */
  networkId: string | undefined;
  /** Only the reports this person filed. */
  reporterId?: string;
  /** Leaves out reports about this person: nobody sees a report about themself. */
  excludeSubjectPersonId?: string;
  status: ReportStatus | undefined;
  /** Open reports oldest first; resolved ones (and a reporter's own) newest first. */
  oldestFirst: boolean;
  after: { at: Date; id: string } | null;
  limit: number;
}

function queueWhere(db: Executor, query: Omit<QueueQuery, 'after' | 'limit' | 'oldestFirst'>) {
  let select = db.selectFrom('reports');
  if (query.networkId !== undefined) {
    select = select.where('network_id', '=', query.networkId).where('for_operators', '=', false);
  }
  if (query.reporterId !== undefined) select = select.where('reporter_id', '=', query.reporterId);
  if (query.excludeSubjectPersonId !== undefined) {
    const excluded = query.excludeSubjectPersonId;
    select = select.where((eb) =>
      eb.or([eb('subject_person_id', 'is', null), eb('subject_person_id', '<>', excluded)]),
    );
  }
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  return select;
}

/** A page of a queue after a keyset cursor, fetched as `limit + 1`. */
export async function getQueuePage(db: Executor, query: QueueQuery): Promise<ReportRecord[]> {
  let select = queueWhere(db, query).select(REPORT_COLUMNS);
  const direction = query.oldestFirst ? 'asc' : 'desc';
  if (query.after) {
    const { at, id } = query.after;
    select = query.oldestFirst
      ? select.where((eb) => eb.or([eb('created_at', '>', at), eb.and([eb('created_at', '=', at), eb('id', '>', id)])]))
      : select.where((eb) =>
          eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]),
        );
  }
  return select
    .orderBy('created_at', direction)
    .orderBy('id', direction)
    .limit(query.limit + 1)
    .execute();
}

export async function countQueue(
  db: Executor,
  query: Omit<QueueQuery, 'after' | 'limit' | 'oldestFirst'>,
): Promise<number> {
  const row = await queueWhere(db, query)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** How many open reports wait in each of these networks' queues. */
export async function countOpenByNetwork(db: Executor, networkIds: readonly string[]): Promise<Map<string, number>> {
  if (networkIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('reports')
    .select(['network_id as networkId', (eb) => eb.fn.countAll<string>().as('count')])
    .where('network_id', 'in', networkIds)
    .where('for_operators', '=', false)
    .where('status', '=', 'OPEN')
    .groupBy('network_id')
    .execute();
  return new Map(rows.map((row) => [row.networkId!, Number(row.count)]));
}

/** What was decided about reports on this person, without who reported or what they said, for their export. */
export async function getActionsAbout(db: Executor, userId: string) {
  return db
    .selectFrom('reports')
    .select(['network_id as networkId', 'action', 'note', 'suspend_until as suspendUntil', 'resolved_at as resolvedAt'])
    .where('subject_person_id', '=', userId)
    .where('status', '=', 'RESOLVED')
    .where('action', '<>', 'DISMISS')
    .orderBy('resolved_at')
    .orderBy('id')
    .execute();
}

/** The reports the person filed, for their export. */
export async function getReportsBy(db: Executor, userId: string) {
  return db
    .selectFrom('reports')
    .select(['subject_kind as subjectKind', 'reason', 'details', 'anonymous', 'status', 'created_at as createdAt'])
    .where('reporter_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Keeps reports about a deleted person without their words: the snapshot is all that named them. */
export async function forgetSubjectPerson(db: Executor, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('reports')
    .set({
      snapshot: sql`${JSON.stringify({ title: 'A former member', text: '', path: null })}::text::jsonb`,
      updated_at: now,
    })
    .where('subject_person_id', '=', userId)
    .execute();
}

// Operators: granted and revoked from the command line.

export async function getOperatorIds(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('operators').select('user_id as userId').orderBy('user_id').execute();
  return rows.map((row) => row.userId);
}

export async function isOperator(db: Executor, userId: string): Promise<boolean> {
  const row = await db.selectFrom('operators').select('user_id').where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** Grants; false when the person already was one. */
export async function insertOperator(db: Executor, userId: string, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('operators')
    .values({ user_id: userId, granted_at: now })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Revokes; false when the person was not one. */
export async function deleteOperator(db: Executor, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('operators').where('user_id', '=', userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
