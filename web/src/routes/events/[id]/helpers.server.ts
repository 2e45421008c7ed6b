// "Who's helping" on the event page: the roles taken, and the forms to volunteer and step down.
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import {
  EventHelpersDocument,
  RemoveEventRoleDocument,
  TakeEventRoleDocument,
  type EventHelperFragment,
} from '#lib/graphql/generated.ts';
import { parseOption } from '#lib/options.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField, type FormProblem } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import { EVENT_ROLES } from '../labels.ts';

export interface Helpers {
  roles: EventHelperFragment[];
  /** The signed-in person's id; null when signed out. */
  viewerId: string | null;
  /** A member of the network may volunteer, and step down, while the event is not over or cancelled. */
  canVolunteer: boolean;
}

/** The event's roles, and what the viewer may do about them. */
export async function loadHelpers(event: RequestEvent): Promise<Helpers> {
  const { data } = await graphql(event, EventHelpersDocument, { id: event.params.id! });
  if (!data) return { roles: [], viewerId: null, canVolunteer: false };
  const open = !data.event.cancelledAt && new Date(data.event.endsAt).getTime() > Date.now();
  return {
    roles: data.event.roles,
    viewerId: data.me?.id ?? null,
    canVolunteer: open && data.me !== null && data.event.network.myRole !== null,
  };
}

export type HelpingProblem = FormProblem<'role' | 'note'>;

function backToHelpers(event: RequestEvent, done: string): never {
  redirect(303, `/events/${event.params.id}?${done}#helping-title`);
}

/** The signed-in member takes a role. */
export async function takeRole(event: RequestEvent) {
  requireUser(event);
  const form = await event.request.formData();
  const values = { role: textField(form, 'role'), note: textField(form, 'note') };
  const role = parseOption(EVENT_ROLES, values.role);
  if (!role) {
    return fail(400, { helping: { values, errors: { role: 'Choose how you can help.' } } satisfies HelpingProblem });
  }
  const result = await graphql(event, TakeEventRoleDocument, {
    eventId: event.params.id!,
    role,
    note: values.note.trim() || null,
  });
  if (!result.data || result.errors.length > 0) {
    if (errorCode(result.errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
    const helping: HelpingProblem = problemFromErrors(result.errors, ['role', 'note'], values);
    return fail(failureStatus(result.errors), { helping });
  }
  backToHelpers(event, 'volunteered');
}

/** The signed-in person gives up one of their roles. */
export async function leaveRole(event: RequestEvent) {
  requireUser(event);
  const roleId = textField(await event.request.formData(), 'roleId');
  const result = await graphql(event, RemoveEventRoleDocument, { roleId });
  if (!result.data || result.errors.length > 0) {
    if (errorCode(result.errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
    const helping: HelpingProblem = {
      values: {},
      errors: {},
      message: result.errors[0]?.message ?? 'Something went wrong.',
    };
    return fail(failureStatus(result.errors), { helping });
  }
  backToHelpers(event, 'stepped-down');
}
