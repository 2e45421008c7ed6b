import { error, fail, redirect } from '@sveltejs/kit';
import { BlockPersonDocument, MyBlocksDocument, UnblockPersonDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

// The people the signed-in person blocked, each with a way to undo it. Blocking itself starts on
// a person's page, whose form posts to `?/block` here.

export const load = (async (event) => {
  requireUser(event);
  const { data, errors } = await graphql(event, MyBlocksDocument);
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (!data) error(500, errors[0]?.message ?? 'The people you blocked could not be loaded.');
  return { blocks: data.myBlocks };
}) satisfies PageServerLoad;

export const actions = {
  block: async (event) => {
    requireUser(event, '/account/blocks');
    const personId = textField(await event.request.formData(), 'personId');
    const { data, errors } = await graphql(event, BlockPersonDocument, { personId });
    if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event, '/account/blocks');
    if (!data || errors.length > 0) return fail(failureStatus(errors), problemFromErrors(errors, [], {}));
    redirect(303, '/account/blocks?blocked');
  },
  unblock: async (event) => {
    requireUser(event);
    const personId = textField(await event.request.formData(), 'personId');
    const { data, errors } = await graphql(event, UnblockPersonDocument, { personId });
    if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
    if (!data || errors.length > 0) return fail(failureStatus(errors), problemFromErrors(errors, [], {}));
    redirect(303, '/account/blocks?unblocked');
  },
} satisfies Actions;
