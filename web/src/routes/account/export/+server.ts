import { error } from '@sveltejs/kit';
import { ExportMyDataDocument } from '#lib/graphql/generated.ts';
import { graphql, errorCode } from '#lib/server/api.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import type { RequestHandler } from './$types';

// Back to the account page, where the download link is: landing on a download after signing in would show nothing.
const BACK = '/account';

/** Everything Hearth holds about the signed-in person, as a JSON file to save. */
export const GET: RequestHandler = async (event) => {
  requireUser(event, BACK);
  const { data, errors } = await graphql(event, ExportMyDataDocument);
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event, BACK);
  if (!data) error(500, errors[0]?.message ?? 'Your data could not be exported.');
  const day = new Date().toISOString().slice(0, 10);
  return new Response(data.exportMyData, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="hearth-my-data-${day}.json"`,
      'cache-control': 'private, no-store',
    },
  });
};
