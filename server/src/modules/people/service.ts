import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from '../../core/connection.ts';
import { transaction, type ServiceContext } from '../../core/context.ts';
import { badInput, checkFields, DomainError, notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import type { ReportableSubject } from '../../core/reportable.ts';
import { searchText, textLength } from '../../core/text.ts';
import * as accounts from '../accounts/service.ts';
import * as events from '../events/service.ts';
import { requireViewer } from '../accounts/service.ts';
import * as files from '../files/service.ts';
import * as library from '../library/service.ts';
import * as lifecycle from '../lifecycle/service.ts';
import * as memberships from '../memberships/service.ts';
import * as mentoring from '../mentoring/service.ts';
import * as notifications from '../notifications/service.ts';
import * as safety from '../safety/service.ts';
import * as venues from '../venues/service.ts';
import type { MemberRow, NetworkRole } from '../memberships/service.ts';
import {
  checkedSkills,
  normaliseSkill,
  SKILL_MAX_LENGTH,
  validProfileChanges,
  type ProfileInput,
} from './profile-input.ts';

/** Skills checked and normalised as profiles keep them, for other modules that list skills. */
export { checkedSkills };
export type { SkillList } from './repository.ts';
import * as repo from './repository.ts';
import type { OrganisationSize, PersonRow, ProfileFields, ProfileVisibility, SupportCategory } from './repository.ts';

export type { OrganisationSize, ProfileVisibility, SupportCategory };
export type { ProfileInput };

/**
 * A person as one viewer may see them: details they may not see are null or empty, and the
 * visibility setting is shown to the person themself only.
 */
export type PersonView = Pick<PersonRow, 'id' | 'name' | 'skills' | 'supportNeeds'> & {
  [Field in Exclude<keyof ProfileFields, 'skills' | 'supportNeeds'>]: ProfileFields[Field] | null;
};

/** What a viewer sees of someone whose details are kept from them: the name alone. */
const HIDDEN_DETAILS = {
  pronouns: null,
  bio: null,
  organisation: null,
  organisationSize: null,
  sector: null,
  roleTitle: null,
  isDigitalLead: null,
  isMentor: null,
  skills: [],
  supportNeeds: [],
  visibility: null,
} as const satisfies Omit<PersonView, 'id' | 'name'>;

/** Who may see a person's details: themself always; others as the person's visibility allows. */
function maySeeDetails(viewerId: string | null, person: Pick<PersonRow, 'id' | 'visibility' | 'sharesNetwork'>) {
  if (viewerId === person.id) return true;
  if (person.visibility === 'PUBLIC') return true;
  return person.visibility === 'MEMBERS' && viewerId !== null && person.sharesNetwork;
}

function toView(viewerId: string | null, person: PersonRow): PersonView {
  if (!maySeeDetails(viewerId, person)) return { id: person.id, name: person.name, ...HIDDEN_DETAILS };
  const { sharesNetwork: _shares, visibility, ...shown } = person;
  return { ...shown, visibility: viewerId === person.id ? visibility : null };
}

/** The people with these ids as the viewer may see them, in one statement; for loaders. */
export async function peopleByIds(ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, PersonView>> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (valid.length === 0) return new Map();
  const viewerId = ctx.viewer?.userId ?? null;
  const rows = await repo.getPeople(
    ctx.db,
    accounts.namedPeople(ctx, valid),
    viewerId === null ? null : memberships.sharesNetworkWith(viewerId),
  );
  return new Map(rows.map((row) => [row.id, toView(viewerId, row)]));
}

export async function getPerson(ctx: ServiceContext, id: string): Promise<PersonView | null> {
  return (await peopleByIds(ctx, [id])).get(id) ?? null;
}

/**
 * A person as the safety module keeps them with a report about them: their name, and their
 * profile as the reporter sees it (pronouns, bio, organisation, role title, skills, a line each).
 * Null when the viewer cannot see them: no such person, or one who shares no network with the
 * viewer and whose profile is not visible to them. The safety module decides where it goes.
 */
export async function reportablePerson(ctx: ServiceContext, personId: string): Promise<ReportableSubject | null> {
  const viewerId = ctx.viewer?.userId ?? null;
  if (!isUuid(personId)) return null;
  const [row] = await repo.getPeople(
    ctx.db,
    accounts.namedPeople(ctx, [personId]),
    viewerId === null ? null : memberships.sharesNetworkWith(viewerId),
  );
  if (!row || !(row.sharesNetwork || maySeeDetails(viewerId, row))) return null;
  const person = toView(viewerId, row);
  const lines = [person.pronouns, person.bio, person.organisation, person.roleTitle, person.skills.join(', ')];
  return {
    networkId: null,
    personId: person.id,
    snapshot: {
      title: person.name,
      text: lines
        .filter((line): line is string => line !== null && line.trim() !== '')
        .join('\n')
        .slice(0, 20_000),
      path: `/people/${person.id}`,
    },
  };
}

// Profile changes.

/**
 * Marks whether a person offers mentoring. Only the mentoring module calls this, inside the
 * transaction that writes the offer, so the profile's flag always says what the offers say.
 * The account is locked first, as updateProfile does: taking the two rows in the other order
 * deadlocked against a profile edit made at the same moment.
 */
export async function setMentorFlag(ctx: ServiceContext, userId: string, isMentor: boolean): Promise<void> {
  await accounts.lockAccount(ctx, userId);
  await repo.upsertProfile(ctx.db, userId, { isMentor }, ctx.clock.now());
}

/** Changes the viewer's profile (made on first use) and returns it as they see it. */
export async function updateProfile(ctx: ServiceContext, input: ProfileInput): Promise<PersonView> {
  const viewer = requireViewer(ctx);
  // The name first, as the form shows it; then every other field, all reported together.
  const { changes } = checkFields({
    name: () => input.name !== undefined && accounts.validName(input.name ?? ''),
    changes: () => validProfileChanges(input),
  });
  await transaction(ctx, async (tx) => {
    if (!(await accounts.lockAccount(tx, viewer.userId))) throw notFound('Your account no longer exists.');
    if (input.name !== undefined) await accounts.renameUser(tx, viewer.userId, input.name ?? '');
    await repo.upsertProfile(tx.db, viewer.userId, changes, ctx.clock.now());
  });
  const person = await getPerson(ctx, viewer.userId);
  if (!person) throw notFound('Your account no longer exists.');
  return person;
}

// The member directory: the memberships module lists who belongs; this module says which
// people the profile filters let through, and shows each as the viewer may see them.

export interface MemberFilterInput {
  role?: NetworkRole | null;
  isMentor?: boolean | null;
  isDigitalLead?: boolean | null;
  skill?: string | null;
  supportCategory?: SupportCategory | null;
  search?: string | null;
}

const SEARCH_MAX_LENGTH = 100;
const SEARCH_MAX_WORDS = 6;

/**
 * The words to look for: runs of letters and digits, as the database's own parser splits text,
 * so punctuation never reaches the query. Each must start a word of the person's details.
 */
function searchWords(raw: string | null | undefined): string[] {
  const search = searchText('search', raw, SEARCH_MAX_LENGTH) ?? '';
  const words = search.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((word) => word.toLowerCase()))].slice(0, SEARCH_MAX_WORDS);
}

