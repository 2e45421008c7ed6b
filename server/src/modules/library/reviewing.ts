// Peer review: DRAFT → IN_REVIEW → PUBLISHED, or back to DRAFT with the reviewer's comment. The
// item's row is locked while a decision is recorded, so two approvals at once publish it once and a
// reviewer's second decision in one round is refused. Approvals count within the current round:
// an edit sends the item back to draft, and its next submission starts a new round.
import { transaction, type ServiceContext } from '../../core/context.ts';
import { badInput, conflict, forbidden, notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import { isUniqueViolation } from '../../core/query.ts';
import { cleanText } from '../../core/text.ts';
import { requireViewer } from '../accounts/service.ts';
import * as memberships from '../memberships/service.ts';
import * as networks from '../networks/service.ts';
import * as notifications from '../notifications/service.ts';
import { accessTo, standingIn } from './access.ts';
import * as repo from './repository.ts';
import type { LibraryItemRecord, ReviewDecision } from './repository.ts';
import { itemToEdit } from './writing.ts';

export const COMMENT_MAX = 2000;
export const USE_NOTE_MAX = 1000;
export const DEFAULT_APPROVALS = 1;

const NO_SUCH_ITEM = 'There is no such library item.';
const HIDDEN = "The network's stewards hid this item after a report, so it cannot be sent for review.";
/** A notice title with the item's title cut to fit. */
const titled = (words: string, item: Pick<LibraryItemRecord, 'title'>) => notifications.noticeTitle(words, item.title);

/** How many approvals publish an item in each network. */
export async function approvalsNeeded(
  ctx: ServiceContext,
  networkIds: readonly string[],
): Promise<Map<string, number>> {
  return ctx.memo.batch('library-approvals', networkIds.filter(isUuid), async (missing) => {
    const set = await repo.getApprovalsNeeded(ctx.db, missing);
    return new Map(missing.map((id) => [id, set.get(id) ?? DEFAULT_APPROVALS]));
  });
}

/** The network's reviewers now: its organisers and stewards, and the members named as reviewers. */
async function reviewersOf(ctx: ServiceContext, networkId: string): Promise<string[]> {
  const organisers = await memberships.organiserIds(ctx, networkId);
  const named = (await repo.getNamedReviewers(ctx.db, [networkId])).map((row) => row.personId);
  const activeNamed = await activeMembers(ctx, networkId, named);
  return [...new Set([...organisers, ...activeNamed])];
}

/** Of these people, those who are members of the network now. */
async function activeMembers(ctx: ServiceContext, networkId: string, personIds: readonly string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await memberships.membersByPair(
    ctx,
    personIds.map((userId) => ({ networkId, userId })),
  );
  return personIds.filter((_, i) => rows[i] !== null && !(rows[i] instanceof Error));
}

/** Sends the author's draft to the network's reviewers, who are told. */
export async function submitForReview(ctx: ServiceContext, itemId: string): Promise<LibraryItemRecord> {
  const viewer = requireViewer(ctx);
  const { item, added } = await transaction(ctx, async (tx) => {
    const item = await itemToEdit(tx, itemId);
    if (item.hiddenAt) throw conflict(HIDDEN);
    if (item.status === 'IN_REVIEW') throw conflict('This item is already waiting for review.');
    if (item.status !== 'DRAFT') throw conflict('Only a draft can be sent for review; this one is published.');
    const reviewers = (await reviewersOf(tx, item.networkId)).filter((id) => id !== viewer.userId);
    const needed = (await approvalsNeeded(tx, [item.networkId])).get(item.networkId)!;
    if (reviewers.length < needed) {
      throw conflict(
        needed === 1
          ? 'Nobody else in this network can review it yet. Ask a steward to name a reviewer, then send it again.'
          : 'This network asks for two approvals, and fewer than two others can review it. Ask a steward to name a reviewer.',
      );
    }
    const submitted = await repo.setItemStatus(tx.db, item.id, { status: 'IN_REVIEW', newRound: true }, tx.clock.now());
    const added = await notifications.notify(tx, {
      userIds: reviewers,
      kind: 'LIBRARY',
      title: titled('Waiting for your review', item),
      body: `${viewer.name} sent this for review.`,
      url: `/library/${item.id}`,
    });
    return { item: submitted, added };
  });
  await notifications.announceAdded(ctx, added);
  return item;
}

/**
 * Records a reviewer's decision on an item in review. APPROVE publishes it once enough reviewers
 * approved this round; REQUEST_CHANGES sends it back to draft and needs a comment. The author is told.
 */
export async function reviewItem(
  ctx: ServiceContext,
  itemId: string,
  decision: ReviewDecision,
  rawComment: string | null | undefined,
): Promise<LibraryItemRecord> {
  const viewer = requireViewer(ctx);
  const comment = cleanText('comment', rawComment ?? '', {
    label: 'comment',
    max: COMMENT_MAX,
    multiline: true,
    ...(decision === 'REQUEST_CHANGES' ? { required: 'Say what should change, so the author knows what to do.' } : {}),
  });
  const { item, added } = await transaction(ctx, async (tx) => {
    const item = isUuid(itemId) ? await repo.lockItem(tx.db, itemId) : null;
    const access = item ? (await accessTo(tx, [item])).get(item.id)! : null;
    if (!item || !access?.read) throw notFound(NO_SUCH_ITEM);
    if (item.createdBy === viewer.userId) throw forbidden('You wrote this, so someone else reviews it.');
    if (!(await standingIn(tx, [item.networkId])).get(item.networkId)?.reviewer) {
      throw forbidden("Only this network's reviewers can review its library items.");
    }
    await memberships.requireGoodStanding(tx, item.networkId);
    if (item.status !== 'IN_REVIEW' || item.hiddenAt) throw conflict('This item is not waiting for review now.');
    try {
      await repo.insertReview(
        tx.db,
        {
          itemId: item.id,
          round: item.reviewRound,
          version: item.version,
          reviewerId: viewer.userId,
          decision,
          comment,
        },
        tx.clock.now(),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('You have reviewed this already; it waits for another reviewer.');
      throw error;
    }
    const decided = await decide(tx, item, decision);
    const added = item.createdBy
      ? await notifications.notify(tx, {
          userIds: [item.createdBy],
          kind: 'LIBRARY',
          title: titled(
            decided.status === 'PUBLISHED'
              ? 'Published'
              : decided.status === 'DRAFT'
                ? 'Changes asked for'
                : 'Approved by one reviewer',
            item,
          ),
          body: comment === '' ? `${viewer.name} reviewed it.` : `${viewer.name}: ${comment.slice(0, 400)}`,
          url: `/library/${item.id}`,
        })
      : { added: [] };
    return { item: decided, added };
  });
  await notifications.announceAdded(ctx, added);
  return item;
}

async function decide(ctx: ServiceContext, item: LibraryItemRecord, decision: ReviewDecision) {
  const now = ctx.clock.now();
  if (decision === 'REQUEST_CHANGES') return repo.setItemStatus(ctx.db, item.id, { status: 'DRAFT' }, now);
  const approvals = await repo.countApprovals(ctx.db, item.id, item.reviewRound);
  const needed = (await approvalsNeeded(ctx, [item.networkId])).get(item.networkId)!;
  if (approvals < needed) return item;
  const published = await repo.setItemStatus(ctx.db, item.id, { status: 'PUBLISHED', publishedAt: now }, now);
  await repo.refreshLibraryWords(ctx.db, [item.id]);
  return published;
}

/** Takes a published item out of search and lists; its author or a steward of its network. Twice is harmless. */
export async function archiveItem(ctx: ServiceContext, itemId: string): Promise<LibraryItemRecord> {
  requireViewer(ctx);
  return transaction(ctx, async (tx) => {
    const item = isUuid(itemId) ? await repo.lockItem(tx.db, itemId) : null;
    const access = item ? (await accessTo(tx, [item])).get(item.id)! : null;
    if (!item || !access?.read) throw notFound(NO_SUCH_ITEM);
    if (item.createdBy !== tx.viewer!.userId && !access.steward) {
      throw forbidden("Only its author or the network's stewards can archive it.");
    }
    if (item.status === 'ARCHIVED') return item;
    if (item.status !== 'PUBLISHED')
      throw conflict('Only a published item is archived; a draft stays with its author.');
    return repo.setItemStatus(tx.db, item.id, { status: 'ARCHIVED' }, tx.clock.now());
  });
}

/** Records that the viewer used a published item and what changed; again replaces the note. */
export async function markUsed(ctx: ServiceContext, itemId: string, rawNote: string | null | undefined) {
  const viewer = requireViewer(ctx);
  const note = cleanText('note', rawNote ?? '', { label: 'note', max: USE_NOTE_MAX, multiline: true });
  const item = isUuid(itemId) ? (await repo.getItemsByIds(ctx.db, [itemId]))[0] : undefined;
  const access = item ? (await accessTo(ctx, [item])).get(item.id)! : null;
  if (!item || !access?.read) throw notFound(NO_SUCH_ITEM);
  if (item.status !== 'PUBLISHED') throw conflict('Only a published item can be marked as used.');
  if (item.createdBy === viewer.userId) throw forbidden('You wrote this; the people who use it record that.');
  await repo.upsertUse(ctx.db, item.id, viewer.userId, note, ctx.clock.now());
  ctx.memo.clear();
  return item;
}

// A network's review settings, kept by its stewards.

export async function setApprovalsNeeded(ctx: ServiceContext, networkId: string, approvals: number) {
  await memberships.requireSteward(ctx, networkId);
  if (approvals !== 1 && approvals !== 2) throw badInput('approvals', 'Choose 1 or 2 approvals.');
  await repo.setApprovalsNeeded(ctx.db, networkId, approvals, ctx.clock.now());
  ctx.memo.clear();
  return (await networks.networksByIds(ctx, [networkId])).get(networkId)!;
}

export async function setReviewer(ctx: ServiceContext, networkId: string, personId: string, reviewer: boolean) {
  const viewer = requireViewer(ctx);
  await memberships.requireSteward(ctx, networkId);
  if (reviewer) {
    const [member] = isUuid(personId) ? await activeMembers(ctx, networkId, [personId]) : [];
    if (!member) throw badInput('personId', 'Choose someone who is a member of this network now.');
    await repo.addNamedReviewer(ctx.db, networkId, member, viewer.userId, ctx.clock.now());
  } else if (isUuid(personId)) {
    await repo.removeNamedReviewer(ctx.db, networkId, personId);
  }
  ctx.memo.clear();
  return (await networks.networksByIds(ctx, [networkId])).get(networkId)!;
}

/** The members stewards named as reviewers, still members; for the network's organisers and stewards only. */
export async function namedReviewersOf(
  ctx: ServiceContext,
  networkIds: readonly string[],
): Promise<Map<string, string[]>> {
  const standing = await standingIn(ctx, networkIds);
  const shown = networkIds.filter((id) => standing.get(id)?.organiser);
  const named = await repo.getNamedReviewers(ctx.db, shown);
  // Still members: one read for every network's named reviewers.
  const members =
    named.length === 0
      ? []
      : await memberships.membersByPair(
          ctx,
          named.map((row) => ({ networkId: row.networkId, userId: row.personId })),
        );
  const result = new Map<string, string[]>(networkIds.map((id) => [id, []]));
  named.forEach((row, i) => {
    if (members[i] !== null && !(members[i] instanceof Error)) result.get(row.networkId)!.push(row.personId);
  });
  return result;
}

/** Items in review the viewer may review in each network, oldest first; empty for everyone else. */
export async function reviewQueues(
  ctx: ServiceContext,
  networkIds: readonly string[],
): Promise<Map<string, LibraryItemRecord[]>> {
  const standing = await standingIn(ctx, networkIds);
  const mine = networkIds.filter((id) => standing.get(id)?.reviewer);
  const waiting = (await repo.getItemsInReview(ctx.db, mine)).filter((item) => item.createdBy !== ctx.viewer?.userId);
  return new Map(networkIds.map((id) => [id, waiting.filter((item) => item.networkId === id)]));
}
