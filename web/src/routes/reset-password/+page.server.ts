import { fail, redirect } from '@sveltejs/kit';
import { ResetPasswordDocument } from '#lib/graphql/generated.ts';
import { graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField } from '#lib/server/forms.ts';
import { isUnusableLink, keepLinkPrivate } from '#lib/server/email-link.ts';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['newPassword'] as const;

export const load = ((event) => {
  keepLinkPrivate(event);
  return { token: event.url.searchParams.get('token') ?? '' };
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const token = textField(form, 'token');
    const newPassword = textField(form, 'newPassword');
    const { data, errors } = await graphql(event, ResetPasswordDocument, { token, newPassword });
    if (!data?.resetPassword || errors.length > 0) {
      return fail(failureStatus(errors), {
        ...problemFromErrors(errors, FIELDS, {}),
        unusableLink: isUnusableLink(errors),
      });
    }
    // Every session has ended, this browser's too: the person signs in again with the new password.
    event.locals.user = null;
    redirect(303, '/signin?reset');
  },
} satisfies Actions;
