import { fail, redirect } from '@sveltejs/kit';
import { CreateNetworkDocument } from '#lib/graphql/generated.ts';
import { graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors } from '#lib/server/forms.ts';
import { requireUser } from '#lib/server/session.ts';
import { NETWORK_FIELDS, readNetworkForm } from '../network-form.ts';
import type { Actions, PageServerLoad } from './$types';

// The guard lives here, not in a layout: layouts do not rerun for every request to this page.
export const load = ((event) => {
  requireUser(event);
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    requireUser(event);
    const read = readNetworkForm(await event.request.formData());
    if ('problem' in read) return fail(400, read.problem);

    const { data, errors } = await graphql(event, CreateNetworkDocument, { input: read.details });
    if (!data || errors.length > 0) {
      return fail(failureStatus(errors), problemFromErrors(errors, NETWORK_FIELDS, read.values));
    }
    redirect(303, `/networks/${data.createNetwork.slug}?created`);
  },
} satisfies Actions;
