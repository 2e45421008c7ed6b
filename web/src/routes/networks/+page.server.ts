import { error } from '@sveltejs/kit';
import { NetworkDirectoryDocument, type NetworkFilter } from '#lib/graphql/generated.ts';
import { graphql, errorCode } from '#lib/server/api.ts';
import { parseStage } from './stages.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

export const load = (async (event) => {
  const params = event.url.searchParams;
  const q = (params.get('q') ?? '').trim().slice(0, 200);
  const stage = parseStage(params.get('stage'));
  const after = params.get('after') || null;

  const filter: NetworkFilter = {};
  if (q) filter.search = q;
  if (stage) filter.stage = stage;

  const { data, errors } = await graphql(event, NetworkDirectoryDocument, { filter, first: PAGE_SIZE, after });
  // A stale or hand-made cursor: say so rather than fail the page.
  if (errorCode(errors) === 'BAD_USER_INPUT') {
    return { q, stage, after, directory: null, problem: errors[0]?.message ?? 'That search could not be run.' };
  }
  if (!data) error(500, errors[0]?.message ?? 'The network directory could not be loaded.');
  return { q, stage, after, directory: data.networks, problem: null };
}) satisfies PageServerLoad;
