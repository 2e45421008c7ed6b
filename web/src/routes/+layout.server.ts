import { UnreadNotificationCountDocument } from '#lib/graphql/generated.ts';
import { graphql } from '#lib/server/api.ts';
import type { LayoutServerLoad } from './$types';

// Only what the layout shows. Pages that need a signed-in person guard themselves in +page.server.ts.
export const load = (async (event) => {
  const user = event.locals.user;
  return { user, unreadCount: user ? await unreadCount(event) : null };
}) satisfies LayoutServerLoad;

/** The header's count; null when it cannot be read, so the page still renders, without a figure. */
async function unreadCount(event: Parameters<LayoutServerLoad>[0]): Promise<number | null> {
  try {
    const { data } = await graphql(event, UnreadNotificationCountDocument);
    return data?.notifications.unreadCount ?? null;
  } catch {
    return null;
  }
}
