// Writing items: a case study, template or tip starts as a draft in one of the writer's networks;
// every edit makes a new version, and older ones stay readable. Every field at fault is named at once.
import { isDeepStrictEqual } from 'node:util';
import { transaction, type ServiceContext } from '../../core/context.ts';
import { conflict, forbidden, InputProblems, notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import { cleanText } from '../../core/text.ts';
import { requireViewer } from '../accounts/service.ts';
import * as events from '../events/service.ts';
import * as files from '../files/service.ts';
import * as memberships from '../memberships/service.ts';
import type { OrganisationSize, SupportCategory } from '../people/service.ts';
import { accessTo, standingIn } from './access.ts';
import * as repo from './repository.ts';
import type {
  LibraryAudience,
  LibraryItemFields,
  LibraryItemKind,
  LibraryItemRecord,
  LibrarySector,
} from './repository.ts';
import { CASE_STUDY_SECTIONS, libraryBodyText, type CaseStudyContent } from './text.ts';

export const TITLE_MAX = 120;
export const SUMMARY_MAX = 300;
export const SECTION_MAX = 5000;
export const COST_MAX = 1000;
export const DURATION_MAX = 200;
export const ORG_NAME_MAX = 120;
export const TEMPLATE_BODY_MAX = 20_000;
export const TIP_BODY_MAX = 3000;
export const TOOLS_MAX = 10;
export const TOOL_MAX = 40;
export const CATEGORIES_MAX = 8;

interface TagsInput {
  audience?: LibraryAudience | null;
  title: string;
  summary: string;
  categories: readonly SupportCategory[];
  sector?: LibrarySector | null;
  orgSize?: OrganisationSize | null;
  tools: readonly string[];
}

export interface CaseStudyInput extends TagsInput {
  networkId: string;
  orgName?: string | null;
  problem: string;
  approach: string;
  cost: string;
  duration: string;
  outcome: string;
  evidence: string;
  differently: string;
  happyToTalk: boolean;
  eventId?: string | null;
}

export interface TemplateInput extends TagsInput {
  networkId: string;
  body: string;
  fileId?: string | null;
}

export interface TipInput extends TagsInput {
  networkId: string;
  body: string;
}

/** A change: only the fields given change. */
export type ItemChanges = Partial<{
  [Field in keyof (TagsInput & Omit<CaseStudyInput, 'networkId' | 'eventId'> & { body: string; fileId: string })]:
    (TagsInput & CaseStudyInput & { body: string; fileId: string })[Field] | null;
}>;

const SECTION_LIMITS: Record<(typeof CASE_STUDY_SECTIONS)[number]['key'], number> = {
  problem: SECTION_MAX,
  approach: SECTION_MAX,
  cost: COST_MAX,
  duration: DURATION_MAX,
  outcome: SECTION_MAX,
  evidence: SECTION_MAX,
  differently: SECTION_MAX,
};
/** A manager cannot trust a case study without these. */
const REQUIRED_SECTIONS: Partial<Record<keyof CaseStudyContent, string>> = {
  problem: 'Say what problem the organisation faced.',
  approach: 'Say what they tried.',
  outcome: 'Say what came of it, even if it did not work.',
};

/** The tools as written, trimmed, each once (letter case aside), in the order given. */
function checkedTools(problems: InputProblems, raw: readonly string[]): string[] {
  const tools: string[] = [];
  for (const tool of raw) {
    const value = problems.check(() => cleanText('tools', tool, { label: 'tool names', max: TOOL_MAX }));
    if (value && !tools.some((kept) => kept.toLowerCase() === value.toLowerCase())) tools.push(value);
  }
  if (tools.length > TOOLS_MAX) problems.add('tools', `Name up to ${TOOLS_MAX} tools.`);
  return tools;
}

function checkedTags(problems: InputProblems, input: TagsInput) {
  const title = problems.check(() =>
    cleanText('title', input.title, { label: 'title', max: TITLE_MAX, required: 'Give it a title.' }),
  );
  const summary = problems.check(() =>
    cleanText('summary', input.summary, {
      label: 'summary',
      max: SUMMARY_MAX,
      required: 'Say in a sentence or two what it is and why it matters.',
    }),
  );
  const categories = [...new Set(input.categories)];
  if (categories.length === 0) problems.add('categories', 'Choose at least one kind of support it helps with.');
  if (categories.length > CATEGORIES_MAX)
    problems.add('categories', `Choose up to ${CATEGORIES_MAX} kinds of support.`);
  return {
    audience: input.audience ?? 'NETWORK',
    title: title ?? '',
    summary: summary ?? '',
    categories,
    sector: input.sector ?? null,
    orgSize: input.orgSize ?? null,
    tools: checkedTools(problems, input.tools),
  };
}

function checkedCaseStudy(problems: InputProblems, input: Omit<CaseStudyInput, keyof TagsInput | 'networkId'>) {
  const content: Record<string, unknown> = {
    orgName:
      problems.check(() =>
        cleanText('orgName', input.orgName ?? '', { label: 'organisation’s name', max: ORG_NAME_MAX, isName: true }),
      ) || null,
    happyToTalk: input.happyToTalk,
  };
  for (const { key, heading } of CASE_STUDY_SECTIONS) {
    const label = heading.replace(/^The /, '').toLowerCase();
    const required = REQUIRED_SECTIONS[key];
    content[key] = problems.check(() =>
      cleanText(key, input[key], {
        label: `“${label}” section`,
        max: SECTION_LIMITS[key],
        multiline: key !== 'duration',
        ...(required ? { required } : {}),
      }),
    );
  }
  return content;
}

function checkedBody(problems: InputProblems, kind: 'TEMPLATE' | 'TIP', body: string, hasFile: boolean) {
  const max = kind === 'TIP' ? TIP_BODY_MAX : TEMPLATE_BODY_MAX;
  const required = kind === 'TIP' ? 'Write the answer.' : hasFile ? undefined : 'Write the template, or attach a file.';
  return {
    body:
      problems.check(() =>
        cleanText('body', body, { label: kind === 'TIP' ? 'answer' : 'template', max, multiline: true, required }),
      ) ?? '',
  };
}

/** A file the viewer uploaded, to attach; a file already on the item may stay whoever uploaded it. */
async function checkFile(
  ctx: ServiceContext,
  problems: InputProblems,
  fileId: string | null,
  current: string | null,
): Promise<void> {
  if (fileId === null || fileId === current) return;
  if (!isUuid(fileId) || !(await files.fileUploadedBy(ctx, fileId, ctx.viewer!.userId))) {
    problems.add('fileId', 'Attach a file you uploaded: that file was not found.');
  }
}

function fieldsOf(
  kind: LibraryItemKind,
  tags: ReturnType<typeof checkedTags>,
  content: Record<string, unknown>,
  fileId: string | null,
): LibraryItemFields {
  return { ...tags, content, fileId, bodyText: libraryBodyText(kind, content, tags.tools) };
}

/** The network the viewer may add to: NOT_FOUND for none, FORBIDDEN for one they are not a member of. */
async function networkToWriteIn(ctx: ServiceContext, networkId: string): Promise<void> {
  const standing = isUuid(networkId) ? (await standingIn(ctx, [networkId])).get(networkId) : undefined;
  if (!standing) throw forbidden('Only members of this network can add to its library. Join it first.');
}

/** A past event of the same network that the viewer organises, whose write-up a case study grows from. */
async function eventToLink(ctx: ServiceContext, problems: InputProblems, networkId: string, eventId: string | null) {
  if (eventId === null) return;
  const event = isUuid(eventId) ? (await events.eventsByIds(ctx, [eventId])).get(eventId) : undefined;
  if (!event || event.networkId !== networkId) {
    problems.add('eventId', 'Choose an event of this network.');
    return;
  }
  const standing = (await standingIn(ctx, [networkId])).get(networkId);
  if (!standing?.organiser) problems.add('eventId', 'Only its organisers can start a case study from an event.');
  else if (event.startsAt > ctx.clock.now()) problems.add('eventId', 'Start a case study once the event has happened.');
}

async function createItem(
  ctx: ServiceContext,
  kind: LibraryItemKind,
  networkId: string,
  eventId: string | null,
  check: (tx: ServiceContext, problems: InputProblems) => Promise<LibraryItemFields>,
): Promise<LibraryItemRecord> {
  const viewer = requireViewer(ctx);
  await networkToWriteIn(ctx, networkId);
  await memberships.requireGoodStanding(ctx, networkId);
  return transaction(ctx, async (tx) => {
    const problems = new InputProblems();
    const fields = await check(tx, problems);
    problems.throwIfAny();
    const now = tx.clock.now();
    const item = await repo.insertItem(tx.db, { kind, networkId, createdBy: viewer.userId, eventId }, fields, now);
    await repo.insertVersion(tx.db, item, viewer.userId, now);
    return item;
  });
}

export function createCaseStudy(ctx: ServiceContext, input: CaseStudyInput): Promise<LibraryItemRecord> {
  const eventId = input.eventId ?? null;
  return createItem(ctx, 'CASE_STUDY', input.networkId, eventId, async (tx, problems) => {
    const tags = checkedTags(problems, input);
    const content = checkedCaseStudy(problems, input);
    await eventToLink(tx, problems, input.networkId, eventId);
    return fieldsOf('CASE_STUDY', tags, content, null);
  });
}

export function createTemplate(ctx: ServiceContext, input: TemplateInput): Promise<LibraryItemRecord> {
  return createItem(ctx, 'TEMPLATE', input.networkId, null, async (tx, problems) => {
    const tags = checkedTags(problems, input);
    const fileId = input.fileId ?? null;
    const content = checkedBody(problems, 'TEMPLATE', input.body, fileId !== null);
    await checkFile(tx, problems, fileId, null);
    return fieldsOf('TEMPLATE', tags, content, fileId);
  });
}

export function createTip(ctx: ServiceContext, input: TipInput): Promise<LibraryItemRecord> {
  return createItem(ctx, 'TIP', input.networkId, null, async (_tx, problems) => {
    const tags = checkedTags(problems, input);
    return fieldsOf('TIP', tags, checkedBody(problems, 'TIP', input.body, false), null);
  });
}

const CASE_STUDY_FIELDS = ['orgName', 'happyToTalk', ...CASE_STUDY_SECTIONS.map((section) => section.key)] as const;
const FIELDS_OF_KIND: Record<LibraryItemKind, readonly string[]> = {
  CASE_STUDY: CASE_STUDY_FIELDS,
  TEMPLATE: ['body', 'fileId'],
  TIP: ['body'],
};
const KIND_WORD: Record<LibraryItemKind, string> = { CASE_STUDY: 'case study', TEMPLATE: 'template', TIP: 'tip' };

/** An item its author may change now; NOT_FOUND for one the viewer cannot see, FORBIDDEN for one they did not write. */
export async function itemToEdit(ctx: ServiceContext, itemId: string): Promise<LibraryItemRecord> {
  const viewer = requireViewer(ctx);
  const item = isUuid(itemId) ? await repo.lockItem(ctx.db, itemId) : null;
  if (!item) throw notFound('There is no such library item.');
  if (item.createdBy !== viewer.userId) {
    if (!(await accessTo(ctx, [item])).get(item.id)?.read) throw notFound('There is no such library item.');
    throw forbidden('Only its author can change it.');
  }
  await memberships.requireGoodStanding(ctx, item.networkId);
  return item;
}

/** Changes an item and makes a new version; an item in review goes back to draft. Nothing changed: no new version. */
export async function updateItem(
  ctx: ServiceContext,
  itemId: string,
  changes: ItemChanges,
): Promise<LibraryItemRecord> {
  const viewer = requireViewer(ctx);
  return transaction(ctx, async (tx) => {
    const item = await itemToEdit(tx, itemId);
    if (item.status === 'ARCHIVED') throw conflict('This item is archived, so it can no longer be changed.');
    const problems = new InputProblems();
    const given = Object.entries(changes).filter(([, value]) => value !== undefined);
    const allowed = new Set([
      ...FIELDS_OF_KIND[item.kind],
      'audience',
      'title',
      'summary',
      'categories',
      'sector',
      'orgSize',
      'tools',
    ]);
    for (const [field] of given) {
      if (!allowed.has(field)) problems.add(field, `A ${KIND_WORD[item.kind]} has no ${field}.`);
    }
    problems.throwIfAny();
    const merged = { ...item, ...item.content, ...Object.fromEntries(given) } as Record<string, unknown>;
    const tags = checkedTags(problems, merged as unknown as TagsInput);
    if ('audience' in changes && changes.audience === null) tags.audience = item.audience;
    const fileId = item.kind === 'TEMPLATE' ? ((merged.fileId as string | null) ?? null) : null;
    const content =
      item.kind === 'CASE_STUDY'
        ? checkedCaseStudy(problems, merged as unknown as CaseStudyInput)
        : checkedBody(problems, item.kind, String(merged.body ?? ''), fileId !== null);
    if (item.kind === 'TEMPLATE') await checkFile(tx, problems, fileId, item.fileId);
    problems.throwIfAny();
    const fields = fieldsOf(item.kind, tags, content, fileId);
    if (unchanged(item, fields)) return item;
    const now = tx.clock.now();
    const updated = await repo.updateItemText(tx.db, item.id, fields, now);
    await repo.insertVersion(tx.db, updated, viewer.userId, now);
    if (updated.status === 'PUBLISHED') await repo.refreshLibraryWords(tx.db, [updated.id]);
    return updated;
  });
}

function unchanged(item: LibraryItemRecord, fields: LibraryItemFields): boolean {
  const { bodyText: _text, ...rest } = fields;
  return Object.entries(rest).every(([key, value]) => isDeepStrictEqual(value, item[key as keyof LibraryItemRecord]));
}
