// In-app notifications and how each kind reaches a person. Another module calls notify() inside
// its own transaction, so the notifications (and their emails, through the outbox) exist if and
// only if its change commits, then announceAdded() after the commit.
import { generateSessionToken, hashSecret, parseSessionToken, secretMatches } from '../../auth/tokens.ts';
import { decodeCursor, encodeCursor, isText, pageSize, toConnection, type Connection } from '../../core/connection.ts';
import { transaction, type ServiceContext } from '../../core/context.ts';
import { badInput } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import { NOTIFICATION_KIND_VALUES } from '../../db/schema.ts';
import * as accounts from '../accounts/service.ts';
import { requireViewer } from '../accounts/service.ts';
import type { EmailContent } from './email-layout.ts';
import * as repo from './inbox-repository.ts';
import type { NotificationDelivery, NotificationRecord } from './inbox-repository.ts';
import type { NotificationKind } from './repository.ts';
import { composeEmail, queueEmail } from './service.ts';

export type { NotificationDelivery, NotificationRecord };

/** Kinds that are always emailed at once and cannot be turned off. */
const ESSENTIAL = new Set<NotificationKind>(['ACCOUNT', 'SAFETY']);

/**
 * How a kind reaches a person who has not chosen. New members arrive often and matter less than
 * once a day, so stewards get them in a digest; a change to one's own role is rare and personal,
 * and a mentoring request waits on its answer for only a week. New events are asked for, but
 * are weeks ahead and rarely urgent by the hour, so they gather in the morning digest too.
 */
export const DEFAULT_DELIVERY: Record<NotificationKind, NotificationDelivery> = {
  ACCOUNT: 'IMMEDIATE',
  SAFETY: 'IMMEDIATE',
  NEW_MEMBER: 'DAILY_DIGEST',
  ROLE_CHANGED: 'IMMEDIATE',
  MENTORING: 'IMMEDIATE',
  EVENTS: 'IMMEDIATE',
  NEW_EVENTS: 'DAILY_DIGEST',
  LIBRARY: 'IMMEDIATE',
};

/** Why a person got an email of this kind, for its footer. */
const REASON: Record<NotificationKind, string> = {
  ACCOUNT: 'This is about your Hearth account.',
  SAFETY: 'This is about your safety on Hearth.',
  NEW_MEMBER: 'You get this because you are a steward of a network on Hearth.',
  ROLE_CHANGED: 'You get this because your role in a network on Hearth changed.',
  MENTORING: 'You get this because you take part in mentoring on Hearth.',
  EVENTS: 'You get this because you registered for an event on Hearth.',
  NEW_EVENTS: 'You get this because you asked to hear of new events in a network on Hearth.',
  LIBRARY: 'You get this because you write or review items in a network’s library on Hearth.',
};

const KIND_NAME: Record<NotificationKind, string> = {
  ACCOUNT: 'account messages',
  SAFETY: 'safety messages',
  NEW_MEMBER: 'new members joining',
  ROLE_CHANGED: 'changes to your role',
  MENTORING: 'mentoring requests and answers',
  EVENTS: 'seats and changes to events you registered for',
  NEW_EVENTS: 'new events in networks where you asked to hear of them',
  LIBRARY: 'library reviews',
};

/** The page where a person chooses how each kind reaches them. */
export const PREFERENCES_PATH = '/account/notifications';
/** Pub/sub topic: a person's new notifications, on every app copy. */
export const NOTIFICATION_ADDED_TOPIC = (userId: string) => `notification-added:${userId}`;

const TITLE_MAX = 200;
const BODY_MAX = 2000;
const URL_SHAPE = /^\/([^/\\\s]\S*)?$/;

export interface NotificationRequest {
  userIds: readonly string[];
  kind: NotificationKind;
  title: string;
  body?: string;
  /** A path on Hearth, such as /networks/leeds-digital/members. */
  url: string;
}

/**
 * "Words: subject" as a notification title, the subject (an event's or an item's title) cut to fit
 * with an ellipsis: whole characters only, so an emoji is never cut in half.
 */
