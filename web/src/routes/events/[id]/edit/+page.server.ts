import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import {
  CancelEventDocument,
  DuplicateEventDocument,
  SetRegistrationClosedDocument,
  UpdateEventDocument,
  WriteUpEventDocument,
} from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import type { HearthGraphqlError } from '#lib/server/contract.ts';
import { failureStatus, problemFromErrors, textField } from '#lib/server/forms.ts';
import { redirectToSignIn } from '#lib/server/session.ts';
import { eventTimeZones, onFormFields, readEventForm, valuesOf } from '../../organiser/event-form.ts';
import { EVENT_FIELDS } from '../../organiser/event-values.ts';
import { eventToManage } from '../../organiser/manage.ts';
import { instantAt } from '../../organiser/zoned-time.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  const managed = await eventToManage(event);
  return { event: managed, saved: valuesOf(managed), timeZones: eventTimeZones() };
}) satisfies PageServerLoad;

/** A failed action on this page: which form it was, so only that form shows the problem. */
function failed<Values extends Record<string, string>>(
  event: RequestEvent,
  form: string,
  errors: HearthGraphqlError[],
  fields: ReadonlyArray<keyof Values & string>,
  values: Values,
) {
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  return fail(failureStatus(errors), { form, ...problemFromErrors(errors, fields, values) });
}

export const actions = {
  save: async (event) => {
    const managed = await eventToManage(event);
    const read = readEventForm(await event.request.formData());
    if ('problem' in read) return fail(400, { form: 'save', ...read.problem });
    const { data, errors } = await graphql(event, UpdateEventDocument, { eventId: managed.id, input: read.input });
    if (!data || errors.length > 0) {
      if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      return fail(failureStatus(errors), {
        form: 'save',
        ...problemFromErrors(onFormFields(errors), EVENT_FIELDS, read.values),
      });
    }
    redirect(303, `/events/${managed.id}/edit?saved`);
  },
  registration: async (event) => {
    const managed = await eventToManage(event);
    const closed = textField(await event.request.formData(), 'closed') === 'true';
    const { errors } = await graphql(event, SetRegistrationClosedDocument, { eventId: managed.id, closed });
    if (errors.length > 0) return failed(event, 'registration', errors, [], {});
    redirect(303, `/events/${managed.id}/edit?${closed ? 'closed' : 'opened'}`);
  },
  duplicate: async (event) => {
    const managed = await eventToManage(event);
    const form = await event.request.formData();
    const values = { copyDate: textField(form, 'copyDate'), copyTime: textField(form, 'copyTime') };
    const start = instantAt(values.copyDate, values.copyTime, managed.timeZone);
    if ('problem' in start) {
      const errors =
        start.problem === 'date' || start.problem === 'timeZone'
          ? { copyDate: 'Enter the date the copy is on, such as 2027-06-11.' }
          : start.problem === 'skipped'
            ? { copyTime: 'The clocks go forward at that time, so it never happens. Choose a time an hour later.' }
            : { copyTime: 'Enter the time the copy starts on a 24-hour clock, such as 18:30.' };
      return fail(400, { form: 'duplicate', values, errors });
    }
    const { data, errors } = await graphql(event, DuplicateEventDocument, {
      eventId: managed.id,
      startsAt: start.instant,
    });
    if (!data || errors.length > 0) {
      const renamed = errors.map((error) =>
        error.extensions?.field === 'startsAt'
          ? { ...error, extensions: { ...error.extensions, field: 'copyDate' } }
          : error,
      );
      return failed(event, 'duplicate', renamed, ['copyDate', 'copyTime'], values);
    }
    redirect(303, `/events/${data.duplicateEvent.id}/edit?copied`);
  },
  writeUp: async (event) => {
    const managed = await eventToManage(event);
    const values = { writeUp: textField(await event.request.formData(), 'writeUp') };
    const { data, errors } = await graphql(event, WriteUpEventDocument, {
      eventId: managed.id,
      writeUp: values.writeUp,
    });
    if (!data || errors.length > 0) return failed(event, 'writeUp', errors, ['writeUp'], values);
    redirect(303, `/events/${managed.id}/edit?${data.writeUpEvent.writeUp ? 'written' : 'unwritten'}#write-up-title`);
  },
  cancel: async (event) => {
    const managed = await eventToManage(event);
    const values = { reason: textField(await event.request.formData(), 'reason') };
    const { data, errors } = await graphql(event, CancelEventDocument, { eventId: managed.id, reason: values.reason });
    if (!data || errors.length > 0) return failed(event, 'cancel', errors, ['reason'], values);
    redirect(303, `/events/${managed.id}/edit?cancelled`);
  },
} satisfies Actions;
