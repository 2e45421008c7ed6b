import { fail, redirect } from '@sveltejs/kit';
import { DeleteMyAccountDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['password'] as const;

export const load = ((event) => {
  // After deletion the person is signed out; the page then only confirms it.
  const deleted = event.url.searchParams.has('deleted') && !event.locals.user;
  if (!deleted) requireUser(event);
  return { deleted };
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const password = textField(form, 'password');
    if (!password) {
      return fail(400, { values: {}, errors: { password: 'Enter your password to confirm.' } });
    }
    const { data, errors } = await graphql(event, DeleteMyAccountDocument, { password });
    if (!data?.deleteMyAccount || errors.length > 0) {
      if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      return fail(failureStatus(errors), problemFromErrors(errors, FIELDS, {}));
    }
    // The API has ended the session and cleared its cookie (passed on by hooks.server.ts).
    event.locals.user = null;
    redirect(303, '/account/delete?deleted');
  },
} satisfies Actions;
