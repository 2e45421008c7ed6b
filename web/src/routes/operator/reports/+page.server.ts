import { error } from '@sveltejs/kit';
import { OperatorReportsDocument, type ReportStatus } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { resolveReport } from '#lib/server/moderation.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

// Every network's reports and those that go to the operators, for the site's operators only.

const PAGE_SIZE = 20;

export const load = (async (event) => {
  requireUser(event);
  const status: ReportStatus = event.url.searchParams.get('status') === 'resolved' ? 'RESOLVED' : 'OPEN';
  const after = event.url.searchParams.get('after') || null;
  const { data, errors } = await graphql(event, OperatorReportsDocument, { status, first: PAGE_SIZE, after });
  const code = errorCode(errors);
  if (code === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (code === 'FORBIDDEN') error(403, errors[0]!.message);
  if (code === 'BAD_USER_INPUT') return { status, after, openCount: 0, reports: null, problem: errors[0]!.message };
  if (!data) error(500, errors[0]?.message ?? 'The reports could not be loaded.');
  return { status, after, openCount: data.openReports.totalCount, reports: data.operatorReports, problem: null };
}) satisfies PageServerLoad;

export const actions = {
  resolve: (event) => resolveReport(event, '/operator/reports'),
} satisfies Actions;
