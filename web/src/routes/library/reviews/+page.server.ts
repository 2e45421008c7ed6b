import { error } from '@sveltejs/kit';
import { LibraryReviewQueuesDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
  requireUser(event);
  const { data, errors } = await graphql(event, LibraryReviewQueuesDocument);
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (!data) error(500, errors[0]?.message ?? 'Your review queue could not be loaded.');
  const memberships = data.myMemberships;
  // One list across networks, oldest first: whoever has waited longest is seen to first.
  const waiting = memberships
    .flatMap(({ network }) =>
      network.libraryReviewQueue.map((item) => ({ ...item, network: { name: network.name, slug: network.slug } })),
    )
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  const reviewsAnywhere = memberships.some(({ role }) => role !== 'MEMBER');
  return { waiting, reviewsAnywhere, networkCount: memberships.length };
}) satisfies PageServerLoad;
