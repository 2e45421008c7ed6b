// Reading events and registrations, with who may see what: anyone sees an event; its online link
// only people holding a confirmed seat and its organisers; its registrations only its organisers;
// a person's access and dietary needs and answers only that person and the event's organisers.
import { decodeCursor, encodeCursor, isText, pageSize, toConnection, type Connection } from '../../core/connection.ts';
import type { ServiceContext } from '../../core/context.ts';
import { badInput, forbidden } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import * as accounts from '../accounts/service.ts';
import * as networks from '../networks/service.ts';
import { eventsByIds } from './events.ts';
import * as repo from './repository.ts';
import type { EventRecord, RegistrationRecord, RegistrationStatus, SupportCategory } from './repository.ts';
import { organisedNetworks } from './seats.ts';

/** Statuses that hold a confirmed seat: enough to be given the online link. */
const CONFIRMED_SEAT: ReadonlySet<RegistrationStatus> = new Set(['CONFIRMED', 'ATTENDED', 'NO_SHOW']);

/** The viewer's registration for each of these events (any status), read once per request. */
export async function myRegistrations(
  ctx: ServiceContext,
  eventIds: readonly string[],
): Promise<Map<string, RegistrationRecord>> {
  if (!ctx.viewer) return new Map();
  const viewerId = ctx.viewer.userId;
  return ctx.memo.batch(`event-registrations-of:${viewerId}`, eventIds, async (missing) => {
    const rows = await repo.getRegistrationsOfUser(ctx.db, viewerId, missing);
    return new Map(rows.map((row) => [row.eventId, row]));
  });
}

/** Each event's online link, or null where the viewer holds no confirmed seat and does not organise it. */
export async function onlineUrlsFor(
  ctx: ServiceContext,
  events: readonly EventRecord[],
): Promise<Map<string, string | null>> {
  const online = events.filter((event) => event.onlineUrl !== null);
  const [mine, organised] = await Promise.all([
    myRegistrations(
      ctx,
      online.map((event) => event.id),
    ),
    organisedNetworks(
      ctx,
      online.map((event) => event.networkId),
    ),
  ]);
  const shown = (event: EventRecord) =>
    organised.has(event.networkId) || CONFIRMED_SEAT.has(mine.get(event.id)?.status ?? 'CANCELLED');
  return new Map(events.map((event) => [event.id, shown(event) ? event.onlineUrl : null]));
}

/** Of these events, those the viewer organises (organiser or steward of its network). */
export async function managedEvents(ctx: ServiceContext, events: readonly EventRecord[]): Promise<Set<string>> {
  const organised = await organisedNetworks(
    ctx,
    events.map((event) => event.networkId),
  );
  return new Set(events.filter((event) => organised.has(event.networkId)).map((event) => event.id));
}

/**
 * Of these registrations, those whose private fields the viewer may read: their own, and every
 * registration for an event they organise.
 */
export async function privateShown(
  ctx: ServiceContext,
  registrations: readonly RegistrationRecord[],
): Promise<{ needs: Set<string>; contact: Set<string> }> {
  if (!ctx.viewer) return { needs: new Set(), contact: new Set() };
  const viewerId = ctx.viewer.userId;
  const events = await eventsByIds(
    ctx,
    registrations.map((registration) => registration.eventId),
  );
  const managed = await managedEvents(ctx, [...events.values()]);
  const contact = new Set(registrations.filter((r) => managed.has(r.eventId)).map((r) => r.id));
  const needs = new Set(registrations.filter((r) => contact.has(r.id) || r.userId === viewerId).map((r) => r.id));
  return { needs, contact };
}

/**
 * The name to show for each registration: the one an organiser gave, or the account's. Only
 * called for registrations the viewer may see (their own, or those of events they organise).
 */
export async function registrantNames(
  ctx: ServiceContext,
  registrations: readonly RegistrationRecord[],
): Promise<Map<string, string>> {
  const accountIds = registrations.flatMap((registration) => registration.userId ?? []);
  const users = accountIds.length > 0 ? await accounts.getUsersByIds(ctx, [...new Set(accountIds)]) : [];
  const nameOf = new Map(users.map((user) => [user.id, user.name]));
  return new Map(
    registrations.map((registration) => [
      registration.id,
      registration.name ?? nameOf.get(registration.userId ?? '') ?? '',
    ]),
  );
}

