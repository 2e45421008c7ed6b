import { error, redirect } from '@sveltejs/kit';
import { ExportMyDataDocument } from '#lib/graphql/generated.ts';
import { graphql, errorCode } from '#lib/server/api.ts';
import type { RequestHandler } from './$types';

const SIGN_IN = '/signin?next=/account';

/** Everything Hearth holds about the signed-in person, as a JSON file to save. */
export const GET: RequestHandler = async (event) => {
  if (!event.locals.user) redirect(303, SIGN_IN);
  const { data, errors } = await graphql(event, ExportMyDataDocument);
  if (errorCode(errors) === 'UNAUTHENTICATED') redirect(303, SIGN_IN);
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
