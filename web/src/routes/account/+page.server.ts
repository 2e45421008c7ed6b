import { requireUser, signOut, signOutEverywhere } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

// The guard lives here, not in a layout: layouts do not rerun for every request to this page.
export const load = ((event) => {
  return { account: requireUser(event) };
}) satisfies PageServerLoad;

export const actions = {
  signout: (event) => signOut(event),
  signoutEverywhere: (event) => signOutEverywhere(event),
} satisfies Actions;
