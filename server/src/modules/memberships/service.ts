import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from '../../core/connection.ts';
import { transaction, type ServiceContext } from '../../core/context.ts';
import { conflict, forbidden, notFound, type DomainError } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import type { IdCondition } from '../../core/query.ts';
import { requireViewer } from '../accounts/service.ts';
import * as audit from '../audit/service.ts';
import * as networks from '../networks/service.ts';
import * as notifications from '../notifications/service.ts';
import type { NetworkRecord } from '../networks/service.ts';
import * as safety from '../safety/service.ts';
import * as repo from './repository.ts';
import type { JoinRequestRow, MemberRow, MembershipSignals, NetworkRole, Suspension } from './repository.ts';

export { answerJoinRequest, askToJoin, joinNetwork, withdrawJoinRequest, type JoinRequestRecord } from './joining.ts';

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
  const viewer = requireViewer(ctx);
  const { network, added } = await transaction(ctx, async (tx) => {
    const network = await networks.lockNetwork(tx, networkId);
    await requireSteward(tx, networkId);
    const current = isUuid(userId) ? await repo.getActiveRole(tx.db, networkId, userId) : null;
    if (!current) throw notFound('That person is not a member of this network.');
    if (current === 'STEWARD' && role !== 'STEWARD' && (await stewardCount(tx.db, networkId)) <= 1) {
      throw conflict(LAST_STEWARD);
    }
    // Setting the role a person already has changes nothing, so tells and records nothing.
    if (current === role) return { network, added: { added: [] } };
    await repo.setRole(tx.db, networkId, userId, role, ctx.clock.now());
    const added = await notifications.notify(tx, {
      userIds: [userId],
      kind: 'ROLE_CHANGED',
      title: `You are now ${ROLE_IN_WORDS[role]} of ${network.name}`,
      url: `/networks/${network.slug}`,
    });
    await audit.record(tx, {
      networkId,
      actorId: viewer.userId,
      action: 'ROLE_CHANGED',
      subjectPersonId: userId,
      summary: `Changed a member's role from ${ROLE_NAME[current]} to ${ROLE_NAME[role]}`,
    });
    return { network, added };
  });
  await notifications.announceAdded(ctx, added);
  return network;
}

const ROLE_NAME: Record<NetworkRole, string> = { MEMBER: 'member', ORGANISER: 'organiser', STEWARD: 'steward' };

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

/** The network's active stewards. */
export async function stewardIds(ctx: ServiceContext, networkId: string): Promise<string[]> {
  return repo.getStewardIds(ctx.db, networkId);
}

/** A person's role in a network, or null when they are not an active member. */
export async function roleOf(ctx: ServiceContext, networkId: string, userId: string): Promise<NetworkRole | null> {
  return isUuid(networkId) && isUuid(userId) ? repo.getActiveRole(ctx.db, networkId, userId) : null;
}

/** The networks two people are both active members of, in id order. */
export async function sharedNetworkIds(ctx: ServiceContext, a: string, b: string): Promise<string[]> {
  return repo.getSharedNetworkIds(ctx.db, a, b);
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

/**
 * Whether a person is an active member of the network and not suspended: who may take part there
 * (post, register, be suggested or matched). A condition for other modules' statements.
 */
export function isInGoodStandingOf(ctx: ServiceContext, networkId: string): IdCondition {
  return repo.isInGoodStandingOf(networkId, ctx.clock.now());
}

/** Whether a person shares with the viewer a network where neither is suspended, as a condition. */
export function sharesNetworkInGoodStandingWith(ctx: ServiceContext, viewerId: string): IdCondition {
  return repo.sharesNetworkInGoodStandingWith(viewerId, ctx.clock.now());
}

export type { Suspension };

/** The viewer's suspensions in force in these networks, read once per request. */
export async function viewerSuspensions(
  ctx: ServiceContext,
  networkIds: readonly string[],
): Promise<Map<string, Suspension>> {
  if (!ctx.viewer) return new Map();
  const viewerId = ctx.viewer.userId;
  return ctx.memo.batch(`suspensions-of:${viewerId}`, networkIds.filter(isUuid), async (missing) => {
    const rows = await repo.getSuspensions(ctx.db, viewerId, missing, ctx.clock.now());
    return new Map(rows.map((row) => [row.networkId, row]));
  });
}

const SUSPENDED_UNTIL = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });

/**
 * Refuses a suspended member anything that takes part in the network: posting, registering,
 * asking for mentoring. The refusal says until when and why, as the stewards wrote it.
 */
export async function requireGoodStanding(ctx: ServiceContext, networkId: string): Promise<void> {
  const suspension = (await viewerSuspensions(ctx, [networkId])).get(networkId);
  if (suspension) {
    throw forbidden(
      `You are suspended from this network until ${SUSPENDED_UNTIL.format(suspension.until)}: ${suspension.note}`,
    );
  }
}

