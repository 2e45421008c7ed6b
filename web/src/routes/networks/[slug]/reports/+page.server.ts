import { error } from '@sveltejs/kit';
import { NetworkReportsDocument, type ReportStatus } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { resolveReport } from '#lib/server/moderation.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

// A network's moderation queue, for its stewards and the site's operators: open reports oldest
// first, resolved ones newest first, each with a form to act on it.

const PAGE_SIZE = 20;

export const load = (async (event) => {
  requireUser(event);
  const status: ReportStatus = event.url.searchParams.get('status') === 'resolved' ? 'RESOLVED' : 'OPEN';
  const after = event.url.searchParams.get('after') || null;
  const { data, errors } = await graphql(event, NetworkReportsDocument, {
    slug: event.params.slug,
    status,
    first: PAGE_SIZE,
    after,
  });
  const code = errorCode(errors);
  if (code === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (code === 'FORBIDDEN') error(403, errors[0]!.message);
  if (code === 'BAD_USER_INPUT') {
    // A stale or hand-made cursor: say so rather than fail the page.
    return { status, after, network: null, openCount: 0, reports: null, problem: errors[0]!.message };
  }
  if (!data) error(500, errors[0]?.message ?? 'The reports could not be loaded.');
  if (!data.network) error(404, 'There is no network at this address.');
  const { reports, openReports, ...network } = data.network;
  return { status, after, network, openCount: openReports.totalCount, reports, problem: null };
}) satisfies PageServerLoad;

export const actions = {
  resolve: (event) => resolveReport(event, `/networks/${event.params.slug}/reports`),
} satisfies Actions;