/** What a member's edge holds; the person is loaded for the whole page at once (Member.person). */
export type MemberModel = MemberRow;

export interface MemberListArgs {
  filter?: MemberFilterInput | null;
  first?: number | null;
  after?: string | null;
}

const MEMBER_CURSOR_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
const isJoinedAtKey = (value: unknown): value is string =>
  typeof value === 'string' && MEMBER_CURSOR_KEY.test(value) && !Number.isNaN(Date.parse(`${value}Z`));
const isUuidText = (value: unknown): value is string => typeof value === 'string' && isUuid(value);

function memberPageQuery(args: MemberListArgs): memberships.MemberPageQuery {
  const limit = pageSize(args.first, 'members');
  const filter = args.filter ?? {};
  const skill = filter.skill == null ? null : normaliseSkill(filter.skill);
  if (skill !== null && textLength(skill) > SKILL_MAX_LENGTH) {
    throw badInput('skill', `Skills are at most ${SKILL_MAX_LENGTH} characters.`);
  }
  const after = args.after ? decodeCursor('members', args.after, [isJoinedAtKey, isUuidText]) : null;
  return {
    role: filter.role ?? null,
    personMatches: repo.personMatches({
      isMentor: filter.isMentor ?? null,
      isDigitalLead: filter.isDigitalLead ?? null,
      skill: skill || null,
      supportCategory: filter.supportCategory ?? null,
      searchWords: searchWords(filter.search),
    }),
    after: after && { joinedAtKey: after[0], userId: after[1] },
    limit,
  };
}

/**
 * A page of members for each of these networks, with the same filters, in one statement (and
 * one more for the totals, if asked for). Only a network's active members may list it: for any
 * other network the answer is a FORBIDDEN error in that network's place.
 */
