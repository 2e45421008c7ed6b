import { error } from '@sveltejs/kit';
import { UnsubscribeKindDocument } from '#lib/graphql/generated.ts';
import { graphql } from '#lib/server/api.ts';
import { isKind } from '../account/notifications/labels.ts';
import { keepLinkPrivate } from '#lib/server/email-link.ts';
import type { PageServerLoad } from './$types';

// Mail scanners open links in emails: this page only says what the link would stop, and the
// person presses the button, which posts to /unsubscribe/stop. (POST /unsubscribe itself is the
// mail programs' one-click unsubscribe of RFC 8058, answered by the server before the site.)

export const load = (async (event) => {
  // The token is in the address: no cache may keep the page.
  keepLinkPrivate(event);
  const stopped = event.url.searchParams.get('stopped') ?? '';
  if (isKind(stopped)) return { token: '', kind: null, stopped };
  const token = event.url.searchParams.get('token') ?? '';
  if (!token) return { token, kind: null, stopped: null };
  const { data, errors } = await graphql(event, UnsubscribeKindDocument, { token });
  if (!data) error(500, errors[0]?.message ?? 'This link could not be checked.');
  return { token, kind: data.unsubscribeKind, stopped: null };
}) satisfies PageServerLoad;
