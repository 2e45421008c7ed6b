// What the pages opened from emailed links (/reset-password, /verify-email, /unsubscribe) share.
import type { RequestEvent } from '@sveltejs/kit';
import type { HearthGraphqlError } from '#lib/server/contract.ts';

/**
 * The link's token is in the page's address: no cache may keep the page. (Call from `load` only:
 * SvelteKit refuses a header set twice in one request, and a failed action runs `load` after it.)
 */
export function keepLinkPrivate(event: Pick<RequestEvent, 'setHeaders'>): void {
  event.setHeaders({ 'cache-control': 'private, no-store' });
}

/** The API names `token` when the link is wrong, used up, replaced or expired. */
export function isUnusableLink(errors: HearthGraphqlError[]): boolean {
  return errors.some((error) => error.extensions?.field === 'token');
}