/** Suspends a member until a date; inside the caller's transaction. NOT_FOUND when not a member. */
export async function suspendMember(
  ctx: ServiceContext,
  change: { networkId: string; userId: string; until: Date; note: string },
): Promise<void> {
  if (!(await repo.suspend(ctx.db, { ...change, now: ctx.clock.now() }))) {
    throw notFound('That person is no longer a member of this network.');
  }
}

/**
 * Takes a member out of the network for good (they cannot rejoin by themself); inside the
 * caller's transaction. The network is locked, as for any change that could take away its last
 * steward. NOT_FOUND when not a member; CONFLICT for the last steward.
 */
export async function removeMember(ctx: ServiceContext, networkId: string, userId: string): Promise<void> {
  await networks.lockNetwork(ctx, networkId);
  const role = await repo.getActiveRole(ctx.db, networkId, userId);
  if (!role) throw notFound('That person is no longer a member of this network.');
  if (role === 'STEWARD' && (await stewardCount(ctx.db, networkId)) <= 1) throw conflict(LAST_STEWARD);
  await repo.markRemoved(ctx.db, networkId, userId, ctx.clock.now());
}

/** One of the viewer's own networks, with their role there. */
export interface OwnMembership {
  network: NetworkRecord;
  role: NetworkRole;
  joinedAt: Date;
  /** Whether they asked to be told of each new event of the network. */
  eventAlerts: boolean;
  /** ACTIVE, or SUSPENDED while a suspension lasts. */
  status: 'ACTIVE' | 'SUSPENDED';
  /** While suspended: until when, and the stewards' reason. */
  suspendedUntil: Date | null;
  suspensionNote: string | null;
}

/** A membership row as its member sees it: the suspension only while it lasts. */
function ownStanding(ctx: ServiceContext, row: repo.OwnMembershipRow): Omit<OwnMembership, 'network'> {
  const { networkId: _networkId, suspendedUntil, suspensionNote, ...rest } = row;
  const suspended = suspendedUntil !== null && suspendedUntil > ctx.clock.now();
  return {
    ...rest,
    status: suspended ? 'SUSPENDED' : 'ACTIVE',
    suspendedUntil: suspended ? suspendedUntil : null,
    suspensionNote: suspended ? suspensionNote : null,
  };
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
    .map((row) => ({ network: named.get(row.networkId)!, ...ownStanding(ctx, row) }))
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
    return new Map(rows.map((row) => [row.networkId, ownStanding(ctx, row)]));
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
  return { network, ...ownStanding(ctx, row) };
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
 * totals, if asked for). Only a network's active members may list it, and no one who blocked the
 * viewer or whom the viewer blocked appears in it.
 */
export async function memberPages(
  ctx: ServiceContext,
  networkIds: readonly string[],
  query: MemberPageQuery,
): Promise<MemberPages> {
  const viewer = requireViewer(ctx);
  const candidates = [...new Set(networkIds.filter(isUuid))];
  const roles = await rolesOfViewer(ctx, candidates);
  const allowed = candidates.filter((id) => roles.has(id));
  const listQuery = { ...query, networkIds: allowed, personShown: safety.notBlockedWith(viewer.userId) };
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
  const viewer = requireViewer(ctx);
  const roles = await rolesOfViewer(ctx, [...new Set(pairs.map((pair) => pair.networkId).filter(isUuid))]);
  const asked = pairs.filter((pair) => roles.has(pair.networkId) && isUuid(pair.userId));
  const shown = safety.notBlockedWith(viewer.userId);
  const found = new Map(
    (await repo.getActiveMembers(ctx.db, asked, shown)).map((row) => [`${row.networkId}/${row.userId}`, row]),
  );
  return pairs.map((pair) =>
    roles.has(pair.networkId) ? (found.get(`${pair.networkId}/${pair.userId}`) ?? null) : forbidden(NOT_A_MEMBER),
  );
}

// Where the viewer stands, and the requests to join waiting for a network's stewards and organisers.

export type MembershipStatus = 'PENDING' | 'ACTIVE' | 'SUSPENDED';

/** The viewer's latest request to join each of these networks, read once per request; none when signed out. */
export async function viewerJoinRequests(
  ctx: ServiceContext,
  networkIds: readonly string[],
): Promise<Map<string, JoinRequestRow>> {
  if (!ctx.viewer) return new Map();
  const viewerId = ctx.viewer.userId;
  return ctx.memo.batch(`join-requests-of:${viewerId}`, networkIds.filter(isUuid), async (missing) => {
    const rows = await repo.getLatestJoinRequestsOf(ctx.db, viewerId, missing);
    return new Map(rows.map((row) => [row.networkId, row]));
  });
}

/**
 * The viewer's standing in each of these networks: ACTIVE or SUSPENDED as a member, PENDING while
 * a request to join waits, absent otherwise (and when signed out).
 */
