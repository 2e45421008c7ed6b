import { fail, redirect } from '@sveltejs/kit';
import { UnsubscribeDocument, UnsubscribeKindDocument } from '#lib/graphql/generated.ts';
import { graphql } from '#lib/server/api.ts';
import { textField } from '#lib/server/forms.ts';
import { keepLinkPrivate } from '#lib/server/email-link.ts';
import type { Actions, PageServerLoad } from './$types';

// The "Stop these emails" button of /unsubscribe posts here: a path of its own, because the
// server answers every POST to /unsubscribe as a mail program's one-click unsubscribe.

export const load = ((event) => {
  keepLinkPrivate(event);
  return {};
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const token = textField(form, 'token');
    // Asked first: the confirmation names the kind, and the link stays usable until used.
    const kind = await graphql(event, UnsubscribeKindDocument, { token });
    const stopped = kind.data?.unsubscribeKind;
    if (!stopped) return fail(kind.errors.length > 0 ? 500 : 400, { unusableLink: kind.errors.length === 0 });
    const { data, errors } = await graphql(event, UnsubscribeDocument, { token });
    if (!data?.unsubscribe || errors.length > 0) {
      return fail(errors.length > 0 ? 500 : 400, { unusableLink: errors.length === 0 });
    }
    redirect(303, `/unsubscribe?stopped=${stopped}`);
  },
} satisfies Actions;
