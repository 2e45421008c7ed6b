import { error } from '@sveltejs/kit';
import { ExportMyDataDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import { parseMyData } from './my-data.ts';
import type { PageServerLoad } from './$types';

/** The same document as the JSON download, for the page to show in plain words. */
export const load = (async (event) => {
  requireUser(event);
  // The person's own data, email included: never kept by any cache, even the browser's.
  event.setHeaders({ 'cache-control': 'private, no-store' });
  const { data, errors } = await graphql(event, ExportMyDataDocument);
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (!data) error(500, errors[0]?.message ?? 'Your data could not be loaded.');
  return { myData: parseMyData(data.exportMyData) };
}) satisfies PageServerLoad;
