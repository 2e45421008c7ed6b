import { fail, redirect } from '@sveltejs/kit';
import { SignInDocument } from '#lib/graphql/generated.ts';
import { graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, safeNextPath, textField } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['email', 'password'] as const;

export const load = (({ locals, url }) => {
  if (locals.user) redirect(303, safeNextPath(url.searchParams.get('next')) ?? '/account');
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    const next = safeNextPath(event.url.searchParams.get('next')) ?? '/account';
    if (event.locals.user) redirect(303, next);

    const form = await event.request.formData();
    const email = textField(form, 'email');
    const password = textField(form, 'password');

    // A wrong email or a wrong password get the same message from the API.
    const { data, errors } = await graphql(event, SignInDocument, { input: { email, password } });
    if (!data || errors.length > 0) {
      return fail(failureStatus(errors), problemFromErrors(errors, FIELDS, { email }));
    }
    redirect(303, next);
  },
} satisfies Actions;
