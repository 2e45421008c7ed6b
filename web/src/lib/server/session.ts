import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { SignOutDocument, SignOutEverywhereDocument } from '#lib/graphql/generated.ts';
import { graphql } from './api.ts';
import { failureStatus } from './forms.ts';

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
  if (!event.locals.user) redirect(303, '/signin?next=/account');
  const { errors } = await graphql(event, SignOutEverywhereDocument);
  if (errors[0]?.extensions?.code === 'UNAUTHENTICATED') redirect(303, '/signin?next=/account');
  if (errors.length > 0)
    return fail(failureStatus(errors), { message: errors[0]?.message ?? 'Could not sign you out.' });
  redirect(303, '/?signedout=everywhere');
}
