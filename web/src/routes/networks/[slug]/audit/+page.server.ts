import { error } from '@sveltejs/kit';
import { NetworkAuditLogDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import type { PageServerLoad } from './$types';

// A network's audit trail, newest first, for its stewards and the site's operators.

const PAGE_SIZE = 30;

export const load = (async (event) => {
  requireUser(event);
  const after = event.url.searchParams.get('after') || null;
  const { data, errors } = await graphql(event, NetworkAuditLogDocument, {
    slug: event.params.slug,
    first: PAGE_SIZE,
    after,
  });
  const code = errorCode(errors);
  if (code === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (code === 'FORBIDDEN') error(403, errors[0]!.message);
  if (code === 'BAD_USER_INPUT') return { after, network: null, log: null, problem: errors[0]!.message };
  if (!data) error(500, errors[0]?.message ?? 'The audit trail could not be loaded.');
  if (!data.network) error(404, 'There is no network at this address.');
  const { auditLog, ...network } = data.network;
  return { after, network, log: auditLog, problem: null };
}) satisfies PageServerLoad;
