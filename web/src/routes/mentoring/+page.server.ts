import { error, fail, redirect } from '@sveltejs/kit';
import { MentoringDashboardDocument, PauseMentorOfferDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireUser(event);
  const { data, errors } = await graphql(event, MentoringDashboardDocument);
  if (!data) error(500, errors[0]?.message ?? 'Your mentoring could not be loaded.');
  return { mentoring: data.myMentoring, userId: event.locals.user!.id };
}) satisfies PageServerLoad;

export const actions = {
  /** Pauses the offer for a holiday, or resumes it: the form sends which. */
  pauseOffer: async (event) => {
    requireUser(event);
    const paused = (await event.request.formData()).get('paused') === 'true';
    const { errors } = await graphql(event, PauseMentorOfferDocument, { paused });
    if (errors.length > 0) {
      if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      return fail(failureStatus(errors), { message: errors[0]!.message });
    }
    redirect(303, `/mentoring?${paused ? 'paused' : 'resumed'}#offer-title`);
  },
} satisfies Actions;
