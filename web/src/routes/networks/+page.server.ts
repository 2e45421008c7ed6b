import { error, type RequestEvent } from '@sveltejs/kit';
import { ClosePlacesDocument, NetworkDirectoryDocument, type NetworkFilter } from '#lib/graphql/generated.ts';
import { graphql, errorCode } from '#lib/server/api.ts';
import { parseStage } from './stages.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

export const load = (async (event) => {
  const params = event.url.searchParams;
  const q = (params.get('q') ?? '').trim().slice(0, 200);
  const stage = parseStage(params.get('stage'));
  const near = (params.get('near') ?? '').trim().slice(0, 100);
  const after = params.get('after') || null;

  const filter: NetworkFilter = {};
  if (q) filter.search = q;
  if (stage) filter.stage = stage;
  if (near) filter.placeName = near;

  let { data, errors } = await graphql(event, NetworkDirectoryDocument, { filter, first: PAGE_SIZE, after });
  // A town the gazetteer does not know: say so next to the field, offer the closest UK places,
  // and list the rest of the search without the distance.
  let nearProblem: string | null = null;
  let closePlaces: Array<{ name: string; region: string | null }> = [];
  if (errorCode(errors) === 'BAD_USER_INPUT' && errors[0]?.extensions?.field === 'placeName') {
    nearProblem = errors[0].message;
    delete filter.placeName;
    [{ data, errors }, closePlaces] = await Promise.all([
      graphql(event, NetworkDirectoryDocument, { filter, first: PAGE_SIZE, after }),
      placesCloseTo(event, near),
    ]);
  }
  const search = { q, stage, near, nearProblem, closePlaces, after };
  // Words the API refuses (a control character, say): say so next to the field, and run no search.
  if (errorCode(errors) === 'BAD_USER_INPUT' && errors[0]?.extensions?.field === 'search') {
    return { ...search, qProblem: errors[0].message, directory: null, problem: null };
  }
  // A stale or hand-made cursor: say so rather than fail the page.
  if (errorCode(errors) === 'BAD_USER_INPUT') {
    return {
      ...search,
      qProblem: null,
      directory: null,
      problem: errors[0]?.message ?? 'That search could not be run.',
    };
  }
  if (!data) error(500, errors[0]?.message ?? 'The network directory could not be loaded.');
  return { ...search, qProblem: null, directory: data.networks, problem: null };
}) satisfies PageServerLoad;

/** The UK places closest in spelling to a town that was not found; none when the lookup fails. */
async function placesCloseTo(
  event: RequestEvent,
  name: string,
): Promise<Array<{ name: string; region: string | null }>> {
  const { data } = await graphql(event, ClosePlacesDocument, { name });
  return data?.closePlaces ?? [];
}
