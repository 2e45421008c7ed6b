import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { CreateEventDocument, NewEventNetworkDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import { eventTimeZones, onFormFields, readEventForm } from '../organiser/event-form.ts';
import { EVENT_FIELDS } from '../organiser/event-values.ts';
import { NOT_ORGANISER } from '../organiser/manage.ts';
import type { Actions, PageServerLoad } from './$types';

/** The network named by `?network=`, for its organisers and stewards; the right error page for anyone else. */
async function networkToPlanFor(event: RequestEvent) {
  requireUser(event);
  const slug = event.url.searchParams.get('network');
  if (!slug) error(404, 'Start a new event from the page of the network it is for.');
  const { data, errors } = await graphql(event, NewEventNetworkDocument, { slug });
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (!data) error(500, errors[0]?.message ?? 'This network could not be loaded.');
  if (!data.network) error(404, 'There is no network at this address.');
  const { network } = data;
  if (network.myRole !== 'ORGANISER' && network.myRole !== 'STEWARD') error(403, NOT_ORGANISER);
  return { ...network, venues: network.venues ?? [] };
}

export const load = (async (event) => {
  const network = await networkToPlanFor(event);
  return { network, timeZones: eventTimeZones() };
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    const network = await networkToPlanFor(event);
    const read = readEventForm(await event.request.formData());
    if ('problem' in read) return fail(400, read.problem);
    const { data, errors } = await graphql(event, CreateEventDocument, {
      input: { ...read.input, networkId: network.id },
    });
    if (!data || errors.length > 0) {
      if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      return fail(failureStatus(errors), problemFromErrors(onFormFields(errors), EVENT_FIELDS, read.values));
    }
    const series = read.input.repeat ? `&series=${read.input.repeat.count}` : '';
    redirect(303, `/events/${data.createEvent.id}/edit?created${series}`);
  },
} satisfies Actions;
