import { error } from '@sveltejs/kit';
import { NetworkForEventsDocument, UpcomingEventsDocument } from '#lib/graphql/generated.ts';
import { graphql } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

export const load = (async (event) => {
  const { data, errors } = await graphql(event, NetworkForEventsDocument, { slug: event.params.slug });
  if (!data) error(500, errors[0]?.message ?? 'This network could not be loaded.');
  if (!data.network) error(404, 'There is no network at this address.');
  const after = event.url.searchParams.get('after');
  const upcoming = await graphql(event, UpcomingEventsDocument, {
    filter: { networkId: data.network.id },
    first: PAGE_SIZE,
    after,
  });
  if (!upcoming.data) error(500, upcoming.errors[0]?.message ?? 'The events could not be loaded.');
  return { network: data.network, events: upcoming.data.upcomingEvents, after };
}) satisfies PageServerLoad;
