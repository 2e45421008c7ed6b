import { fail, redirect } from '@sveltejs/kit';
import { CancelRegistrationForDocument, type OrganiserRegistrationFragment } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField } from '#lib/server/forms.ts';
import { redirectToSignIn } from '#lib/server/session.ts';
import { REGISTRATION_STATUSES } from '../../labels.ts';
import { allRegistrations, eventToManage } from '../../organiser/manage.ts';
import { needsSummary } from '../../organiser/needs.ts';
import { registerOnBehalf } from '../../organiser/on-behalf.ts';
import type { Actions, PageServerLoad } from './$types';

/** Registrations by status, in the order REGISTRATION_STATUSES gives; the waitlist in its order. */
function byStatus(registrations: OrganiserRegistrationFragment[]) {
  return REGISTRATION_STATUSES.map((status) => {
    const people = registrations.filter((registration) => registration.status === status);
    if (status === 'WAITLISTED') people.sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
    return { status, people };
  });
}

export const load = (async (event) => {
  const managed = await eventToManage(event);
  const registrations = await allRegistrations(event);
  return {
    event: managed,
    groups: byStatus(registrations),
    total: registrations.length,
    needs: needsSummary(registrations),
  };
}) satisfies PageServerLoad;

export const actions = {
  onBehalf: async (event) => {
    const managed = await eventToManage(event);
    const outcome = await registerOnBehalf(event, managed.id, await event.request.formData());
    if ('problem' in outcome) return fail(outcome.status, { form: 'onBehalf', ...outcome.problem });
    redirect(
      303,
      `/events/${managed.id}/registrations?added=${outcome.registration.id}#registration-${outcome.registration.id}`,
    );
  },
  cancel: async (event) => {
    const managed = await eventToManage(event);
    const registrationId = textField(await event.request.formData(), 'registrationId');
    const { data, errors } = await graphql(event, CancelRegistrationForDocument, { registrationId });
    if (!data || errors.length > 0) {
      if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      return fail(failureStatus(errors), { form: 'cancel', ...problemFromErrors<never>(errors, [], {}) });
    }
    redirect(303, `/events/${managed.id}/registrations?cancelled=${encodeURIComponent(data.cancelRegistration.name)}`);
  },
} satisfies Actions;
