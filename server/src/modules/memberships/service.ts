import { transaction, type ServiceContext } from '../../core/context.ts';
import { badInput, conflict, forbidden, notFound, type DomainError } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import type { IdCondition } from '../../core/query.ts';
import { requireViewer } from '../accounts/service.ts';
import * as networks from '../networks/service.ts';
import * as notifications from '../notifications/service.ts';
import type { NetworkRecord } from '../networks/service.ts';
import * as repo from './repository.ts';
import type { MemberRow, MembershipSignals, NetworkRole } from './repository.ts';

// Who belongs to which network, and in what role. A network always keeps a steward: every
// change that could take one away locks the network row first (networks.lockNetwork), so
// concurrent leavings, demotions and account deletions take turns and the last one is refused.

export type { MemberRow, MembershipSignals, NetworkRole };

const LAST_STEWARD = 'A network needs at least one steward. Make another member a steward first, then try again.';

/** Refuses unless the viewer is an active steward of the network. */
export async function requireSteward(ctx: ServiceContext, networkId: string): Promise<void> {
  const viewer = requireViewer(ctx);
  const role = await repo.getActiveRole(ctx.db, networkId, viewer.userId);
  if (role !== 'STEWARD') throw forbidden("Only this network's stewards can do this.");
}

/** Refuses unless the viewer is an active organiser or steward of the network: those who run its activities. */
export async function requireOrganiser(ctx: ServiceContext, networkId: string): Promise<void> {
  const viewer = requireViewer(ctx);
  const role = isUuid(networkId) ? await repo.getActiveRole(ctx.db, networkId, viewer.userId) : null;
  if (role !== 'ORGANISER' && role !== 'STEWARD') {
    throw forbidden("Only this network's organisers and stewards can do this.");
  }
}

