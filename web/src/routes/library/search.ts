import type {
  LibraryItemKind,
  LibrarySort,
  OrganisationSize,
  Sector,
  SupportCategory,
} from '#lib/graphql/generated.ts';
import { parseOption } from '#lib/options.ts';
import { LIBRARY_KINDS, ORGANISATION_SIZES, SECTORS, SUPPORT_CATEGORIES } from './labels.ts';

/** A library search as its address holds it: the address is the search, so it can be shared. */
export interface LibrarySearch {
  q: string;
  kinds: LibraryItemKind[];
  categories: SupportCategory[];
  sectors: Sector[];
  orgSizes: OrganisationSize[];
  tools: string[];
  network: string | null;
  sort: LibrarySort;
  after: string | null;
}

const SORTS = [{ value: 'RELEVANCE' }, { value: 'NEWEST' }] as const satisfies ReadonlyArray<{ value: LibrarySort }>;

/** The API takes at most this many tools; more would only be refused. */
const MAX_TOOLS = 10;

/** Values of `name` that are among `options`, each once: an address may hold anything. */
function chosen<Value extends string>(params: URLSearchParams, name: string, options: ReadonlyArray<{ value: Value }>) {
  const values = params.getAll(name).map((raw) => parseOption(options, raw));
  return [...new Set(values.filter((value): value is Value => value !== null))];
}

export function searchFromUrl(url: URL): LibrarySearch {
  const params = url.searchParams;
  const tools = params
    .getAll('tools')
    .map((tool) => tool.trim())
    .filter(Boolean);
  return {
    q: params.get('q')?.trim() ?? '',
    kinds: chosen(params, 'kinds', LIBRARY_KINDS),
    categories: chosen(params, 'categories', SUPPORT_CATEGORIES),
    sectors: chosen(params, 'sectors', SECTORS),
    orgSizes: chosen(params, 'orgSizes', ORGANISATION_SIZES),
    tools: [...new Set(tools)].slice(0, MAX_TOOLS),
    network: params.get('network')?.trim() || null,
    sort: parseOption(SORTS, params.get('sort')) ?? 'RELEVANCE',
    after: params.get('after') || null,
  };
}

/** Whether anything narrows the search, words or filters. */
export function isNarrowed(search: LibrarySearch): boolean {
  return filterCount(search) > 0 || search.q !== '';
}

/** How many filter values are chosen. */
export function filterCount(search: LibrarySearch): number {
  return (
    search.kinds.length +
    search.categories.length +
    search.sectors.length +
    search.orgSizes.length +
    search.tools.length +
    (search.network ? 1 : 0)
  );
}

/** The address of this search, from the page after `after` (null: the first page). */
export function searchHref(search: LibrarySearch, after: string | null = null): string {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  for (const kind of search.kinds) params.append('kinds', kind);
  for (const category of search.categories) params.append('categories', category);
  for (const sector of search.sectors) params.append('sectors', sector);
  for (const size of search.orgSizes) params.append('orgSizes', size);
  for (const tool of search.tools) params.append('tools', tool);
  if (search.network) params.set('network', search.network);
  if (search.sort !== 'RELEVANCE') params.set('sort', search.sort);
  if (after) params.set('after', after);
  const query = params.toString();
  return query ? `/library?${query}` : '/library';
}
