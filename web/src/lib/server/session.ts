import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { SignOutDocument, SignOutEverywhereDocument } from '#lib/graphql/generated.ts';
import { signInPath } from '#lib/sign-in.ts';
import { errorCode, graphql } from './api.ts';
import { failureStatus } from './forms.ts';

export type SignedInUser = NonNullable<App.Locals['user']>;

/**
 * The signed-in person, or off to sign in and then back: to the page this request was for, or
 * to `next` when coming back here would make no sense (a download, say).
 */
export function requireUser(event: RequestEvent, next?: string): SignedInUser {
  if (event.locals.user) return event.locals.user;
  redirectToSignIn(event, next);
}

/** Off to sign in, then back as `requireUser` comes back: for a session that ended mid-request. */
export function redirectToSignIn(event: RequestEvent, next = pageAddress(event.url)): never {
  redirect(303, signInPath(next));
}

/** The address of the page a request was for: a form action's `?/name` is not part of it. */
export function pageAddress(url: URL): string {
  const params = new URLSearchParams(url.search);
  for (const key of [...params.keys()]) if (key.startsWith('/')) params.delete(key);
  const query = params.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

/**
 * Ends this browser's session (the API clears the cookie), then goes home with a confirmation.
 * Signing out when already signed out is not a problem: the result is the same.
 */
export async function signOut(event: RequestEvent) {
  const { errors } = await graphql(event, SignOutDocument);
  if (errors.length > 0)
    return fail(failureStatus(errors), { message: errors[0]?.message ?? 'Could not sign you out.' });
  redirect(303, '/?signedout');
}

/** Ends every session of the signed-in person, on every device. */
export async function signOutEverywhere(event: RequestEvent) {
  requireUser(event);
  const { errors } = await graphql(event, SignOutEverywhereDocument);
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (errors.length > 0)
    return fail(failureStatus(errors), { message: errors[0]?.message ?? 'Could not sign you out.' });
  redirect(303, '/?signedout=everywhere');
}
