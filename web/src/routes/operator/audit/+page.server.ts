import { error } from '@sveltejs/kit';
import { OperatorAuditLogDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import type { PageServerLoad } from './$types';

// The whole audit trail, newest first, for the site's operators only.

const PAGE_SIZE = 30;

export const load = (async (event) => {
  requireUser(event);
  const after = event.url.searchParams.get('after') || null;
  const { data, errors } = await graphql(event, OperatorAuditLogDocument, { first: PAGE_SIZE, after });
  const code = errorCode(errors);
  if (code === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (code === 'FORBIDDEN') error(403, errors[0]!.message);
  if (code === 'BAD_USER_INPUT') return { after, log: null, problem: errors[0]!.message };
  if (!data) error(500, errors[0]?.message ?? 'The audit trail could not be loaded.');
  return { after, log: data.operatorAuditLog, problem: null };
}) satisfies PageServerLoad;
