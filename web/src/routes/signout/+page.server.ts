import { redirect } from '@sveltejs/kit';
import { signOut } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

// The target of the Sign out button in the navigation. Visiting it signed out has nothing to do.
export const load = (({ locals }) => {
  if (!locals.user) redirect(303, '/');
}) satisfies PageServerLoad;

export const actions = {
  default: (event) => signOut(event),
} satisfies Actions;
