import { fail, redirect } from '@sveltejs/kit';
import { ChangeEmailDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['newEmail', 'password'] as const;

export const load = ((event) => {
  const account = requireUser(event);
  return { email: account.email };
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const newEmail = textField(form, 'newEmail');
    const password = textField(form, 'password');
    const { data, errors } = await graphql(event, ChangeEmailDocument, { newEmail, password });
    if (!data?.changeEmail || errors.length > 0) {
      if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      return fail(failureStatus(errors), problemFromErrors(errors, FIELDS, { newEmail }));
    }
    redirect(303, '/account?email-change-sent');
  },
} satisfies Actions;
