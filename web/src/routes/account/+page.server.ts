import { error, fail, redirect } from '@sveltejs/kit';
import {
  MyCalendarFeedDocument,
  MyEmailDocument,
  MyNetworksDocument,
  ResendVerificationDocument,
  ResetCalendarFeedDocument,
  ViewerIsOperatorDocument,
} from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser, signOut, signOutEverywhere } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

// The guard lives here, not in a layout: layouts do not rerun for every request to this page.
export const load = (async (event) => {
  const account = requireUser(event);
  const [networks, email, calendar, operator] = await Promise.all([
    graphql(event, MyNetworksDocument),
    graphql(event, MyEmailDocument),
    graphql(event, MyCalendarFeedDocument),
    graphql(event, ViewerIsOperatorDocument),
  ]);
  const errors = [...networks.errors, ...email.errors, ...calendar.errors];
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (!networks.data) error(500, errors[0]?.message ?? 'Your networks could not be loaded.');
  return {
    account,
    // Unknown (an error) counts as proved: better no prompt than a false one.
    emailVerified: email.data?.me?.emailVerified ?? true,
    memberships: networks.data.myMemberships,
    // The private calendar feed's address; null if it could not be read (the section says so).
    calendarFeedUrl: calendar.data?.myCalendarFeed.url ?? null,
    // Operators get a way to every network's reports; unknown counts as not one.
    isOperator: operator.data?.viewerIsOperator ?? false,
  };
}) satisfies PageServerLoad;

export const actions = {
  signout: (event) => signOut(event),
  signoutEverywhere: (event) => signOutEverywhere(event),
  resendVerification: async (event) => {
    requireUser(event);
    const { data, errors } = await graphql(event, ResendVerificationDocument);
    if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
    if (!data?.resendVerification || errors.length > 0) {
      return fail(failureStatus(errors), problemFromErrors(errors, [], {}));
    }
    redirect(303, '/account?verification-sent');
  },
  resetCalendarFeed: async (event) => {
    requireUser(event);
    const { data, errors } = await graphql(event, ResetCalendarFeedDocument);
    if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
    if (!data?.resetCalendarFeed || errors.length > 0) {
      return fail(failureStatus(errors), problemFromErrors(errors, [], {}));
    }
    redirect(303, '/account?calendar-reset#calendar-title');
  },
} satisfies Actions;
