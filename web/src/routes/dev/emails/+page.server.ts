import { error } from '@sveltejs/kit';
import { LoggedEmailsDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { requireUser } from '#lib/server/session.ts';
import type { PageServerLoad } from './$types';

/** Development only: the API refuses in production, and then this page does not exist. */
export const load = (async (event) => {
  requireUser(event);
  event.setHeaders({ 'cache-control': 'private, no-store' });
  const { data, errors } = await graphql(event, LoggedEmailsDocument);
  if (errorCode(errors) === 'FORBIDDEN') error(404, 'Not found');
  if (!data) error(500, errors[0]?.message ?? 'The logged emails could not be loaded.');
  return { emails: data.loggedEmails };
}) satisfies PageServerLoad;
