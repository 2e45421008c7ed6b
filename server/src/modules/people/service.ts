import { isUuid } from '../../core/ids.ts';
import type { ServiceContext } from '../../core/context.ts';
import { badInput, DomainError, forbidden, notFound } from '../../core/errors.ts';
import * as accounts from '../accounts/service.ts';
import { requireViewer } from '../accounts/service.ts';
import * as networks from '../networks/service.ts';
import {
  normaliseSkill,
  SKILL_MAX_LENGTH,
  textLength,
  validProfileChanges,
  type ProfileInput,
} from './profile-input.ts';
import * as repo from './repository.ts';
import type { NetworkRole, OrganisationSize, PersonRow, ProfileVisibility, SupportCategory } from './repository.ts';

export type { OrganisationSize, ProfileVisibility, SupportCategory };
export type { ProfileInput };

/** A person as one viewer may see them: details they may not see are null or empty. */
export interface PersonView {
  id: string;
  name: string;
  pronouns: string | null;
  bio: string | null;
  organisation: string | null;
  organisationSize: OrganisationSize | null;
  sector: string | null;
  roleTitle: string | null;
  isDigitalLead: boolean | null;
  isMentor: boolean | null;
  skills: string[];
  supportNeeds: SupportCategory[];
  /** Shown to the person themself only. */
  visibility: ProfileVisibility | null;
}

export interface MemberView {
  person: PersonView;
  role: NetworkRole;
  joinedAt: Date;
  cursor: string;
}

export interface MemberPage {
  members: MemberView[];
  hasNextPage: boolean;
  /** How many members match in all; counted only when asked for, since it reads every match. */
  total: () => Promise<number>;
}

export const PAGE_SIZE = { default: 20, max: 50 };

/** Who may see a person's details: themself always; others as the person's visibility allows. */
export function maySeeDetails(viewerId: string | null, person: Pick<PersonRow, 'id' | 'visibility' | 'sharesNetwork'>) {
  if (viewerId === person.id) return true;
  if (person.visibility === 'PUBLIC') return true;
  return person.visibility === 'MEMBERS' && viewerId !== null && person.sharesNetwork;
}

export function toView(viewerId: string | null, person: PersonRow): PersonView {
  const own = viewerId === person.id;
  if (!maySeeDetails(viewerId, person)) {
    return {
      id: person.id,
      name: person.name,
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
    };
  }
  return {
    id: person.id,
    name: person.name,
    pronouns: person.pronouns,
    bio: person.bio,
    organisation: person.organisation,
    organisationSize: person.organisationSize,
    sector: person.sector,
    roleTitle: person.roleTitle,
    isDigitalLead: person.isDigitalLead,
    isMentor: person.isMentor,
    skills: person.skills,
    supportNeeds: person.supportNeeds,
    visibility: own ? person.visibility : null,
  };
}

/** The people with these ids as the viewer may see them, in one statement; for loaders. */
export async function peopleByIds(ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, PersonView>> {
  const valid = [...new Set(ids.filter(isUuid))];
  const viewerId = ctx.viewer?.userId ?? null;
  const rows = await repo.getPeople(ctx.db, valid, viewerId);
  return new Map(rows.map((row) => [row.id, toView(viewerId, row)]));
}

export async function getPerson(ctx: ServiceContext, id: string): Promise<PersonView | null> {
  return (await peopleByIds(ctx, [id])).get(id) ?? null;
}

// Profile changes.

/** Changes the viewer's profile (made on first use) and returns it as they see it. */
export async function updateProfile(ctx: ServiceContext, input: ProfileInput): Promise<PersonView> {
  const viewer = requireViewer(ctx);
  const changes = validProfileChanges(input);
  if (input.name !== undefined) accounts.validName(input.name ?? '');
  await ctx.db.transaction().execute(async (trx) => {
    const inTransaction = { ...ctx, db: trx };
    if (!(await accounts.lockAccount(inTransaction, viewer.userId))) throw notFound('Your account no longer exists.');
    if (input.name !== undefined) await accounts.renameUser(inTransaction, viewer.userId, input.name ?? '');
    await repo.upsertProfile(trx, viewer.userId, changes, ctx.clock.now());
  });
  const person = await getPerson(ctx, viewer.userId);
  if (!person) throw notFound('Your account no longer exists.');
  return person;
}

// The member directory.

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
  const search = raw?.trim() ?? '';
  if (textLength(search) > SEARCH_MAX_LENGTH) {
    throw badInput('search', `Use ${SEARCH_MAX_LENGTH} characters or fewer to search.`);
  }
  const words = search.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((word) => word.toLowerCase()))].slice(0, SEARCH_MAX_WORDS);
}

export function encodeMemberCursor(joinedAtKey: string, userId: string): string {
  return Buffer.from(`m:${joinedAtKey}|${userId}`).toString('base64url');
}

