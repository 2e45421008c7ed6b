import type { MercuriusLoaders } from 'mercurius';
import type { GraphqlContext } from '../../graphql/context.ts';
import * as accounts from '../accounts/service.ts';
import type { NetworkRecord } from '../networks/service.ts';
import * as lifecycle from './service.ts';

type Query = { obj: NetworkRecord };

/** Every child field that reads the database, batched per request: one statement per field. */
export const lifecycleLoaders: MercuriusLoaders = {
  NetworkLifecycle: {
    async history(queries: Query[], ctx: GraphqlContext) {
      const histories = await lifecycle.lifecycleHistories(
        ctx.services,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => histories.get(q.obj.id) ?? []);
    },
    async suggestion(queries: Query[], ctx: GraphqlContext) {
      const suggestions = await lifecycle.suggestions(
        ctx.services,
        queries.map((q) => q.obj),
      );
      return queries.map((q) => suggestions.get(q.obj.id)!);
    },
  },
  LifecycleChange: {
    async setBy(queries: Array<{ obj: { setBy: string | null } }>, ctx: GraphqlContext) {
      const ids = [...new Set(queries.flatMap((q) => (q.obj.setBy ? [q.obj.setBy] : [])))];
      const users = new Map((await accounts.getUsersByIds(ctx.services, ids)).map((u) => [u.id, u]));
      return queries.map((q) => (q.obj.setBy ? (users.get(q.obj.setBy) ?? null) : null));
    },
  },
};
