import { error } from '@sveltejs/kit';
import { LibrarySearchPageDocument, type LibrarySort } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';
import { searchFromUrl } from './search.ts';

const PAGE_SIZE = 20;

export const load = (async (event) => {
  const search = searchFromUrl(event.url);
  const { data, errors } = await graphql(event, LibrarySearchPageDocument, {
    query: search.q || null,
    filter: {
      kinds: search.kinds,
      categories: search.categories,
      sectors: search.sectors,
      orgSizes: search.orgSizes,
      tools: search.tools,
      networkId: search.network,
    },
    sort: search.sort satisfies LibrarySort,
    first: PAGE_SIZE,
    after: search.after,
  });
  // Words too long or a stale cursor are the searcher's to fix, not a broken page.
  if (errorCode(errors) === 'BAD_USER_INPUT') {
    return { search, results: null, problem: errors[0]!.message, signedIn: Boolean(event.locals.user) };
  }
  if (!data) error(500, errors[0]?.message ?? 'The library could not be searched.');
  return { search, results: data.searchLibrary, problem: null, signedIn: Boolean(event.locals.user) };
}) satisfies PageServerLoad;
