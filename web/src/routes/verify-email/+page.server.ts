import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { MyEmailDocument, ResendVerificationDocument, VerifyEmailDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import { keepLinkPrivate } from '#lib/server/email-link.ts';
import type { Actions, PageServerLoad } from './$types';

// A GET only shows the button: mail systems fetch links to scan them, and must not use them up.
export const load = ((event) => {
  keepLinkPrivate(event);
  return {
    token: event.url.searchParams.get('token') ?? '',
    confirmed: event.url.searchParams.has('confirmed'),
    signedIn: event.locals.user !== null,
  };
}) satisfies PageServerLoad;

export const actions = {
  verify: async (event) => {
    const form = await event.request.formData();
    const token = textField(form, 'token');
    const { data, errors } = await graphql(event, VerifyEmailDocument, { token });
    if (!data?.verifyEmail || errors.length > 0) {
      return fail(failureStatus(errors), {
        ...problemFromErrors(errors, [], {}),
        canResend: await awaitsVerification(event),
      });
    }
    redirect(303, '/verify-email?confirmed');
  },
  resend: async (event) => {
    requireUser(event);
    const { data, errors } = await graphql(event, ResendVerificationDocument);
    if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event, '/account');
    if (!data?.resendVerification || errors.length > 0) {
      return fail(failureStatus(errors), { ...problemFromErrors(errors, [], {}), canResend: true });
    }
    redirect(303, '/account?verification-sent');
  },
} satisfies Actions;

/**
 * Whether a signed-in person's own address is still to be proved, so a new link would help.
 * Not when it is proved already: the dead link was then for a change of address, or is stale.
 */
async function awaitsVerification(event: RequestEvent): Promise<boolean> {
  if (!event.locals.user) return false;
  const { data } = await graphql(event, MyEmailDocument);
  return data?.me?.emailVerified === false;
}