export function noticeTitle(words: string, subject: string): string {
  const full = `${words}: ${subject}`;
  if (full.length <= TITLE_MAX) return full;
  let kept = '';
  for (const char of subject) {
    if (words.length + 2 + kept.length + char.length + 1 > TITLE_MAX) break;
    kept += char;
  }
  return `${words}: ${kept.trimEnd()}…`;
}

/** What notify() wrote, to hand to announceAdded() once the caller's transaction commits. */
export interface AddedNotifications {
  added: Array<{ userId: string; notification: NotificationRecord }>;
}

function checkRequest(request: NotificationRequest): Required<NotificationRequest> {
  const title = request.title.replace(/\s+/g, ' ').trim();
  if (title === '' || title.length > TITLE_MAX) throw badInput('title', `A title has 1 to ${TITLE_MAX} characters.`);
  const body = (request.body ?? '').trim();
  if (body.length > BODY_MAX) throw badInput('body', `A body has at most ${BODY_MAX} characters.`);
  if (!URL_SHAPE.test(request.url) || request.url.length > 500) {
    throw badInput('url', 'A notification links to a path on Hearth, such as /networks/leeds-digital.');
  }
  return { ...request, title, body };
}

/**
 * Writes one notification per person, and for each person who takes this kind by email at once,
 * queues that email: all on ctx.db, inside the caller's transaction. Essential kinds go to any
 * address; the rest only to a proved one. Call announceAdded() with the result after the commit.
 */
export async function notify(ctx: ServiceContext, request: NotificationRequest): Promise<AddedNotifications> {
  return notifyEach(ctx, [request]);
}

/**
 * notify() for several requests, each with its own words, in a fixed few statements whatever
 * their number (plus those of each email sent at once): for a change that tells many people
 * different things, such as a matching round asking each of its mentors about their own need.
 */
export async function notifyEach(
  ctx: ServiceContext,
  requests: readonly NotificationRequest[],
): Promise<AddedNotifications> {
  const checked = requests
    .map(checkRequest)
    .map((request) => ({ ...request, userIds: [...new Set(request.userIds)] }))
    .filter((request) => request.userIds.length > 0);
  if (checked.length === 0) return { added: [] };
  const now = ctx.clock.now();
  const deliveries = await deliveriesByKind(ctx, checked);
  const addresses = await accounts.mailingAddresses(
    ctx,
    checked.flatMap((request) => request.userIds),
  );
  const emailTo = (userId: string, kind: NotificationKind) => {
    const address = addresses.get(userId);
    const atOnce = deliveries.get(kind)!.get(userId) === 'IMMEDIATE';
    return atOnce && address && (address.verified || ESSENTIAL.has(kind)) ? address : null;
  };
  const rows = await repo.insertNotifications(
    ctx.db,
    checked.flatMap((request) =>
      request.userIds
        .filter((userId) => addresses.has(userId))
        .map((userId) => ({
          userId,
          kind: request.kind,
          title: request.title,
          body: request.body,
          url: request.url,
          createdAt: now,
          digestPending: deliveries.get(request.kind)!.get(userId) === 'DAILY_DIGEST',
          emailedAt: emailTo(userId, request.kind) ? now : null,
        })),
    ),
  );
  for (const row of rows) {
    const address = emailTo(row.userId, row.kind);
    if (address) await emailAtOnce(ctx, address, row);
  }
  return { added: rows.map(({ userId, ...notification }) => ({ userId, notification })) };
}

/** How each kind among these requests reaches each person it is for: one statement per kind. */
async function deliveriesByKind(
  ctx: ServiceContext,
  requests: ReadonlyArray<{ kind: NotificationKind; userIds: readonly string[] }>,
): Promise<Map<NotificationKind, Map<string, NotificationDelivery>>> {
  const byKind = new Map<NotificationKind, Map<string, NotificationDelivery>>();
  for (const [kind, ofKind] of Map.groupBy(requests, (request) => request.kind)) {
    byKind.set(kind, await deliveriesFor(ctx, [...new Set(ofKind.flatMap((r) => r.userIds))], kind));
  }
  return byKind;
}

/**
 * Tells each person's open pages, on every app copy. Only after the commit: on PostgreSQL the
 * message goes out through NOTIFY on a connection of its own, and on PGlite through an
 * in-process emitter, neither of which would be taken back by a rollback.
 */
