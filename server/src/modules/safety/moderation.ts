import { decodeCursor, encodeCursor, isText, pageSize, toConnection, type Connection } from '../../core/connection.ts';
import { transaction, type ServiceContext } from '../../core/context.ts';
import { badInput, checkFields, conflict, forbidden, notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import { cleanText } from '../../core/text.ts';
import { requireViewer } from '../accounts/service.ts';
import * as audit from '../audit/service.ts';
import * as events from '../events/service.ts';
import * as library from '../library/service.ts';
import * as memberships from '../memberships/service.ts';
import * as mentoring from '../mentoring/service.ts';
import * as networks from '../networks/service.ts';
import * as notifications from '../notifications/service.ts';
import type { NotificationRequest } from '../notifications/service.ts';
import { isViewerOperator } from './operators.ts';
import { kindInWords } from './reports.ts';
import * as repo from './repository.ts';
import type { ReportAction, ReportRecord, ReportStatus, ReportSubjectKind } from './repository.ts';

// The moderation queue and what stewards do with a report. A network's stewards handle its
// reports; the operators handle every report, and alone those about a network or a steward.
// Nobody handles a report about themself, and the person reported never sees a report at all.

/** A report as the viewer may see it: whole for those who handle it, its status for its reporter. */
export interface ReportView extends ReportRecord {
  /** Whether the viewer handles it: only then does the resolution show. */
  handledByViewer: boolean;
  viewerCanResolve: boolean;
}

/** Whether the viewer handles the report: an operator, or a steward of its network for a report that stays there. */
async function handles(ctx: ServiceContext, report: ReportRecord): Promise<boolean> {
  if (!ctx.viewer || report.subjectPersonId === ctx.viewer.userId) return false;
  if (await isViewerOperator(ctx)) return true;
  if (report.forOperators || report.networkId === null) return false;
  return (await memberships.rolesOfViewer(ctx, [report.networkId])).get(report.networkId) === 'STEWARD';
}

async function viewOf(ctx: ServiceContext, report: ReportRecord): Promise<ReportView | null> {
  const handledByViewer = await handles(ctx, report);
  const isReporter = ctx.viewer !== null && report.reporterId === ctx.viewer.userId;
  if (!handledByViewer && !isReporter) return null;
  return { ...report, handledByViewer, viewerCanResolve: handledByViewer && report.status === 'OPEN' };
}

/** One report, for its reporter and those who handle it; null for anyone else. */
export async function reportById(ctx: ServiceContext, reportId: string): Promise<ReportView | null> {
  requireViewer(ctx);
  if (!isUuid(reportId)) return null;
  const [report] = await repo.getReportsByIds(ctx.db, [reportId]);
  return report ? viewOf(ctx, report) : null;
}

/** The reporter's view of a report they just filed. */
export function reporterView(report: ReportRecord): ReportView {
  return { ...report, handledByViewer: false, viewerCanResolve: false };
}

const LIST = 'reports';
const isIsoDate = (value: unknown): value is string => isText(value) && !Number.isNaN(Date.parse(value));

async function queuePage(
  ctx: ServiceContext,
  query: { networkId: string | undefined; reporterId?: string; status: ReportStatus | undefined },
  first: number | null | undefined,
  after: string | null | undefined,
  asHandler: boolean,
): Promise<Connection<ReportView>> {
  const limit = pageSize(first, 'reports');
  let key: { at: Date; id: string } | null = null;
  if (after) {
    const [at, id] = decodeCursor(LIST, after, [isIsoDate, isText] as const);
    key = { at: new Date(at), id };
  }
  const viewerId = requireViewer(ctx).userId;
  // A steward promoted after a report about them must not find it in their own queue.
  const where = { ...query, excludeSubjectPersonId: asHandler ? viewerId : undefined };
  const oldestFirst = query.status === 'OPEN' && query.reporterId === undefined;
  const rows = await repo.getQueuePage(ctx.db, { ...where, oldestFirst, after: key, limit });
  return toConnection(
    rows,
    limit,
    (row) => ({
      cursor: encodeCursor(LIST, [row.createdAt.toISOString(), row.id]),
      node: { ...row, handledByViewer: asHandler, viewerCanResolve: asHandler && row.status === 'OPEN' },
    }),
    () => repo.countQueue(ctx.db, where),
  );
}

/** A network's queue, for its stewards and the operators. */
export async function networkReports(
  ctx: ServiceContext,
  networkId: string,
  status: ReportStatus,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<ReportView>> {
  await requireHandlerOf(ctx, networkId);
  return queuePage(ctx, { networkId, status }, first, after, true);
}

/** Every report, for the operators. */
export async function operatorReports(
  ctx: ServiceContext,
  status: ReportStatus,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<ReportView>> {
  if (!(await isViewerOperator(ctx))) throw forbidden('Only the site’s operators can see every report.');
  return queuePage(ctx, { networkId: undefined, status }, first, after, true);
}

/** The reports the viewer made, newest first. */
export async function myReports(
  ctx: ServiceContext,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<ReportView>> {
  const viewerId = requireViewer(ctx).userId;
  return queuePage(ctx, { networkId: undefined, reporterId: viewerId, status: undefined }, first, after, false);
}

/** Refuses anyone but the network's stewards and the operators. */
export async function requireHandlerOf(ctx: ServiceContext, networkId: string): Promise<void> {
  requireViewer(ctx);
  if (await isViewerOperator(ctx)) return;
  const role = isUuid(networkId) ? (await memberships.rolesOfViewer(ctx, [networkId])).get(networkId) : undefined;
  if (role !== 'STEWARD') throw forbidden("Only this network's stewards and the site's operators can see this.");
}

/** How many open reports wait in each network's queue, for its stewards; null for anyone else. */
export async function openReportCounts(
  ctx: ServiceContext,
  networkIds: readonly string[],
): Promise<Map<string, number | null>> {
  const roles = await memberships.rolesOfViewer(ctx, networkIds);
  const stewarded = networkIds.filter((id) => roles.get(id) === 'STEWARD');
  const counts = await repo.countOpenByNetwork(ctx.db, stewarded);
  return new Map(networkIds.map((id) => [id, roles.get(id) === 'STEWARD' ? (counts.get(id) ?? 0) : null]));
}

// Acting on a report.

const NOTE_RULE = {
  label: 'note',
  max: 2000,
  multiline: true,
  required: 'Add a note saying why: it is kept in the audit trail.',
};
const HIDEABLE = new Set<ReportSubjectKind>(['EVENT', 'LIBRARY_ITEM', 'MENTOR_OFFER']);

/** Hides reported content; looked up when called, as those modules import this one's service. */
async function hide(ctx: ServiceContext, kind: ReportSubjectKind, id: string): Promise<void> {
  if (kind === 'EVENT') await events.hideEvent(ctx, id);
  if (kind === 'LIBRARY_ITEM') await library.hideLibraryItem(ctx, id);
  if (kind === 'MENTOR_OFFER') await mentoring.hideMentorOffer(ctx, id);
}
const MAX_SUSPENSION_MS = 366 * 86_400_000;
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });

/** Whether an action fits a report, or the reason it does not. */
function actionProblem(report: ReportRecord, action: ReportAction): string | null {
  if (action === 'DISMISS') return null;
  if (action === 'HIDE') {
    return HIDEABLE.has(report.subjectKind) ? null : `Only events, library items and mentor offers can be hidden.`;
  }
  if (report.subjectPersonId === null) return 'This report is about no one who still has an account: dismiss it.';
  if ((action === 'SUSPEND' || action === 'REMOVE') && report.networkId === null) {
    return 'This report arose in no network, so there is no network to suspend or remove them from.';
  }
  return null;
}

/**
 * Acts on an open report, once, with a note: the action, its notices (to the person reported
 * for a warning, hiding, suspension or removal; to the reporter in general words) and the audit
 * entry all in one transaction.
 */
export async function resolveReport(
  ctx: ServiceContext,
  reportId: string,
  action: ReportAction,
  rawNote: string,
  rawSuspendUntil: Date | null | undefined,
): Promise<ReportView> {
  const viewer = requireViewer(ctx);
  const now = ctx.clock.now();
  const { note, suspendUntil } = checkFields({
    note: () => cleanText('note', rawNote, NOTE_RULE),
    suspendUntil: () => checkSuspendUntil(action, rawSuspendUntil ?? null, now),
  });
  const { resolved, added } = await transaction(ctx, async (tx) => {
    const report = isUuid(reportId) ? await repo.lockReport(tx.db, reportId) : undefined;
    if (!report) throw notFound('There is no such report.');
    // Nobody resolves a report about themself, nor learns from the refusal that it exists.
    if (!(await handles(tx, report))) throw notFound('There is no such report.');
    if (report.status !== 'OPEN') throw conflict('This report was already resolved.');
    const problem = actionProblem(report, action);
    if (problem) throw badInput('action', problem);
    const network = report.networkId
      ? (await networks.networksByIds(tx, [report.networkId])).get(report.networkId)!
      : null;
    await carryOut(tx, report, action, note!, suspendUntil!);
    const resolved = await repo.markResolved(tx.db, {
      id: report.id,
      action,
      note: note!,
      suspendUntil: suspendUntil!,
      resolvedBy: viewer.userId,
      now,
    });
    if (!resolved) throw conflict('This report was already resolved.');
    await audit.record(tx, {
      networkId: report.networkId,
      actorId: viewer.userId,
      action: 'REPORT_RESOLVED',
      subjectPersonId: report.subjectPersonId,
      summary: `Resolved a report about ${kindInWords(report.subjectKind)} (${REASON_IN_WORDS[report.reason]}): ${ACTION_IN_WORDS[action]}`,
      reason: note!,
    });
    const added = await notifications.notifyEach(tx, notices(resolved, network));
    return { resolved, added };
  });
  await notifications.announceAdded(ctx, added);
  return { ...resolved, handledByViewer: true, viewerCanResolve: false };
}

function checkSuspendUntil(action: ReportAction, until: Date | null, now: Date): Date | null {
  if (action !== 'SUSPEND') {
    if (until !== null) throw badInput('suspendUntil', 'A date is only for a suspension.');
    return null;
  }
  if (until === null) throw badInput('suspendUntil', 'Choose the date the suspension ends.');
  if (until.getTime() <= now.getTime()) throw badInput('suspendUntil', 'Choose a date in the future.');
  if (until.getTime() - now.getTime() > MAX_SUSPENSION_MS) {
    throw badInput('suspendUntil', 'A suspension lasts at most a year; to go further, remove them from the network.');
  }
  return until;
}

async function carryOut(
  ctx: ServiceContext,
  report: ReportRecord,
  action: ReportAction,
  note: string,
  suspendUntil: Date | null,
): Promise<void> {
  if (action === 'HIDE') await hide(ctx, report.subjectKind, report.subjectId);
  if (action === 'SUSPEND') {
    await memberships.suspendMember(ctx, {
      networkId: report.networkId!,
      userId: report.subjectPersonId!,
      until: suspendUntil!,
      note,
    });
  }
  if (action === 'REMOVE') await memberships.removeMember(ctx, report.networkId!, report.subjectPersonId!);
}

const ACTION_IN_WORDS: Record<ReportAction, string> = {
  DISMISS: 'dismissed',
  WARN: 'warned the person',
  HIDE: 'hid the content',
  SUSPEND: 'suspended the person',
  REMOVE: 'removed the person from the network',
};

const REASON_IN_WORDS: Record<repo.ReportReason, string> = {
  HARASSMENT: 'harassment',
  SELLING: 'selling',
  SPAM: 'spam',
  UNSAFE: 'unsafe',
  PRIVACY: 'privacy',
  OTHER: 'other',
};

/** What the person reported and the reporter are told; the first never learns who reported. */
function notices(report: ReportRecord, network: networks.NetworkRecord | null): NotificationRequest[] {
  const who = report.forOperators || !network ? 'Hearth’s operators' : `the stewards of ${network.name}`;
  const where = network ? `/networks/${network.slug}` : '/account';
  const told: NotificationRequest[] = [];
  const subject = report.subjectPersonId;
  if (subject !== null && report.action !== 'DISMISS') {
    const title: Record<Exclude<ReportAction, 'DISMISS'>, string> = {
      WARN: `A warning from ${who}`,
      HIDE: notifications.noticeTitle(
        `${capitalise(who)} hid your ${CONTENT_NOUN[report.subjectKind]}`,
        report.snapshot.title,
      ),
      SUSPEND: `You are suspended from ${network?.name ?? 'a network'} until ${LONG_DATE.format(report.suspendUntil ?? new Date())}`,
      REMOVE: `You were removed from ${network?.name ?? 'a network'}`,
    };
    told.push({ userIds: [subject], kind: 'SAFETY', title: title[report.action!], body: report.note!, url: where });
  }
  if (report.reporterId !== null) {
    told.push({
      userIds: [report.reporterId],
      kind: 'SAFETY',
      title:
        report.action === 'DISMISS'
          ? `Thank you for your report: ${who} looked into it`
          : `Thank you for your report: ${who} acted on it`,
      body:
        report.action === 'DISMISS'
          ? 'They looked into what you reported and decided no action was needed.'
          : 'They looked into what you reported and took action. To respect everyone’s privacy, we do not say what.',
      url: '/account/reports',
    });
  }
  return told;
}

const CONTENT_NOUN: Record<ReportSubjectKind, string> = {
  PERSON: 'profile',
  NETWORK: 'network',
  EVENT: 'event',
  LIBRARY_ITEM: 'library item',
  MENTOR_OFFER: 'mentor offer',
  MENTORSHIP: 'mentorship',
};

const capitalise = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

// The audit trail, read by a network's stewards and the operators.

export async function networkAuditLog(
  ctx: ServiceContext,
  networkId: string,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  await requireHandlerOf(ctx, networkId);
  return audit.entries(ctx, networkId, first, after);
}

export async function operatorAuditLog(
  ctx: ServiceContext,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  if (!(await isViewerOperator(ctx))) throw forbidden('Only the site’s operators can read the whole audit trail.');
  return audit.entries(ctx, undefined, first, after);
}
