import type { MercuriusLoaders } from 'mercurius';
import type { GraphqlContext } from '../../graphql/context.ts';
import type { NetworkRecord } from '../networks/service.ts';
import * as memberships from './service.ts';

type Query = { obj: NetworkRecord };

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
    async memberCount(queries: Query[], ctx: GraphqlContext) {
      const signals = await memberships.membershipSignals(ctx.services, ids(queries));
      return queries.map((q) => signals.get(q.obj.id)?.memberCount ?? 0);
    },
    async newMembersLast90Days(queries: Query[], ctx: GraphqlContext) {
      const signals = await memberships.membershipSignals(ctx.services, ids(queries));
      return queries.map((q) => signals.get(q.obj.id)?.newcomers ?? 0);
    },
  },
};