const MEMBER_CURSOR = /^m:(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6})\|([0-9a-f-]{36})$/;

function decodeMemberCursor(cursor: string): { joinedAtKey: string; userId: string } {
  const match = MEMBER_CURSOR.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match || !isUuid(match[2]!) || Number.isNaN(Date.parse(`${match[1]}Z`))) {
    throw badInput('after', 'That cursor is not one this list gave out; start from the first page.');
  }
  return { joinedAtKey: match[1]!, userId: match[2]! };
}

export interface MemberListArgs {
  filter?: MemberFilterInput | null;
  first?: number | null;
  after?: string | null;
}

function memberListQuery(networkIds: readonly string[], args: MemberListArgs): repo.MemberListQuery {
  const first = args.first ?? PAGE_SIZE.default;
  if (!Number.isInteger(first) || first < 1 || first > PAGE_SIZE.max) {
    throw badInput('first', `Ask for between 1 and ${PAGE_SIZE.max} members at a time.`);
  }
  const filter = args.filter ?? {};
  const skill = filter.skill == null ? null : normaliseSkill(filter.skill);
  if (skill !== null && textLength(skill) > SKILL_MAX_LENGTH) {
    throw badInput('skill', `Skills are at most ${SKILL_MAX_LENGTH} characters.`);
  }
  return {
    networkIds,
    role: filter.role ?? null,
    isMentor: filter.isMentor ?? null,
    isDigitalLead: filter.isDigitalLead ?? null,
    skill: skill || null,
    supportCategory: filter.supportCategory ?? null,
    searchWords: searchWords(filter.search),
    after: args.after ? decodeMemberCursor(args.after) : null,
    limit: first,
  };
}

const NOT_A_MEMBER = "Only this network's members can see who its members are.";

/**
 * A page of members for each of these networks, with the same filters, in one statement (and
 * one more for the totals, if asked for). Only a network's active members may list it: for any
 * other network the answer is a FORBIDDEN error in that network's place.
 */
export async function listMembersOfNetworks(
  ctx: ServiceContext,
  networkIds: readonly string[],
  args: MemberListArgs,
): Promise<Map<string, MemberPage | DomainError>> {
  const viewer = requireViewer(ctx);
  const candidates = [...new Set(networkIds.filter(isUuid))];
  const query = memberListQuery(candidates, args);
  const roles = await networks.rolesOfViewer(ctx, candidates);
  const allowed = candidates.filter((id) => roles.has(id));
  const rows = await repo.listMembers(ctx.db, { ...query, networkIds: allowed });

  const rowsByNetwork = Map.groupBy(rows, (row) => row.networkId);
  let totals: Promise<Map<string, number>> | null = null;
  const countAll = () => (totals ??= repo.countMembers(ctx.db, { ...query, networkIds: allowed }));
  const pages = new Map<string, MemberPage | DomainError>();
  for (const id of networkIds) {
    if (!roles.has(id)) {
      pages.set(id, forbidden(NOT_A_MEMBER));
      continue;
    }
    const ofNetwork = rowsByNetwork.get(id) ?? [];
    pages.set(id, {
      members: ofNetwork.slice(0, query.limit).map((row) => ({
        person: toView(viewer.userId, row),
        role: row.role,
        joinedAt: row.joinedAt,
        cursor: encodeMemberCursor(row.joinedAtKey, row.id),
      })),
      hasNextPage: ofNetwork.length > query.limit,
      total: async () => (await countAll()).get(id) ?? 0,
    });
  }
  return pages;
}

/** One page of a network's members; see listMembersOfNetworks. */
export async function listMembers(ctx: ServiceContext, networkId: string, args: MemberListArgs): Promise<MemberPage> {
  const page = (await listMembersOfNetworks(ctx, [networkId], args)).get(networkId)!;
  if (page instanceof DomainError) throw page;
  return page;
}

// The person's own data: export and erasure.

/** Everything Hearth holds about the viewer, as a JSON document. */
export async function exportMyData(ctx: ServiceContext): Promise<string> {
  const viewer = requireViewer(ctx);
  const [held, profile, { memberships, lifecycleNotes }] = await Promise.all([
    accounts.accountForExport(ctx, viewer.userId),
    repo.getProfileForExport(ctx.db, viewer.userId),
    networks.networkDataForExport(ctx, viewer.userId),
  ]);
  if (!held) throw notFound('Your account no longer exists.');
  const document = {
    exportedAt: ctx.clock.now(),
    account: held.account,
    profile: profile ?? null,
    memberships,
    lifecycleNotes,
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
  const deleted = await ctx.db.transaction().execute(async (trx) => {
    const inTransaction = { ...ctx, db: trx };
    await networks.ensureNotLastStewardAnywhere(inTransaction, viewer.userId);
    return accounts.deleteUser(inTransaction, viewer.userId);
  });
  if (deleted) await accounts.announceAccountDeleted(ctx, viewer.userId);
  return deleted;
}
