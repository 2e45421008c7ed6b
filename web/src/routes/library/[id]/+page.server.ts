import { error, fail, redirect } from '@sveltejs/kit';
import {
  ArchiveLibraryItemFromPageDocument,
  LibraryItemPageDocument,
  MarkLibraryItemUsedDocument,
  ReviewLibraryItemFromPageDocument,
  SubmitLibraryItemForReviewDocument,
  type ReviewDecision,
} from '#lib/graphql/generated.ts';
import { errorCode, graphql, type GraphqlResult } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField, type FormProblem } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The item page's forms; each failure says which one it belongs to, so it is shown beside it. */
type ItemAction = 'used' | 'submit' | 'review' | 'archive';
type Field = 'note' | 'comment';
type ItemProblem = FormProblem<Field> & { action: ItemAction };

export const load = (async (event) => {
  const { data, errors } = await graphql(event, LibraryItemPageDocument, { id: event.params.id });
  if (errorCode(errors) === 'NOT_FOUND' || errorCode(errors) === 'BAD_USER_INPUT') {
    error(404, 'There is no library item at this address, or it is not shared with you.');
  }
  if (!data) error(500, errors[0]?.message ?? 'This item could not be loaded.');
  if (!data.libraryItem) error(404, 'There is no library item at this address, or it is not shared with you.');
  const viewerId = event.locals.user?.id ?? null;
  return {
    item: data.libraryItem,
    signedIn: viewerId !== null,
    viewerIsAuthor: viewerId !== null && data.libraryItem.authors.some((author) => author.id === viewerId),
  };
}) satisfies PageServerLoad;

/** Back to the item with a notice, or the API's problem shown beside the form that was sent. */
function settled(
  event: RequestEvent,
  action: ItemAction,
  result: GraphqlResult<unknown>,
  values: Partial<Record<Field, string>>,
  done: string,
) {
  if (!result.data || result.errors.length > 0) {
    if (errorCode(result.errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
    const problem: ItemProblem = { ...problemFromErrors(result.errors, ['note', 'comment'], values), action };
    return fail(failureStatus(result.errors), problem);
  }
  redirect(303, `/library/${event.params.id}?${done}`);
}

function decisionFrom(form: FormData): ReviewDecision | null {
  const decision = textField(form, 'decision');
  return decision === 'APPROVE' || decision === 'REQUEST_CHANGES' ? decision : null;
}

export const actions = {
  used: async (event) => {
    requireUser(event);
    const note = textField(await event.request.formData(), 'note');
    const result = await graphql(event, MarkLibraryItemUsedDocument, { itemId: event.params.id, note: note.trim() });
    return settled(event, 'used', result, { note }, 'used');
  },
  submit: async (event) => {
    requireUser(event);
    const result = await graphql(event, SubmitLibraryItemForReviewDocument, { itemId: event.params.id });
    return settled(event, 'submit', result, {}, 'submitted');
  },
  review: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const comment = textField(form, 'comment');
    const decision = decisionFrom(form);
    if (!decision) {
      const problem: ItemProblem = {
        action: 'review',
        values: { comment },
        errors: {},
        message: 'Choose approve or ask for changes.',
      };
      return fail(400, problem);
    }
    const result = await graphql(event, ReviewLibraryItemFromPageDocument, {
      itemId: event.params.id,
      decision,
      comment: comment.trim() || null,
    });
    return settled(event, 'review', result, { comment }, decision === 'APPROVE' ? 'approved' : 'changes-asked');
  },
  archive: async (event) => {
    requireUser(event);
    const result = await graphql(event, ArchiveLibraryItemFromPageDocument, { itemId: event.params.id });
    return settled(event, 'archive', result, {}, 'archived');
  },
} satisfies Actions;
