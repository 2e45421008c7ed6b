import { error, fail, redirect } from '@sveltejs/kit';
import { NetworkForEditDocument, UpdateNetworkDocument } from '#lib/graphql/generated.ts';
import { graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors } from '#lib/server/forms.ts';
import { NETWORK_FIELDS, readNetworkForm } from '../../network-form.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The network as its steward edits it; a 404 or 403 page for anything else. */
async function networkForSteward(event: RequestEvent) {
  if (!event.locals.user) redirect(303, `/signin?next=${encodeURIComponent(event.url.pathname)}`);
  const { data, errors } = await graphql(event, NetworkForEditDocument, { slug: event.params.slug });
  if (!data) error(500, errors[0]?.message ?? 'This network could not be loaded.');
  if (!data.network) error(404, 'There is no network at this address.');
  if (data.network.myRole !== 'STEWARD') error(403, "Only this network's stewards can change its details.");
  return data.network;
}

export const load = (async (event) => ({ network: await networkForSteward(event) })) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    const network = await networkForSteward(event);
    const read = readNetworkForm(await event.request.formData());
    if ('problem' in read) return fail(400, read.problem);

    const { data, errors } = await graphql(event, UpdateNetworkDocument, {
      networkId: network.id,
      input: read.details,
    });
    if (!data || errors.length > 0) {
      return fail(failureStatus(errors), problemFromErrors(errors, NETWORK_FIELDS, read.values));
    }
    const conductChanged = data.updateNetwork.codeOfConductVersion !== network.codeOfConductVersion;
    redirect(303, `/networks/${network.slug}?${conductChanged ? 'conduct-changed' : 'updated'}`);
  },
} satisfies Actions;
