import type { ServiceContext } from '../../core/context.ts';
import { badInput, conflict, forbidden, notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import type { LifecycleStage, NetworkRole } from '../../db/schema.ts';
import { requireViewer } from '../accounts/service.ts';
import { findPlace, suggestPlaces, type Place } from './places.ts';
import * as repo from './repository.ts';
import type { NetworkFields, NetworkRecord } from './repository.ts';

export type { LifecycleChangeRecord, MembershipSignals, NetworkFields, NetworkRecord } from './repository.ts';
export type { LifecycleStage, NetworkRole };

export const PAGE_SIZE = { default: 20, max: 50 };

const TEXT_LIMITS = {
  name: { min: 1, max: 120, label: 'name' },
  placeName: { min: 1, max: 120, label: 'place name' },
  region: { min: 1, max: 120, label: 'region' },
  purpose: { min: 1, max: 2000, label: 'purpose' },
  values: { min: 0, max: 4000, label: 'values' },
  codeOfConduct: { min: 1, max: 20000, label: 'code of conduct' },
} as const;

type TextField = keyof typeof TEXT_LIMITS;

function validText(field: TextField, raw: string): string {
  const { min, max, label } = TEXT_LIMITS[field];
  // Browsers send a textarea's line breaks as CRLF: stored one way, an unchanged code of
  // conduct submitted again compares equal and keeps its version.
  const value = raw.trim().replace(/\r\n?/g, '\n');
  if (value.length < min) throw badInput(field, `Enter the network's ${label}.`);
  if ([...value].length > max)
    throw badInput(field, `Keep the ${label} to ${max.toLocaleString('en-GB')} characters or fewer.`);
  return value;
}

function validCoordinate(field: 'latitude' | 'longitude', value: number): number {
  const limit = field === 'latitude' ? 90 : 180;
  if (!Number.isFinite(value) || value < -limit || value > limit) {
    throw badInput(field, `The ${field} must be between -${limit} and ${limit} degrees.`);
  }
  return value;
}

/** Fields a client may send; null or absent means unchanged. */
type NetworkChanges = { [K in keyof NetworkFields]?: NetworkFields[K] | null };

function validFields(input: NetworkChanges): Partial<NetworkFields> {
  const fields: Partial<NetworkFields> = {};
  for (const field of Object.keys(TEXT_LIMITS) as TextField[]) {
    const value = input[field];
    if (value !== undefined && value !== null) fields[field] = validText(field, value);
  }
  if (input.latitude !== undefined && input.latitude !== null)
    fields.latitude = validCoordinate('latitude', input.latitude);
  if (input.longitude !== undefined && input.longitude !== null)
    fields.longitude = validCoordinate('longitude', input.longitude);
  return fields;
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

/** The network, locked for the rest of the transaction; changes to one network take turns. */
async function requireNetwork(ctx: ServiceContext, networkId: string): Promise<NetworkRecord> {
  const network = isUuid(networkId) ? await repo.lockNetwork(ctx.db, networkId) : null;
  if (!network) throw notFound('There is no network with that id.');
  return network;
}

async function requireSteward(ctx: ServiceContext, networkId: string): Promise<void> {
  const viewer = requireViewer(ctx);
  const role = await repo.getActiveRole(ctx.db, networkId, viewer.userId);
  if (role !== 'STEWARD') throw forbidden("Only this network's stewards can do this.");
}

export async function createNetwork(ctx: ServiceContext, input: NetworkFields): Promise<NetworkRecord> {
  const viewer = requireViewer(ctx);
  const fields = validFields(input) as NetworkFields;
  const slug = slugify(fields.name);
  if (!slug) throw badInput('name', 'Use at least one letter or number in the name.');
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const network = await repo.insertNetwork(trx, { ...fields, slug, now });
    if (!network) {
      throw conflict(`A network already has the address /networks/${slug}. Choose a different name.`, 'name');
    }
    await repo.upsertMembership(trx, {
      networkId: network.id,
      userId: viewer.userId,
      role: 'STEWARD',
      codeOfConductVersion: network.codeOfConductVersion,
      now,
    });
    return network;
  });
}

/**
 * Changes a network's details. With `expectedDetailsVersion`, refused (CONFLICT) when another
 * steward saved in between, so two people editing at once never overwrite each other silently.
 */
export async function updateNetwork(
  ctx: ServiceContext,
  networkId: string,
  input: NetworkChanges & { expectedDetailsVersion?: number | null },
): Promise<NetworkRecord> {
  const fields = validFields(input);
  return ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    const network = await requireNetwork(tx, networkId);
    await requireSteward(tx, networkId);
    const expected = input.expectedDetailsVersion;
    if (expected !== undefined && expected !== null && expected !== network.detailsVersion) {
      throw conflict(
        'Another steward saved changes to these details while you were editing. Yours are not saved yet: check theirs on the network page, then save again.',
        'expectedDetailsVersion',
      );
    }
    return repo.updateNetwork(trx, networkId, fields, ctx.clock.now());
  });
}

