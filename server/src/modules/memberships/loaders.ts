import type { MercuriusLoaders } from 'mercurius';
import type { Connection } from '../../core/connection.ts';
import type { GraphqlContext } from '../../graphql/context.ts';
import * as accounts from '../accounts/service.ts';
import * as networks from '../networks/service.ts';
import type { NetworkRecord } from '../networks/service.ts';
import * as memberships from './service.ts';

type Query = { obj: NetworkRecord };
type JoinRequestsQuery = { obj: NetworkRecord; params: { first?: number | null; after?: string | null } };
type RequestQuery = { obj: memberships.JoinRequestRecord };

const ids = (queries: Query[]) => queries.map((q) => q.obj.id);

/** A network's membership fields, batched per request; the signals are read once for all of them. */
export const membershipLoaders: MercuriusLoaders = {
  Network: {
    async myRole(queries: Query[], ctx: GraphqlContext) {
      const roles = await memberships.rolesOfViewer(ctx.services, ids(queries));
      return queries.map((q) => roles.get(q.obj.id) ?? null);
    },
    async myMembership(queries: Query[], ctx: GraphqlContext) {
      const own = await memberships.viewerMemberships(ctx.services, ids(queries));
      return queries.map((q) => {
        const membership = own.get(q.obj.id);
        return membership ? { network: q.obj, ...membership } : null;
      });
    },
    async myStatus(queries: Query[], ctx: GraphqlContext) {
      const statuses = await memberships.viewerStatuses(ctx.services, ids(queries));
      return queries.map((q) => statuses.get(q.obj.id) ?? null);
    },
    async myJoinRequest(queries: Query[], ctx: GraphqlContext) {
      const requests = await memberships.viewerJoinRequests(ctx.services, ids(queries));
      return queries.map((q) => requests.get(q.obj.id) ?? null);
    },
    async joinRequests(queries: JoinRequestsQuery[], ctx: GraphqlContext) {
      // Networks asked for with the same arguments share one call.
      const groups = Map.groupBy(queries, (query) => JSON.stringify(query.params));
      const answers = new Map<JoinRequestsQuery, Connection<memberships.JoinRequestRecord> | Error>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          try {
            const pages = await memberships.joinRequestPages(
              ctx.services,
              group.map((q) => q.obj.id),
              group[0]!.params,
            );
            for (const query of group) answers.set(query, pages.get(query.obj.id)!);
          } catch (error) {
            for (const query of group) answers.set(query, error as Error);
          }
        }),
      );
      return queries.map((query) => answers.get(query)!);
    },
    async pendingJoinRequestCount(queries: Query[], ctx: GraphqlContext) {
      const counts = await memberships.pendingJoinRequestCounts(ctx.services, ids(queries));
      return queries.map((q) => counts.get(q.obj.id) ?? null);
    },
    async memberCount(queries: Query[], ctx: GraphqlContext) {
      const signals = await memberships.membershipSignals(ctx.services, ids(queries));
      return queries.map((q) => signals.get(q.obj.id)?.memberCount ?? 0);
    },
    async newMembersLast90Days(queries: Query[], ctx: GraphqlContext) {
      const signals = await memberships.membershipSignals(ctx.services, ids(queries));
      return queries.map((q) => signals.get(q.obj.id)?.newcomers ?? 0);
    },
  },
  JoinRequest: {
    async network(queries: RequestQuery[], ctx: GraphqlContext) {
      const found = await networks.networksByIds(
        ctx.services,
        queries.map((q) => q.obj.networkId),
      );
      return queries.map((q) => found.get(q.obj.networkId)!);
    },
    async person(queries: RequestQuery[], ctx: GraphqlContext) {
      const users = await accounts.getUsersByIds(ctx.services, [...new Set(queries.map((q) => q.obj.userId))]);
      const byId = new Map(users.map((user) => [user.id, user]));
      return queries.map((q) => byId.get(q.obj.userId) ?? null);
    },
  },
};
