// Searching the library: the published items the viewer may read, ranked by PostgreSQL's full-text
// search (title words weigh most), with misspelt words mended to the nearest word the library
// holds, a highlighted passage for each result, and counts for every filter value.
import { decodeCursor, encodeCursor, isFiniteNumber, isText, pageSize, type PageInfo } from '../../core/connection.ts';
import type { ServiceContext } from '../../core/context.ts';
import { isUuid } from '../../core/ids.ts';
import { searchText } from '../../core/text.ts';
import * as memberships from '../memberships/service.ts';
import * as networks from '../networks/service.ts';
import type { OrganisationSize, SupportCategory } from '../people/service.ts';
import * as repo from './repository.ts';
import type { FacetField, LibraryItemKind, LibraryItemRecord, LibrarySector, SearchFilter } from './repository.ts';
import { HIGHLIGHT_START, HIGHLIGHT_STOP, queryWords, snippetParts, type SnippetPart } from './search.ts';

export const QUERY_MAX = 200;
/** Words shorter than this are left as typed: too short to mend without guessing. */
const MENDABLE_LENGTH = 4;

export interface LibraryFilterInput {
  kinds?: readonly LibraryItemKind[] | null;
  categories?: readonly SupportCategory[] | null;
  sectors?: readonly LibrarySector[] | null;
  orgSizes?: readonly OrganisationSize[] | null;
  tools?: readonly string[] | null;
  networkId?: string | null;
}

export interface LibrarySearchArgs {
  query?: string | null;
  filter?: LibraryFilterInput | null;
  sort?: 'RELEVANCE' | 'NEWEST' | null;
  first?: number | null;
  after?: string | null;
}

export interface SearchEdge {
  cursor: string;
  node: LibraryItemRecord;
  snippet: SnippetPart[];
  rank: number;
}

export interface LibraryFacet {
  field: FacetField;
  value: string;
  label: string;
  count: number;
}

export interface LibrarySearch {
  edges: SearchEdge[];
  pageInfo: PageInfo;
  correctedQuery: string | null;
  /** Counted only when asked for, in one statement with the facets. */
  totalCount(): Promise<number>;
  facets(): Promise<LibraryFacet[]>;
}

function filterOf(input: LibraryFilterInput | null | undefined): SearchFilter {
  const networkId = input?.networkId ?? null;
  return {
    kinds: [...new Set(input?.kinds ?? [])],
    categories: [...new Set(input?.categories ?? [])],
    sectors: [...new Set(input?.sectors ?? [])],
    orgSizes: [...new Set(input?.orgSizes ?? [])],
    tools: [...new Set((input?.tools ?? []).map((tool) => tool.trim().toLowerCase()).filter(Boolean))].slice(0, 10),
    // An id that is no network's matches nothing, as a filter should.
    networkIds: networkId === null ? [] : [isUuid(networkId) ? networkId : '00000000-0000-0000-0000-000000000000'],
  };
}

/** The words to search for, each misspelt one mended; and the query as mended, when any was. */
async function mendedWords(
  ctx: ServiceContext,
  query: string | null,
): Promise<{ text: string; corrected: string | null }> {
  const words = queryWords(query);
  const mendable = words.filter((word) => word.length >= MENDABLE_LENGTH && !/^\d+$/.test(word));
  const nearest = await repo.nearestWords(ctx.db, mendable);
  const mended = words.map((word) => nearest.get(word) ?? word);
  const changed = mended.some((word, i) => word !== words[i]);
  return { text: mended.join(' '), corrected: changed ? mended.join(' ') : null };
}

export async function searchLibrary(ctx: ServiceContext, args: LibrarySearchArgs): Promise<LibrarySearch> {
  const limit = pageSize(args.first, 'results');
  const query = searchText('query', args.query, QUERY_MAX);
  const filter = filterOf(args.filter);
  const { text, corrected } = await mendedWords(ctx, query);
  const byRank = (args.sort ?? 'RELEVANCE') === 'RELEVANCE' && text !== '';
  const list = byRank ? 'library:rank' : 'library:newest';
  const after =
    args.after == null
      ? null
      : byRank
        ? decodeCursor(list, args.after, [isFiniteNumber, isText] as const)
        : decodeCursor(list, args.after, [isText, isText] as const);
  const memberOf = await memberships.viewerNetworkIds(ctx);
  const rows = await repo.searchItems(ctx.db, {
    text,
    filter,
    memberOf,
    sort: byRank ? 'RELEVANCE' : 'NEWEST',
    after,
    limit: limit + 1,
    highlight: { start: HIGHLIGHT_START, stop: HIGHLIGHT_STOP },
  });
  const page = rows.slice(0, limit);
  const items = new Map(
    (
      await repo.getItemsByIds(
        ctx.db,
        page.map((row) => row.id),
      )
    ).map((item) => [item.id, item]),
  );
  const edges = page.map((row) => ({
    cursor: encodeCursor(list, byRank ? [row.rank, row.id] : [row.publishedAt.toISOString(), row.id]),
    node: items.get(row.id)!,
    snippet: snippetParts(row.headline),
    rank: row.rank,
  }));
  let counted: ReturnType<typeof countFacets> | null = null;
  const counts = () => (counted ??= countFacets(ctx, { text, filter, memberOf }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    correctedQuery: corrected,
    totalCount: async () => (await counts()).total,
    facets: async () => (await counts()).facets,
  };
}

async function countFacets(ctx: ServiceContext, query: Parameters<typeof repo.searchFacets>[1]) {
  const { total, facets } = await repo.searchFacets(ctx.db, query);
  const networkIds = facets.filter((facet) => facet.field === 'NETWORK').map((facet) => facet.value);
  const named = await networks.networksByIds(ctx, networkIds);
  const labelled = facets
    .map((facet) => ({
      ...facet,
      label: facet.field === 'NETWORK' ? (named.get(facet.value)?.name ?? facet.value) : facet.value,
    }))
    .sort((a, b) => a.field.localeCompare(b.field) || b.count - a.count || a.label.localeCompare(b.label));
  return { total, facets: labelled };
}
