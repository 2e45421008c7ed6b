import { error } from '@sveltejs/kit';
import { MyReportsDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import type { PageServerLoad } from './$types';

// The reports the signed-in person made, newest first, each with where it stands: never what
// was done about it, which only those who handle it read.

const PAGE_SIZE = 20;

export const load = (async (event) => {
  requireUser(event);
  const after = event.url.searchParams.get('after') || null;
  const { data, errors } = await graphql(event, MyReportsDocument, { first: PAGE_SIZE, after });
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  // A stale or hand-made cursor: say so rather than fail the page.
  if (errorCode(errors) === 'BAD_USER_INPUT') return { after, reports: null, problem: errors[0]!.message };
  if (!data) error(500, errors[0]?.message ?? 'Your reports could not be loaded.');
  return { after, reports: data.myReports, problem: null };
}) satisfies PageServerLoad;
