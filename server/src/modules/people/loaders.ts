import type { MercuriusLoaders } from 'mercurius';
import type { GraphqlContext } from '../../graphql/context.ts';
import type { MemberFilter } from '../../graphql/generated.ts';
import type { NetworkRecord } from '../networks/service.ts';
import type { MemberConnectionModel } from './resolvers.ts';
import * as people from './service.ts';

type MembersQuery = {
  obj: NetworkRecord;
  params: { filter?: MemberFilter | null; first?: number | null; after?: string | null };
};

/** A page of members as the connection the schema describes. */
function toConnection(page: people.MemberPage): MemberConnectionModel {
  const edges = page.members.map(({ cursor, ...node }) => ({ cursor, node }));
  return {
    edges,
    total: page.total,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/**
 * Network.members for every network in the request at once: the networks asked for with the
 * same arguments share one statement for their pages (and one for their totals), however many
 * networks the list holds.
 */
export const peopleLoaders: MercuriusLoaders = {
  Network: {
    async members(queries: MembersQuery[], ctx: GraphqlContext) {
      const groups = new Map<string, MembersQuery[]>();
      for (const query of queries) {
        const key = JSON.stringify(query.params);
        groups.set(key, [...(groups.get(key) ?? []), query]);
      }
      const answers = new Map<MembersQuery, MemberConnectionModel | Error>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          try {
            const pages = await people.listMembersOfNetworks(
              ctx.services,
              group.map((q) => q.obj.id),
              group[0]!.params,
            );
            for (const query of group) {
              const page = pages.get(query.obj.id)!;
              answers.set(query, page instanceof Error ? page : toConnection(page));
            }
          } catch (error) {
            for (const query of group) answers.set(query, error as Error);
          }
        }),
      );
      return queries.map((query) => answers.get(query)!);
    },
  },
};