export async function announceAdded(ctx: ServiceContext, added: AddedNotifications): Promise<void> {
  for (const { userId, notification } of added.added) {
    await ctx.pubsub.publish(NOTIFICATION_ADDED_TOPIC(userId), { notificationAdded: notification });
  }
}

/** Each person's delivery for a kind: essential kinds at once, else their choice or the default. */
async function deliveriesFor(
  ctx: ServiceContext,
  userIds: readonly string[],
  kind: NotificationKind,
): Promise<Map<string, NotificationDelivery>> {
  const chosen = ESSENTIAL.has(kind) ? new Map() : await repo.getChosenDeliveries(ctx.db, userIds, kind);
  return new Map(userIds.map((id) => [id, chosen.get(id) ?? DEFAULT_DELIVERY[kind]]));
}

/** A one-click unsubscribe link for one person and one kind, kept as a hash. */
async function unsubscribeUrl(ctx: ServiceContext, userId: string, kind: NotificationKind): Promise<URL> {
  const { id, secret, token } = generateSessionToken();
  await repo.insertUnsubscribeTokens(ctx.db, [{ id, userId, kind, secretHash: hashSecret(secret) }]);
  const url = new URL('/unsubscribe', ctx.config.publicUrl);
  url.searchParams.set('token', token);
  return url;
}

