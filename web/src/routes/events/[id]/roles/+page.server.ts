import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import {
  AssignEventRoleDocument,
  EventRolesPageDocument,
  RemoveEventRoleDocument,
  type EventRolesPageQuery,
} from '#lib/graphql/generated.ts';
import { parseOption } from '#lib/options.ts';
import { errorCode, graphql, type GraphqlResult } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField, type FormProblem } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import { EVENT_ROLES } from '../../labels.ts';
import { NOT_ORGANISER } from '../../organiser/manage.ts';
import type { Actions, PageServerLoad } from './$types';

/** Pages of 50 members, up to 5,000: enough for any network Hearth serves. */
const MEMBER_PAGES_MAX = 100;

type Field = 'role' | 'personId' | 'note';

export const load = (async (event) => {
  requireUser(event);
  let after: string | null = null;
  let first: EventRolesPageQuery['event'] | null = null;
  const members: Array<{ id: string; name: string }> = [];
  for (let page = 0; page < MEMBER_PAGES_MAX; page += 1) {
    const result: GraphqlResult<EventRolesPageQuery> = await graphql(event, EventRolesPageDocument, {
      id: event.params.id,
      after,
    });
    const { data, errors } = result;
    if (!data) {
      const code = errorCode(errors);
      if (code === 'UNAUTHENTICATED') redirectToSignIn(event);
      if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') error(404, 'There is no event at this address.');
      error(500, errors[0]?.message ?? 'This event could not be loaded.');
    }
    first ??= data.event;
    if (!data.event.canManage) error(403, NOT_ORGANISER);
    const connection = data.event.network.members;
    if (!connection) error(403, NOT_ORGANISER);
    members.push(...connection.edges.map((edge) => edge.node.person));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor ?? null;
  }
  const { network, ...rest } = first!;
  members.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return { event: { ...rest, network: { id: network.id, name: network.name, slug: network.slug } }, members };
}) satisfies PageServerLoad;

function back(event: RequestEvent, done: string): never {
  redirect(303, `/events/${event.params.id}/roles?${done}`);
}

export const actions = {
  assign: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = {
      role: textField(form, 'role'),
      personId: textField(form, 'personId'),
      note: textField(form, 'note'),
    };
    const role = parseOption(EVENT_ROLES, values.role);
    const errors: FormProblem<Field>['errors'] = {};
    if (!role) errors.role = 'Choose a role.';
    if (!values.personId) errors.personId = 'Choose the member who takes it.';
    if (!role || !values.personId) return fail(400, { values, errors } satisfies FormProblem<Field>);
    const result = await graphql(event, AssignEventRoleDocument, {
      eventId: event.params.id,
      input: { role, personId: values.personId, note: values.note.trim() || null },
    });
    if (!result.data || result.errors.length > 0) {
      if (errorCode(result.errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      const problem: FormProblem<Field> = problemFromErrors(result.errors, ['role', 'personId', 'note'], values);
      return fail(failureStatus(result.errors), problem);
    }
    back(event, 'assigned');
  },
  remove: async (event) => {
    requireUser(event);
    const roleId = textField(await event.request.formData(), 'roleId');
    const result = await graphql(event, RemoveEventRoleDocument, { roleId });
    if (!result.data || result.errors.length > 0) {
      if (errorCode(result.errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      const problem: FormProblem<Field> = {
        values: {},
        errors: {},
        message: result.errors[0]?.message ?? 'Something went wrong.',
      };
      return fail(failureStatus(result.errors), problem);
    }
    back(event, 'removed');
  },
} satisfies Actions;
