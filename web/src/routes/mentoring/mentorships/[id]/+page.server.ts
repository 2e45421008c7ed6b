import { error, fail, redirect } from '@sveltejs/kit';
import {
  CloseMentorshipDocument,
  LogCheckInDocument,
  MentorshipPageDocument,
  PauseMentorshipDocument,
  SetMentorshipGoalsDocument,
} from '#lib/graphql/generated.ts';
import { errorCode, graphql, type GraphqlResult } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField, type FormProblem } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import { wholeNumberFrom } from '../../form-values.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The page's forms, each with its fields in page order; a failure says which form it was. */
const FORMS = {
  goals: ['goals'],
  checkIn: ['on', 'note'],
  pause: [],
  close: ['rating', 'note'],
} as const;
type MentorshipForm = keyof typeof FORMS;
type Field = (typeof FORMS)[MentorshipForm][number];
export type MentorshipProblem = FormProblem<Field> & { action: MentorshipForm };

export const load = (async (event) => {
  requireUser(event);
  const { data, errors } = await graphql(event, MentorshipPageDocument, { id: event.params.id });
  if (errorCode(errors) === 'NOT_FOUND' || errorCode(errors) === 'BAD_USER_INPUT') {
    error(404, 'There is no mentorship of yours at this address.');
  }
  if (!data?.me) error(500, errors[0]?.message ?? 'This mentorship could not be loaded.');
  const mentorship = data.mentorship;
  return { mentorship, asMentor: mentorship.mentor.id === data.me.id, today: today() };
}) satisfies PageServerLoad;

/** Today in the UK, as YYYY-MM-DD: the check-in form's default day. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

/** After a change: back to the page, at the part that changed, or the problem shown with that form. */
function outcome(
  event: RequestEvent,
  action: MentorshipForm,
  result: GraphqlResult<unknown>,
  values: Partial<Record<Field, string>>,
  done: string,
) {
  if (!result.data || result.errors.length > 0) {
    if (errorCode(result.errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
    const problem: MentorshipProblem = { ...problemFromErrors(result.errors, FORMS[action], values), action };
    return fail(failureStatus(result.errors), problem);
  }
  redirect(303, `/mentoring/mentorships/${event.params.id}?${done}`);
}

export const actions = {
  goals: async (event) => {
    requireUser(event);
    const goals = textField(await event.request.formData(), 'goals');
    const result = await graphql(event, SetMentorshipGoalsDocument, { mentorshipId: event.params.id, goals });
    return outcome(event, 'goals', result, { goals }, 'goals-saved#goals-title');
  },
  checkIn: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = { on: textField(form, 'on'), note: textField(form, 'note') };
    const result = await graphql(event, LogCheckInDocument, {
      mentorshipId: event.params.id,
      note: values.note,
      on: values.on.trim() === '' ? null : values.on.trim(),
    });
    return outcome(event, 'checkIn', result, values, 'checked-in#check-ins-title');
  },
  pause: async (event) => {
    requireUser(event);
    const paused = textField(await event.request.formData(), 'paused') === 'true';
    const result = await graphql(event, PauseMentorshipDocument, { mentorshipId: event.params.id, paused });
    return outcome(event, 'pause', result, {}, paused ? 'paused' : 'resumed');
  },
  close: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = { rating: textField(form, 'rating'), note: textField(form, 'note') };
    const rating = values.rating === '' ? null : wholeNumberFrom(values.rating);
    if (values.rating !== '' && rating === null) {
      const problem: MentorshipProblem = {
        values,
        errors: { rating: 'Choose a rating from 1 to 5.' },
        action: 'close',
      };
      return fail(400, problem);
    }
    const result = await graphql(event, CloseMentorshipDocument, {
      mentorshipId: event.params.id,
      rating,
      note: values.note.trim() === '' ? null : values.note,
    });
    return outcome(event, 'close', result, values, 'closed');
  },
} satisfies Actions;
