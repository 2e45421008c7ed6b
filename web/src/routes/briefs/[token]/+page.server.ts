import { error } from '@sveltejs/kit';
import { PrintedBriefDocument } from '#lib/graphql/generated.ts';
import { graphql } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
  // Read by anyone with the link: kept out of caches (a revoked link must stop at once) and out
  // of the Referer a click sends, which would carry the token to another site.
  event.setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex' });
  const { data, errors } = await graphql(event, PrintedBriefDocument, { token: event.params.token });
  if (!data) error(500, errors[0]?.message ?? 'This brief could not be loaded.');
  if (!data.briefByToken) error(404, 'This link no longer works.');
  return { brief: data.briefByToken, origin: event.url.origin };
}) satisfies PageServerLoad;