/** The footer and RFC 8058 headers of a non-essential email; essential ones carry only the reason. */
async function unsubscribeParts(
  ctx: ServiceContext,
  userId: string,
  kinds: readonly NotificationKind[],
): Promise<{ footer: string[]; headers: Record<string, string> }> {
  const optional = kinds.filter((kind) => !ESSENTIAL.has(kind));
  if (optional.length === 0) return { footer: kinds.map((kind) => REASON[kind]), headers: {} };
  const links = new Map<NotificationKind, URL>();
  for (const kind of optional) links.set(kind, await unsubscribeUrl(ctx, userId, kind));
  const preferences = new URL(PREFERENCES_PATH, ctx.config.publicUrl);
  const footer = [
    ...kinds.map((kind) => REASON[kind]),
    `Choose how each kind of notification reaches you: ${preferences.href}`,
    ...[...links].map(([kind, url]) => `Stop emails about ${KIND_NAME[kind]}: ${url.href}`),
  ];
  // One header names one kind: the first; the footer has a link for each.
  const [first] = links.values();
  return {
    footer,
    headers: { 'List-Unsubscribe': `<${first!.href}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

async function emailAtOnce(
  ctx: ServiceContext,
  to: accounts.MailingAddress,
  notification: NotificationRecord,
): Promise<void> {
  const { footer, headers } = await unsubscribeParts(ctx, to.id, [notification.kind]);
  const content: EmailContent = {
    subject: notification.title,
    paragraphs: [`Hello ${to.name},`, notification.title, ...(notification.body ? [notification.body] : [])],
    action: { label: 'See it on Hearth', url: notification.url },
    footer,
  };
  await queueEmail(ctx, {
    to: to.email,
    userId: to.id,
    kind: notification.kind,
    ...composeEmail(ctx, content),
    headers,
  });
}

// The signed-in person's list.

/**
 * One page of the viewer's notifications. Each part is fetched only when asked for, so the
 * header's unread count costs one statement, not the page too.
 */
export interface NotificationPage {
  edges(): Promise<Connection<NotificationRecord>['edges']>;
  pageInfo(): Promise<Connection<NotificationRecord>['pageInfo']>;
  unreadCount(): Promise<number>;
}

const LIST = 'notifications';

export async function listNotifications(
  ctx: ServiceContext,
  args: { unreadOnly?: boolean | null; first?: number | null; after?: string | null },
): Promise<NotificationPage> {
  const viewer = requireViewer(ctx);
  const limit = pageSize(args.first, 'notifications');
  let after: { createdAt: string; id: string } | null = null;
  if (args.after) {
    const [createdAt, id] = decodeCursor(LIST, args.after, [isText, isText] as const);
    if (Number.isNaN(Date.parse(createdAt)) || !isUuid(id))
      throw badInput('after', 'That cursor is not one this list gave out; start from the first page.');
    after = { createdAt, id };
  }
  const unread = once(() => repo.countUnread(ctx.db, viewer.userId));
  const page = once(async () =>
    toConnection(
      await repo.listNotifications(ctx.db, {
        userId: viewer.userId,
        unreadOnly: args.unreadOnly ?? false,
        after,
        limit,
      }),
      limit,
      (row) => ({ cursor: encodeCursor(LIST, [row.createdAt.toISOString(), row.id]), node: row }),
      unread,
    ),
  );
  return {
    edges: async () => (await page()).edges,
    pageInfo: async () => (await page()).pageInfo,
    unreadCount: unread,
  };
}

/** A function that runs `fetch` the first time it is called and gives every caller that answer. */
function once<T>(fetch: () => Promise<T>): () => Promise<T> {
  let answer: Promise<T> | null = null;
  return () => (answer ??= fetch());
}

/** Marks the viewer's notifications read: these ids (others' ignored) or all. Returns how many changed. */
export async function markNotificationsRead(
  ctx: ServiceContext,
  ids: readonly string[] | null | undefined,
): Promise<number> {
  const viewer = requireViewer(ctx);
  const wanted = ids == null ? null : [...new Set(ids)].filter(isUuid);
  return repo.markRead(ctx.db, viewer.userId, wanted, ctx.clock.now());
}

// Preferences.

export interface NotificationPreference {
  kind: NotificationKind;
  delivery: NotificationDelivery;
  changeable: boolean;
}

export async function notificationPreferences(ctx: ServiceContext): Promise<NotificationPreference[]> {
  const viewer = requireViewer(ctx);
  const chosen = await repo.getPreferencesOfUser(ctx.db, viewer.userId);
  return NOTIFICATION_KIND_VALUES.map((kind) => preferenceOf(kind, chosen.get(kind)));
}

/** How a kind reaches a person, from their choice (if any): essential kinds ignore it. */
export function preferenceOf(kind: NotificationKind, chosen: NotificationDelivery | undefined): NotificationPreference {
  const changeable = !ESSENTIAL.has(kind);
  return { kind, delivery: (changeable && chosen) || DEFAULT_DELIVERY[kind], changeable };
}

export async function setNotificationPreference(
  ctx: ServiceContext,
  kind: NotificationKind,
  delivery: NotificationDelivery,
): Promise<NotificationPreference> {
  const viewer = requireViewer(ctx);
  if (ESSENTIAL.has(kind)) {
    throw badInput('kind', 'Account and safety messages are always sent by email at once; they cannot be changed.');
  }
  await applyPreference(ctx, viewer.userId, kind, delivery);
  return preferenceOf(kind, delivery);
}

/** Records a choice; leaving the digest also takes what waited for it off the wait (it stays in-app). */
async function applyPreference(
  ctx: ServiceContext,
  userId: string,
  kind: NotificationKind,
  delivery: NotificationDelivery,
): Promise<void> {
  await transaction(ctx, async (tx) => {
    await repo.upsertPreference(tx.db, { userId, kind, delivery, now: ctx.clock.now() });
    if (delivery !== 'DAILY_DIGEST') await repo.cancelDigestOfKind(tx.db, userId, kind);
  });
}

// One-click unsubscribe (RFC 8058): no sign-in, the link is the proof.

async function unsubscribeTarget(
  ctx: ServiceContext,
  token: string,
): Promise<{ userId: string; kind: NotificationKind } | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const found = await repo.findUnsubscribeToken(ctx.db, parsed.id);
  if (!found || !secretMatches(parsed.secret, found.secretHash)) return null;
  return { userId: found.userId, kind: found.kind };
}

/** The kind a link turns off, or null for a link Hearth did not give out. */
export async function unsubscribeKind(ctx: ServiceContext, token: string): Promise<NotificationKind | null> {
  return (await unsubscribeTarget(ctx, token))?.kind ?? null;
}

/** Turns off email for the link's kind (IN_APP_ONLY); false for a link Hearth did not give out. */
export async function unsubscribe(ctx: ServiceContext, token: string): Promise<boolean> {
  const target = await unsubscribeTarget(ctx, token);
  if (!target) return false;
  await applyPreference(ctx, target.userId, target.kind, 'IN_APP_ONLY');
  return true;
}

export { KIND_NAME, REASON, ESSENTIAL, unsubscribeParts };
