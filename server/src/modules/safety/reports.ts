import { transaction, type ServiceContext } from '../../core/context.ts';
import { badInput, checkFields, notFound, rateLimited } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import type { ReportableSubject } from '../../core/reportable.ts';
import { cleanText } from '../../core/text.ts';
import { requireViewer } from '../accounts/service.ts';
import * as events from '../events/service.ts';
import * as library from '../library/service.ts';
import * as memberships from '../memberships/service.ts';
import * as mentoring from '../mentoring/service.ts';
import * as networks from '../networks/service.ts';
import * as notifications from '../notifications/service.ts';
import * as people from '../people/service.ts';
import * as repo from './repository.ts';
import type { ReportReason, ReportRecord, ReportSubjectKind } from './repository.ts';

// Raising a concern. Each module says what one of its things is (its network, the person
// responsible, how it looks now); this file decides where the report goes:
// - to the stewards of the network it arose in, or
// - to the site's operators, when it is about a network itself or about one of its stewards, or
//   about a mentor the reporter shares no network with.
// The person reported is never told of a report, and nothing they can read names its reporter.

export interface ReportConcernInput {
  subjectKind: ReportSubjectKind;
  subjectId: string;
  networkId?: string | null;
  reason: ReportReason;
  details: string;
  anonymous?: boolean | null;
}

const REPORTS_PER_HOUR = 10;
const HOUR_MS = 3_600_000;
const DETAILS_RULE = { label: 'details', max: 4000, multiline: true };
const UNSEEN = 'There is nothing to report there: it does not exist, or you cannot see it.';

/** What the thing is, as the module that holds it describes it to the reporter. */
function describe(ctx: ServiceContext, kind: ReportSubjectKind, id: string): Promise<ReportableSubject | null> {
  // Looked up when called, not when this file loads: those modules import this one's service.
  switch (kind) {
    case 'PERSON':
      return people.reportablePerson(ctx, id);
    case 'NETWORK':
      return networks.reportableNetwork(ctx, id);
    case 'EVENT':
      return events.reportableEvent(ctx, id);
    case 'LIBRARY_ITEM':
      return library.reportableLibraryItem(ctx, id);
    case 'MENTOR_OFFER':
      return mentoring.reportableMentorOffer(ctx, id);
    case 'MENTORSHIP':
      return mentoring.reportableMentorship(ctx, id);
  }
}

interface Route {
  networkId: string | null;
  forOperators: boolean;
}

/**
 * Files a concern, or returns the reporter's open report on the same subject. Rate-limited per
 * person; the network's stewards (or the operators) are told, never the person reported.
 */
export async function reportConcern(ctx: ServiceContext, input: ReportConcernInput): Promise<ReportRecord> {
  const viewer = requireViewer(ctx);
  const { details } = checkFields({
    subjectId: () => {
      if (!isUuid(input.subjectId)) throw badInput('subjectId', UNSEEN);
      if (input.subjectKind === 'PERSON' && input.subjectId === viewer.userId) {
        throw badInput('subjectId', 'You cannot report yourself.');
      }
    },
    networkId: () => {
      if (input.networkId != null && !isUuid(input.networkId)) throw badInput('networkId', 'There is no such network.');
    },
    details: () => {
      const details = cleanText('details', input.details, DETAILS_RULE);
      if (details === '' && input.reason === 'OTHER') {
        throw badInput('details', 'Say what happened: the reason is "other", so the stewards need your words.');
      }
      return details;
    },
  });
  const subject = await describe(ctx, input.subjectKind, input.subjectId);
  if (!subject) throw notFound(UNSEEN);
  if (subject.personId === viewer.userId && input.subjectKind !== 'MENTORSHIP') {
    throw badInput('subjectId', 'You cannot report your own things. Edit or delete them instead.');
  }
  const route = await routeOf(ctx, input, subject);
  const since = new Date(ctx.clock.now().getTime() - HOUR_MS);
  const { record, added } = await transaction(ctx, async (tx) => {
    if ((await repo.countReportsSince(tx.db, viewer.userId, since)) >= REPORTS_PER_HOUR) {
      throw rateLimited(`You have made ${REPORTS_PER_HOUR} reports in the last hour. Wait a while, then try again.`);
    }
    const { record, created } = await repo.insertReport(tx.db, {
      reporterId: viewer.userId,
      subjectKind: input.subjectKind,
      subjectId: input.subjectId,
      subjectPersonId: subject.personId,
      networkId: route.networkId,
      forOperators: route.forOperators,
      reason: input.reason,
      details: details!,
      anonymous: input.anonymous ?? false,
      snapshot: boundedSnapshot(subject),
      createdAt: ctx.clock.now(),
    });
    const added = created ? await tellHandlers(tx, record) : { added: [] };
    return { record, added };
  });
  await notifications.announceAdded(ctx, added);
  return record;
}