export async function joinNetwork(
  ctx: ServiceContext,
  networkId: string,
  acceptCodeOfConduct: boolean,
): Promise<NetworkRecord> {
  const viewer = requireViewer(ctx);
  if (!acceptCodeOfConduct) {
    throw badInput('acceptCodeOfConduct', "Read and accept the network's code of conduct to join.");
  }
  return ctx.db.transaction().execute(async (trx) => {
    const network = await requireNetwork({ ...ctx, db: trx }, networkId);
    const joined = await repo.upsertMembership(trx, {
      networkId,
      userId: viewer.userId,
      role: 'MEMBER',
      codeOfConductVersion: network.codeOfConductVersion,
      now: ctx.clock.now(),
    });
    if (!joined) throw conflict('You are already a member of this network.');
    return network;
  });
}

const LAST_STEWARD = 'A network needs at least one steward. Make another member a steward first, then try again.';

export async function leaveNetwork(ctx: ServiceContext, networkId: string): Promise<boolean> {
  const viewer = requireViewer(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    // The lock makes concurrent leavings and demotions take turns, so the last steward is never lost.
    await requireNetwork({ ...ctx, db: trx }, networkId);
    const role = await repo.getActiveRole(trx, networkId, viewer.userId);
    if (!role) throw notFound('You are not a member of this network.');
    if (role === 'STEWARD' && (await repo.countStewards(trx, networkId)) <= 1) throw conflict(LAST_STEWARD);
    await repo.markLeft(trx, networkId, viewer.userId, ctx.clock.now());
    return true;
  });
}

export async function setMemberRole(
  ctx: ServiceContext,
  networkId: string,
  userId: string,
  role: NetworkRole,
): Promise<NetworkRecord> {
  return ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    const network = await requireNetwork(tx, networkId);
    await requireSteward(tx, networkId);
    const current = isUuid(userId) ? await repo.getActiveRole(trx, networkId, userId) : null;
    if (!current) throw notFound('That person is not a member of this network.');
    if (current === 'STEWARD' && role !== 'STEWARD' && (await repo.countStewards(trx, networkId)) <= 1) {
      throw conflict(LAST_STEWARD);
    }
    await repo.setRole(trx, networkId, userId, role, ctx.clock.now());
    return network;
  });
}

export async function setLifecycleStage(
  ctx: ServiceContext,
  networkId: string,
  stage: LifecycleStage,
  rawNote: string,
): Promise<NetworkRecord> {
  const viewer = requireViewer(ctx);
  const note = rawNote.trim().replace(/\r\n?/g, '\n');
  if (!note) throw badInput('note', 'Add a short note saying why the stage changed.');
  if ([...note].length > 2000) throw badInput('note', 'Keep the note to 2,000 characters or fewer.');
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    const network = await requireNetwork(tx, networkId);
    await requireSteward(tx, networkId);
    await repo.setStage(trx, networkId, stage, now);
    await repo.insertLifecycleChange(trx, { networkId, stage, note, setBy: viewer.userId, now });
    return { ...network, stage, stageSetAt: now };
  });
}

export function getNetworkBySlug(ctx: ServiceContext, slug: string): Promise<NetworkRecord | null> {
  return repo.getNetworkBySlug(ctx.db, slug);
}

export interface NetworkPage {
  rows: NetworkRecord[];
  total: number;
  offset: number;
  /** The place `placeName` was matched to, when the list was sorted by distance from it. */
  place?: Place | null;
}

export const PLACE_NAME_MAX_LENGTH = 100;

/**
 * The place a person typed, from the offline gazetteer; BAD_USER_INPUT on `field` naming some
 * close names when there is no such place.
 */
