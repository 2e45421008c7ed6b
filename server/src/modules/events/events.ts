// Making and changing events: organisers and stewards of a network run its events. A change of
// time or place tells everyone registered or waiting; a change of capacity that frees seats fills
// them from the waitlist in order; cancelling tells everyone, with the reason.
import { transaction, type ServiceContext } from '../../core/context.ts';
import { conflict, notFound, type InputProblems } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import { requireViewer } from '../accounts/service.ts';
import * as memberships from '../memberships/service.ts';
import * as networks from '../networks/service.ts';
import * as venues from '../venues/service.ts';
import * as notices from './notices.ts';
import * as repo from './repository.ts';
import type { EventRecord } from './repository.ts';
import {
  announceSeats,
  countsNow,
  fillFreeSeats,
  lockedEvent,
  organisedNetworks,
  requireNotOver,
  seatCountsOf,
  type SeatCounts,
} from './seats.ts';
import { planSeries, validRepeat, type RepeatInput } from './series.ts';
import { validEvent, validReason, type EventInput } from './validation.ts';

export type NewEventInput = EventInput & { networkId: string; repeat?: RepeatInput | null };
/** An edit: what is left out (or null, for a field that must have a value) keeps its value. */
export type EventChanges = { [Field in keyof EventInput]?: EventInput[Field] | null };

/** Those told of a change: everyone holding or waiting for a seat. */
const TOLD_OF_CHANGES: readonly repo.RegistrationStatus[] = ['CONFIRMED', 'OFFERED', 'WAITLISTED'];

/** An event the viewer may see; NOT_FOUND when there is none, or it is hidden from them. */
export async function eventById(ctx: ServiceContext, eventId: string): Promise<EventRecord> {
  const event = (await eventsByIds(ctx, [eventId])).get(eventId);
  if (!event || !(await shownTo(ctx, [event])).has(event.id)) throw notFound('There is no event with that id.');
  return event;
}

/**
 * Of these events, those the viewer may see: anyone sees an event, but one the network's stewards
 * hid after a report only its creator and the network's organisers and stewards see.
 */
export async function shownTo(ctx: ServiceContext, events: readonly EventRecord[]): Promise<Set<string>> {
  const hidden = events.filter((event) => event.hiddenAt !== null);
  const viewerId = ctx.viewer?.userId;
  const organised =
    hidden.length > 0 && viewerId
      ? await organisedNetworks(
          ctx,
          hidden.map((e) => e.networkId),
        )
      : null;
  return new Set(
    events
      .filter(
        (event) =>
          event.hiddenAt === null ||
          (viewerId !== undefined && event.createdBy === viewerId) ||
          organised?.has(event.networkId),
      )
      .map((event) => event.id),
  );
}

