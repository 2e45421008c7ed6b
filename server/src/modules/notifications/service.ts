// Notifications: for now, the outbox of emails. Another module asks for an email with
// queueEmail, inside its own transaction: the email is queued if and only if its change commits.
// The worker (outbox-worker.ts) sends it.
import type { ServiceContext } from '../../core/context.ts';
import { badInput, forbidden, unauthenticated } from '../../core/errors.ts';
import { renderEmail, type EmailContent, type RenderedEmail } from './email-layout.ts';
import { DEFAULT_TIME_ZONE } from './digest.ts';
import { preferenceOf } from './inbox.ts';
import * as inboxRepo from './inbox-repository.ts';
import * as repo from './repository.ts';
import type { AddressFailure, LoggedEmail, NotificationKind } from './repository.ts';

export type { AddressFailure, EmailContent, LoggedEmail, NotificationKind, RenderedEmail };
import { NOTIFICATION_KIND_VALUES } from '../../db/schema.ts';
export { NOTIFICATION_KIND_VALUES };

export interface EmailToQueue {
  /** One address. */
  to: string;
  /** The person it is for, when it is for one: erasing them erases it. */
  userId: string | null;
  kind: NotificationKind;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
}

export interface QueuedEmail {
  id: string;
  /** The Message-ID header it is sent with, every time it is sent: `<uuid@host>`. */
  messageId: string;
}

const ADDRESS_SHAPE = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;
const ADDRESS_MAX_LENGTH = 254;
const SUBJECT_MAX_LENGTH = 200;
const TEXT_MAX_LENGTH = 100_000;
const HTML_MAX_LENGTH = 200_000;
const HEADER_NAME = /^[A-Za-z][A-Za-z0-9-]{0,62}$/;
const HEADER_VALUE_MAX_LENGTH = 998;
const MAX_EXTRA_HEADERS = 10;
/** Headers the outbox writes itself; a caller's would contradict them. */
const RESERVED_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'sender',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
]);

function checkAddress(to: string): string {
  if (to.length > ADDRESS_MAX_LENGTH || !ADDRESS_SHAPE.test(to)) {
    throw badInput('to', `An email goes to one address such as name@example.org; got "${to.slice(0, 60)}".`);
  }
  return to;
}

function checkSubject(subject: string): string {
  if (/[\r\n]/.test(subject)) throw badInput('subject', 'A subject is one line.');
  const trimmed = subject.trim();
  if (trimmed === '' || trimmed.length > SUBJECT_MAX_LENGTH) {
    throw badInput('subject', `A subject has 1 to ${SUBJECT_MAX_LENGTH} characters.`);
  }
  return trimmed;
}

function checkBody(field: 'text' | 'html', body: string, max: number): string {
  if (body.trim() === '' || body.length > max) throw badInput(field, `The ${field} part has 1 to ${max} characters.`);
  return body;
}

function checkHeaders(headers: Record<string, string> = {}): Record<string, string> {
  const entries = Object.entries(headers);
  if (entries.length > MAX_EXTRA_HEADERS) throw badInput('headers', `At most ${MAX_EXTRA_HEADERS} extra headers.`);
  for (const [name, value] of entries) {
    if (!HEADER_NAME.test(name) || RESERVED_HEADERS.has(name.toLowerCase())) {
      throw badInput('headers', `"${name}" cannot be an extra header.`);
    }
    if (typeof value !== 'string' || /[\r\n]/.test(value) || value.length > HEADER_VALUE_MAX_LENGTH) {
      throw badInput('headers', `The ${name} header is one line of at most ${HEADER_VALUE_MAX_LENGTH} characters.`);
    }
  }
  return Object.fromEntries(entries);
}

/** A new Message-ID on Hearth's own host, so it is unique across every copy and every network. */
export function newMessageId(publicUrl: URL): string {
  return `<${crypto.randomUUID()}@${publicUrl.hostname}>`;
}

/**
 * Queues one email, on `ctx.db`: inside the caller's transaction when there is one, so the email
 * is sent only if the caller's change commits (this never opens a transaction of its own).
 * Workers on PostgreSQL are woken when it commits; otherwise the next poll finds it.
 */