export async function listMembersOfNetworks(
  ctx: ServiceContext,
  networkIds: readonly string[],
  args: MemberListArgs,
): Promise<Map<string, Connection<MemberModel> | DomainError>> {
  requireViewer(ctx);
  const query = memberPageQuery(args);
  const { pages, totals } = await memberships.memberPages(ctx, networkIds, query);
  const connections = new Map<string, Connection<MemberModel> | DomainError>();
  for (const [networkId, page] of pages) {
    connections.set(
      networkId,
      page instanceof DomainError
        ? page
        : toConnection(
            page,
            query.limit,
            (row) => ({ cursor: encodeCursor('members', [row.joinedAtKey, row.userId]), node: row }),
            async () => (await totals()).get(networkId) ?? 0,
          ),
    );
  }
  return connections;
}

/** One member of a network for each (network, person) pair: see memberships.membersByPair. */
export function membersByPair(
  ctx: ServiceContext,
  pairs: ReadonlyArray<{ networkId: string; userId: string }>,
): Promise<Array<MemberModel | DomainError | null>> {
  return memberships.membersByPair(ctx, pairs);
}

/**
 * Whether email to each member is failing, for the viewer to see where they are a steward of the
 * member's network; null elsewhere. Two statements however many members (roles are memoised).
 */
export async function emailFailingOfMembers(
  ctx: ServiceContext,
  members: readonly MemberModel[],
): Promise<Array<boolean | null>> {
  if (!ctx.viewer) return members.map(() => null);
  const roles = await memberships.rolesOfViewer(ctx, [...new Set(members.map((member) => member.networkId))]);
  const stewarded = members.filter((member) => roles.get(member.networkId) === 'STEWARD');
  const failing = await notifications.failingAddressesOf(ctx, [...new Set(stewarded.map((member) => member.userId))]);
  return members.map((member) => (roles.get(member.networkId) === 'STEWARD' ? failing.has(member.userId) : null));
}

// The person's own data: export and erasure.

/** Everything Hearth holds about the viewer, as a JSON document. */
export async function exportMyData(ctx: ServiceContext): Promise<string> {
  const viewer = requireViewer(ctx);
  const [
    held,
    profile,
    membershipList,
    lifecycleNotes,
    notificationData,
    mentoringData,
    venuesHeld,
    eventData,
    libraryData,
    joinRequests,
    safetyData,
  ] = await Promise.all([
    accounts.accountForExport(ctx, viewer.userId),
    repo.getProfileForExport(ctx.db, viewer.userId),
    memberships.membershipsForExport(ctx, viewer.userId),
    lifecycle.notesForExport(ctx, viewer.userId),
    notifications.notificationsForExport(ctx, viewer.userId),
    mentoring.mentoringForExport(ctx, viewer.userId),
    venues.venuesForExport(ctx, viewer.userId),
    events.eventsForExport(ctx, viewer.userId),
    library.libraryForExport(ctx, viewer.userId),
    memberships.joinRequestsForExport(ctx, viewer.userId),
    safety.safetyForExport(ctx, viewer.userId),
  ]);
  if (!held) throw notFound('Your account no longer exists.');
  const document = {
    exportedAt: ctx.clock.now(),
    account: held.account,
    profile: profile ?? null,
    memberships: membershipList,
    joinRequests,
    lifecycleNotes,
    notifications: notificationData,
    mentoring: mentoringData,
    venues: venuesHeld,
    events: eventData,
    library: libraryData,
    safety: safetyData,
    sessions: held.sessions.map(({ id, ...session }) => ({ ...session, current: id === viewer.sessionId })),
  };
  return JSON.stringify(document, null, 2);
}

/**
 * Deletes the viewer's account once their password checks out: the database erases their
 * profile, memberships and sessions with it, and keeps their lifecycle notes without an author.
 * Refused while they are the last steward of a network.
 */
export async function deleteMyAccount(ctx: ServiceContext, password: string): Promise<boolean> {
  const viewer = requireViewer(ctx);
  await accounts.confirmPassword(ctx, password);
  const { deleted, released } = await transaction(ctx, async (tx) => {
    await memberships.ensureNotLastStewardAnywhere(tx, viewer.userId);
    // Seats first: each one freed goes to the next person waiting, as when the person gives it up.
    const released = await events.releaseSeatsOf(tx, viewer.userId);
    await library.eraseDraftsOf(tx, viewer.userId);
    // Then their uploads that no item holds any more (a published template's file stays).
    await files.eraseUnattachedFilesOf(tx, viewer.userId, library.attachedFiles);
    // Reports about them keep the fact, not their profile; those they made stay without their name.
    await safety.forgetReportedPerson(tx, viewer.userId);
    return { deleted: await accounts.deleteUser(tx, viewer.userId), released };
  });
  if (deleted) {
    await accounts.announceAccountDeleted(ctx, viewer.userId);
    await events.announceReleasedSeats(ctx, released);
  }
  return deleted;
}
