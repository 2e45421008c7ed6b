import type { MercuriusLoaders } from 'mercurius';
import type { GraphqlContext } from '../../graphql/context.ts';
import * as events from '../events/service.ts';
import * as networks from '../networks/service.ts';
import * as people from '../people/service.ts';
import * as library from './service.ts';

type Queries<Obj> = Array<{ obj: Obj }>;
type ItemQueries = Queries<library.LibraryItemRecord>;

const ids = (queries: ItemQueries) => queries.map((q) => q.obj.id);

/**
 * The fields every kind of item shares, each list's rows in one statement however long the list:
 * a page of search results costs the same few statements for 5 results as for 50.
 */
const itemFields = {
  async network(queries: ItemQueries, ctx: GraphqlContext) {
    const found = await networks.networksByIds(
      ctx.services,
      queries.map((q) => q.obj.networkId),
    );
    return queries.map((q) => found.get(q.obj.networkId)!);
  },
  async authors(queries: ItemQueries, ctx: GraphqlContext) {
    const authors = await library.authorsOf(
      ctx.services,
      queries.map((q) => q.obj),
    );
    const found = await people.peopleByIds(ctx.services, [...authors.values()].flat());
    return queries.map((q) => (authors.get(q.obj.id) ?? []).flatMap((id) => found.get(id) ?? []));
  },
  async reviews(queries: ItemQueries, ctx: GraphqlContext) {
    const found = await library.reviewsOf(ctx.services, ids(queries));
    return queries.map((q) => found.get(q.obj.id) ?? []);
  },
  async usedCount(queries: ItemQueries, ctx: GraphqlContext) {
    const found = await library.useCounts(ctx.services, ids(queries));
    return queries.map((q) => found.get(q.obj.id) ?? 0);
  },
  async viewerUse(queries: ItemQueries, ctx: GraphqlContext) {
    const found = await library.viewerUses(ctx.services, ids(queries));
    return queries.map((q) => found.get(q.obj.id) ?? null);
  },
  async versions(queries: ItemQueries, ctx: GraphqlContext) {
    const found = await library.versionsOf(ctx.services, ids(queries));
    return queries.map((q) => (found.get(q.obj.id) ?? []).map((version) => ({ ...version, kind: q.obj.kind })));
  },
  async viewerCanEdit(queries: ItemQueries, ctx: GraphqlContext) {
    const access = await library.itemAccess(
      ctx.services,
      queries.map((q) => q.obj),
    );
    return queries.map((q) => access.get(q.obj.id)?.edit ?? false);
  },
  async viewerCanReview(queries: ItemQueries, ctx: GraphqlContext) {
    const reviewable = await library.reviewableByViewer(
      ctx.services,
      queries.map((q) => q.obj),
    );
    return queries.map((q) => reviewable.has(q.obj.id));
  },
};

export const libraryLoaders: MercuriusLoaders = {
  CaseStudy: {
    ...itemFields,
    async event(queries: ItemQueries, ctx: GraphqlContext) {
      const found = await events.shownEventsByIds(
        ctx.services,
        queries.flatMap((q) => q.obj.eventId ?? []),
      );
      return queries.map((q) => found.get(q.obj.eventId ?? '') ?? null);
    },
  },
  Template: {
    ...itemFields,
    async file(queries: ItemQueries, ctx: GraphqlContext) {
      const found = await library.filesByIds(
        ctx.services,
        queries.flatMap((q) => q.obj.fileId ?? []),
      );
      return queries.map((q) => found.get(q.obj.fileId ?? '') ?? null);
    },
  },
  Tip: itemFields,
  LibraryItemVersion: {
    async author(queries: Queries<library.LibraryVersionRecord>, ctx: GraphqlContext) {
      const found = await people.peopleByIds(
        ctx.services,
        queries.flatMap((q) => q.obj.authorId ?? []),
      );
      return queries.map((q) => found.get(q.obj.authorId ?? '') ?? null);
    },
    async file(queries: Queries<library.LibraryVersionRecord>, ctx: GraphqlContext) {
      const found = await library.filesByIds(
        ctx.services,
        queries.flatMap((q) => q.obj.fileId ?? []),
      );
      return queries.map((q) => found.get(q.obj.fileId ?? '') ?? null);
    },
  },
  LibraryReview: {
    async reviewer(queries: Queries<library.LibraryReviewRecord>, ctx: GraphqlContext) {
      const found = await people.peopleByIds(
        ctx.services,
        queries.flatMap((q) => q.obj.reviewerId ?? []),
      );
      return queries.map((q) => found.get(q.obj.reviewerId ?? '') ?? null);
    },
  },
  Brief: {
    async items(queries: Queries<library.BriefRecord>, ctx: GraphqlContext) {
      const found = await library.itemsOfBriefs(
        ctx.services,
        queries.map((q) => q.obj),
      );
      return queries.map((q) => found.get(q.obj.id) ?? []);
    },
  },
  Network: {
    async libraryApprovalsNeeded(queries: Queries<networks.NetworkRecord>, ctx: GraphqlContext) {
      const found = await library.approvalsNeeded(
        ctx.services,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => found.get(q.obj.id) ?? 1);
    },
    async libraryReviewers(queries: Queries<networks.NetworkRecord>, ctx: GraphqlContext) {
      const named = await library.namedReviewersOf(
        ctx.services,
        queries.map((q) => q.obj.id),
      );
      const found = await people.peopleByIds(ctx.services, [...named.values()].flat());
      return queries.map((q) => (named.get(q.obj.id) ?? []).flatMap((id) => found.get(id) ?? []));
    },
    async libraryReviewQueue(queries: Queries<networks.NetworkRecord>, ctx: GraphqlContext) {
      const found = await library.reviewQueues(
        ctx.services,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => found.get(q.obj.id) ?? []);
    },
  },
};
