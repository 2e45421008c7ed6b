import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { MyLibraryDocument, RevokeMyBriefDocument, SendMyItemForReviewDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql, type GraphqlResult } from '#lib/server/api.ts';
import { failureStatus, textField } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireUser(event);
  const { data, errors } = await graphql(event, MyLibraryDocument);
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (!data) error(500, errors[0]?.message ?? 'Your items could not be loaded.');
  // The brief whose revoking is being confirmed, by `?revoke=`: a step that needs no JavaScript.
  const revoking = event.url.searchParams.get('revoke');
  return {
    items: data.myLibraryItems,
    briefs: data.myBriefs,
    revoking: data.myBriefs.find((brief) => brief.id === revoking && !brief.revoked)?.id ?? null,
  };
}) satisfies PageServerLoad;

/** Back to the list with a notice, or the API's problem shown in the summary. */
function settled(event: RequestEvent, result: GraphqlResult<unknown>, done: string, about: string) {
  if (!result.data || result.errors.length > 0) {
    if (errorCode(result.errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
    return fail(failureStatus(result.errors), {
      about,
      message: result.errors[0]?.message ?? 'Something went wrong on our side. Please try again.',
    });
  }
  redirect(303, `/library/mine?${done}`);
}

export const actions = {
  submit: async (event) => {
    requireUser(event);
    const itemId = textField(await event.request.formData(), 'itemId');
    const result = await graphql(event, SendMyItemForReviewDocument, { itemId });
    return settled(event, result, 'submitted', itemId);
  },
  revoke: async (event) => {
    requireUser(event);
    const briefId = textField(await event.request.formData(), 'briefId');
    const result = await graphql(event, RevokeMyBriefDocument, { briefId });
    return settled(event, result, 'revoked', briefId);
  },
} satisfies Actions;
