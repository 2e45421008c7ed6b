import { error, fail, redirect } from '@sveltejs/kit';
import { NetworkIdentityDocument, SetMemberRoleDocument } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import { parseOption } from '#lib/options.ts';
import { listAddressAt, positionFrom } from '../../list-position.ts';
import { MEMBER_ROLES } from '../../../../../people/labels.ts';
import { memberToChange } from './member-role.server.ts';
import type { Actions, PageServerLoad } from './$types';

// One member's role, on a page of its own. The address carries the member list's filters and
// cursor, so saving or cancelling goes back to the same place in the list, at this member's card.

export const load = (async (event) => {
  const user = requireUser(event);
  const { network, person, role } = await memberToChange(event);
  const back = listAddressAt(network.slug, positionFrom(event.url.searchParams), person.id, { changed: false });
  return { network, person, role, isYou: person.id === user.id, back };
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const chosen = textField(form, 'role');
    const role = parseOption(MEMBER_ROLES, chosen);
    if (!role) return fail(400, { values: { role: chosen }, errors: { role: 'Choose a role.' } });

    // The network's id, read from its address so a crafted form cannot point the action at another network.
    const identity = await graphql(event, NetworkIdentityDocument, { slug: event.params.slug });
    if (errorCode(identity.errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
    if (!identity.data?.network) error(404, 'There is no network at this address.');
    const personId = event.params.personId;
    const { data, errors } = await graphql(event, SetMemberRoleDocument, {
      networkId: identity.data.network.id,
      userId: personId,
      role,
    });
    if (!data || errors.length > 0) {
      if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      // The last steward stepping down, say: the API's reason in the summary, the choice kept.
      return fail(failureStatus(errors), problemFromErrors(errors, ['role'], { role }));
    }
    redirect(303, listAddressAt(event.params.slug, positionFrom(event.url.searchParams), personId, { changed: true }));
  },
} satisfies Actions;
