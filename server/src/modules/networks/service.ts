import { transaction, type ServiceContext } from '../../core/context.ts';
import {
  decodeCursor,
  encodeCursor,
  isFiniteNumber,
  isText,
  pageSize,
  toConnection,
  type Connection,
} from '../../core/connection.ts';
import { badInput, checkFields, conflict, DomainError, InputProblems, notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import { cleanText, searchText, textLength, type TextRule } from '../../core/text.ts';
import type { LifecycleStage } from '../../db/schema.ts';
import type { ReportableSubject } from '../../core/reportable.ts';
import { requireViewer } from '../accounts/service.ts';
import * as audit from '../audit/service.ts';
import * as memberships from '../memberships/service.ts';
import { closePlaces, countryName, findPlace, suggestPlaces, type Place } from './places.ts';
import * as repo from './repository.ts';
import type { JoinPolicy, NetworkFields, NetworkListPosition, NetworkRecord } from './repository.ts';

export type { JoinPolicy, NetworkFields, NetworkRecord };
export type { LifecycleStage };

const TEXT_RULES = {
  name: { label: 'name', max: 120, required: "Enter the network's name.", isName: true },
  placeName: { label: 'place name', max: 120, required: "Enter the network's place name." },
  region: { label: 'region', max: 120, required: "Enter the network's region." },
  purpose: { label: 'purpose', max: 2000, multiline: true, required: "Enter the network's purpose." },
  values: { label: 'values', max: 4000, multiline: true },
  codeOfConduct: {
    label: 'code of conduct',
    max: 20000,
    multiline: true,
    required: "Enter the network's code of conduct.",
  },
} satisfies Record<string, TextRule>;

type TextField = keyof typeof TEXT_RULES;

function validCoordinate(field: 'latitude' | 'longitude', value: number): number {
  const limit = field === 'latitude' ? 90 : 180;
  if (!Number.isFinite(value) || value < -limit || value > limit) {
    throw badInput(field, `The ${field} must be between -${limit} and ${limit} degrees.`);
  }
  return value;
}

/** Fields a client may send; null or absent means unchanged. */
type NetworkChanges = { [K in keyof NetworkFields]?: NetworkFields[K] | null };

/**
 * What a new network needs. Its position on the map comes from its town or city unless both
 * coordinates are given, and a region left out is the place's own.
 */
export type NewNetwork = Omit<NetworkFields, 'region' | 'latitude' | 'longitude'> &
  NetworkChanges & { joinPolicy?: JoinPolicy | null };

interface Position {
  latitude: number;
  longitude: number;
}

const given = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;

/**
 * The details to store from those sent, every field checked before any is refused, so a form can
 * show all its problems at once. `stored` is the network being changed (null for a new one): it
 * keeps its position unless its place name changes.
 */
function validFields(input: NetworkChanges, stored: NetworkRecord | null): Partial<NetworkFields> {
  const problems = new InputProblems();
  const fields: Partial<NetworkFields> = {};
  // A region left blank (or left out of a new network) is filled in from the place, below.
  const regionBlank = given(input.region) ? input.region.trim() === '' : stored === null;
  for (const field of Object.keys(TEXT_RULES) as TextField[]) {
    const value = input[field];
    if (field === 'region' && regionBlank) continue;
    if (given(value)) {
      const valid = problems.check(() => cleanText(field, value, TEXT_RULES[field]));
      if (valid !== undefined) fields[field] = valid;
    }
  }

  const placeName = fields.placeName ?? stored?.placeName;
  const position = problems.check(() => positionGiven(input));
  const placeNameChanged = stored === null || (fields.placeName !== undefined && fields.placeName !== stored.placeName);
  if (position) Object.assign(fields, position);
  else if (position === null && placeNameChanged && placeName !== undefined && !problems.has('placeName')) {
    const place = problems.check(() => placeToShow(placeName));
    if (place) Object.assign(fields, { latitude: place.latitude, longitude: place.longitude });
  }

  // While the place is at fault its region is unknown too; that is for the place's problem to say.
  if (regionBlank && placeName !== undefined && !problems.has('placeName')) {
    const region = regionOf(placeName);
    if (region) fields.region = region;
    else
      problems.add(
        'region',
        `Enter the region: Hearth fills it in only for towns and cities it knows, and "${placeName}" is not one.`,
      );
  }
  problems.throwIfAny();
  return fields;
}

/** The position set by hand: both coordinates, or neither (null: the place's is used). */
function positionGiven(input: NetworkChanges): Position | null {
  const { latitude, longitude } = checkFields({
    latitude: () => coordinateGiven('latitude', input.latitude, input.longitude),
    longitude: () => coordinateGiven('longitude', input.longitude, input.latitude),
  });
  return latitude === null || longitude === null ? null : { latitude, longitude };
}

/** One coordinate of a position set by hand; null when neither is given, refused when only the other is. */
function coordinateGiven(
  field: 'latitude' | 'longitude',
  value: number | null | undefined,
  other: number | null | undefined,
): number | null {
  if (given(value)) return validCoordinate(field, value);
  if (given(other)) {
    throw badInput(field, `Enter the ${field} too, or leave both blank to use the position of the town or city.`);
  }
  return null;
}

const SET_POSITION_YOURSELF = 'Or give its latitude and longitude yourself.';

/** The gazetteer's place for a network's place name; refused on placeName, saying how to go on. */
function placeToShow(placeName: string): Place {
  try {
    return placeFromName(placeName);
  } catch (error) {
    if (error instanceof DomainError && error.field === 'placeName') {
      throw badInput('placeName', `${error.message} ${SET_POSITION_YOURSELF}`);
    }
    throw error;
  }
}

/** The region the gazetteer gives a place: England for Sheffield; null for a place it does not know. */
function regionOf(placeName: string): string | null {
  const place = findPlace(placeName);
  return place ? (place.region ?? countryName(place.country)) : null;
}

/** The address made from a name: lower case ASCII words joined by hyphens. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/**
 * The network, locked for the rest of the caller's transaction: changes to one network and to
 * who belongs to it take turns. NOT_FOUND when there is no such network.
 */
export async function lockNetwork(ctx: ServiceContext, networkId: string): Promise<NetworkRecord> {
  const network = isUuid(networkId) ? await repo.lockNetwork(ctx.db, networkId) : null;
  if (!network) throw notFound('There is no network with that id.');
  return network;
}

/** These networks, locked for the rest of the caller's transaction, in id order. */
export function lockNetworks(ctx: ServiceContext, networkIds: readonly string[]): Promise<NetworkRecord[]> {
  return repo.lockNetworks(ctx.db, networkIds);
}

export async function networksByIds(
  ctx: ServiceContext,
  networkIds: readonly string[],
): Promise<Map<string, NetworkRecord>> {
  return ctx.memo.batch('networks-by-id', networkIds, async (missing) => {
    const rows = await repo.getNetworksByIds(ctx.db, missing);
    return new Map(rows.map((network) => [network.id, network]));
  });
}

export async function createNetwork(ctx: ServiceContext, input: NewNetwork): Promise<NetworkRecord> {
  const viewer = requireViewer(ctx);
  const fields = validFields(input, null) as NetworkFields;
  const slug = slugify(fields.name);
  if (!slug) throw badInput('name', 'Use at least one letter or number in the name.');
  const now = ctx.clock.now();
  const joinPolicy = input.joinPolicy ?? 'OPEN';
  return transaction(ctx, async (tx) => {
    const network = await repo.insertNetwork(tx.db, { ...fields, slug, joinPolicy, now });
    if (!network) {
      throw conflict(`A network already has the address /networks/${slug}. Choose a different name.`, 'name');
    }
    await memberships.addFounder(tx, network, viewer.userId);
    return network;
  });
}

/**
 * Changes a network's details. With `expectedDetailsVersion`, refused (CONFLICT) when another
 * steward saved in between, so two people editing at once never overwrite each other silently.
 * What changed is written to the audit trail in the same transaction: the details in one entry,
 * the join policy in another; nothing when nothing changed.
 */
export async function updateNetwork(
  ctx: ServiceContext,
  networkId: string,
  input: NetworkChanges & { joinPolicy?: JoinPolicy | null; expectedDetailsVersion?: number | null },
): Promise<NetworkRecord> {
  const viewer = requireViewer(ctx);
  return transaction(ctx, async (tx) => {
    const network = await lockNetwork(tx, networkId);
    await memberships.requireSteward(tx, networkId);
    // Checked against the stored details: a network keeps its position unless its place changes.
    const fields = validFields(input, network);
    const expected = input.expectedDetailsVersion;
    if (expected !== undefined && expected !== null && expected !== network.detailsVersion) {
      throw conflict(
        'Another steward saved changes to these details while you were editing. Yours are not saved yet: check theirs on the network page, then save again.',
        'expectedDetailsVersion',
      );
    }
    const joinPolicy = input.joinPolicy ?? undefined;
    const updated = await repo.updateNetwork(tx.db, networkId, { ...fields, joinPolicy }, ctx.clock.now());
    const changed = changedDetails(network, updated);
    if (changed.length > 0) {
      await audit.record(tx, {
        networkId,
        actorId: viewer.userId,
        action: 'DETAILS_CHANGED',
        summary: `Changed ${listInWords(changed)}`,
      });
    }
    if (updated.joinPolicy !== network.joinPolicy) {
      await audit.record(tx, {
        networkId,
        actorId: viewer.userId,
        action: 'JOIN_POLICY_CHANGED',
        summary: `Changed who may join: ${JOIN_POLICY_IN_WORDS[updated.joinPolicy]}`,
      });
    }
    return updated;
  });
}

const JOIN_POLICY_IN_WORDS: Record<JoinPolicy, string> = { OPEN: 'open', ASK_TO_JOIN: 'ask to join' };

/** The details a steward writes, in words for the audit trail, in the order the form shows them. */
const DETAIL_WORDS: ReadonlyArray<[ReadonlyArray<keyof NetworkFields>, string]> = [
  [['name'], 'the name'],
  [['placeName'], 'the town or city'],
  [['region'], 'the region'],
  [['latitude', 'longitude'], 'the position on the map'],
  [['purpose'], 'the purpose'],
  [['values'], 'the values'],
  [['codeOfConduct'], 'the code of conduct'],
];

/** Which details differ between the stored network and the saved one, in words. */
function changedDetails(before: NetworkRecord, after: NetworkRecord): string[] {
  return DETAIL_WORDS.filter(([fields]) => fields.some((field) => before[field] !== after[field])).map(
    ([, words]) => words,
  );
}

function listInWords(parts: readonly string[]): string {
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

const SNAPSHOT_MAX = 20_000;

/**
 * A network as the safety module keeps it with a report about the network itself: its name, and
 * its purpose, values and code of conduct as anyone can read them. Null when there is no such network.
 */
export async function reportableNetwork(ctx: ServiceContext, networkId: string): Promise<ReportableSubject | null> {
  const network = isUuid(networkId) ? (await networksByIds(ctx, [networkId])).get(networkId) : undefined;
  if (!network) return null;
  return {
    networkId: network.id,
    personId: null,
    snapshot: {
      title: network.name,
      text: [network.purpose, network.values, network.codeOfConduct]
        .filter((part) => part.trim() !== '')
        .join('\n\n')
        .slice(0, SNAPSHOT_MAX),
      path: `/networks/${network.slug}`,
    },
  };
}

/** Sets the stage on the network row; the lifecycle module records why, in the same transaction. */
export async function setStage(ctx: ServiceContext, networkId: string, stage: LifecycleStage): Promise<void> {
  await repo.setStage(ctx.db, networkId, stage, ctx.clock.now());
}

export function getNetworkBySlug(ctx: ServiceContext, slug: string): Promise<NetworkRecord | null> {
  return repo.getNetworkBySlug(ctx.db, slug);
}

const PLACE_NAME_MAX_LENGTH = 100;

/**
 * The place a person typed, from the offline gazetteer; BAD_USER_INPUT on `field` naming some
 * close names when there is no such place.
 */
export function placeFromName(placeName: string, field = 'placeName'): Place {
  const typed = placeName.trim();
  if (textLength(typed) > PLACE_NAME_MAX_LENGTH) {
    throw badInput(field, `Use ${PLACE_NAME_MAX_LENGTH} characters or fewer for the town or city.`);
  }
  const place = findPlace(typed);
  if (place) return place;
  const close = closePlaceNames(typed);
  const hint =
    close.length > 0
      ? `Did you mean ${close.length === 1 ? close[0] : `${close.slice(0, -1).join(', ')} or ${close.at(-1)}`}?`
      : 'Check the spelling, or try the nearest larger town.';
  throw badInput(field, `We could not find a town or city called "${typed}". ${hint}`);
}

/** Up to three UK places whose names are close to `typed`, closest first. */
function closePlaceNames(typed: string): string[] {
  return closePlaces(typed, 3).map((place) => place.name);
}

/** UK places whose names are close to a town or city that was not found, for "Did you mean …?" links. */
export function listClosePlaces(name: string, first: number | null | undefined): Place[] {
  const size = pageSize(first, 'places', { default: 3, max: 10 });
  const typed = name.trim();
  if (textLength(typed) > PLACE_NAME_MAX_LENGTH) {
    throw badInput('name', `Use ${PLACE_NAME_MAX_LENGTH} characters or fewer for the town or city.`);
  }
  return closePlaces(typed, size);
}

/** Places whose name starts with `search`, for suggestions as a person types a town or city. */
export function listPlaces(search: string, first: number | null | undefined): Place[] {
  const size = pageSize(first, 'places', { default: 8, max: 50 });
  const typed = search.trim();
  if (textLength(typed) > PLACE_NAME_MAX_LENGTH) {
    throw badInput('search', `Use ${PLACE_NAME_MAX_LENGTH} characters or fewer to look up a place.`);
  }
  return typed ? suggestPlaces(typed, size) : [];
}

export interface NetworkFilter {
  search?: string | null;
  stage?: LifecycleStage | null;
  near?: { latitude: number; longitude: number } | null;
  /** A town or city to sort by distance from; ignored when `near` is given. */
  placeName?: string | null;
}

export interface NetworkDirectory extends Connection<NetworkRecord> {
  /** The place `placeName` was matched to, when the list is sorted by distance from it. */
  nearPlace: Place | null;
}

/** The directory, ranked by text match, then distance, then name; `after` is a cursor from a previous page. */
export async function listNetworks(
  ctx: ServiceContext,
  args: NetworkFilter & { first?: number | null; after?: string | null },
): Promise<NetworkDirectory> {
  const limit = pageSize(args.first, 'networks');
  const search = searchText('search', args.search, 200);
  const nearPlace = !args.near && args.placeName?.trim() ? placeFromName(args.placeName) : null;
  const near = args.near
    ? {
        latitude: validCoordinate('latitude', args.near.latitude),
        longitude: validCoordinate('longitude', args.near.longitude),
      }
    : nearPlace && { latitude: nearPlace.latitude, longitude: nearPlace.longitude };
  const query = { search, stage: args.stage ?? null, near, after: null, limit };
  const after = args.after ? decodePosition(args.after, query) : null;
  const rows = await repo.listNetworks(ctx.db, { ...query, after });
  const connection = toConnection(
    rows,
    limit,
    ({ rank, ...node }) => ({
      cursor: encodePosition({ rank, distanceKm: node.distanceKm ?? null, name: node.name, id: node.id }),
      node,
    }),
    () => repo.countNetworks(ctx.db, query),
  );
  return { ...connection, nearPlace };
}

function encodePosition(position: NetworkListPosition): string {
  const key = [position.rank, position.distanceKm, position.name, position.id].filter((part) => part !== null);
  return encodeCursor('networks', key);
}

/** The position a cursor holds; it must carry the sort keys this list is sorted by. */
function decodePosition(cursor: string, query: { search: string | null; near: unknown }): NetworkListPosition {
  const ranked = query.search !== null;
  const byDistance = query.near !== null;
  const numbers = [ranked, byDistance].filter(Boolean).map(() => isFiniteNumber);
  const key: ReadonlyArray<string | number> = decodeCursor('networks', cursor, [...numbers, isText, isText]);
  const [name, id] = key.slice(-2) as [string, string];
  if (!isUuid(id)) throw badInput('after', 'That cursor is not one this list gave out; start from the first page.');
  return {
    rank: ranked ? (key[0] as number) : null,
    distanceKm: byDistance ? (key[ranked ? 1 : 0] as number) : null,
    name,
    id,
  };
}
