// Who may do what with an item. A published item is read by its audience (its network's members,
// or everyone); a draft or an item in review only by its author and the network's reviewers: its
// organisers, its stewards and the members its stewards named. The author edits; a reviewer who
// is not the author reviews. An item the stewards hid after a report only its author and the
// stewards open.
import type { ServiceContext } from '../../core/context.ts';
import * as memberships from '../memberships/service.ts';
import type { LibraryItemRecord } from './repository.ts';
import * as repo from './repository.ts';

export interface ItemAccess {
  read: boolean;
  edit: boolean;
  review: boolean;
  /** A steward of the item's network: may archive it. */
  steward: boolean;
}

const NONE: ItemAccess = { read: false, edit: false, review: false, steward: false };

/** The viewer's standing in each of these networks: member, reviewer, steward. */
export interface Standing {
  member: boolean;
  reviewer: boolean;
  steward: boolean;
  organiser: boolean;
}

/** The viewer's standing in these networks, read once per request. */
export async function standingIn(ctx: ServiceContext, networkIds: readonly string[]): Promise<Map<string, Standing>> {
  const unique = [...new Set(networkIds)];
  if (!ctx.viewer || unique.length === 0) return new Map();
  const viewerId = ctx.viewer.userId;
  const roles = await memberships.rolesOfViewer(ctx, unique);
  const named = await ctx.memo.batch(`library-reviewer:${viewerId}`, [...roles.keys()], async (missing) => {
    const reviewed = new Set(await repo.getNetworksReviewedBy(ctx.db, viewerId, missing));
    return new Map(missing.map((id) => [id, reviewed.has(id)]));
  });
  return new Map(
    [...roles].map(([networkId, role]) => {
      const organiser = role === 'ORGANISER' || role === 'STEWARD';
      return [
        networkId,
        { member: true, organiser, steward: role === 'STEWARD', reviewer: organiser || named.get(networkId) === true },
      ];
    }),
  );
}

/** Whether the viewer started the item. */
export const isAuthor = (ctx: ServiceContext, item: LibraryItemRecord) =>
  ctx.viewer !== null && item.createdBy === ctx.viewer.userId;

function accessGiven(ctx: ServiceContext, item: LibraryItemRecord, standing: Standing | undefined): ItemAccess {
  const author = isAuthor(ctx, item);
  const steward = standing?.steward === true;
  // An item the stewards hid after a report: only its author and the stewards open it, and nobody reviews it.
  if (item.hiddenAt !== null) {
    return author || steward
      ? { read: true, edit: author && item.status !== 'ARCHIVED', review: false, steward }
      : NONE;
  }
  const published = item.status === 'PUBLISHED' || item.status === 'ARCHIVED';
  const reviewer = standing?.reviewer === true;
  const read = published ? item.audience === 'ALL_NETWORKS' || standing !== undefined : author || reviewer;
  if (!read) return NONE;
  return {
    read,
    edit: author && item.status !== 'ARCHIVED',
    review: reviewer && !author && item.status === 'IN_REVIEW',
    steward,
  };
}

/** What the viewer may do with each of these items. */
export async function accessTo(
  ctx: ServiceContext,
  items: readonly LibraryItemRecord[],
): Promise<Map<string, ItemAccess>> {
  const standing = await standingIn(
    ctx,
    items.map((item) => item.networkId),
  );
  return new Map(items.map((item) => [item.id, accessGiven(ctx, item, standing.get(item.networkId))]));
}
