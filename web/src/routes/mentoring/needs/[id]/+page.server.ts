import { error, fail, redirect } from '@sveltejs/kit';
import {
  CloseNeedDocument,
  NeedPageDocument,
  RequestMentorDocument,
  WithdrawRequestDocument,
} from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import type { HearthGraphqlError } from '#lib/server/contract.ts';
import { failureStatus, problemFromErrors, textField, type FormProblem } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const ASK_FIELDS = ['message'] as const;

export const load = (async (event) => {
  requireUser(event);
  const { data, errors } = await graphql(event, NeedPageDocument, { id: event.params.id });
  if (errorCode(errors) === 'NOT_FOUND' || errorCode(errors) === 'BAD_USER_INPUT') {
    error(404, 'There is no need of yours at this address.');
  }
  if (!data) error(500, errors[0]?.message ?? 'This need could not be loaded.');
  return { need: data.need };
}) satisfies PageServerLoad;

/** Every failure on this page: an ask's names the mentor whose form it was, to open it again. */
type NeedPageProblem = FormProblem<(typeof ASK_FIELDS)[number]> & { askedMentorId: string | null };

/** A failed action: a signed-out person goes to sign in; anything else is shown with the page. */
function failed(event: RequestEvent, errors: HearthGraphqlError[], askedMentorId: string | null = null, message = '') {
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  const problem: NeedPageProblem = { ...problemFromErrors(errors, ASK_FIELDS, { message }), askedMentorId };
  return fail(failureStatus(errors), problem);
}

export const actions = {
  ask: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const mentorId = textField(form, 'mentorId');
    const message = textField(form, 'message');
    const { data, errors } = await graphql(event, RequestMentorDocument, {
      needId: event.params.id,
      mentorId,
      message,
    });
    // The message box belongs to this mentor's form: the page opens it again with what was typed.
    if (!data || errors.length > 0) return failed(event, errors, mentorId, message);
    redirect(303, `/mentoring/needs/${event.params.id}?asked#waiting-title`);
  },
  withdraw: async (event) => {
    requireUser(event);
    const requestId = textField(await event.request.formData(), 'requestId');
    const { errors } = await graphql(event, WithdrawRequestDocument, { requestId });
    if (errors.length > 0) return failed(event, errors);
    redirect(303, `/mentoring/needs/${event.params.id}?withdrawn`);
  },
  close: async (event) => {
    requireUser(event);
    const { errors } = await graphql(event, CloseNeedDocument, { needId: event.params.id });
    if (errors.length > 0) return failed(event, errors);
    redirect(303, '/mentoring?closed');
  },
} satisfies Actions;
