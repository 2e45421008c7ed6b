import { error, fail, redirect } from '@sveltejs/kit';
import { RequestPageDocument, RespondToRequestDocument, WithdrawRequestDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['message'] as const;

export const load = (async (event) => {
  requireUser(event);
  const { data, errors } = await graphql(event, RequestPageDocument, { id: event.params.id });
  if (errorCode(errors) === 'NOT_FOUND' || errorCode(errors) === 'BAD_USER_INPUT') {
    error(404, 'There is no request of yours at this address.');
  }
  if (!data?.me) error(500, errors[0]?.message ?? 'This request could not be loaded.');
  const request = data.mentorshipRequest;
  return { request, asMentor: request.mentor.id === data.me.id };
}) satisfies PageServerLoad;

export const actions = {
  /** The mentor's answer: the button pressed says which, the note goes with either. */
  respond: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const message = textField(form, 'message');
    const accept = textField(form, 'answer') === 'accept';
    const { data, errors } = await graphql(event, RespondToRequestDocument, {
      requestId: event.params.id,
      accept,
      message: message.trim() === '' ? null : message,
    });
    if (!data || errors.length > 0) {
      if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      return fail(failureStatus(errors), problemFromErrors(errors, FIELDS, { message }));
    }
    const mentorship = data.respondToRequest.mentorship;
    redirect(
      303,
      mentorship ? `/mentoring/mentorships/${mentorship.id}?began` : `/mentoring/requests/${event.params.id}?declined`,
    );
  },
  withdraw: async (event) => {
    requireUser(event);
    const { data, errors } = await graphql(event, WithdrawRequestDocument, { requestId: event.params.id });
    if (!data || errors.length > 0) {
      if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      return fail(failureStatus(errors), problemFromErrors(errors, FIELDS, {}));
    }
    redirect(303, `/mentoring/needs/${data.withdrawRequest.need.id}?withdrawn`);
  },
} satisfies Actions;