export async function viewerStatuses(
  ctx: ServiceContext,
  networkIds: readonly string[],
): Promise<Map<string, MembershipStatus>> {
  const [own, requests] = await Promise.all([viewerMemberships(ctx, networkIds), viewerJoinRequests(ctx, networkIds)]);
  const statuses = new Map<string, MembershipStatus>();
  for (const networkId of networkIds) {
    const membership = own.get(networkId);
    if (membership) statuses.set(networkId, membership.status);
    else if (requests.get(networkId)?.status === 'PENDING') statuses.set(networkId, 'PENDING');
  }
  return statuses;
}

const mayAnswerRequests = (role: NetworkRole | undefined) => role === 'STEWARD' || role === 'ORGANISER';
const NOT_AN_ORGANISER = "Only this network's stewards and organisers can see its requests to join.";

const JOIN_REQUEST_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
const isCreatedAtKey = (value: unknown): value is string =>
  typeof value === 'string' && JOIN_REQUEST_KEY.test(value) && !Number.isNaN(Date.parse(`${value}Z`));
const isUuidText = (value: unknown): value is string => typeof value === 'string' && isUuid(value);

/**
 * A page of the requests waiting in each of these networks, oldest first: for the viewer's
 * networks where they are a steward or organiser, and a FORBIDDEN error in any other's place.
 */
export async function joinRequestPages(
  ctx: ServiceContext,
  networkIds: readonly string[],
  args: { first?: number | null; after?: string | null },
): Promise<Map<string, Connection<JoinRequestRow> | DomainError>> {
  requireViewer(ctx);
  const limit = pageSize(args.first, 'requests');
  const decoded = args.after ? decodeCursor('join-requests', args.after, [isCreatedAtKey, isUuidText]) : null;
  const after = decoded && { createdAtKey: decoded[0], id: decoded[1] };
  const roles = await rolesOfViewer(ctx, [...new Set(networkIds.filter(isUuid))]);
  const allowed = [...new Set(networkIds)].filter((id) => mayAnswerRequests(roles.get(id)));
  let totals: Promise<Map<string, number>> | null = null;
  const countAll = () => (totals ??= repo.countPendingJoinRequests(ctx.db, allowed));
  // One statement per network: a person answers the requests of one network at a time.
  const pages = new Map(
    await Promise.all(
      allowed.map(
        async (networkId) =>
          [networkId, await repo.listPendingJoinRequests(ctx.db, { networkId, after, limit })] as const,
      ),
    ),
  );
  const connections = new Map<string, Connection<JoinRequestRow> | DomainError>();
  for (const networkId of networkIds) {
    const rows = pages.get(networkId);
    connections.set(
      networkId,
      rows === undefined
        ? forbidden(NOT_AN_ORGANISER)
        : toConnection(
            rows,
            limit,
            (row) => ({ cursor: encodeCursor('join-requests', [row.createdAtKey, row.id]), node: row }),
            async () => (await countAll()).get(networkId) ?? 0,
          ),
    );
  }
  return connections;
}

/** How many requests wait in each of these networks, where the viewer may answer them; null elsewhere. */
export async function pendingJoinRequestCounts(
  ctx: ServiceContext,
  networkIds: readonly string[],
): Promise<Map<string, number | null>> {
  const roles = await rolesOfViewer(ctx, [...new Set(networkIds.filter(isUuid))]);
  const allowed = [...new Set(networkIds)].filter((id) => mayAnswerRequests(roles.get(id)));
  const counts = await repo.countPendingJoinRequests(ctx.db, allowed);
  return new Map(networkIds.map((id) => [id, mayAnswerRequests(roles.get(id)) ? (counts.get(id) ?? 0) : null]));
}

export interface MemberStanding {
  status: 'ACTIVE' | 'SUSPENDED';
  /** While suspended: until when. */
  suspendedUntil: Date | null;
}

/**
 * Each member's standing, for the viewer to see where they are a steward or organiser of the
 * member's network; null elsewhere. Read from the member rows themselves (roles are memoised).
 */
export async function memberStandings(
  ctx: ServiceContext,
  members: readonly MemberRow[],
): Promise<Array<MemberStanding | null>> {
  if (!ctx.viewer) return members.map(() => null);
  const roles = await rolesOfViewer(ctx, [...new Set(members.map((member) => member.networkId))]);
  const now = ctx.clock.now();
  return members.map((member) => {
    if (!mayAnswerRequests(roles.get(member.networkId))) return null;
    const suspended = member.suspendedUntil !== null && member.suspendedUntil > now;
    return { status: suspended ? 'SUSPENDED' : 'ACTIVE', suspendedUntil: suspended ? member.suspendedUntil : null };
  });
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

/** The person's requests to join networks, answered or not, for their export. */
export async function joinRequestsForExport(ctx: ServiceContext, userId: string) {
  const rows = await repo.getJoinRequestsForExport(ctx.db, userId);
  const named = await networks.networksByIds(
    ctx,
    rows.map((row) => row.networkId),
  );
  return rows.map(({ networkId, ...request }) => ({ networkSlug: named.get(networkId)?.slug ?? null, ...request }));
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
