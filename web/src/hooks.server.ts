import type { Handle, HandleServerError } from '@sveltejs/kit/hooks';
import { MeDocument } from '#lib/graphql/generated.ts';
import { graphql } from '#lib/server/api.ts';
import { SESSION_COOKIE } from '#lib/server/contract.ts';

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.setCookies = [];
  event.locals.user = null;

  if (event.cookies.get(SESSION_COOKIE)) {
    // An expired or ended session gives `me: null` (and the API clears the cookie).
    const { data } = await graphql(event, MeDocument);
    event.locals.user = data?.me ?? null;
  }

  const response = await resolve(event);
  return withApiCookies(response, event.locals);
};

/** Passes on the cookies the API set or cleared during this request, redirects included. */
function withApiCookies(response: Response, locals: App.Locals): Response {
  const personal = locals.user !== null || locals.setCookies.length > 0;
  if (!personal) return response;
  let out = response;
  try {
    appendHeaders(out, locals.setCookies);
  } catch {
    // Some responses (e.g. from Response.redirect) have immutable headers: copy them.
    out = new Response(response.body, response);
    appendHeaders(out, locals.setCookies);
  }
  return out;
}

function appendHeaders(response: Response, setCookies: string[]): void {
  for (const cookie of setCookies) response.headers.append('set-cookie', cookie);
  // Pages that show a person's own details must not be kept by shared caches.
  if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
}

export const handleError: HandleServerError = ({ error, event, kind }) => {
  if (kind !== 'unknown') return;
  const id = crypto.randomUUID();
  console.error(`[web] ${id} ${event.request.method} ${event.url.pathname}`, error);
  return { message: `Something went wrong on our side. If it keeps happening, quote this reference: ${id}` };
};