export interface RegistrationListArgs {
  status?: RegistrationStatus | null;
  first?: number | null;
  after?: string | null;
}

/** The event's registrations, for its organisers: the waitlist in queue order, others as they registered. */
export async function registrationsOfEvent(
  ctx: ServiceContext,
  event: EventRecord,
  args: RegistrationListArgs,
): Promise<Connection<RegistrationRecord>> {
  if (!(await managedEvents(ctx, [event])).has(event.id)) {
    throw forbidden("Only this network's organisers and stewards can see who registered.");
  }
  const limit = pageSize(args.first, 'registrations');
  const query = { eventId: event.id, status: args.status ?? null };
  const list = `registrations:${query.status ?? 'ALL'}`;
  const after = args.after ? decodeCursor(list, args.after, [isText] as const)[0] : null;
  if (after !== null && !(query.status === 'WAITLISTED' ? /^\d{1,19}$/.test(after) : isUuid(after))) {
    throw badInput('after', 'That cursor is not one this list gave out; start from the first page.');
  }
  const rows = await repo.listRegistrations(ctx.db, { ...query, after, limit });
  return toConnection(
    rows,
    limit,
    ({ queueNumber, ...node }) => ({
      cursor: encodeCursor(list, [query.status === 'WAITLISTED' ? queueNumber! : node.id]),
      node,
    }),
    () => repo.countRegistrations(ctx.db, query),
  );
}

export interface UpcomingFilter {
  networkId?: string | null;
  near?: { latitude: number; longitude: number } | null;
  /** A town or city to look near; ignored when `near` is given. */
  placeName?: string | null;
  /** How far from `near` or `placeName`, in km. */
  withinKm?: number | null;
  categories?: readonly SupportCategory[] | null;
}

export const WITHIN_KM = { default: 40, min: 1, max: 500 } as const;

function validNear(filter: UpcomingFilter) {
  const point = filter.near ?? (filter.placeName?.trim() ? networks.placeFromName(filter.placeName) : null);
  if (!point) return null;
  if (!(Math.abs(point.latitude) <= 90)) throw badInput('latitude', 'Give a latitude from -90 to 90.');
  if (!(Math.abs(point.longitude) <= 180)) throw badInput('longitude', 'Give a longitude from -180 to 180.');
  const withinKm = filter.withinKm ?? WITHIN_KM.default;
  if (!Number.isInteger(withinKm) || withinKm < WITHIN_KM.min || withinKm > WITHIN_KM.max) {
    throw badInput('withinKm', `Give a distance from ${WITHIN_KM.min} to ${WITHIN_KM.max} km.`);
  }
  return { latitude: point.latitude, longitude: point.longitude, withinKm };
}

/** Events not over yet and not cancelled, soonest first, narrowed by network, place and kinds of support. */
export async function upcomingEvents(
  ctx: ServiceContext,
  args: { filter?: UpcomingFilter | null; first?: number | null; after?: string | null },
): Promise<Connection<EventRecord>> {
  const filter = args.filter ?? {};
  const limit = pageSize(args.first, 'events');
  if (filter.networkId && !isUuid(filter.networkId)) throw badInput('networkId', 'There is no network with that id.');
  const query = {
    now: ctx.clock.now(),
    networkId: filter.networkId ?? null,
    near: validNear(filter),
    categories: [...new Set(filter.categories ?? [])],
  };
  const after = args.after ? decodeAfter(args.after) : null;
  const rows = await repo.listUpcoming(ctx.db, { ...query, after, limit });
  return toConnection(
    rows,
    limit,
    (node) => ({ cursor: encodeCursor('upcoming-events', [node.startsAt.toISOString(), node.id]), node }),
    () => repo.countUpcoming(ctx.db, query),
  );
}

function decodeAfter(cursor: string): { startsAt: Date; id: string } {
  const [startsAt, id] = decodeCursor('upcoming-events', cursor, [isText, isText] as const);
  const at = new Date(startsAt);
  if (Number.isNaN(at.getTime()) || !isUuid(id)) {
    throw badInput('after', 'That cursor is not one this list gave out; start from the first page.');
  }
  return { startsAt: at, id };
}
