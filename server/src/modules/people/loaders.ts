import type { MercuriusLoaders } from 'mercurius';
import type { Connection } from '../../core/connection.ts';
import type { GraphqlContext } from '../../graphql/context.ts';
import type { MemberFilter } from '../../graphql/generated.ts';
import * as memberships from '../memberships/service.ts';
import type { NetworkRecord } from '../networks/service.ts';
import * as people from './service.ts';

type MembersQuery = {
  obj: NetworkRecord;
  params: { filter?: MemberFilter | null; first?: number | null; after?: string | null };
};

/**
 * Network.members for every network in the request at once: the networks asked for with the
 * same arguments share one statement for their pages (and one for their totals), however many
 * networks the list holds. Member.person then loads every member shown in one more statement.
 */
export const peopleLoaders: MercuriusLoaders = {
  Network: {
    async members(queries: MembersQuery[], ctx: GraphqlContext) {
      const groups = Map.groupBy(queries, (query) => JSON.stringify(query.params));
      const answers = new Map<MembersQuery, Connection<people.MemberModel> | Error>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          try {
            const pages = await people.listMembersOfNetworks(
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
    async member(queries: Array<{ obj: NetworkRecord; params: { personId: string } }>, ctx: GraphqlContext) {
      try {
        return await people.membersByPair(
          ctx.services,
          queries.map((q) => ({ networkId: q.obj.id, userId: q.params.personId })),
        );
      } catch (error) {
        return queries.map(() => error as Error);
      }
    },
  },
  Member: {
    async person(queries: Array<{ obj: people.MemberModel }>, ctx: GraphqlContext) {
      const found = await people.peopleByIds(
        ctx.services,
        queries.map((q) => q.obj.userId),
      );
      return queries.map((q) => found.get(q.obj.userId) ?? null);
    },
    async emailFailing(queries: Array<{ obj: people.MemberModel }>, ctx: GraphqlContext) {
      return people.emailFailingOfMembers(
        ctx.services,
        queries.map((q) => q.obj),
      );
    },
    async status(queries: Array<{ obj: people.MemberModel }>, ctx: GraphqlContext) {
      const standings = await memberships.memberStandings(
        ctx.services,
        queries.map((q) => q.obj),
      );
      return standings.map((standing) => standing?.status ?? null);
    },
    async suspendedUntil(queries: Array<{ obj: people.MemberModel }>, ctx: GraphqlContext) {
      const standings = await memberships.memberStandings(
        ctx.services,
        queries.map((q) => q.obj),
      );
      return standings.map((standing) => standing?.suspendedUntil ?? null);
    },
  },
};
