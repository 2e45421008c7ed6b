// A network's shared venue directory: the places its members know they can meet in, with the
// accessibility facts people ask before they come. Members read it; organisers and stewards keep
// it. A venue is archived rather than deleted, since past events keep pointing at it.
import { transaction, type ServiceContext } from '../../core/context.ts';
import { conflict, forbidden, InputProblems, notFound, type DomainError } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import { isUniqueViolation } from '../../core/query.ts';
import { cleanText } from '../../core/text.ts';
import { requireViewer } from '../accounts/service.ts';
import * as memberships from '../memberships/service.ts';
import * as networks from '../networks/service.ts';
import * as repo from './repository.ts';
import type { VenueCost, VenueFields, VenueRecord } from './repository.ts';

export type { VenueCost, VenueRecord };

export const NAME_MAX = 120;
export const ADDRESS_MAX = 300;
export const NOTES_MAX = 1000;
export const CAPACITY_MAX = 10_000;

export interface VenueInput {
  name: string;
  address: string;
  stepFreeAccess: boolean;
  accessibleToilet: boolean;
  hearingLoop: boolean;
  quietRoom: boolean;
  capacity?: number | null;
  cost: VenueCost;
  relationshipHolderId?: string | null;
  notes?: string | null;
}

const NOT_A_MEMBER = "Only this network's members can see its venues.";
const NOT_A_HOLDER = 'Choose someone who is a member of this network now, or nobody.';
const NAME_TAKEN = 'This network already lists a venue with that name. Give this one another name, or edit that one.';

// Reading.

/** Each network's live venues (free first, then by name), or FORBIDDEN where the viewer is not a member. */
export async function venuesOfNetworks(
  ctx: ServiceContext,
  networkIds: readonly string[],
): Promise<Map<string, VenueRecord[] | DomainError>> {
  requireViewer(ctx);
  const roles = await memberships.rolesOfViewer(ctx, [...new Set(networkIds.filter(isUuid))]);
  const allowed = [...roles.keys()];
  const byNetwork = Map.groupBy(await repo.listLiveVenues(ctx.db, allowed), (venue) => venue.networkId);
  return new Map(
    networkIds.map((id) => [id, roles.has(id) ? (byNetwork.get(id) ?? []) : forbidden(NOT_A_MEMBER)] as const),
  );
}

/** One network's live venues, for its members. */
export async function listVenues(ctx: ServiceContext, networkId: string): Promise<VenueRecord[]> {
  const venues = (await venuesOfNetworks(ctx, [networkId])).get(networkId)!;
  if (venues instanceof Error) throw venues;
  return venues;
}

/**
 * Venues by id, archived ones too (a past event still names its venue), read once per request.
 * No check of who is asking: the caller (an event, say) decides who may see its venue, and
 * `memberOnly` below keeps the notes and the relationship holder to the network's members.
 */
