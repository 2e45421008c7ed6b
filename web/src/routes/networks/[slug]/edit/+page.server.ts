import { error, fail, redirect } from '@sveltejs/kit';
import { NetworkForEditDocument, UpdateNetworkDocument } from '#lib/graphql/generated.ts';
import { graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField } from '#lib/server/forms.ts';
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

/** The details version the submitted form was based on; null for a crafted form without one. */
function basedOn(form: FormData): number | null {
  const version = Number(textField(form, 'detailsVersion'));
  return Number.isInteger(version) && version >= 1 ? version : null;
}

export const actions = {
  default: async (event) => {
    const network = await networkForSteward(event);
    const form = await event.request.formData();
    const expectedDetailsVersion = basedOn(form);
    const read = readNetworkForm(form);
    // Failures carry the version the typed values are based on, so saving again stays safe.
    if ('problem' in read) return fail(400, { ...read.problem, detailsVersion: expectedDetailsVersion });

    const { data, errors } = await graphql(event, UpdateNetworkDocument, {
      networkId: network.id,
      input: { ...read.details, expectedDetailsVersion },
    });
    if (!data || errors.length > 0) {
      // After a clash the steward has been told; their next save may replace the other one.
      const clashed = errors.some((e) => e.extensions?.field === 'expectedDetailsVersion');
      return fail(failureStatus(errors), {
        ...problemFromErrors(errors, NETWORK_FIELDS, read.values),
        detailsVersion: clashed ? network.detailsVersion : expectedDetailsVersion,
      });
    }
    const conductChanged = data.updateNetwork.codeOfConductVersion !== network.codeOfConductVersion;
    redirect(303, `/networks/${network.slug}?${conductChanged ? 'conduct-changed' : 'updated'}`);
  },
} satisfies Actions;
