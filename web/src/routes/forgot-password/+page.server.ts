import { fail, redirect } from '@sveltejs/kit';
import { RequestPasswordResetDocument } from '#lib/graphql/generated.ts';
import { graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField } from '#lib/server/forms.ts';
import type { Actions } from './$types';

const FIELDS = ['email'] as const;

export const actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const email = textField(form, 'email');
    const { data, errors } = await graphql(event, RequestPasswordResetDocument, { email });
    if (!data || errors.length > 0) {
      return fail(failureStatus(errors), problemFromErrors(errors, FIELDS, { email }));
    }
    // The same answer for every address, and the address kept out of the URL (and of logs).
    redirect(303, '/forgot-password?sent');
  },
} satisfies Actions;
