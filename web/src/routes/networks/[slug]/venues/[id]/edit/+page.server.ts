import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { ArchiveVenueDocument, UpdateVenueDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors } from '#lib/server/forms.ts';
import { redirectToSignIn } from '#lib/server/session.ts';
import { holderChoices, readVenueForm, valuesOf, VENUE_FIELDS, venuesToKeep } from '../../venue-form.ts';
import type { Actions, PageServerLoad } from './$types';

/** The network and the venue to change; 404 when the venue is not in its directory (archived, say). */
async function venueToKeep(event: RequestEvent) {
  const network = await venuesToKeep(event);
  const venue = network.venues.find((candidate) => candidate.id === event.params.id);
  if (!venue) error(404, 'This network lists no such venue. It may have been archived.');
  return { network, venue };
}

export const load = (async (event) => {
  const { network, venue } = await venueToKeep(event);
  return { network, venue, saved: valuesOf(venue), holders: await holderChoices(event) };
}) satisfies PageServerLoad;

export const actions = {
  save: async (event) => {
    const { network, venue } = await venueToKeep(event);
    const read = readVenueForm(await event.request.formData());
    if ('problem' in read) return fail(400, read.problem);
    const { data, errors } = await graphql(event, UpdateVenueDocument, { venueId: venue.id, input: read.input });
    if (!data || errors.length > 0) {
      if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      return fail(failureStatus(errors), problemFromErrors(errors, VENUE_FIELDS, read.values));
    }
    redirect(303, `/networks/${network.slug}/venues?updated=${venue.id}#venue-${venue.id}`);
  },
  archive: async (event) => {
    const { network, venue } = await venueToKeep(event);
    const { data, errors } = await graphql(event, ArchiveVenueDocument, { venueId: venue.id });
    if (!data || errors.length > 0) {
      if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      return fail(failureStatus(errors), { values: null, errors: {}, message: errors[0]?.message });
    }
    redirect(303, `/networks/${network.slug}/venues?archived=${encodeURIComponent(data.archiveVenue.name)}`);
  },
} satisfies Actions;
