// The shared library: case studies, templates and quick tips, peer-reviewed before publishing,
// searched, used and gathered into briefs for management. The rules live in a file per part; this
// is the module's one door for resolvers and other modules, and holds the reading.
import type { ServiceContext } from '../../core/context.ts';
import type { Db } from '../../db/database.ts';
import { isUuid } from '../../core/ids.ts';
import { cleanText } from '../../core/text.ts';
import { requireViewer } from '../accounts/service.ts';
import * as files from '../files/service.ts';
import * as networks from '../networks/service.ts';
import { shareUrlOf } from './briefs.ts';
import { accessTo, type ItemAccess } from './access.ts';
import { renderMarkdown } from './markdown.ts';
import * as repo from './repository.ts';
import type { LibraryItemRecord, LibraryReviewRecord, LibraryUseRecord, LibraryVersionRecord } from './repository.ts';
import { CASE_STUDY_SECTIONS, libraryMarkdown } from './text.ts';
import { TEMPLATE_BODY_MAX } from './writing.ts';

export type { ItemAccess, LibraryItemRecord, LibraryReviewRecord, LibraryUseRecord, LibraryVersionRecord };
export {
  createCaseStudy,
  createTemplate,
  createTip,
  updateItem,
  type CaseStudyInput,
  type ItemChanges,
  type TemplateInput,
  type TipInput,
} from './writing.ts';
export {
  approvalsNeeded,
  archiveItem,
  markUsed,
  namedReviewersOf,
  reviewItem,
  reviewQueues,
  setApprovalsNeeded,
  setReviewer,
  submitForReview,
} from './reviewing.ts';
export { hideLibraryItem, reportableLibraryItem } from './reporting.ts';
export { searchLibrary, type LibraryFacet, type LibrarySearch, type LibrarySearchArgs } from './searching.ts';
export {
  briefByToken,
  createBrief,
  itemsOfBriefs,
  myBriefs,
  revokeBrief,
  shareUrlOf,
  type BriefInput,
  type BriefRecord,
} from './briefs.ts';
/** Gathers the words of every published item, for mending misspelt searches; seeds call it after loading items. */
export function refreshLibraryWords(db: Db): Promise<void> {
  return repo.refreshLibraryWords(db);
}
export { renderMarkdown };

/** Markdown as an item would show it, for the editor's preview. */
export function previewMarkdown(markdown: string): string {
  const text = cleanText('markdown', markdown, { label: 'text', max: TEMPLATE_BODY_MAX, multiline: true });
  return renderMarkdown(text);
}

