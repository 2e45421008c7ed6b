import { error, fail, redirect } from '@sveltejs/kit';
import { LeaveNetworkDocument, NetworkToLeaveDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Leaving asks first: a plain link from the network's page leads here, and only this form leaves.

async function networkToLeave(event: RequestEvent) {
  const { data, errors } = await graphql(event, NetworkToLeaveDocument, { slug: event.params.slug });
  if (!data) error(500, errors[0]?.message ?? 'This network could not be loaded.');
  if (!data.network) error(404, 'There is no network at this address.');
  return data.network;
}

export const load = (async (event) => {
  requireUser(event);
  return { network: await networkToLeave(event) };
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    requireUser(event);
    const network = await networkToLeave(event);
    const { data, errors } = await graphql(event, LeaveNetworkDocument, { networkId: network.id });
    if (!data?.leaveNetwork || errors.length > 0) {
      if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      return fail(failureStatus(errors), { message: errors[0]?.message ?? 'Something went wrong. Please try again.' });
    }
    redirect(303, `/networks/${network.slug}?left`);
  },
} satisfies Actions;
