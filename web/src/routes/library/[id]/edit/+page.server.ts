import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import {
  LibraryItemToEditDocument,
  UpdateLibraryItemFromEditorDocument,
  type LibraryEditorItemFragment,
  type UpdateLibraryItemInput,
} from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import { caseStudyInput, sharedInput, valuesOfItem, type ItemValues } from '../../new/editor.ts';
import { readEditor, saveFailed } from '../../new/editor.server.ts';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = 'There is no library item at this address, or it is not shared with you.';

/** The item, for its author; the right error page for anyone else. */
async function itemToEdit(event: RequestEvent<{ id: string }>): Promise<LibraryEditorItemFragment> {
  requireUser(event);
  const { data, errors } = await graphql(event, LibraryItemToEditDocument, { id: event.params.id });
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (errorCode(errors) === 'NOT_FOUND' || errorCode(errors) === 'BAD_USER_INPUT') error(404, NOT_FOUND);
  if (!data) error(500, errors[0]?.message ?? 'This item could not be loaded.');
  const item = data.libraryItem;
  if (!item) error(404, NOT_FOUND);
  if (item.status === 'ARCHIVED') error(409, 'This item is archived, so it can no longer be changed.');
  if (!item.viewerCanEdit) error(403, 'Only its author can change it.');
  return item;
}

export const load = (async (event) => {
  const item = await itemToEdit(event);
  return { item, values: valuesOfItem(item) };
}) satisfies PageServerLoad;

/** The change to send: every field of the item's kind, as the form has it. */
function changesFrom(item: LibraryEditorItemFragment, values: ItemValues): UpdateLibraryItemInput {
  const shared = sharedInput(values);
  if (item.kind === 'CASE_STUDY') return { ...shared, ...caseStudyInput(values) };
  const input: UpdateLibraryItemInput = { ...shared, body: values.body ?? '' };
  if (item.kind === 'TEMPLATE') {
    if (values.fileId) input.fileId = values.fileId;
    else if (values.removeFile === 'on') input.fileId = null;
  }
  return input;
}

export const actions = {
  default: async (event) => {
    const item = await itemToEdit(event);
    const read = await readEditor(event, item.kind);
    if ('answer' in read) return read.answer;
    const { data, errors } = await graphql(event, UpdateLibraryItemFromEditorDocument, {
      itemId: item.id,
      input: changesFrom(item, read.values),
    });
    if (!data || errors.length > 0) return saveFailed(event, errors, read.values);
    redirect(303, `/library/${item.id}`);
  },
} satisfies Actions;
