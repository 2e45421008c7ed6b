import { fail, redirect } from '@sveltejs/kit';
import { CreateNetworkDocument } from '#lib/graphql/generated.ts';
import { graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors } from '#lib/server/forms.ts';
import { NETWORK_FIELDS, readNetworkForm } from '../network-form.ts';
import type { Actions, PageServerLoad } from './$types';

const SIGN_IN = '/signin?next=/networks/new';

// The guard lives here, not in a layout: layouts do not rerun for every request to this page.
export const load = (({ locals }) => {
  if (!locals.user) redirect(303, SIGN_IN);
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    if (!event.locals.user) redirect(303, SIGN_IN);
    const read = readNetworkForm(await event.request.formData());
    if ('problem' in read) return fail(400, read.problem);

    const { data, errors } = await graphql(event, CreateNetworkDocument, { input: read.details });
    if (!data || errors.length > 0) {
      return fail(failureStatus(errors), problemFromErrors(errors, NETWORK_FIELDS, read.values));
    }
    redirect(303, `/networks/${data.createNetwork.slug}?created`);
  },
} satisfies Actions;
