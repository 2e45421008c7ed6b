// Where the person is in their notifications: the filter and the page, kept in the address so a
// plain form can come back to the same place after marking something read.

export interface ListPosition {
  unreadOnly: boolean;
  /** The cursor this page starts after; null on the first page. */
  after: string | null;
}

export function positionFrom(params: URLSearchParams): ListPosition {
  return { unreadOnly: params.get('show') === 'unread', after: params.get('after') || null };
}

/** The list's address at this position, with a status to show and a place to scroll to. */
export function listAddress(position: ListPosition, extra: { status?: string; fragment?: string } = {}): string {
  const params = new URLSearchParams();
  if (position.unreadOnly) params.set('show', 'unread');
  if (position.after) params.set('after', position.after);
  if (extra.status) params.set(extra.status, '');
  const query = params.toString();
  const fragment = extra.fragment ? `#${encodeURIComponent(extra.fragment)}` : '';
  return `/notifications${query ? `?${query}` : ''}${fragment}`;
}

/** The id of a notification's entry on the page, which a form returns to. */
export function entryId(notificationId: string): string {
  return `notification-${notificationId}`;
}

/** An element id a form asks to return to: one of the page's own, or none. */
export function safeFragment(value: string): string | undefined {
  return /^(notification-[\w-]+|notifications-title)$/.test(value) ? value : undefined;
}
