import { fail, redirect } from '@sveltejs/kit';
import { DeleteMyAccountDocument } from '#lib/graphql/generated.ts';
import { graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['password'] as const;
const SIGN_IN = '/signin?next=/account/delete';

export const load = (({ locals, url }) => {
  // After deletion the person is signed out; the page then only confirms it.
  const deleted = url.searchParams.has('deleted') && !locals.user;
  if (!locals.user && !deleted) redirect(303, SIGN_IN);
  return { deleted };
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    if (!event.locals.user) redirect(303, SIGN_IN);
    const form = await event.request.formData();
    const password = textField(form, 'password');
    if (!password) {
      return fail(400, { values: {}, errors: { password: 'Enter your password to confirm.' } });
    }
    const { data, errors } = await graphql(event, DeleteMyAccountDocument, { password });
    if (!data?.deleteMyAccount || errors.length > 0) {
      if (errors[0]?.extensions?.code === 'UNAUTHENTICATED') redirect(303, SIGN_IN);
      return fail(failureStatus(errors), problemFromErrors(errors, FIELDS, {}));
    }
    // The API has ended the session and cleared its cookie (passed on by hooks.server.ts).
    event.locals.user = null;
    redirect(303, '/account/delete?deleted');
  },
} satisfies Actions;
