import type { MercuriusLoaders } from 'mercurius';
import type { GraphqlContext } from '../../graphql/context.ts';
import * as accounts from '../accounts/service.ts';
import { suggestLifecycleStage } from './lifecycle-suggestion.ts';
import * as networks from './service.ts';
import type { NetworkRecord } from './service.ts';

type Query<P = unknown> = { obj: NetworkRecord; params: P };

const DAY_MS = 86_400_000;

/**
 * Membership signals for these networks, read once per request: memberCount, the activity
 * summary and the lifecycle suggestion all use them, and their loaders run side by side.
 */
function signalsFor(ctx: GraphqlContext, ids: readonly string[]) {
  return ctx.services.memo.batch('membership-signals', ids, (missing) =>
    networks.membershipSignals(ctx.services, missing),
  );
}

/** Every child field that reads the database, batched per request: one statement per field. */
export const networkLoaders: MercuriusLoaders = {
  Network: {
    async myRole(queries: Query[], ctx: GraphqlContext) {
      const roles = await networks.rolesOfViewer(
        ctx.services,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => roles.get(q.obj.id) ?? null);
    },
    async memberCount(queries: Query[], ctx: GraphqlContext) {
      const signals = await signalsFor(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => signals.get(q.obj.id)?.memberCount ?? 0);
    },
    async newMembersLast90Days(queries: Query[], ctx: GraphqlContext) {
      const signals = await signalsFor(
        ctx,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => signals.get(q.obj.id)?.newcomers ?? 0);
    },
  },
  NetworkLifecycle: {
    async history(queries: Query[], ctx: GraphqlContext) {
      const histories = await networks.lifecycleHistories(
        ctx.services,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => histories.get(q.obj.id) ?? []);
    },
    async suggestion(queries: Query[], ctx: GraphqlContext) {
      const signals = await signalsFor(
        ctx,
        queries.map((q) => q.obj.id),
      );
      const now = ctx.services.clock.now().getTime();
      return queries.map(({ obj }) => {
        const members = signals.get(obj.id);
        // Events and contributions arrive with later modules; until then they are unknown (null).
        return suggestLifecycleStage({
          memberCount: members?.memberCount ?? 0,
          newcomersLast90Days: members?.newcomers ?? 0,
          membersLeftLast90Days: members?.leavers ?? 0,
          organiserCount: members?.organisers ?? 0,
          eventsHeld: null,
          eventsLast180Days: null,
          medianDaysBetweenEvents: null,
          repeatAttendees: null,
          contributorsLast180Days: null,
          ageDays: Math.floor((now - obj.createdAt.getTime()) / DAY_MS),
        });
      });
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