/** Items by id, whoever may see them, read once per request: callers decide with `itemAccess`. */
async function itemsByIds(ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, LibraryItemRecord>> {
  return ctx.memo.batch('library-items', ids.filter(isUuid), async (missing) => {
    const items = await repo.getItemsByIds(ctx.db, missing);
    return new Map(items.map((item) => [item.id, item]));
  });
}

/** What the viewer may do with each item. */
export function itemAccess(ctx: ServiceContext, items: readonly LibraryItemRecord[]): Promise<Map<string, ItemAccess>> {
  return accessTo(ctx, items);
}

/** The item, or null when there is none the viewer may see. */
export async function libraryItem(ctx: ServiceContext, id: string): Promise<LibraryItemRecord | null> {
  const item = (await itemsByIds(ctx, [id])).get(id);
  if (!item) return null;
  return (await accessTo(ctx, [item])).get(item.id)!.read ? item : null;
}

/** The viewer's own items in every state, most recently changed first. */
export async function myLibraryItems(ctx: ServiceContext): Promise<LibraryItemRecord[]> {
  const viewer = requireViewer(ctx);
  return repo.getItemsCreatedBy(ctx.db, viewer.userId);
}

// An item's parts, for loaders: each for many items at once.

/** Each item's versions, newest first. */
export async function versionsOf(
  ctx: ServiceContext,
  itemIds: readonly string[],
): Promise<Map<string, LibraryVersionRecord[]>> {
  // Read once per request: an item's authors and its versions both come from them.
  return ctx.memo.batch('library-versions', itemIds, async (missing) => {
    const byItem = Map.groupBy(await repo.getVersionsOf(ctx.db, missing), (version) => version.itemId);
    return new Map(missing.map((id) => [id, byItem.get(id) ?? []]));
  });
}

/** Each item's authors: who started it, then anyone else who made a version, each once. */
export async function authorsOf(
  ctx: ServiceContext,
  items: readonly LibraryItemRecord[],
): Promise<Map<string, string[]>> {
  const versions = await versionsOf(
    ctx,
    items.map((item) => item.id),
  );
  return new Map(
    items.map((item) => {
      const authors = [
        item.createdBy,
        ...(versions.get(item.id) ?? []).toReversed().map((version) => version.authorId),
      ];
      return [item.id, [...new Set(authors.filter((id): id is string => id !== null))]];
    }),
  );
}

export async function reviewsOf(ctx: ServiceContext, itemIds: readonly string[]) {
  return Map.groupBy(await repo.getReviewsOf(ctx.db, itemIds), (review) => review.itemId);
}

export function useCounts(ctx: ServiceContext, itemIds: readonly string[]): Promise<Map<string, number>> {
  return repo.countUses(ctx.db, itemIds);
}

/** The viewer's own record of using each item. */
export async function viewerUses(
  ctx: ServiceContext,
  itemIds: readonly string[],
): Promise<Map<string, LibraryUseRecord>> {
  if (!ctx.viewer) return new Map();
  const uses = await repo.getUsesBy(ctx.db, ctx.viewer.userId, itemIds);
  return new Map(uses.map((use) => [use.itemId, use]));
}

/**
 * The items the viewer may review now: a reviewer who is not the author, on an item in review,
 * who has not yet decided on it in this round.
 */
export async function reviewableByViewer(
  ctx: ServiceContext,
  items: readonly LibraryItemRecord[],
): Promise<Set<string>> {
  const access = await accessTo(ctx, items);
  const candidates = items.filter((item) => access.get(item.id)?.review);
  if (candidates.length === 0) return new Set();
  const reviews = await reviewsOf(
    ctx,
    candidates.map((item) => item.id),
  );
  const decided = (item: LibraryItemRecord) =>
    (reviews.get(item.id) ?? []).some(
      (review) => review.round === item.reviewRound && review.reviewerId === ctx.viewer?.userId,
    );
  return new Set(candidates.filter((item) => !decided(item)).map((item) => item.id));
}

/** A case study's sections that have words, as safe HTML under their headings. */
export function caseStudySections(item: LibraryItemRecord): Array<{ heading: string; html: string }> {
  return CASE_STUDY_SECTIONS.flatMap(({ key, heading }) => {
    const text = String(item.content[key] ?? '');
    return text.trim() === '' ? [] : [{ heading, html: renderMarkdown(text) }];
  });
}

/** The item's text at a version, as Markdown. */
export function versionMarkdown(item: Pick<LibraryItemRecord, 'kind'>, version: LibraryVersionRecord): string {
  return libraryMarkdown(item.kind, version.content);
}

/**
 * Whether the viewer may download a file: it is attached to some version of an item they may
 * read (older versions stay readable with their files). The files module asks, for anyone but the uploader.
 */
export async function canReadLibraryFile(ctx: ServiceContext, fileId: string): Promise<boolean> {
  if (!isUuid(fileId)) return false;
  const itemIds = await repo.getItemIdsWithFile(ctx.db, fileId);
  const items = [...(await itemsByIds(ctx, itemIds)).values()];
  const access = await accessTo(ctx, items);
  return items.some((item) => access.get(item.id)?.read);
}

/**
 * Part of deleting an account, inside its transaction: drafts never published go with the person;
 * published items and reviews stay as the network's knowledge, without their name (the database
 * sets it null), and their uses and briefs are deleted with the account.
 */
export async function eraseDraftsOf(ctx: ServiceContext, userId: string): Promise<void> {
  await repo.deleteNeverPublishedItemsOf(ctx.db, userId);
}

/** What the person wrote, reviewed, used and briefed in the library, and the files they uploaded, for their export. */
export async function libraryForExport(ctx: ServiceContext, userId: string) {
  const [items, reviews, uses, briefs, uploads] = await Promise.all([
    repo.getItemsCreatedBy(ctx.db, userId),
    repo.getReviewsBy(ctx.db, userId),
    repo.getAllUsesBy(ctx.db, userId),
    repo.getBriefsOwnedBy(ctx.db, userId),
    files.filesForExport(ctx, userId),
  ]);
  const named = await networks.networksByIds(ctx, [...new Set(items.map((item) => item.networkId))]);
  return {
    items: items.map((item) => ({
      itemId: item.id,
      kind: item.kind,
      title: item.title,
      status: item.status,
      audience: item.audience,
      networkName: named.get(item.networkId)?.name ?? null,
      version: item.version,
      createdAt: item.createdAt,
      publishedAt: item.publishedAt,
    })),
    reviews,
    uses,
    briefs: briefs.map((brief) => ({
      title: brief.title,
      ask: brief.ask,
      items: brief.itemIds.length,
      shareUrl: shareUrlOf(brief),
      createdAt: brief.createdAt,
      revokedAt: brief.revokedAt,
    })),
    uploads,
  };
}

/** Of these files, those attached to an item: they stay when their uploader leaves. */
export async function attachedFiles(ctx: ServiceContext, fileIds: readonly string[]): Promise<ReadonlySet<string>> {
  return new Set(await repo.getAttachedFileIds(ctx.db, fileIds));
}

/** Files attached to these versions or items, by id; for loaders. */
export function filesByIds(ctx: ServiceContext, ids: readonly string[]) {
  return files.filesByIds(ctx, ids);
}
