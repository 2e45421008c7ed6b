// What the safety module needs of the library: an item as a report keeps it, and hiding one after
// a report. A hidden item is kept but left out of search, its counts, briefs and the review queue
// (repository.visibleItem), and only its author and the network's stewards can open it
// (access.ts).
import type { ServiceContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import type { ReportableSubject } from '../../core/reportable.ts';
import { accessTo } from './access.ts';
import * as repo from './repository.ts';
import type { LibraryItemRecord } from './repository.ts';
import { libraryMarkdown } from './text.ts';

/** How much of an item's words a report keeps. */
const SNAPSHOT_MAX = 20_000;

/** The item's words as a reader sees them: summary, organisation, then its text, with blank lines between. */
function wordsOf(item: LibraryItemRecord): string {
  const orgName = item.kind === 'CASE_STUDY' ? String(item.content.orgName ?? '') : '';
  return [item.summary, orgName, libraryMarkdown(item.kind, item.content)]
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join('\n\n')
    .slice(0, SNAPSHOT_MAX);
}

/** The item as the viewer can read it, for a report; null when there is none or the viewer cannot read it. */
export async function reportableLibraryItem(ctx: ServiceContext, itemId: string): Promise<ReportableSubject | null> {
  const [item] = isUuid(itemId) ? await repo.getItemsByIds(ctx.db, [itemId]) : [];
  if (!item || !(await accessTo(ctx, [item])).get(item.id)?.read) return null;
  return {
    networkId: item.networkId,
    personId: item.createdBy,
    snapshot: { title: item.title, text: wordsOf(item), path: `/library/${item.id}` },
  };
}

/** Hides an item after a report, inside the safety module's transaction. NOT_FOUND when there is none. */
export async function hideLibraryItem(ctx: ServiceContext, itemId: string): Promise<LibraryItemRecord> {
  const hidden = isUuid(itemId) ? await repo.hideItem(ctx.db, itemId, ctx.clock.now()) : null;
  if (!hidden) throw notFound('There is no such library item.');
  ctx.memo.clear();
  return hidden;
}