/** Events by id that the viewer may see (see shownTo), read once per request: for other modules' links to an event. */
export async function shownEventsByIds(ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, EventRecord>> {
  const found = await eventsByIds(ctx, ids);
  const shown = await shownTo(ctx, [...found.values()]);
  return new Map([...found].filter(([id]) => shown.has(id)));
}

/** Refuses anything that would take part in an event the stewards hid: NOT_FOUND, as for no event. */
export function requireNotHidden(event: EventRecord): void {
  if (event.hiddenAt) throw notFound('There is no event with that id.');
}

/**
 * The event as it is now, not as this request first read it: what a change decides by. NOT_FOUND
 * when there is none.
 */
export async function currentEvent(ctx: ServiceContext, eventId: string): Promise<EventRecord> {
  const [event] = isUuid(eventId) ? await repo.getEventsByIds(ctx.db, [eventId]) : [];
  if (!event) throw notFound('There is no event with that id.');
  return event;
}

/** Events by id, read once per request. */
export function eventsByIds(ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, EventRecord>> {
  return ctx.memo.batch('events-by-id', ids.filter(isUuid), async (missing) => {
    const rows = await repo.getEventsByIds(ctx.db, missing);
    return new Map(rows.map((event) => [event.id, event]));
  });
}

/**
 * Refuses a venue that is not in the network's directory now. A venue the event already has is
 * kept even if it was archived since: its registered people were told of it.
 */
async function checkVenue(
  ctx: ServiceContext,
  networkId: string,
  venueId: string | null,
  problems: InputProblems,
  current: string | null = null,
): Promise<void> {
  if (!venueId || venueId === current) return;
  if (!(await venues.venueOfNetwork(ctx, networkId, venueId))) {
    problems.add('venueId', 'Choose a venue from this network’s directory.');
  }
}

/** Makes an event, or with `repeat` a series of them: the first date is the event returned. */
export async function createEvent(ctx: ServiceContext, input: NewEventInput): Promise<EventRecord> {
  const viewer = requireViewer(ctx);
  await memberships.requireOrganiser(ctx, input.networkId);
  await memberships.requireGoodStanding(ctx, input.networkId);
  const network = (await networks.networksByIds(ctx, [input.networkId])).get(input.networkId);
  if (!network) throw notFound('There is no network with that id.');
  const now = ctx.clock.now();
  const { fields, problems } = validEvent(input, [], { now, startMustBeAhead: true });
  const repeat = input.repeat ? validRepeat(input.repeat, problems) : null;
  await checkVenue(ctx, network.id, fields.venueId, problems);
  problems.throwIfAny();
  const made = {
    networkId: network.id,
    latitude: network.latitude,
    longitude: network.longitude,
    createdBy: viewer.userId,
    now,
  };
  const { event, added } = await transaction(ctx, async (tx) => {
    const event = repeat
      ? (await insertSeries(tx, fields, repeat, made))[0]!
      : await repo.insertEvent(tx.db, { ...fields, ...made });
    // Members who asked hear of a new event (of a series, its first date) once.
    return { event, added: await notices.tellNewEvent(tx, event, network) };
  });
  await notices.announce(ctx, added);
  return event;
}

/** A series and its dates, each lasting as long as the first. */
async function insertSeries(
  ctx: ServiceContext,
  fields: repo.EventFields,
  repeat: RepeatInput,
  made: { networkId: string; latitude: number; longitude: number; createdBy: string; now: Date },
): Promise<EventRecord[]> {
  const plan = planSeries(fields.startsAt, fields.timeZone, repeat);
  const length = fields.endsAt.getTime() - fields.startsAt.getTime();
  const series = await repo.insertSeries(ctx.db, { ...made, rule: plan.rule, description: plan.description });
  return repo.insertSeriesEvents(
    ctx.db,
    plan.starts.map((startsAt) => ({
      ...fields,
      ...made,
      startsAt,
      endsAt: new Date(startsAt.getTime() + length),
      seriesId: series.id,
    })),
  );
}

/** Series by id, read once per request. */
export function seriesByIds(ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, repo.SeriesRecord>> {
  return ctx.memo.batch('series-by-id', ids, async (missing) => {
    const rows = await repo.getSeriesByIds(ctx.db, missing);
    return new Map(rows.map((series) => [series.id, series]));
  });
}

/** Every date of each series, soonest first, in one statement. */
export function datesOfSeries(ctx: ServiceContext, seriesIds: readonly string[]): Promise<Map<string, EventRecord[]>> {
  return ctx.memo.batch('series-dates', seriesIds, async (missing) => {
    const dates = new Map<string, EventRecord[]>(missing.map((id) => [id, []]));
    for (const event of await repo.listEventsOfSeries(ctx.db, missing)) dates.get(event.seriesId!)?.push(event);
    return dates;
  });
}

/** The event's settings as an input, to merge an edit or a copy into. */
function asInput(event: EventRecord): EventInput {
  return {
    title: event.title,
    description: event.description,
    format: event.format,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    venueId: event.venueId,
    onlineUrl: event.onlineUrl,
    capacity: event.capacity,
    promotion: event.promotion,
    claimHours: event.claimHours,
    categories: event.categories,
    questions: event.questions,
  };
}

/** Fields that may be cleared with null; the others keep their value when null is sent. */
const CLEARABLE = new Set<keyof EventInput>([
  'description',
  'venueId',
  'onlineUrl',
  'claimHours',
  'categories',
  'questions',
]);

function merged(event: EventRecord, changes: EventChanges): EventInput {
  const input = asInput(event) as unknown as Record<string, unknown>;
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined || (value === null && !CLEARABLE.has(field as keyof EventInput))) continue;
    input[field] = value;
  }
  return input as unknown as EventInput;
}

/** Where the event is, in words, for a notice: the venue's name, or online. */
async function placeInWords(ctx: ServiceContext, event: EventRecord): Promise<string | null> {
  if (event.venueId) {
    const venue = (await venues.venuesByIds(ctx, [event.venueId])).get(event.venueId);
    return venue ? `${venue.name}, ${venue.address.replace(/\s*\n\s*/g, ', ')}` : null;
  }
  return event.onlineUrl ? 'an online link, on the event page' : null;
}

/**
 * Changes an event. Lowering the capacity below the seats held is refused (nobody loses a seat
 * they were given); raising it fills the new seats from the waitlist, in order.
 */
export async function updateEvent(ctx: ServiceContext, eventId: string, changes: EventChanges): Promise<EventRecord> {
  requireViewer(ctx);
  const { event, added, seats } = await transaction(ctx, async (tx) => {
    const before = await lockedEvent(tx, eventId);
    await memberships.requireOrganiser(tx, before.networkId);
    await memberships.requireGoodStanding(tx, before.networkId);
    const now = tx.clock.now();
    if (before.cancelledAt) throw conflict('This event was cancelled, so it can no longer be changed.');
    const input = merged(before, changes);
    const startMustBeAhead = input.startsAt.getTime() !== before.startsAt.getTime();
    const { fields, problems } = validEvent(input, before.questions, { now, startMustBeAhead });
    await checkVenue(tx, before.networkId, fields.venueId, problems, before.venueId);
    if (!problems.has('capacity') && fields.capacity < before.seatsTaken) {
      problems.add(
        'capacity',
        `${before.seatsTaken} people hold seats now. Give a capacity of at least ${before.seatsTaken}, or cancel some registrations first.`,
      );
    }
    problems.throwIfAny();
    const after = await repo.updateEvent(tx.db, eventId, fields, now);
    const promoted = await fillFreeSeats(tx, after);
    const told = await repo.userIdsRegistered(tx.db, eventId, TOLD_OF_CHANGES);
    const place = await placeInWords(tx, after);
    const added = await notices.tell(tx, [
      ...notices.moved(before, after, told, place),
      ...notices.promoted(after, promoted),
    ]);
    return { event: after, added, seats: await countsNow(tx, eventId) };
  });
  await notices.announce(ctx, added);
  await announceSeats(ctx, seats);
  return event;
}

/** Cancels an event with a reason; everyone holding or waiting for a seat is told. */
export async function cancelEvent(ctx: ServiceContext, eventId: string, rawReason: string): Promise<EventRecord> {
  requireViewer(ctx);
  const reason = validReason(rawReason);
  const { event, added } = await transaction(ctx, async (tx) => {
    const before = await lockedEvent(tx, eventId);
    await memberships.requireOrganiser(tx, before.networkId);
    requireNotOver(before, tx.clock.now());
    const event = await repo.cancelEvent(tx.db, eventId, reason, tx.clock.now());
    const told = await repo.userIdsRegistered(tx.db, eventId, TOLD_OF_CHANGES);
    return { event, added: await notices.tell(tx, notices.cancelled(event, told)) };
  });
  await notices.announce(ctx, added);
  await announceSeats(ctx, seatCountsOf(eventId, event));
  return event;
}

/** A new event like this one, starting at `startsAt` and lasting as long, with nobody registered. */
export async function duplicateEvent(ctx: ServiceContext, eventId: string, startsAt: Date): Promise<EventRecord> {
  const original = await currentEvent(ctx, eventId);
  if (original.hiddenAt) {
    throw conflict("The network's stewards hid this event after a report, so it cannot be copied.");
  }
  const endsAt = new Date(startsAt.getTime() + (original.endsAt.getTime() - original.startsAt.getTime()));
  return createEvent(ctx, { ...asInput(original), networkId: original.networkId, startsAt, endsAt });
}

/** Closes registration (people already waiting keep their places) or opens it again. */
export async function setRegistrationClosed(
  ctx: ServiceContext,
  eventId: string,
  closed: boolean,
): Promise<EventRecord> {
  requireViewer(ctx);
  return transaction(ctx, async (tx) => {
    const event = await lockedEvent(tx, eventId);
    await memberships.requireOrganiser(tx, event.networkId);
    requireNotOver(event, tx.clock.now());
    if ((event.registrationClosedAt !== null) === closed) return event;
    return repo.setRegistrationClosed(tx.db, eventId, closed ? tx.clock.now() : null, tx.clock.now());
  });
}

export type { SeatCounts };
