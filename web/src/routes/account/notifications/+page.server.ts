import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import {
  NotificationPreferencesDocument,
  SetDigestTimeZoneDocument,
  SetNotificationPreferenceDocument,
} from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import { isDelivery, timeZoneOptions } from './labels.ts';
import type { Actions, PageServerLoad } from './$types';

async function settingsOf(event: RequestEvent) {
  const { data, errors } = await graphql(event, NotificationPreferencesDocument);
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (!data) error(500, errors[0]?.message ?? 'Your notification settings could not be loaded.');
  return { preferences: data.notificationPreferences, timeZone: data.digestTimeZone };
}

export const load = (async (event) => {
  requireUser(event);
  return { ...(await settingsOf(event)), timeZones: timeZoneOptions() };
}) satisfies PageServerLoad;

export const actions = {
  // One call per setting that changed: a form sent twice changes nothing the second time.
  default: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const current = await settingsOf(event);
    const timeZone = textField(form, 'timeZone');
    if (timeZone && timeZone !== current.timeZone) {
      const { errors } = await graphql(event, SetDigestTimeZoneDocument, { timeZone });
      if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      if (errors.length > 0) {
        return fail(failureStatus(errors), problemFromErrors(errors, ['timeZone'], { timeZone }));
      }
    }
    for (const preference of current.preferences.filter((p) => p.changeable)) {
      const chosen = textField(form, preference.kind);
      if (!isDelivery(chosen) || chosen === preference.delivery) continue;
      const { errors } = await graphql(event, SetNotificationPreferenceDocument, {
        kind: preference.kind,
        delivery: chosen,
      });
      if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      if (errors.length > 0) return fail(failureStatus(errors), problemFromErrors<'timeZone'>(errors, [], {}));
    }
    redirect(303, '/account/notifications?saved');
  },
} satisfies Actions;
