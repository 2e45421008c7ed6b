import type { Kysely } from 'kysely';
import type { AuditAction, Database } from '../../db/schema.ts';

type Executor = Kysely<Database>;

export type { AuditAction };

export interface AuditEntryRecord {
  id: string;
  networkId: string | null;
  actorId: string | null;
  action: AuditAction;
  subjectPersonId: string | null;
  summary: string;
  reason: string | null;
  at: Date;
}

const ENTRY_COLUMNS = [
  'id',
  'network_id as networkId',
  'actor_id as actorId',
  'action',
  'subject_person_id as subjectPersonId',
  'summary',
  'reason',
  'created_at as at',
] as const;

/** Adds one entry. The table takes no updates or deletes (a trigger refuses them). */
export async function insertEntry(db: Executor, entry: Omit<AuditEntryRecord, 'id'>): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      network_id: entry.networkId,
      actor_id: entry.actorId,
      action: entry.action,
      subject_person_id: entry.subjectPersonId,
      summary: entry.summary,
      reason: entry.reason,
      created_at: entry.at,
    })
    .execute();
}

/**
 * A page of entries, newest first, after a keyset cursor: one network's, or every one's when
 * `networkId` is undefined. Fetches `limit + 1` to tell whether a next page exists.
 */
export async function getEntries(
  db: Executor,
  query: { networkId: string | undefined; after: { at: Date; id: string } | null; limit: number },
): Promise<AuditEntryRecord[]> {
  let select = db.selectFrom('audit_log').select(ENTRY_COLUMNS);
  if (query.networkId !== undefined) select = select.where('network_id', '=', query.networkId);
  if (query.after) {
    const { at, id } = query.after;
    select = select.where((eb) =>
      eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]),
    );
  }
  return select
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
}

/** The entries naming the person as actor or subject, oldest first, for their export. */
export async function getEntriesAbout(db: Executor, userId: string): Promise<AuditEntryRecord[]> {
  return db
    .selectFrom('audit_log')
    .select(ENTRY_COLUMNS)
    .where((eb) => eb.or([eb('actor_id', '=', userId), eb('subject_person_id', '=', userId)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
