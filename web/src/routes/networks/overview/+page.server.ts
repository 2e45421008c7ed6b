import { error } from '@sveltejs/kit';
import { NetworkDirectoryDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

/** The most the API gives in one page. */
const PAGE_SIZE = 50;

export const load = (async (event) => {
  const after = event.url.searchParams.get('after') || null;
  const { data, errors } = await graphql(event, NetworkDirectoryDocument, { first: PAGE_SIZE, after });
  if (errorCode(errors) === 'BAD_USER_INPUT') {
    return { after, directory: null, problem: errors[0]?.message ?? 'That page could not be found.' };
  }
  if (!data) error(500, errors[0]?.message ?? 'The networks could not be loaded.');
  return { after, directory: data.networks, problem: null };
}) satisfies PageServerLoad;
