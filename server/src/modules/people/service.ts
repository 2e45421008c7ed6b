import { verifyPassword } from '../../auth/passwords.ts';
import type { ServiceContext } from '../../graphql/context.ts';
import { badInput, conflict, forbidden, notFound } from '../../graphql/errors.ts';
import { requireViewer } from '../accounts/service.ts';
import { rolesOfViewer } from '../networks/service.ts';
import * as repo from './repository.ts';
import type {
  NetworkRole,
  OrganisationSize,
  PersonRow,
  ProfileChanges,
  ProfileVisibility,
  SupportCategory,
} from './repository.ts';

export type { OrganisationSize, ProfileVisibility, SupportCategory };

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
  total: number;
}

export const PAGE_SIZE = { default: 20, max: 50 };

/** The eight kinds of support, in DOMAIN.md's order. */
export const SUPPORT_CATEGORIES: readonly SupportCategory[] = [
  'QUICK_TIP',
  'SHORT_TERM_SKILLS',
  'EXPANDING_POSSIBILITY',
  'LONG_TERM_SKILLS',
  'HANDS_ON_SUPPORT',
  'PERSONAL_VALIDATION',
  'RISK_MITIGATION',
  'UNIQUE_PERSPECTIVES',
];
const ORGANISATION_SIZES: readonly OrganisationSize[] = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'];
const VISIBILITIES: readonly ProfileVisibility[] = ['PUBLIC', 'MEMBERS', 'PRIVATE'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const LINE_BREAKS_OR_CONTROL = /[\u0000-\u001f\u007f]/;

const length = (text: string) => [...text].length;

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
  const valid = [...new Set(ids.filter((id) => UUID.test(id)))];
  const viewerId = ctx.viewer?.userId ?? null;
  const rows = await repo.getPeople(ctx.db, valid, viewerId);
  return new Map(rows.map((row) => [row.id, toView(viewerId, row)]));
}

export async function getPerson(ctx: ServiceContext, id: string): Promise<PersonView | null> {
  return (await peopleByIds(ctx, [id])).get(id) ?? null;
}

// Profile changes.

export interface ProfileInput {
  name?: string | null;
  pronouns?: string | null;
  bio?: string | null;
  organisation?: string | null;
  organisationSize?: OrganisationSize | null;
  sector?: string | null;
  roleTitle?: string | null;
  isDigitalLead?: boolean | null;
  isMentor?: boolean | null;
  skills?: readonly string[] | null;
  supportNeeds?: readonly SupportCategory[] | null;
  visibility?: ProfileVisibility | null;
}

const TEXT_LIMITS = {
  pronouns: { max: 40, label: 'pronouns', multiline: false },
  bio: { max: 2000, label: 'bio', multiline: true },
  organisation: { max: 120, label: 'organisation', multiline: false },
  sector: { max: 80, label: 'sector', multiline: false },
  roleTitle: { max: 120, label: 'role title', multiline: false },
} as const;

type TextField = keyof typeof TEXT_LIMITS;

/** An optional text: undefined stays unchanged, null or blank clears it. */
function optionalText(field: TextField, raw: string | null | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null) return null;
  const { max, label, multiline } = TEXT_LIMITS[field];
  const value = multiline ? raw.trim() : raw.trim().replace(/\s+/g, ' ');
  if (value === '') return null;
  if (length(value) > max)
    throw badInput(field, `Keep the ${label} to ${max.toLocaleString('en-GB')} characters or fewer.`);
  if ((multiline ? CONTROL_CHARACTERS : LINE_BREAKS_OR_CONTROL).test(value)) {
    throw badInput(field, `Use letters, numbers and punctuation only in the ${label}.`);
  }
  return value;
}

export const SKILLS_MAX = 20;
export const SKILL_MAX_LENGTH = 40;