/** Where a report goes: its network's stewards, or the operators. */
async function routeOf(ctx: ServiceContext, input: ReportConcernInput, subject: ReportableSubject): Promise<Route> {
  if (input.subjectKind === 'NETWORK') return { networkId: subject.networkId, forOperators: true };
  let networkId = subject.networkId;
  if (networkId === null && subject.personId !== null) networkId = await sharedNetwork(ctx, input, subject.personId);
  if (networkId === null) {
    if (input.subjectKind === 'PERSON') {
      throw badInput('subjectId', 'You can report a person you share a network with.');
    }
    return { networkId: null, forOperators: true };
  }
  // A steward cannot be judged by their own network's stewards alone.
  const aboutSteward =
    subject.personId !== null && (await memberships.roleOf(ctx, networkId, subject.personId)) === 'STEWARD';
  return { networkId, forOperators: aboutSteward };
}

/** The network a reporter and a person share where the concern arose: the one named, or the only one. */
async function sharedNetwork(ctx: ServiceContext, input: ReportConcernInput, personId: string): Promise<string | null> {
  const shared = await memberships.sharedNetworkIds(ctx, requireViewer(ctx).userId, personId);
  if (input.networkId != null) {
    if (!shared.includes(input.networkId)) {
      throw badInput('networkId', 'Choose a network you and they are both members of.');
    }
    return input.networkId;
  }
  if (shared.length > 1) throw badInput('networkId', 'You share more than one network: choose where this happened.');
  return shared[0] ?? null;
}

const SNAPSHOT_TEXT_MAX = 20_000;

function boundedSnapshot(subject: ReportableSubject): ReportableSubject['snapshot'] {
  const { title, text, path } = subject.snapshot;
  return { title: title.slice(0, 300), text: text.slice(0, SNAPSHOT_TEXT_MAX), path };
}

const KIND_IN_WORDS: Record<ReportSubjectKind, string> = {
  PERSON: 'a member',
  NETWORK: 'a network',
  EVENT: 'an event',
  LIBRARY_ITEM: 'a library item',
  MENTOR_OFFER: 'a mentor offer',
  MENTORSHIP: 'a mentorship',
};

export const kindInWords = (kind: ReportSubjectKind) => KIND_IN_WORDS[kind];

/** Tells those who handle a new report that it waits, in words that name nobody. */
async function tellHandlers(ctx: ServiceContext, report: ReportRecord) {
  const handlers = report.forOperators
    ? await repo.getOperatorIds(ctx.db)
    : await memberships.stewardIds(ctx, report.networkId!);
  const network = report.networkId
    ? (await networks.networksByIds(ctx, [report.networkId])).get(report.networkId)
    : null;
  return notifications.notify(ctx, {
    // Whoever the report is about never hears of it, even as a handler.
    userIds: handlers.filter((id) => id !== report.subjectPersonId && id !== report.reporterId),
    kind: 'SAFETY',
    title:
      report.forOperators || !network
        ? `A report about ${KIND_IN_WORDS[report.subjectKind]} waits for the operators`
        : `A report about ${KIND_IN_WORDS[report.subjectKind]} waits in ${network.name}`,
    url: report.forOperators || !network ? '/operator/reports' : `/networks/${network.slug}/reports`,
  });
}
