import type { LayoutServerLoad } from './$types';

// Only what the layout shows. Pages that need a signed-in person guard themselves in +page.server.ts.
export const load = (({ locals }) => {
  return { user: locals.user };
}) satisfies LayoutServerLoad;
