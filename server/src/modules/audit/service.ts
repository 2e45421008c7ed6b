import { decodeCursor, encodeCursor, isText, pageSize, toConnection, type Connection } from '../../core/connection.ts';
import type { ServiceContext } from '../../core/context.ts';
import { badInput } from '../../core/errors.ts';
import * as repo from './repository.ts';
import type { AuditAction, AuditEntryRecord } from './repository.ts';

// The audit trail: who did what, when and why. Other services write an entry inside the
// transaction of the change it records, so an entry exists if and only if the change does. Rows
// are only ever added; the database refuses updates and deletes. This module decides nothing
// about who may read the trail: its callers (the safety module) do.

export type { AuditAction, AuditEntryRecord };

export interface AuditEntryToRecord {
  /** The network it happened in; null for a site-wide change such as an operator grant. */
  networkId: string | null;
  /** Who did it; null for the command line. */
  actorId: string | null;
  action: AuditAction;
  subjectPersonId?: string | null;
  /** What changed, in words, without personal details beyond what the action needs. */
  summary: string;
  /** Why, in the actor's words. */
  reason?: string | null;
}

const SUMMARY_MAX = 500;

/** Writes one entry on ctx.db: call inside the transaction of the change it records. */
export async function record(ctx: ServiceContext, entry: AuditEntryToRecord): Promise<void> {
  const summary = entry.summary.length > SUMMARY_MAX ? `${entry.summary.slice(0, SUMMARY_MAX - 1)}…` : entry.summary;
  await repo.insertEntry(ctx.db, {
    networkId: entry.networkId,
    actorId: entry.actorId,
    action: entry.action,
    subjectPersonId: entry.subjectPersonId ?? null,
    summary,
    reason: entry.reason?.trim() || null,
    at: ctx.clock.now(),
  });
}

const LIST = 'audit';
const isIsoDate = (value: unknown): value is string => isText(value) && !Number.isNaN(Date.parse(value));

/**
 * A page of the trail, newest first: one network's, or the whole site's when `networkId` is
 * undefined. The caller has already decided the viewer may read it.
 */
export async function entries(
  ctx: ServiceContext,
  networkId: string | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<AuditEntryRecord>> {
  const limit = pageSize(first, 'entries');
  let key: { at: Date; id: string } | null = null;
  if (after) {
    const [at, id] = decodeCursor(LIST, after, [isIsoDate, isText] as const);
    key = { at: new Date(at), id };
  }
  const rows = await repo.getEntries(ctx.db, { networkId, after: key, limit });
  return toConnection(
    rows,
    limit,
    (row) => ({ cursor: encodeCursor(LIST, [row.at.toISOString(), row.id]), node: row }),
    () => Promise.reject(badInput('totalCount', 'The audit trail is not counted.')),
  );
}

/** The entries naming the person, as actor or subject, for their export. */
export async function entriesAbout(ctx: ServiceContext, userId: string): Promise<AuditEntryRecord[]> {
  return repo.getEntriesAbout(ctx.db, userId);
}
