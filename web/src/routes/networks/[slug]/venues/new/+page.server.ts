import { fail, redirect } from '@sveltejs/kit';
import { AddVenueDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors } from '#lib/server/forms.ts';
import { redirectToSignIn } from '#lib/server/session.ts';
import { holderChoices, readVenueForm, VENUE_FIELDS, venuesToKeep } from '../venue-form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  const network = await venuesToKeep(event);
  return { network, holders: await holderChoices(event) };
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    const network = await venuesToKeep(event);
    const read = readVenueForm(await event.request.formData());
    if ('problem' in read) return fail(400, read.problem);
    const { data, errors } = await graphql(event, AddVenueDocument, { networkId: network.id, input: read.input });
    if (!data || errors.length > 0) {
      if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      return fail(failureStatus(errors), problemFromErrors(errors, VENUE_FIELDS, read.values));
    }
    redirect(303, `/networks/${network.slug}/venues?added=${data.addVenue.id}#venue-${data.addVenue.id}`);
  },
} satisfies Actions;
