import { error } from '@sveltejs/kit';
import { UpcomingEventsDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

export const load = (async (event) => {
  const near = event.url.searchParams.get('near')?.trim() ?? '';
  const after = event.url.searchParams.get('after');
  const { data, errors } = await graphql(event, UpcomingEventsDocument, {
    filter: near ? { placeName: near } : null,
    first: PAGE_SIZE,
    after,
  });
  // A town Hearth does not know is the searcher's to fix, not a broken page.
  if (errorCode(errors) === 'BAD_USER_INPUT') return { near, after, events: null, problem: errors[0]!.message };
  if (!data) error(500, errors[0]?.message ?? 'The events could not be loaded.');
  return { near, after, events: data.upcomingEvents, problem: null };
}) satisfies PageServerLoad;