/** Makes the person who started a network its first steward; inside the creation's transaction. */
export async function addFounder(ctx: ServiceContext, network: NetworkRecord, userId: string): Promise<void> {
  await repo.upsertMembership(ctx.db, {
    networkId: network.id,
    userId,
    role: 'STEWARD',
    codeOfConductVersion: network.codeOfConductVersion,
    now: ctx.clock.now(),
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
  const { network, added } = await transaction(ctx, async (tx) => {
    // Locked, so the code of conduct version recorded is the one in force when they joined.
    const network = await networks.lockNetwork(tx, networkId);
    const joined = await repo.upsertMembership(tx.db, {
      networkId,
      userId: viewer.userId,
      role: 'MEMBER',
      codeOfConductVersion: network.codeOfConductVersion,
      now: ctx.clock.now(),
    });
    if (!joined) throw conflict('You are already a member of this network.');
    const added = await notifications.notify(tx, {
      userIds: await repo.getStewardIds(tx.db, networkId),
      kind: 'NEW_MEMBER',
      title: `${viewer.name} joined ${network.name}`,
      url: `/networks/${network.slug}/members`,
    });
    return { network, added };
  });
  await notifications.announceAdded(ctx, added);
  return network;
}

export async function leaveNetwork(ctx: ServiceContext, networkId: string): Promise<boolean> {
  const viewer = requireViewer(ctx);
  return transaction(ctx, async (tx) => {
    await networks.lockNetwork(tx, networkId);
    const role = await repo.getActiveRole(tx.db, networkId, viewer.userId);
    if (!role) throw notFound('You are not a member of this network.');
    if (role === 'STEWARD' && (await stewardCount(tx.db, networkId)) <= 1) throw conflict(LAST_STEWARD);
    await repo.markLeft(tx.db, networkId, viewer.userId, ctx.clock.now());
    return true;
  });
}

export async function setMemberRole(
  ctx: ServiceContext,
  networkId: string,
  userId: string,
  role: NetworkRole,
): Promise<NetworkRecord> {
  const { network, added } = await transaction(ctx, async (tx) => {
    const network = await networks.lockNetwork(tx, networkId);
    await requireSteward(tx, networkId);
    const current = isUuid(userId) ? await repo.getActiveRole(tx.db, networkId, userId) : null;
    if (!current) throw notFound('That person is not a member of this network.');
    if (current === 'STEWARD' && role !== 'STEWARD' && (await stewardCount(tx.db, networkId)) <= 1) {
      throw conflict(LAST_STEWARD);
    }
    await repo.setRole(tx.db, networkId, userId, role, ctx.clock.now());
    // Setting the role a person already has changes nothing, so tells them nothing.
    const added =
      current === role
        ? { added: [] }
        : await notifications.notify(tx, {
            userIds: [userId],
            kind: 'ROLE_CHANGED',
            title: `You are now ${ROLE_IN_WORDS[role]} of ${network.name}`,
            url: `/networks/${network.slug}`,
          });
    return { network, added };
  });
  await notifications.announceAdded(ctx, added);
  return network;
}

const ROLE_IN_WORDS: Record<NetworkRole, string> = {
  MEMBER: 'a member',
  ORGANISER: 'an organiser',
  STEWARD: 'a steward',
};

async function stewardCount(db: ServiceContext['db'], networkId: string): Promise<number> {
  return (await repo.countStewards(db, [networkId])).get(networkId) ?? 0;
}

// Batch reads, each taking every key of one request at once.

/** The viewer's role in each of these networks; none when signed out. */
export async function rolesOfViewer(
  ctx: ServiceContext,
  networkIds: readonly string[],
): Promise<Map<string, NetworkRole>> {
  // Read with the rest of the viewer's membership: a page showing both (the network page's role
  // and new-event alerts) then reads the memberships once.
  const own = await viewerMemberships(ctx, networkIds);
  return new Map([...own].map(([networkId, membership]) => [networkId, membership.role]));
}

/** The networks the viewer belongs to now, read once per request; none when signed out. */
export async function viewerNetworkIds(ctx: ServiceContext): Promise<string[]> {
  if (!ctx.viewer) return [];
  const viewerId = ctx.viewer.userId;
  const found = await ctx.memo.batch(`network-ids-of`, [viewerId], async () => {
    const rows = await repo.getActiveMembershipsOfUser(ctx.db, viewerId);
    return new Map([[viewerId, rows.map((row) => row.networkId)]]);
  });
  return found.get(viewerId) ?? [];
}

/** The network's active organisers and stewards, to tell of work waiting for them. */
export async function organiserIds(ctx: ServiceContext, networkId: string): Promise<string[]> {
  return repo.getOrganiserIds(ctx.db, networkId);
}

const SIGNAL_WINDOW_DAYS = 90;

/**
 * Member counts and movement for these networks, read once per request: a network's member
 * count, its activity summary and its lifecycle suggestion all use them.
 */
export async function membershipSignals(
  ctx: ServiceContext,
  networkIds: readonly string[],
): Promise<Map<string, MembershipSignals>> {
  return ctx.memo.batch('membership-signals', networkIds, async (missing) => {
    const since = new Date(ctx.clock.now().getTime() - SIGNAL_WINDOW_DAYS * 86_400_000);
    const rows = await repo.getMembershipSignals(ctx.db, missing, since);
    return new Map(rows.map((row) => [row.networkId, row]));
  });
}

/** Whether a person shares an active network with the viewer, as a condition for the people module's statements. */
export function sharesNetworkWith(viewerId: string): IdCondition {
  return repo.sharesNetworkWith(viewerId);
}

/** Whether a person is an active member of the network, as a condition for other modules' statements. */
export function isActiveMemberOf(networkId: string): IdCondition {
  return repo.isActiveMemberOf(networkId);
}

/** One of the viewer's own networks, with their role there. */
export interface OwnMembership {
  network: NetworkRecord;
  role: NetworkRole;
  joinedAt: Date;
  /** Whether they asked to be told of each new event of the network. */
  eventAlerts: boolean;
}

/** The networks the viewer belongs to now, by name, for their account page. */
export async function myMemberships(ctx: ServiceContext): Promise<OwnMembership[]> {
  const viewer = requireViewer(ctx);
  const rows = await repo.getActiveMembershipsOfUser(ctx.db, viewer.userId);
  const named = await networks.networksByIds(
    ctx,
    rows.map((row) => row.networkId),
  );
  return rows
    .map((row) => ({
      network: named.get(row.networkId)!,
      role: row.role,
      joinedAt: row.joinedAt,
      eventAlerts: row.eventAlerts,
    }))
    .sort((a, b) => BY_NAME.compare(a.network.name, b.network.name) || byCodeUnits(a.network.slug, b.network.slug));
}

const BY_NAME = new Intl.Collator('en-GB', { sensitivity: 'base' });

// New-event alerts: a member may ask to be told of each new event of a network, and only for
// themself. They stop when the member leaves, and a member rejoining asks again.

/** The viewer's own membership of each of these networks, for the network page; none when signed out. */
export async function viewerMemberships(
  ctx: ServiceContext,
  networkIds: readonly string[],
): Promise<Map<string, Omit<OwnMembership, 'network'>>> {
  if (!ctx.viewer) return new Map();
  const viewerId = ctx.viewer.userId;
  return ctx.memo.batch(`memberships-of:${viewerId}`, networkIds.filter(isUuid), async (missing) => {
    const rows = await repo.getMembershipsOfUserIn(ctx.db, viewerId, missing);
    return new Map(rows.map(({ networkId, ...row }) => [networkId, row]));
  });
}

/**
 * Turns the viewer's new-event alerts for a network on or off. NOT_FOUND for no such network,
 * FORBIDDEN for someone who is not a member of it.
 */
export async function setEventAlerts(ctx: ServiceContext, networkId: string, on: boolean): Promise<OwnMembership> {
  const viewer = requireViewer(ctx);
  const network = isUuid(networkId) ? (await networks.networksByIds(ctx, [networkId])).get(networkId) : undefined;
  if (!network) throw notFound('There is no network with that id.');
  const row = await repo.setEventAlerts(ctx.db, network.id, viewer.userId, on, ctx.clock.now());
  if (!row) throw forbidden('Only members of this network can ask to hear of its new events. Join it first.');
  return { network, role: row.role, joinedAt: row.joinedAt, eventAlerts: row.eventAlerts };
}

/** The network's members who asked to hear of its new events (the events module tells them). */
export async function membersWithEventAlerts(ctx: ServiceContext, networkId: string): Promise<string[]> {
  return repo.getEventAlertMemberIds(ctx.db, networkId);
}

// The member directory's rows; the people module shows each member as the viewer may see them.

export interface MemberPageQuery {
  role: NetworkRole | null;
  personMatches: IdCondition | null;
  after: { joinedAtKey: string; userId: string } | null;
  limit: number;
}

export interface MemberPages {
  /** `limit + 1` rows at most per network, or FORBIDDEN for a network the viewer is not in. */
  pages: Map<string, MemberRow[] | DomainError>;
  /** How many match in each network the viewer may list; counted on first call only. */
  totals(): Promise<Map<string, number>>;
}

const NOT_A_MEMBER = "Only this network's members can see who its members are.";

/**
 * A page of active members for each of these networks, in one statement (and one more for the
 * totals, if asked for). Only a network's active members may list it.
 */
export async function memberPages(
  ctx: ServiceContext,
  networkIds: readonly string[],
  query: MemberPageQuery,
): Promise<MemberPages> {
  requireViewer(ctx);
  const candidates = [...new Set(networkIds.filter(isUuid))];
  const roles = await rolesOfViewer(ctx, candidates);
  const allowed = candidates.filter((id) => roles.has(id));
  const listQuery = { ...query, networkIds: allowed };
  const rows = Map.groupBy(await repo.listMembers(ctx.db, listQuery), (row) => row.networkId);
  const pages = new Map<string, MemberRow[] | DomainError>();
  for (const id of networkIds) pages.set(id, roles.has(id) ? (rows.get(id) ?? []) : forbidden(NOT_A_MEMBER));
  let totals: Promise<Map<string, number>> | null = null;
  return { pages, totals: () => (totals ??= repo.countMembers(ctx.db, listQuery)) };
}

/**
 * One member of a network for each (network, person) pair, in one statement: null where the
 * person is not a current member, and a FORBIDDEN error where the viewer is not one either.
 */
export async function membersByPair(
  ctx: ServiceContext,
  pairs: ReadonlyArray<{ networkId: string; userId: string }>,
): Promise<Array<MemberRow | DomainError | null>> {
  requireViewer(ctx);
  const roles = await rolesOfViewer(ctx, [...new Set(pairs.map((pair) => pair.networkId).filter(isUuid))]);
  const asked = pairs.filter((pair) => roles.has(pair.networkId) && isUuid(pair.userId));
  const found = new Map(
    (await repo.getActiveMembers(ctx.db, asked)).map((row) => [`${row.networkId}/${row.userId}`, row]),
  );
  return pairs.map((pair) =>
    roles.has(pair.networkId) ? (found.get(`${pair.networkId}/${pair.userId}`) ?? null) : forbidden(NOT_A_MEMBER),
  );
}

// A person leaving Hearth altogether (the people module's account deletion).

/**
 * Refuses while the person is the last steward of any network. Call inside the deletion's
 * transaction: the networks they steward stay locked (as role changes lock them) until it
 * commits, so a concurrent demotion or leaving cannot leave a network without a steward.
 */
export async function ensureNotLastStewardAnywhere(ctx: ServiceContext, userId: string): Promise<void> {
  const locked = new Map<string, NetworkRecord>();
  // Locked in id order, as other deletions lock them. A promotion that committed while we waited
  // shows in the next read and is locked then, out of that order: two deletions racing two
  // promotions could deadlock, and PostgreSQL would end one of them (the person tries again).
  let stewarded: string[];
  for (;;) {
    stewarded = await repo.getStewardedNetworkIds(ctx.db, userId);
    const unlocked = stewarded.filter((id) => !locked.has(id));
    if (unlocked.length === 0) break;
    for (const network of await networks.lockNetworks(ctx, unlocked)) locked.set(network.id, network);
  }
  const counts = await repo.countStewards(ctx.db, stewarded);
  const sole = stewarded.filter((id) => (counts.get(id) ?? 0) <= 1).map((id) => locked.get(id)!.name);
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

/** The person's memberships, past ones too, for their export. */
export async function membershipsForExport(ctx: ServiceContext, userId: string) {
  const rows = await repo.getMembershipsForExport(ctx.db, userId);
  const named = await networks.networksByIds(
    ctx,
    rows.map((row) => row.networkId),
  );
  return rows
    .map(({ networkId, ...membership }) => ({
      networkSlug: named.get(networkId)!.slug,
      networkName: named.get(networkId)!.name,
      ...membership,
    }))
    .sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || byCodeUnits(a.networkSlug, b.networkSlug));
}

/** Plain ordering, as the database's C collation sorts the ASCII of slugs. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
