import { fail, redirect } from '@sveltejs/kit';
import { SignUpDocument } from '#lib/graphql/generated.ts';
import { graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, safeNextPath, textField } from '#lib/server/forms.ts';
import { welcomePath } from '#lib/sign-in.ts';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['name', 'email', 'password'] as const;

export const load = (({ locals, url }) => {
  if (locals.user) redirect(303, safeNextPath(url.searchParams.get('next')) ?? '/account');
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    // Back to the page that asked for an account (a network to join), welcomed there.
    const next = safeNextPath(event.url.searchParams.get('next'));
    if (event.locals.user) redirect(303, next ?? '/account');

    const form = await event.request.formData();
    const name = textField(form, 'name');
    const email = textField(form, 'email');
    const password = textField(form, 'password');

    // The API checks every field and names the one at fault; the web does not repeat its rules.
    const { data, errors } = await graphql(event, SignUpDocument, { input: { name, email, password } });
    if (!data || errors.length > 0) {
      return fail(failureStatus(errors), problemFromErrors(errors, FIELDS, { name, email }));
    }
    redirect(303, welcomePath(next));
  },
} satisfies Actions;
