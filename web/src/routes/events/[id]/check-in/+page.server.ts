import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import {
  CheckInDocument,
  RecordNoShowsDocument,
  UndoCheckInDocument,
  type OrganiserRegistrationFragment,
} from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField } from '#lib/server/forms.ts';
import { redirectToSignIn } from '#lib/server/session.ts';
import { allRegistrations, eventToManage } from '../../organiser/manage.ts';
import { registerOnBehalf } from '../../organiser/on-behalf.ts';
import type { Actions, PageServerLoad } from './$types';

/** Letters only, without accents or case: "zoë" finds "Zoe". */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Those the door list shows: holding a seat, come, or marked as not come (who may yet turn up late). */
const AT_THE_DOOR = new Set(['CONFIRMED', 'ATTENDED', 'NO_SHOW']);

/** The people who hold a seat or came, by name; with a search, those whose name holds it. */
function doorList(registrations: OrganiserRegistrationFragment[], search: string) {
  const seated = registrations.filter((registration) => AT_THE_DOOR.has(registration.status));
  const wanted = folded(search.trim());
  return {
    here: seated.filter((registration) => registration.status === 'ATTENDED').length,
    expected: seated.length,
    notHere: seated.filter((registration) => registration.status === 'CONFIRMED').length,
    people: seated
      .filter((registration) => folded(registration.name).includes(wanted))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
  };
}

/** Back to the list, keeping the search the organiser had typed. */
function backToList(event: RequestEvent, eventId: string, outcome: Record<string, string>): never {
  const params = new URLSearchParams();
  const search = event.url.searchParams.get('q');
  if (search) params.set('q', search);
  for (const [key, value] of Object.entries(outcome)) params.set(key, value);
  redirect(303, `/events/${eventId}/check-in?${params}`);
}

export const load = (async (event) => {
  const managed = await eventToManage(event);
  const search = event.url.searchParams.get('q') ?? '';
  return {
    event: managed,
    search,
    started: new Date(managed.startsAt).getTime() <= Date.now(),
    ...doorList(await allRegistrations(event), search),
  };
}) satisfies PageServerLoad;

export const actions = {
  checkIn: async (event) => {
    const managed = await eventToManage(event);
    const registrationId = textField(await event.request.formData(), 'registrationId');
    const { data, errors } = await graphql(event, CheckInDocument, { registrationId });
    if (!data || errors.length > 0) {
      if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      return fail(failureStatus(errors), { form: 'checkIn', ...problemFromErrors<never>(errors, [], {}) });
    }
    backToList(event, managed.id, { checked: data.checkIn.name });
  },
  undo: async (event) => {
    const managed = await eventToManage(event);
    const registrationId = textField(await event.request.formData(), 'registrationId');
    const { data, errors } = await graphql(event, UndoCheckInDocument, { registrationId });
    if (!data || errors.length > 0) {
      if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      return fail(failureStatus(errors), { form: 'undo', ...problemFromErrors<never>(errors, [], {}) });
    }
    backToList(event, managed.id, { undone: data.undoCheckIn.name });
  },
  noShows: async (event) => {
    const managed = await eventToManage(event);
    const { data, errors } = await graphql(event, RecordNoShowsDocument, { eventId: managed.id });
    if (!data || errors.length > 0) {
      if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      return fail(failureStatus(errors), { form: 'noShows', ...problemFromErrors<never>(errors, [], {}) });
    }
    backToList(event, managed.id, { noShows: String(data.recordNoShows.marked) });
  },
  /**
   * A walk-in takes two calls: registered on their behalf, then checked in. The API has no single
   * call for both, so when the second fails the page says the first stood.
   */
  walkIn: async (event) => {
    const managed = await eventToManage(event);
    const outcome = await registerOnBehalf(event, managed.id, await event.request.formData());
    if ('problem' in outcome) return fail(outcome.status, { form: 'walkIn', ...outcome.problem });
    const { registration } = outcome;
    if (registration.status !== 'CONFIRMED') {
      return fail(409, {
        form: 'walkIn',
        values: {},
        errors: {},
        message:
          `${registration.name} is registered, but the event is full, so they are number ` +
          `${registration.waitlistPosition} in line and not checked in. Raise the seats on the details page to let them in.`,
      });
    }
    const { data, errors } = await graphql(event, CheckInDocument, { registrationId: registration.id });
    if (!data || errors.length > 0) {
      return fail(failureStatus(errors), {
        form: 'walkIn',
        values: {},
        errors: {},
        message: `${registration.name} is registered, but could not be checked in: ${errors[0]?.message ?? 'please try again.'}`,
      });
    }
    backToList(event, managed.id, { checked: data.checkIn.name });
  },
} satisfies Actions;
