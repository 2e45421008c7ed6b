import { error } from '@sveltejs/kit';
import { LibraryVersionPageDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
  const { data, errors } = await graphql(event, LibraryVersionPageDocument, { id: event.params.id });
  if (errorCode(errors) === 'NOT_FOUND' || errorCode(errors) === 'BAD_USER_INPUT') {
    error(404, 'There is no library item at this address, or it is not shared with you.');
  }
  if (!data) error(500, errors[0]?.message ?? 'This version could not be loaded.');
  const item = data.libraryItem;
  const number = Number(event.params.number);
  const version = item?.versions.find((entry) => entry.number === number);
  if (!item || !version) error(404, 'This item has no version with that number.');
  return { item: { id: item.id, kind: item.kind, title: item.title, current: item.version }, version };
}) satisfies PageServerLoad;
