import { error, fail, redirect } from '@sveltejs/kit';
import {
  CancelMyRegistrationDocument,
  ClaimSeatDocument,
  EventPageDocument,
  RegisterForEventDocument,
} from '#lib/graphql/generated.ts';
import { errorCode, graphql, type GraphqlResult } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField, type FormProblem } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { leaveRole, loadHelpers, takeRole } from './helpers.server.ts';

export const load = (async (event) => {
  const { data, errors } = await graphql(event, EventPageDocument, { id: event.params.id });
  if (errorCode(errors) === 'NOT_FOUND' || errorCode(errors) === 'BAD_USER_INPUT') {
    error(404, 'There is no event at this address.');
  }
  if (!data) error(500, errors[0]?.message ?? 'This event could not be loaded.');
  return { event: data.event, signedIn: Boolean(event.locals.user), helpers: await loadHelpers(event) };
}) satisfies PageServerLoad;

/** The register form's fields: the two needs, then one per question, named question-<id>. */
type RegisterProblem = FormProblem<string>;

function answersFrom(form: FormData): Array<{ questionId: string; answer: string }> {
  const answers: Array<{ questionId: string; answer: string }> = [];
  for (const [name, value] of form.entries()) {
    if (name.startsWith('question-') && typeof value === 'string' && value.trim() !== '') {
      answers.push({ questionId: name.slice('question-'.length), answer: value });
    }
  }
  return answers;
}

/** A change to one's own registration: back to the page, or the problem shown there. */
function settled(event: RequestEvent, result: GraphqlResult<unknown>, done: string) {
  if (!result.data || result.errors.length > 0) {
    if (errorCode(result.errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
    const problem: RegisterProblem = {
      values: {},
      errors: {},
      message: result.errors[0]?.message ?? 'Something went wrong.',
    };
    return fail(failureStatus(result.errors), problem);
  }
  redirect(303, `/events/${event.params.id}?${done}#you-title`);
}

export const actions = {
  register: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values: Record<string, string> = {};
    for (const [name, value] of form.entries()) if (typeof value === 'string') values[name] = value;
    const answers = answersFrom(form);
    const result = await graphql(event, RegisterForEventDocument, {
      eventId: event.params.id,
      input: {
        accessNeeds: textField(form, 'accessNeeds').trim() || null,
        dietaryNeeds: textField(form, 'dietaryNeeds').trim() || null,
        answers,
      },
    });
    if (!result.data || result.errors.length > 0) {
      if (errorCode(result.errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      const fields = ['accessNeeds', 'dietaryNeeds', 'answers'];
      const problem: RegisterProblem = problemFromErrors(result.errors, fields, values);
      return fail(failureStatus(result.errors), problem);
    }
    redirect(303, `/events/${event.params.id}?registered#you-title`);
  },
  cancel: async (event) => {
    requireUser(event);
    const registrationId = textField(await event.request.formData(), 'registrationId');
    return settled(event, await graphql(event, CancelMyRegistrationDocument, { registrationId }), 'cancelled');
  },
  claim: async (event) => {
    requireUser(event);
    const registrationId = textField(await event.request.formData(), 'registrationId');
    return settled(event, await graphql(event, ClaimSeatDocument, { registrationId }), 'claimed');
  },
  takeRole,
  leaveRole,
} satisfies Actions;