export async function queueEmail(ctx: ServiceContext, email: EmailToQueue): Promise<QueuedEmail> {
  const queued = await repo.insertEmail(ctx.db, {
    messageId: newMessageId(ctx.config.publicUrl),
    recipient: checkAddress(email.to),
    userId: email.userId,
    kind: email.kind,
    subject: checkSubject(email.subject),
    text: checkBody('text', email.text, TEXT_MAX_LENGTH),
    html: checkBody('html', email.html, HTML_MAX_LENGTH),
    headers: checkHeaders(email.headers),
    dueAt: ctx.clock.now(),
  });
  await repo.announceQueued(ctx.db);
  return queued;
}

/**
 * The subject, text and HTML of an email in Hearth's one layout, its link built from PUBLIC_URL:
 *
 *   await queueEmail(tx, { to, userId, kind: 'ACCOUNT', ...composeEmail(tx, { subject, paragraphs, action }) });
 */
export function composeEmail(ctx: Pick<ServiceContext, 'config'>, content: EmailContent): RenderedEmail {
  return renderEmail(content, ctx.config.publicUrl);
}

/**
 * The failing address of each of these people that has one (a mail server refused it for good),
 * by user id: for a steward's member list, through a loader.
 */
export async function failingAddressesOf(
  ctx: ServiceContext,
  userIds: readonly string[],
): Promise<Map<string, AddressFailure>> {
  const failures = await repo.getFailuresByUserIds(ctx.db, userIds);
  const byUser = new Map<string, AddressFailure>();
  // Newest first: the first seen for a person is the one kept.
  for (const failure of failures) if (!byUser.has(failure.userId)) byUser.set(failure.userId, failure);
  return byUser;
}

/** Forgets a person's failing addresses, when their address changes. */
export async function forgetFailingAddresses(ctx: ServiceContext, userId: string): Promise<void> {
  await repo.deleteFailuresOfUser(ctx.db, userId);
}

const LOGGED_LIMIT_MAX = 100;

/**
 * The emails logged instead of sent, newest first, for the development page: only outside
 * production, and only to a signed-in person (every email is shown, as a developer's inbox).
 */
export async function listRecentLoggedEmails(ctx: ServiceContext, limit = 20): Promise<LoggedEmail[]> {
  if (ctx.config.env === 'production') throw forbidden('Logged emails are shown in development only.');
  if (!ctx.viewer) throw unauthenticated();
  if (!Number.isInteger(limit) || limit < 1 || limit > LOGGED_LIMIT_MAX) {
    throw badInput('first', `Ask for 1 to ${LOGGED_LIMIT_MAX} emails.`);
  }
  return repo.listLogged(ctx.db, limit);
}

/**
 * What this module holds about a person, for their data export: their settings, their
 * notifications, and the emails queued for them (subjects only: bodies carry one-time links).
 */
export async function notificationsForExport(ctx: ServiceContext, userId: string) {
  const [timeZone, chosen, notifications, emails] = await Promise.all([
    inboxRepo.getTimeZone(ctx.db, userId),
    inboxRepo.getPreferencesOfUser(ctx.db, userId),
    inboxRepo.listAllOfUser(ctx.db, userId),
    repo.listEmailsForExport(ctx.db, userId),
  ]);
  return {
    digestTimeZone: timeZone ?? DEFAULT_TIME_ZONE,
    preferences: NOTIFICATION_KIND_VALUES.map((kind) => preferenceOf(kind, chosen.get(kind))),
    notifications,
    emails,
  };
}

// In-app notifications, preferences and unsubscribe links: see inbox.ts.
export {
  announceAdded,
  DEFAULT_DELIVERY,
  listNotifications,
  markNotificationsRead,
  notificationPreferences,
  notify,
  noticeTitle,
  notifyEach,
  NOTIFICATION_ADDED_TOPIC,
  setNotificationPreference,
  unsubscribe,
  unsubscribeKind,
  type AddedNotifications,
  type NotificationDelivery,
  type NotificationPage,
  type NotificationPreference,
  type NotificationRecord,
  type NotificationRequest,
} from './inbox.ts';
export { digestTimeZone, sendDueDigests, setDigestTimeZone, startDigestWorker } from './digest.ts';
