import { error } from '@sveltejs/kit';
import { ProfilePageDocument } from '#lib/graphql/generated.ts';
import { graphql } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
  const { data, errors } = await graphql(event, ProfilePageDocument, { id: event.params.id });
  if (!data) error(500, errors[0]?.message ?? 'This profile could not be loaded.');
  if (!data.person) error(404, 'There is no person at this address.');
  return { person: data.person, own: event.locals.user?.id === data.person.id };
}) satisfies PageServerLoad;
