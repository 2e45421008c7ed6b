import { error } from '@sveltejs/kit';
import { NetworkVenuesDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
  requireUser(event);
  // One operation for the network and its venues: the venues may be refused while the network shows.
  const { data, errors } = await graphql(event, NetworkVenuesDocument, { slug: event.params.slug });
  const code = errorCode(errors);
  if (code === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (!data) error(500, errors[0]?.message ?? 'This network could not be loaded.');
  if (!data.network) error(404, 'There is no network at this address.');
  const { venues, ...network } = data.network;
  if (code === 'FORBIDDEN') return { network, venues: null, forbidden: errors[0]!.message };
  if (!venues) error(500, errors[0]?.message ?? 'The venues could not be loaded.');
  return { network, venues, forbidden: null };
}) satisfies PageServerLoad;