export function placeFromName(placeName: string, field = 'placeName'): Place {
  const typed = placeName.trim();
  if ([...typed].length > PLACE_NAME_MAX_LENGTH) {
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

/** Up to three names close to `typed`: places starting with it, or with less and less of it. */
function closePlaceNames(typed: string): string[] {
  for (let length = typed.length; length >= 3; length -= 1) {
    const names = [...new Set(suggestPlaces(typed.slice(0, length), 6).map((place) => place.name))].slice(0, 3);
    if (names.length > 0) return names;
  }
  return [];
}

/** Places whose name starts with `search`, for suggestions as a person types a town or city. */
export function listPlaces(search: string, first = 8): Place[] {
  if (!Number.isInteger(first) || first < 1 || first > PAGE_SIZE.max) {
    throw badInput('first', `Ask for between 1 and ${PAGE_SIZE.max} places at a time.`);
  }
  const typed = search.trim();
  if ([...typed].length > PLACE_NAME_MAX_LENGTH) {
    throw badInput('search', `Use ${PLACE_NAME_MAX_LENGTH} characters or fewer to look up a place.`);
  }
  return typed ? suggestPlaces(typed, first) : [];
}

/** The directory; `after` is an opaque cursor from a previous page. */
export async function listNetworks(
  ctx: ServiceContext,
  args: {
    search?: string | null;
    stage?: LifecycleStage | null;
    near?: { latitude: number; longitude: number } | null;
    /** A town or city to sort by distance from; ignored when `near` is given. */
    placeName?: string | null;
    first?: number | null;
    after?: string | null;
  },
): Promise<NetworkPage> {
  const first = args.first ?? PAGE_SIZE.default;
  if (!Number.isInteger(first) || first < 1 || first > PAGE_SIZE.max) {
    throw badInput('first', `Ask for between 1 and ${PAGE_SIZE.max} networks at a time.`);
  }
  const offset = args.after ? decodeCursor(args.after) + 1 : 0;
  const search = args.search?.trim() || null;
  if (search && search.length > 200) throw badInput('search', 'Use 200 characters or fewer to search.');
  const place = !args.near && args.placeName?.trim() ? placeFromName(args.placeName) : null;
  const near = args.near
    ? {
        latitude: validCoordinate('latitude', args.near.latitude),
        longitude: validCoordinate('longitude', args.near.longitude),
      }
    : place
      ? { latitude: place.latitude, longitude: place.longitude }
      : null;
  const { rows, total } = await repo.listNetworks(ctx.db, {
    search,
    stage: args.stage ?? null,
    near,
    offset,
    limit: first,
  });
  return { rows, total, offset, place };
}

export function encodeCursor(position: number): string {
  return Buffer.from(`n:${position}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^n:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badInput('after', 'That cursor is not one this list gave out; start from the first page.');
  return Number(match[1]);
}

// Batch reads for loaders: each takes every key of one request at once.

export async function rolesOfViewer(
  ctx: ServiceContext,
  networkIds: readonly string[],
): Promise<Map<string, NetworkRole>> {
  if (!ctx.viewer) return new Map();
  const rows = await repo.getRolesForUser(ctx.db, ctx.viewer.userId, networkIds);
  return new Map(rows.map((row) => [row.networkId, row.role]));
}

export const SIGNAL_WINDOW_DAYS = 90;

export async function membershipSignals(ctx: ServiceContext, networkIds: readonly string[]) {
  const since = new Date(ctx.clock.now().getTime() - SIGNAL_WINDOW_DAYS * 86_400_000);
  const rows = await repo.getMembershipSignals(ctx.db, networkIds, since);
  return new Map(rows.map((row) => [row.networkId, row]));
}

export async function lifecycleHistories(ctx: ServiceContext, networkIds: readonly string[]) {
  const rows = await repo.getLifecycleHistories(ctx.db, networkIds);
  const byNetwork = new Map<string, repo.LifecycleChangeRecord[]>();
  for (const row of rows) byNetwork.set(row.networkId, [...(byNetwork.get(row.networkId) ?? []), row]);
  return byNetwork;
}

// A person leaving Hearth altogether (the people module's account deletion).

/**
 * Refuses while the person is the last steward of any network. Call inside the deletion's
 * transaction: the networks they steward stay locked (as role changes lock them) until it
 * commits, so a concurrent demotion or leaving cannot leave a network without a steward.
 */
export async function ensureNotLastStewardAnywhere(ctx: ServiceContext, userId: string): Promise<void> {
  const stewarded = await repo.lockStewardedNetworks(ctx.db, userId);
  const sole = stewarded.filter((network) => network.stewards <= 1).map((network) => network.name);
  if (sole.length > 0) {
    throw conflict(
      `You are the last steward of ${listInWords(sole)}. Make another member a steward of ${sole.length === 1 ? 'it' : 'each'} first, then delete your account.`,
    );
  }
}

function listInWords(names: readonly string[]): string {
  const quoted = names.map((name) => `“${name}”`);
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** The person's memberships (past ones too) and the lifecycle notes they wrote, for their export. */
export async function networkDataForExport(ctx: ServiceContext, userId: string) {
  const [memberships, lifecycleNotes] = await Promise.all([
    repo.getMembershipsForExport(ctx.db, userId),
    repo.getLifecycleNotesForExport(ctx.db, userId),
  ]);
  return { memberships, lifecycleNotes };
}
