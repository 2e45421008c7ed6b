// Management briefs: a digital lead picks a few published items shared with all networks, adds
// the ask, and gets a page their manager can read without an account at an unguessable address
// (192 random bits), which the lead can revoke for good. Items archived, narrowed to one network
// or hidden by stewards since are left out when it is read, so a brief never shows what is no longer public.
import { randomBytes } from 'node:crypto';
import { transaction, type ServiceContext } from '../../core/context.ts';
import { forbidden, InputProblems, notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import { cleanText } from '../../core/text.ts';
import { requireViewer } from '../accounts/service.ts';
import { accessTo } from './access.ts';
import * as repo from './repository.ts';
import type { BriefRecord, LibraryItemRecord } from './repository.ts';

export type { BriefRecord };

export const BRIEF_TITLE_MAX = 120;
export const ASK_MAX = 1500;
export const BRIEF_ITEMS_MAX = 6;
const TOKEN_BYTES = 24;

export interface BriefInput {
  title: string;
  ask: string;
  itemIds: readonly string[];
}

const isPublic = (item: LibraryItemRecord) =>
  item.status === 'PUBLISHED' && item.audience === 'ALL_NETWORKS' && item.hiddenAt === null;

/** A brief's address, to share; none once revoked. */
export const shareUrlOf = (brief: BriefRecord) => (brief.revokedAt ? null : `/briefs/${brief.token}`);

export async function createBrief(ctx: ServiceContext, input: BriefInput): Promise<BriefRecord> {
  const viewer = requireViewer(ctx);
  const problems = new InputProblems();
  const title = problems.check(() =>
    cleanText('title', input.title, { label: 'title', max: BRIEF_TITLE_MAX, required: 'Give the brief a title.' }),
  );
  const ask = problems.check(() =>
    cleanText('ask', input.ask, {
      label: 'ask',
      max: ASK_MAX,
      multiline: true,
      required: 'Say what you want to try, who did it and what it cost.',
    }),
  );
  const itemIds = [...new Set(input.itemIds)];
  if (itemIds.length === 0 || itemIds.length > BRIEF_ITEMS_MAX) {
    problems.add('itemIds', `Choose 1 to ${BRIEF_ITEMS_MAX} items from the library.`);
  } else {
    const found = new Map((await repo.getItemsByIds(ctx.db, itemIds.filter(isUuid))).map((item) => [item.id, item]));
    const chosen = itemIds.map((id) => found.get(id));
    const access = await accessTo(
      ctx,
      chosen.filter((item) => item !== undefined),
    );
    // Only an item the viewer may read is named; any other is "not found", as everywhere.
    const unreadable = chosen.some((item) => !item || !access.get(item.id)?.read);
    const narrow = chosen.find((item) => item && !isPublic(item));
    if (unreadable) problems.add('itemIds', 'One of the items was not found.');
    else if (narrow) {
      problems.add(
        'itemIds',
        narrow.status === 'PUBLISHED'
          ? `“${narrow.title}” is shared with its network only, so it cannot go in a brief that anyone with the link can read.`
          : `“${narrow.title}” is not published, so it cannot go in a brief.`,
      );
    }
  }
  problems.throwIfAny();
  return repo.insertBrief(
    ctx.db,
    {
      ownerId: viewer.userId,
      token: randomBytes(TOKEN_BYTES).toString('base64url'),
      title: title!,
      ask: ask!,
      itemIds,
    },
    ctx.clock.now(),
  );
}

export async function myBriefs(ctx: ServiceContext): Promise<BriefRecord[]> {
  const viewer = requireViewer(ctx);
  return repo.getBriefsOwnedBy(ctx.db, viewer.userId);
}

/** A brief by its token, for anyone holding the link; null when revoked or unknown. */
export async function briefByToken(ctx: ServiceContext, token: string): Promise<BriefRecord | null> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
  const brief = await repo.getBriefByToken(ctx.db, token);
  return brief && !brief.revokedAt ? brief : null;
}

export async function revokeBrief(ctx: ServiceContext, briefId: string): Promise<BriefRecord> {
  const viewer = requireViewer(ctx);
  return transaction(ctx, async (tx) => {
    const brief = isUuid(briefId) ? await repo.getBriefById(tx.db, briefId) : null;
    if (!brief) throw notFound('There is no such brief.');
    if (brief.ownerId !== viewer.userId) throw forbidden('Only the person who made a brief can revoke it.');
    return repo.revokeBrief(tx.db, brief.id, tx.clock.now());
  });
}

/** The items a brief shows now: its chosen ones still public, in the order chosen. */
export async function itemsOfBriefs(
  ctx: ServiceContext,
  briefs: readonly BriefRecord[],
): Promise<Map<string, LibraryItemRecord[]>> {
  const ids = [...new Set(briefs.flatMap((brief) => brief.itemIds))];
  const found = new Map((await repo.getItemsByIds(ctx.db, ids)).map((item) => [item.id, item]));
  return new Map(
    briefs.map((brief) => [
      brief.id,
      brief.itemIds.flatMap((id) => {
        const item = found.get(id);
        return item && isPublic(item) ? [item] : [];
      }),
    ]),
  );
}
