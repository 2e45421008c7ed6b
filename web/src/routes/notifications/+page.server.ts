import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { MarkNotificationsReadDocument, MyNotificationsDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import { listAddress, positionFrom, safeFragment } from './list-position.ts';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 20;

export const load = (async (event) => {
  requireUser(event);
  const position = positionFrom(event.url.searchParams);
  const { data, errors } = await graphql(event, MyNotificationsDocument, { ...position, first: PAGE_SIZE });
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  // A stale or hand-made cursor: say so, and offer the first page.
  if (errorCode(errors) === 'BAD_USER_INPUT') return { ...position, notifications: null, problem: errors[0]!.message };
  if (!data) error(500, errors[0]?.message ?? 'Your notifications could not be loaded.');
  return { ...position, notifications: data.notifications, problem: null };
}) satisfies PageServerLoad;

export const actions = {
  // Back to the same place in the list: the form says where, as its position and the entry to scroll to.
  markRead: async (event) => {
    const form = await event.request.formData();
    const position = positionFrom(new URLSearchParams(textField(form, 'position')));
    const failure = await markRead(event, [textField(form, 'id')]);
    if (failure) return failure;
    redirect(303, listAddress(position, { fragment: safeFragment(textField(form, 'returnTo')) }));
  },
  // Nothing unread is left, so back to the first page, which says so.
  markAllRead: async (event) => {
    const form = await event.request.formData();
    const { unreadOnly } = positionFrom(new URLSearchParams(textField(form, 'position')));
    const failure = await markRead(event, null);
    if (failure) return failure;
    redirect(303, listAddress({ unreadOnly, after: null }, { status: 'all-read' }));
  },
} satisfies Actions;

/** Marks these notifications read (null: every one); a failure to show, or nothing when it worked. */
async function markRead(event: RequestEvent, ids: string[] | null) {
  requireUser(event);
  const { data, errors } = await graphql(event, MarkNotificationsReadDocument, ids ? { ids } : {});
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (typeof data?.markNotificationsRead !== 'number' || errors.length > 0) {
    return fail(failureStatus(errors), problemFromErrors(errors, [], {}));
  }
  return null;
}