/** A skill tag as stored: trimmed, single-spaced, lower case. */
export function normaliseSkill(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Skills normalised, blanks and duplicates dropped, first-given order kept. */
export function normaliseSkills(raw: readonly string[]): string[] {
  const skills: string[] = [];
  for (const item of raw) {
    const skill = normaliseSkill(item);
    if (skill === '' || skills.includes(skill)) continue;
    if (length(skill) > SKILL_MAX_LENGTH) {
      throw badInput(
        'skills',
        `Keep each skill to ${SKILL_MAX_LENGTH} characters or fewer ("${[...skill].slice(0, 20).join('')}…" is longer).`,
      );
    }
    if (LINE_BREAKS_OR_CONTROL.test(skill))
      throw badInput('skills', 'Use letters, numbers and punctuation only in skills.');
    skills.push(skill);
  }
  if (skills.length > SKILLS_MAX) throw badInput('skills', `List at most ${SKILLS_MAX} skills.`);
  return skills;
}

function validName(raw: string | null): string {
  const name = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (name === '') throw badInput('name', 'Enter the name you want to be shown by.');
  if (length(name) > 100) throw badInput('name', 'Use a name of at most 100 characters.');
  if (LINE_BREAKS_OR_CONTROL.test(name)) throw badInput('name', 'Use letters, numbers and punctuation only.');
  return name;
}

function validChanges(input: ProfileInput): { name: string | undefined; changes: ProfileChanges } {
  const changes: ProfileChanges = {};
  for (const field of Object.keys(TEXT_LIMITS) as TextField[]) {
    const value = optionalText(field, input[field]);
    if (value !== undefined) changes[field] = value;
  }
  if (input.organisationSize !== undefined) {
    if (input.organisationSize !== null && !ORGANISATION_SIZES.includes(input.organisationSize)) {
      throw badInput('organisationSize', 'Choose MICRO, SMALL, MEDIUM or LARGE.');
    }
    changes.organisationSize = input.organisationSize;
  }
  if (input.isDigitalLead !== undefined && input.isDigitalLead !== null) changes.isDigitalLead = input.isDigitalLead;
  if (input.isMentor !== undefined && input.isMentor !== null) changes.isMentor = input.isMentor;
  if (input.skills !== undefined && input.skills !== null) changes.skills = normaliseSkills(input.skills);
  if (input.supportNeeds !== undefined && input.supportNeeds !== null) {
    const needs = [...new Set(input.supportNeeds)];
    if (needs.some((need) => !SUPPORT_CATEGORIES.includes(need))) {
      throw badInput('supportNeeds', 'Choose support needs from the eight support categories.');
    }
    changes.supportNeeds = needs;
  }
  if (input.visibility !== undefined && input.visibility !== null) {
    if (!VISIBILITIES.includes(input.visibility)) throw badInput('visibility', 'Choose PUBLIC, MEMBERS or PRIVATE.');
    changes.visibility = input.visibility;
  }
  const name = input.name === undefined ? undefined : validName(input.name);
  return { name, changes };
}

/** Changes the viewer's profile (made on first use) and returns it as they see it. */
export async function updateProfile(ctx: ServiceContext, input: ProfileInput): Promise<PersonView> {
  const viewer = requireViewer(ctx);
  const { name, changes } = validChanges(input);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (name !== undefined) await repo.setUserName(trx, viewer.userId, name, now);
    await repo.upsertProfile(trx, viewer.userId, changes, now);
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

function searchPatterns(raw: string | null | undefined): string[] {
  const search = raw?.trim() ?? '';
  if (length(search) > SEARCH_MAX_LENGTH) {
    throw badInput('search', `Use ${SEARCH_MAX_LENGTH} characters or fewer to search.`);
  }
  const words = [...new Set(search.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, SEARCH_MAX_WORDS);
  return words.map((word) => `%${word.replace(/[\\%_]/g, '\\$&')}%`);
}

export function encodeMemberCursor(joinedAtKey: string, userId: string): string {
  return Buffer.from(`m:${joinedAtKey}|${userId}`).toString('base64url');
}

const MEMBER_CURSOR = /^m:(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6})\|([0-9a-f-]{36})$/;

function decodeMemberCursor(cursor: string): { joinedAtKey: string; userId: string } {
  const match = MEMBER_CURSOR.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match || !UUID.test(match[2]!) || Number.isNaN(Date.parse(`${match[1]}Z`))) {
    throw badInput('after', 'That cursor is not one this list gave out; start from the first page.');
  }
  return { joinedAtKey: match[1]!, userId: match[2]! };
}

/** One page of a network's members. Only its active members may list them. */
export async function listMembers(
  ctx: ServiceContext,
  networkId: string,
  args: { filter?: MemberFilterInput | null; first?: number | null; after?: string | null },
): Promise<MemberPage> {
  const viewer = requireViewer(ctx);
  const first = args.first ?? PAGE_SIZE.default;
  if (!Number.isInteger(first) || first < 1 || first > PAGE_SIZE.max) {
    throw badInput('first', `Ask for between 1 and ${PAGE_SIZE.max} members at a time.`);
  }
  const filter = args.filter ?? {};
  const skill = filter.skill == null ? null : normaliseSkill(filter.skill);
  if (skill !== null && length(skill) > SKILL_MAX_LENGTH) {
    throw badInput('skill', `Skills are at most ${SKILL_MAX_LENGTH} characters.`);
  }
  const query: repo.MemberListQuery = {
    networkId,
    viewerId: viewer.userId,
    role: filter.role ?? null,
    isMentor: filter.isMentor ?? null,
    isDigitalLead: filter.isDigitalLead ?? null,
    skill: skill || null,
    supportCategory: filter.supportCategory ?? null,
    searchPatterns: searchPatterns(filter.search),
    after: args.after ? decodeMemberCursor(args.after) : null,
    limit: first,
  };
  const roles = UUID.test(networkId) ? await rolesOfViewer(ctx, [networkId]) : new Map<string, NetworkRole>();
  if (!roles.has(networkId)) throw forbidden("Only this network's members can see who its members are.");

  const [rows, total] = await Promise.all([repo.listMembers(ctx.db, query), repo.countMembers(ctx.db, query)]);
  const members = rows.slice(0, first).map((row) => ({
    person: toView(viewer.userId, row),
    role: row.role,
    joinedAt: row.joinedAt,
    cursor: encodeMemberCursor(row.joinedAtKey, row.id),
  }));
  return { members, hasNextPage: rows.length > first, total };
}

// The person's own data: export and erasure.

/** Everything Hearth holds about the viewer, as a JSON document. */
export async function exportMyData(ctx: ServiceContext): Promise<string> {
  const viewer = requireViewer(ctx);
  const [account, profile, memberships, lifecycleNotes, sessions] = await Promise.all([
    repo.getAccountForExport(ctx.db, viewer.userId),
    repo.getProfileForExport(ctx.db, viewer.userId),
    repo.getMembershipsForExport(ctx.db, viewer.userId),
    repo.getLifecycleNotesForExport(ctx.db, viewer.userId),
    repo.getSessionsForExport(ctx.db, viewer.userId),
  ]);
  if (!account) throw notFound('Your account no longer exists.');
  const document = {
    exportedAt: ctx.clock.now(),
    account,
    profile: profile ?? null,
    memberships,
    lifecycleNotes,
    sessions: sessions.map(({ id, ...session }) => ({ ...session, current: id === viewer.sessionId })),
  };
  return JSON.stringify(document, null, 2);
}

/**
 * Deletes the viewer's account once their password checks out. Refused while they are the last
 * steward of a network; the stewarded networks stay locked until the deletion commits, so a
 * concurrent demotion or leaving cannot leave a network without a steward.
 */
export async function deleteMyAccount(ctx: ServiceContext, password: string): Promise<boolean> {
  const viewer = requireViewer(ctx);
  if (password === '') throw badInput('password', 'Enter your password to confirm.');
  const hash = await repo.getPasswordHash(ctx.db, viewer.userId);
  if (!hash || !(await verifyPassword(hash, password))) {
    throw badInput('password', 'That password is not right. Enter the password you sign in with.');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const stewarded = await repo.lockStewardedNetworks(trx, viewer.userId);
    const sole = stewarded.filter((network) => network.stewards <= 1).map((network) => network.name);
    if (sole.length > 0) {
      throw conflict(
        `You are the last steward of ${listInWords(sole)}. Make another member a steward of ${sole.length === 1 ? 'it' : 'each'} first, then delete your account.`,
      );
    }
    return repo.deleteUser(trx, viewer.userId);
  });
}

function listInWords(names: readonly string[]): string {
  const quoted = names.map((name) => `“${name}”`);
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
