import type { ServiceContext } from '../../core/context.ts';
import { badInput, notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import type { IdCondition } from '../../core/query.ts';
import * as accounts from '../accounts/service.ts';
import { requireViewer } from '../accounts/service.ts';
import * as repo from './blocks-repository.ts';

// Blocking: a person hides another from themself, and themself from the other, everywhere two
// people meet (member lists, mentor suggestions, matching rounds, mentoring requests). The rule is
// one condition, notBlockedWith, that each of those statements composes; the blocked person is
// never told.

/** Whether neither the person with this id nor `personId` has blocked the other, as a condition. */
export function notBlockedWith(personId: string): IdCondition {
  return repo.notBlockedWith(personId);
}

/** Whether either of two people blocked the other. */
export async function isBlockedBetween(ctx: ServiceContext, a: string, b: string): Promise<boolean> {
  return repo.isBlockedBetween(ctx.db, a, b);
}

/**
 * Whether two of these people may be put together (neither blocked the other), read in one
 * statement for a whole set, such as a matching round's leads and mentors.
 */
export async function unblockedPairsAmong(
  ctx: ServiceContext,
  personIds: readonly string[],
): Promise<(a: string, b: string) => boolean> {
  const blocked = new Set(
    (await repo.getBlocksAmong(ctx.db, [...new Set(personIds)])).flatMap(({ blockerId, blockedId }) => [
      `${blockerId} ${blockedId}`,
      `${blockedId} ${blockerId}`,
    ]),
  );
  return (a, b) => !blocked.has(`${a} ${b}`);
}

export interface BlockRecord {
  personId: string;
  blockedAt: Date;
}

export async function blockPerson(ctx: ServiceContext, personId: string): Promise<BlockRecord> {
  const viewer = requireViewer(ctx);
  if (personId === viewer.userId) throw badInput('personId', 'You cannot block yourself.');
  const [person] = isUuid(personId) ? await accounts.getUsersByIds(ctx, [personId]) : [];
  if (!person) throw notFound('There is no such person.');
  const blockedAt = await repo.insertBlock(ctx.db, viewer.userId, personId, ctx.clock.now());
  return { personId, blockedAt };
}

export async function unblockPerson(ctx: ServiceContext, personId: string): Promise<boolean> {
  const viewer = requireViewer(ctx);
  if (!isUuid(personId)) return false;
  return repo.deleteBlock(ctx.db, viewer.userId, personId);
}

export async function myBlocks(ctx: ServiceContext): Promise<BlockRecord[]> {
  const viewer = requireViewer(ctx);
  return repo.getBlocksBy(ctx.db, viewer.userId);
}
