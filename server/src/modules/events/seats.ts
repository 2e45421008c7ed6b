// Seats, the pretix way: every change to an event's seats first locks the event's row, so changes
// to one event take turns, each reading the counts the last one left (kept on the row by a
// trigger, and held to the capacity by a check). A freed seat goes to the first person waiting,
// in the order they joined: confirmed at once (AUTO_CONFIRM), or offered to claim within the
// event's hours (CLAIM_WITHIN_HOURS).
import type { ServiceContext } from '../../core/context.ts';
import { conflict, notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import * as memberships from '../memberships/service.ts';
import * as repo from './repository.ts';
import type { EventRecord, RegistrationRecord } from './repository.ts';

const HOUR_MS = 60 * 60 * 1000;

/** Pub/sub topic: an event's seats left and waitlist length, on every app copy, after each change. */
export const EVENT_SEATS_TOPIC = (eventId: string) => `event-seats:${eventId}`;

export interface SeatCounts {
  eventId: string;
  capacity: number;
  seatsLeft: number;
  waitlistLength: number;
  /** The event's seats_version: a page drops counts older than those it shows. */
  version: number;
}

/** Seats nobody holds: none once the event is cancelled. */
export function seatsLeft(event: Pick<EventRecord, 'capacity' | 'seatsTaken' | 'cancelledAt'>): number {
  return event.cancelledAt ? 0 : Math.max(0, event.capacity - event.seatsTaken);
}

/** The event's row, locked for the rest of the caller's transaction; NOT_FOUND when there is none. */
export async function lockedEvent(ctx: ServiceContext, eventId: string): Promise<EventRecord> {
  const event = isUuid(eventId) ? await repo.lockEvent(ctx.db, eventId) : null;
  if (!event) throw notFound('There is no event with that id.');
  return event;
}

/** Refuses a change to an event that was cancelled or is over. */
export function requireNotOver(event: EventRecord, now: Date): void {
  if (event.cancelledAt) throw conflict('This event was cancelled.');
  if (event.endsAt <= now) throw conflict('This event is over.');
}

/** Whether the viewer organises or stewards the network: those who run its events. */
export async function organises(ctx: ServiceContext, networkId: string): Promise<boolean> {
  const role = (await memberships.rolesOfViewer(ctx, [networkId])).get(networkId);
  return role === 'ORGANISER' || role === 'STEWARD';
}

/** Of these networks, those the viewer organises or stewards; read once per request. */
export async function organisedNetworks(ctx: ServiceContext, networkIds: readonly string[]): Promise<Set<string>> {
  const roles = await memberships.rolesOfViewer(ctx, networkIds);
  return new Set([...roles].filter(([, role]) => role !== 'MEMBER').map(([networkId]) => networkId));
}

/** The status a new registration gets: a seat while one is free and nobody waits, else the waitlist. */
export function arrivingStatus(event: EventRecord): 'CONFIRMED' | 'WAITLISTED' {
  return event.seatsTaken < event.capacity && event.waiting === 0 ? 'CONFIRMED' : 'WAITLISTED';
}

/**
 * Gives free seats to the first people waiting, in order. The caller holds the event's lock.
 * Nobody is moved once the event has started or when it was cancelled: a seat offered then could
 * not be used.
 */
export async function fillFreeSeats(ctx: ServiceContext, event: EventRecord): Promise<RegistrationRecord[]> {
  const now = ctx.clock.now();
  if (event.cancelledAt || event.startsAt <= now) return [];
  const counts = await repo.getSeatCounts(ctx.db, event.id);
  const free = Math.min(counts.capacity - counts.seatsTaken, counts.waiting);
  if (free <= 0) return [];
  if (event.promotion === 'AUTO_CONFIRM') {
    return repo.promoteWaiting(ctx.db, event.id, free, { status: 'CONFIRMED' }, now);
  }
  // An offer never runs past the start: a seat claimed after it would be a seat nobody used.
  const claimBy = new Date(Math.min(now.getTime() + event.claimHours! * HOUR_MS, event.startsAt.getTime()));
  return repo.promoteWaiting(ctx.db, event.id, free, { status: 'OFFERED', claimBy }, now);
}

/** The counts a page shows of an event (read with its row). */
export function seatCountsOf(eventId: string, row: repo.SeatCountsRow): SeatCounts {
  return {
    eventId,
    capacity: row.capacity,
    seatsLeft: seatsLeft(row),
    waitlistLength: row.waiting,
    version: row.seatsVersion,
  };
}

/** The event's counts now, inside the caller's transaction, to announce once it commits. */
export async function countsNow(ctx: ServiceContext, eventId: string): Promise<SeatCounts> {
  return seatCountsOf(eventId, await repo.getSeatCounts(ctx.db, eventId));
}

/** The event's counts as committed now; NOT_FOUND when there is no such event. */
export async function currentSeatCounts(ctx: ServiceContext, eventId: string): Promise<SeatCounts> {
  const row = isUuid(eventId) ? await repo.findSeatCounts(ctx.db, eventId) : undefined;
  if (!row) throw notFound('There is no event with that id.');
  return seatCountsOf(eventId, row);
}

/** Tells pages open on the event its new counts, after the commit. */
export async function announceSeats(ctx: ServiceContext, counts: SeatCounts | null): Promise<void> {
  if (counts) await ctx.pubsub.publish(EVENT_SEATS_TOPIC(counts.eventId), { eventSeats: counts });
}
