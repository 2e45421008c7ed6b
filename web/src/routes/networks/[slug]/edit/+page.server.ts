import { error, fail, redirect } from '@sveltejs/kit';
import {
  NetworkEditStateDocument,
  NetworkForEditDocument,
  UpdateNetworkDocument,
  type JoinPolicy,
  type NetworkRole,
} from '#lib/graphql/generated.ts';
import { graphql, type GraphqlResult } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField } from '#lib/server/forms.ts';
import { requireUser } from '#lib/server/session.ts';
import { NETWORK_FIELDS, readNetworkForm } from '../../network-form.ts';
import type { Actions, PageServerLoad } from './$types';

/** The network from a query that asked for the viewer's role; a 404 or 403 page unless they steward it. */
function stewardsOnly<Network extends { myRole: NetworkRole | null }>({
  data,
  errors,
}: GraphqlResult<{ network: Network | null }>): Network {
  if (!data) error(500, errors[0]?.message ?? 'This network could not be loaded.');
  if (!data.network) error(404, 'There is no network at this address.');
  if (data.network.myRole !== 'STEWARD') error(403, "Only this network's stewards can change its details.");
  return data.network;
}

export const load = (async (event) => {
  requireUser(event);
  const result = await graphql(event, NetworkForEditDocument, { slug: event.params.slug });
  return { network: stewardsOnly(result) };
}) satisfies PageServerLoad;

/** The details version the submitted form was based on; null for a crafted form without one. */
function basedOn(form: FormData): number | null {
  const version = Number(textField(form, 'detailsVersion'));
  return Number.isInteger(version) && version >= 1 ? version : null;
}

/** The join policy chosen; undefined (unchanged) for a crafted form without one. */
function joinPolicyOf(form: FormData): JoinPolicy | undefined {
  const chosen = textField(form, 'joinPolicy');
  return chosen === 'OPEN' || chosen === 'ASK_TO_JOIN' ? chosen : undefined;
}

export const actions = {
  default: async (event) => {
    requireUser(event);
    const network = stewardsOnly(await graphql(event, NetworkEditStateDocument, { slug: event.params.slug }));
    const form = await event.request.formData();
    const expectedDetailsVersion = basedOn(form);
    const joinPolicy = joinPolicyOf(form);
    const read = readNetworkForm(form);
    // Failures carry the version the typed values are based on, so saving again stays safe.
    if ('problem' in read) return fail(400, { ...read.problem, joinPolicy, detailsVersion: expectedDetailsVersion });

    const { data, errors } = await graphql(event, UpdateNetworkDocument, {
      networkId: network.id,
      input: { ...read.details, joinPolicy, expectedDetailsVersion },
    });
    if (!data || errors.length > 0) {
      // After a clash the steward has been told; their next save may replace the other one.
      const clashed = errors.some((e) => e.extensions?.field === 'expectedDetailsVersion');
      return fail(failureStatus(errors), {
        ...problemFromErrors(errors, NETWORK_FIELDS, read.values),
        joinPolicy,
        detailsVersion: clashed ? network.detailsVersion : expectedDetailsVersion,
      });
    }
    const conductChanged = data.updateNetwork.codeOfConductVersion !== network.codeOfConductVersion;
    redirect(303, `/networks/${network.slug}?${conductChanged ? 'conduct-changed' : 'updated'}`);
  },
} satisfies Actions;