export async function venuesByIds(ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, VenueRecord>> {
  return ctx.memo.batch('venues', ids.filter(isUuid), async (missing) => {
    const venues = await repo.getVenuesByIds(ctx.db, missing);
    return new Map(venues.map((venue) => [venue.id, venue]));
  });
}

/** The venue, if it is in this network's directory now (not archived); null otherwise. For choosing an event's venue. */
export async function venueOfNetwork(
  ctx: ServiceContext,
  networkId: string,
  venueId: string,
): Promise<VenueRecord | null> {
  const venue = (await venuesByIds(ctx, [venueId])).get(venueId);
  return venue && venue.networkId === networkId && venue.archivedAt === null ? venue : null;
}

/**
 * Of these venues, those whose network the viewer belongs to: who holds a venue's relationship,
 * and the notes on it, are for the network's members, wherever else the venue is shown.
 */
export async function memberOnly(ctx: ServiceContext, venues: readonly VenueRecord[]): Promise<Set<string>> {
  const roles = await memberships.rolesOfViewer(
    ctx,
    venues.map((venue) => venue.networkId),
  );
  return new Set(venues.filter((venue) => roles.has(venue.networkId)).map((venue) => venue.id));
}

/**
 * The venues whose relationship the person holds, for their data export: where, and in which
 * network. Archived ones too, since the venue still names them as its holder.
 */
export async function venuesForExport(ctx: ServiceContext, userId: string) {
  const held = await repo.getVenuesHeldBy(ctx.db, userId);
  const named = await networks.networksByIds(ctx, [...new Set(held.map((venue) => venue.networkId))]);
  return held.map(({ networkId, ...venue }) => ({
    networkSlug: named.get(networkId)!.slug,
    networkName: named.get(networkId)!.name,
    ...venue,
  }));
}

// Keeping the directory.

/** The venue's fields, checked; every problem is reported at once, each naming its field. */
async function validVenue(ctx: ServiceContext, networkId: string, input: VenueInput): Promise<VenueFields> {
  const problems = new InputProblems();
  const name = problems.check(() =>
    cleanText('name', input.name, {
      label: 'venue name',
      max: NAME_MAX,
      isName: true,
      required: 'Give the venue a name.',
    }),
  );
  const address = problems.check(() =>
    cleanText('address', input.address, {
      label: 'address',
      max: ADDRESS_MAX,
      multiline: true,
      required: 'Give the venue’s address, so people can find it.',
    }),
  );
  const capacity = input.capacity ?? null;
  if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1 || capacity > CAPACITY_MAX)) {
    problems.add(
      'capacity',
      `Give a number of people from 1 to ${CAPACITY_MAX.toLocaleString('en-GB')}, or leave it blank.`,
    );
  }
  const notes = problems.check(() =>
    cleanText('notes', input.notes ?? '', { label: 'notes', max: NOTES_MAX, multiline: true }),
  );
  const holderId = input.relationshipHolderId || null;
  if (holderId !== null && !(await isMember(ctx, networkId, holderId)))
    problems.add('relationshipHolderId', NOT_A_HOLDER);
  problems.throwIfAny();
  return {
    name: name!,
    address: address!,
    stepFreeAccess: input.stepFreeAccess,
    accessibleToilet: input.accessibleToilet,
    hearingLoop: input.hearingLoop,
    quietRoom: input.quietRoom,
    capacity,
    cost: input.cost,
    relationshipHolderId: holderId,
    notes: notes!,
  };
}

async function isMember(ctx: ServiceContext, networkId: string, userId: string): Promise<boolean> {
  if (!isUuid(userId)) return false;
  const [member] = await memberships.membersByPair(ctx, [{ networkId, userId }]);
  return member !== null && !(member instanceof Error);
}

/** Runs a change that may give a venue a name another live venue has: CONFLICT on the name, then. */
async function withUniqueName<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(NAME_TAKEN, 'name');
    throw error;
  }
}

/** A venue an organiser or steward of its network may change; NOT_FOUND or FORBIDDEN otherwise. */
async function venueToKeep(ctx: ServiceContext, venueId: string): Promise<VenueRecord> {
  requireViewer(ctx);
  const [venue] = isUuid(venueId) ? await repo.getVenuesByIds(ctx.db, [venueId]) : [];
  if (!venue) throw notFound('There is no such venue.');
  await memberships.requireOrganiser(ctx, venue.networkId);
  return venue;
}

/** Adds a venue to the network's directory; for its organisers and stewards. */
export async function addVenue(ctx: ServiceContext, networkId: string, input: VenueInput): Promise<VenueRecord> {
  await memberships.requireOrganiser(ctx, networkId);
  return withUniqueName(() =>
    transaction(ctx, async (tx) => {
      const fields = await validVenue(tx, networkId, input);
      return repo.insertVenue(tx.db, networkId, fields, tx.clock.now());
    }),
  );
}

/** Rewrites a live venue's details; an archived venue stays as it was (CONFLICT). */
export async function updateVenue(ctx: ServiceContext, venueId: string, input: VenueInput): Promise<VenueRecord> {
  const venue = await venueToKeep(ctx, venueId);
  if (venue.archivedAt) throw conflict('This venue is archived, so it can no longer be changed.');
  return withUniqueName(() =>
    transaction(ctx, async (tx) => {
      const fields = await validVenue(tx, venue.networkId, input);
      const updated = await repo.updateLiveVenue(tx.db, venue.id, fields, tx.clock.now());
      if (!updated) throw conflict('This venue was archived just now, so it can no longer be changed.');
      return updated;
    }),
  );
}

/** Takes a venue out of the directory, keeping it for the events that name it. Archiving twice is harmless. */
export async function archiveVenue(ctx: ServiceContext, venueId: string): Promise<VenueRecord> {
  const venue = await venueToKeep(ctx, venueId);
  return (await repo.archiveVenue(ctx.db, venue.id, ctx.clock.now())) ?? venue;
}
