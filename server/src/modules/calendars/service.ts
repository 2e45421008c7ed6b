// Calendar files: one event's .ics, a network's feed, and each person's private feed at a secret,
// revocable address. Events are public, so the first two are for anyone and never carry an
// online link; a person's feed is theirs by its token, which they can reset at any time.
import { randomBytes } from 'node:crypto';
import type { ServiceContext } from '../../core/context.ts';
import { requireViewer } from '../accounts/service.ts';
import * as events from '../events/service.ts';
import * as networks from '../networks/service.ts';
import * as venues from '../venues/service.ts';
import { FEED_REFRESH_SECONDS, icsText, type IcsEntry } from './ics.ts';
import * as repo from './repository.ts';

/** A person's private feed as they see it: its address, and since when that address works. */
export interface CalendarFeed {
  url: string;
  createdAt: Date;
}

/** A calendar file ready to send. */
export interface CalendarFile {
  /** A plain ASCII file name, safe in a Content-Disposition header as it is. */
  filename: string;
  text: string;
  /** A person's private feed: not to be cached by anyone but them. */
  personal: boolean;
}

const TOKEN_BYTES = 32;
/** 32 bytes in base64url, unpadded. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

function feedOf(ctx: ServiceContext, feed: repo.CalendarFeedRecord): CalendarFeed {
  return { url: `${ctx.config.publicUrl.origin}/calendar/people/${feed.token}.ics`, createdAt: feed.createdAt };
}

/** The viewer's feed, made on first ask; UNAUTHENTICATED when signed out. */
export async function myCalendarFeed(ctx: ServiceContext): Promise<CalendarFeed> {
  const viewer = requireViewer(ctx);
  const existing = await repo.getFeedOfUser(ctx.db, viewer.userId);
  if (existing) return feedOf(ctx, existing);
  // Two first asks at once: one insert wins, and both read its token.
  await repo.insertFeedIfAbsent(ctx.db, viewer.userId, newToken(), ctx.clock.now());
  const made = await repo.getFeedOfUser(ctx.db, viewer.userId);
  if (!made) throw new Error('A calendar feed was written but cannot be read back.');
  return feedOf(ctx, made);
}

/** Gives the viewer's feed a new address; the old one stops working at once. */
export async function resetCalendarFeed(ctx: ServiceContext): Promise<CalendarFeed> {
  const viewer = requireViewer(ctx);
  return feedOf(ctx, await repo.replaceToken(ctx.db, viewer.userId, newToken(), ctx.clock.now()));
}

async function withVenues(ctx: ServiceContext, list: readonly events.CalendarEvent[]): Promise<IcsEntry[]> {
  const venueIds = [...new Set(list.flatMap((event) => (event.venueId ? [event.venueId] : [])))];
  const byId = await venues.venuesByIds(ctx, venueIds);
  return list.map((event) => {
    const venue = event.venueId ? byId.get(event.venueId) : undefined;
    return { event, venue: venue ? { name: venue.name, address: venue.address } : null };
  });
}

/** One event's file, for anyone; null when there is no such event. */
export async function eventFile(ctx: ServiceContext, eventId: string): Promise<CalendarFile | null> {
  const event = await events.publicCalendarEvent(ctx, eventId);
  if (!event) return null;
  return {
    filename: `hearth-event-${event.id}.ics`,
    text: icsText({
      name: null,
      entries: await withVenues(ctx, [event]),
      origin: ctx.config.publicUrl.origin,
      now: ctx.clock.now(),
    }),
    personal: false,
  };
}

/** A network's feed, for anyone; null when no network has that slug. */
export async function networkFile(ctx: ServiceContext, slug: string): Promise<CalendarFile | null> {
  const network = await networks.getNetworkBySlug(ctx, slug);
  if (!network) return null;
  const list = await events.networkCalendarEvents(ctx, network.id);
  return {
    filename: `${network.slug}.ics`,
    text: icsText({
      name: network.name,
      entries: await withVenues(ctx, list),
      origin: ctx.config.publicUrl.origin,
      now: ctx.clock.now(),
      refreshSeconds: FEED_REFRESH_SECONDS,
    }),
    personal: false,
  };
}

/** The feed whose token this is; null for a token never issued or since reset (no difference shown). */
export async function personFile(ctx: ServiceContext, token: string): Promise<CalendarFile | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const feed = await repo.getFeedByToken(ctx.db, token);
  if (!feed) return null;
  const list = await events.personCalendarEvents(ctx, feed.userId);
  return {
    filename: 'hearth-calendar.ics',
    text: icsText({
      name: 'My Hearth events',
      entries: await withVenues(ctx, list),
      origin: ctx.config.publicUrl.origin,
      now: ctx.clock.now(),
      refreshSeconds: FEED_REFRESH_SECONDS,
    }),
    personal: true,
  };
}
