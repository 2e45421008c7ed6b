import { error, fail, redirect } from '@sveltejs/kit';
import {
  AnswerJoinRequestDocument,
  JoinRequestPageDocument,
  NetworkJoinRequestsDocument,
} from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField, type FormProblem } from '#lib/server/forms.ts';
import { requireUser } from '#lib/server/session.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Stewards and organisers answer a network's requests to join here, oldest first: approve or
// decline each, with an optional note the person reads.

const PAGE_SIZE = 20;

/** The network, for its stewards and organisers only: a 404 or 403 page for anyone else. */
async function networkToAnswerFor(event: RequestEvent) {
  const { data, errors } = await graphql(event, NetworkJoinRequestsDocument, { slug: event.params.slug });
  if (!data) error(500, errors[0]?.message ?? 'This network could not be loaded.');
  if (!data.network) error(404, 'There is no network at this address.');
  const { myRole } = data.network;
  if (myRole !== 'STEWARD' && myRole !== 'ORGANISER') {
    error(403, "Only this network's stewards and organisers can answer its requests to join.");
  }
  return data.network;
}

export const load = (async (event) => {
  requireUser(event);
  const network = await networkToAnswerFor(event);
  const after = event.url.searchParams.get('after') || null;
  const { data, errors } = await graphql(event, JoinRequestPageDocument, {
    slug: event.params.slug,
    first: PAGE_SIZE,
    after,
  });
  // A stale or hand-made cursor: say so rather than fail the page.
  if (errorCode(errors) === 'BAD_USER_INPUT') return { network, after, requests: null, problem: errors[0]!.message };
  const requests = data?.network?.joinRequests;
  if (!requests) error(500, errors[0]?.message ?? 'The requests to join could not be loaded.');
  return { network, after, requests, problem: null };
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const requestId = textField(form, 'requestId');
    const decision = textField(form, 'decision');
    const note = textField(form, 'note');
    if (decision !== 'approve' && decision !== 'decline') {
      const problem: FormProblem<'note'> = { values: { note }, errors: {}, message: 'Choose Approve or Decline.' };
      return fail(400, { requestId, ...problem });
    }
    const { data, errors } = await graphql(event, AnswerJoinRequestDocument, {
      requestId,
      approve: decision === 'approve',
      note: note.trim() || null,
    });
    if (!data || errors.length > 0) {
      return fail(failureStatus(errors), { requestId, ...problemFromErrors(errors, ['note'], { note }) });
    }
    redirect(303, `/networks/${event.params.slug}/join-requests?${decision === 'approve' ? 'approved' : 'declined'}`);
  },
} satisfies Actions;
