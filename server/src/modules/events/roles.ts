// Volunteer roles at events: who hosts, speaks, brings the food, stands on the door, or helps some
// other way. A member takes a role for themself while the event is not yet over, and gives up their
// own; the network's organisers and stewards put any member in a role, or take anyone out of one,
// after the event too (recording who hosted last month). Roles are the record of who did the work,
// which the network's health counts as contributions, so they stay on past events. Anyone who can
// see an event sees its roles: people take them knowing their name is shown on the event page.
//
// Taking a role twice gives back the one held: the unique (event, role, person) constraint holds
// it when two requests race, and the insert checks membership in the same statement. A role taken
// at the very moment the event is cancelled may stay; cancelled events are not counted.
import type { ServiceContext } from '../../core/context.ts';
import { badInput, conflict, forbidden, InputProblems, notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import { cleanText } from '../../core/text.ts';
import { EVENT_ROLE_VALUES } from '../../db/schema.ts';
import { requireViewer } from '../accounts/service.ts';
import * as memberships from '../memberships/service.ts';
import { currentEvent, requireNotHidden } from './events.ts';
import * as repo from './repository.ts';
import type { EventRecord, EventRole, EventRoleRecord } from './repository.ts';
import { organises } from './seats.ts';

export type { EventRole, EventRoleRecord };

export const ROLE_NOTE_MAX = 200;

export interface RoleAssignment {
  role: EventRole;
  personId: string;
  note?: string | null;
}

/** The note checked: up to 200 characters on one line, and needed for OTHER (it says what the role is). */
function validRole(role: EventRole, note: string | null | undefined, problems: InputProblems): string {
  if (!EVENT_ROLE_VALUES.includes(role)) problems.add('role', 'Choose one of the roles.');
  const cleaned = problems.check(() => cleanText('note', note ?? '', { label: 'note', max: ROLE_NOTE_MAX })) ?? '';
  if (role === 'OTHER' && cleaned === '' && !problems.has('note')) {
    problems.add('note', 'Say in the note what you will do, for a role of "Other".');
  }
  return cleaned;
}

function requireNotCancelled(event: EventRecord): void {
  if (event.cancelledAt) throw conflict('This event was cancelled, so it has no roles to take.');
}

/**
 * The viewer takes a role at an event not yet over, as a member of its network. Taking a role
 * they hold gives it back as it is.
 */
export async function takeEventRole(
  ctx: ServiceContext,
  eventId: string,
  role: EventRole,
  note?: string | null,
): Promise<EventRoleRecord> {
  const viewer = requireViewer(ctx);
  const event = await currentEvent(ctx, eventId);
  requireNotHidden(event);
  await memberships.requireGoodStanding(ctx, event.networkId);
  const problems = new InputProblems();
  const cleaned = validRole(role, note, problems);
  problems.throwIfAny();
  requireNotCancelled(event);
  if (event.endsAt <= ctx.clock.now()) {
    throw conflict('This event is over. Ask an organiser to record the role you took.');
  }
  const taken = await repo.insertEventRole(ctx.db, {
    eventId: event.id,
    role,
    userId: viewer.userId,
    note: cleaned,
    assignedBy: null,
    now: ctx.clock.now(),
    memberOfNetwork: memberships.isInGoodStandingOf(ctx, event.networkId),
  });
  if (!taken) throw forbidden("Join this event's network to help at its events.");
  ctx.memo.clear();
  return taken;
}

/**
 * An organiser or steward of the event's network puts a member of it in a role, before or after
 * the event. A role the person holds already is given back as it is.
 */
export async function assignEventRole(
  ctx: ServiceContext,
  eventId: string,
  input: RoleAssignment,
): Promise<EventRoleRecord> {
  const viewer = requireViewer(ctx);
  const event = await currentEvent(ctx, eventId);
  await memberships.requireOrganiser(ctx, event.networkId);
  const problems = new InputProblems();
  const cleaned = validRole(input.role, input.note, problems);
  if (!isUuid(input.personId)) problems.add('personId', 'Choose a member of this network.');
  problems.throwIfAny();
  requireNotCancelled(event);
  const assigned = await repo.insertEventRole(ctx.db, {
    eventId: event.id,
    role: input.role,
    userId: input.personId,
    note: cleaned,
    assignedBy: viewer.userId,
    now: ctx.clock.now(),
    memberOfNetwork: memberships.isInGoodStandingOf(ctx, event.networkId),
  });
  if (!assigned)
    throw badInput('personId', 'Choose a member of this network: that person is not one now, or is suspended there.');
  ctx.memo.clear();
  return assigned;
}

/**
 * Takes someone out of a role: the person themself, while the event is not yet over, or an
 * organiser or steward of the event's network at any time. Gives back the role as it was.
 */
export async function removeEventRole(ctx: ServiceContext, roleId: string): Promise<EventRoleRecord> {
  const viewer = requireViewer(ctx);
  const held = isUuid(roleId) ? await repo.findEventRole(ctx.db, roleId) : undefined;
  if (!held) throw notFound('There is no such role; it may have been given up already.');
  const event = await currentEvent(ctx, held.eventId);
  if (!(await organises(ctx, event.networkId))) {
    if (held.userId !== viewer.userId) {
      throw forbidden("Only this network's organisers and stewards can take someone else out of a role.");
    }
    if (event.endsAt <= ctx.clock.now()) {
      throw conflict('This event is over, so its roles stay as the record of who helped. Ask an organiser.');
    }
  }
  const removed = await repo.deleteEventRole(ctx.db, held.id);
  if (!removed) throw notFound('There is no such role; it may have been given up already.');
  ctx.memo.clear();
  return removed;
}

/** The roles at each of these events, in the order they were taken; read once per request. */
export async function rolesOfEvents(
  ctx: ServiceContext,
  eventIds: readonly string[],
): Promise<Map<string, EventRoleRecord[]>> {
  return ctx.memo.batch('event-roles-of', eventIds.filter(isUuid), async (missing) => {
    const rows = await repo.getRolesOfEvents(ctx.db, missing);
    const byEvent = Map.groupBy(rows, (row) => row.eventId);
    return new Map(missing.map((id) => [id, byEvent.get(id) ?? []]));
  });
}

export interface RoleCounts {
  userId: string;
  /** Roles held in all. */
  total: number;
  byRole: Partial<Record<EventRole, number>>;
}

/**
 * How many roles each person held at the network's events starting at or after `since`, cancelled
 * events left out; most first. For the health module, which decides who may see it: no check here.
 */
export async function eventRolesOfNetwork(ctx: ServiceContext, networkId: string, since: Date): Promise<RoleCounts[]> {
  if (!isUuid(networkId)) return [];
  const rows = await repo.countRolesOfNetwork(ctx.db, networkId, since);
  const byPerson = new Map<string, RoleCounts>();
  for (const row of rows) {
    const counts = byPerson.get(row.userId) ?? { userId: row.userId, total: 0, byRole: {} };
    counts.total += row.count;
    counts.byRole[row.role] = row.count;
    byPerson.set(row.userId, counts);
  }
  return [...byPerson.values()].sort((a, b) => b.total - a.total || a.userId.localeCompare(b.userId));
}
