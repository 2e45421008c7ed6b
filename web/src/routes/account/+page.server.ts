import { error } from '@sveltejs/kit';
import { MyNetworksDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { redirectToSignIn, requireUser, signOut, signOutEverywhere } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

// The guard lives here, not in a layout: layouts do not rerun for every request to this page.
export const load = (async (event) => {
  const account = requireUser(event);
  const { data, errors } = await graphql(event, MyNetworksDocument);
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (!data) error(500, errors[0]?.message ?? 'Your networks could not be loaded.');
  return { account, memberships: data.myMemberships };
}) satisfies PageServerLoad;

export const actions = {
  signout: (event) => signOut(event),
  signoutEverywhere: (event) => signOutEverywhere(event),
} satisfies Actions;
