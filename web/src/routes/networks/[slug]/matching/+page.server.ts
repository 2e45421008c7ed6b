import { error, fail, redirect } from '@sveltejs/kit';
import {
  ConfirmMatchingRoundDocument,
  MatchingRoundNetworkDocument,
  PreviewMatchingRoundDocument,
} from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField, type FormProblem } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import { choiceFrom, confirmedCount, mentorsOf, needsOf, pairsFrom, roundIds, type Preview } from './round.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

type Field = 'message';
const FIELDS: readonly Field[] = ['message'];

/** The network at this address, for its organisers and stewards only: a 404 or 403 page for anyone else. */
async function organisedNetwork(event: RequestEvent) {
  const { data, errors } = await graphql(event, MatchingRoundNetworkDocument, { slug: event.params.slug });
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (!data) error(500, errors[0]?.message ?? 'This network could not be loaded.');
  if (!data.network) error(404, 'There is no network at this address.');
  const { myRole } = data.network;
  if (myRole !== 'ORGANISER' && myRole !== 'STEWARD') {
    error(403, "Only this network's organisers and stewards can run a matching round.");
  }
  return data.network;
}

type PreviewResult = { preview: Preview; problem: null } | { preview: null; problem: string };

async function preview(
  event: RequestEvent,
  networkId: string,
  ids: { needIds: string[] | null; mentorIds: string[] | null } = { needIds: null, mentorIds: null },
): Promise<PreviewResult> {
  const { data, errors } = await graphql(event, PreviewMatchingRoundDocument, { networkId, ...ids });
  if (data) return { preview: data.previewMatchingRound, problem: null };
  const code = errorCode(errors);
  if (code === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (code === 'FORBIDDEN') error(403, errors[0]!.message);
  // Too many needs for one round, say: the organiser can act on what the API says.
  if (code === 'BAD_USER_INPUT') return { preview: null, problem: errors[0]!.message };
  error(500, errors[0]?.message ?? 'The matching round could not be worked out.');
}

export const load = (async (event) => {
  requireUser(event);
  const network = await organisedNetwork(event);
  const confirmed = confirmedCount(event.url.searchParams);
  // The whole round lists every need and mentor for the adjust form, whatever is ticked now.
  const whole = await preview(event, network.id);
  if (!whole.preview) return { network, whole: null, shown: null, choice: null, confirmed, problem: whole.problem };

  const choice = choiceFrom(event.url.searchParams);
  const ids = {
    needIds: roundIds(needsOf(whole.preview), choice.needIds),
    mentorIds: roundIds(
      mentorsOf(whole.preview).map((one) => one.mentor),
      choice.mentorIds,
    ),
  };
  const adjusted = ids.needIds !== null || ids.mentorIds !== null;
  const shown = adjusted ? await preview(event, network.id, ids) : whole;
  return {
    network,
    whole: whole.preview,
    shown: shown.preview,
    choice: {
      needIds: choice.needIds && [...choice.needIds],
      mentorIds: choice.mentorIds && [...choice.mentorIds],
      adjusted,
      noNeeds: ids.needIds?.length === 0,
      noMentors: ids.mentorIds?.length === 0,
    },
    confirmed,
    problem: shown.problem,
  };
}) satisfies PageServerLoad;

export const actions = {
  confirm: async (event) => {
    requireUser(event);
    const network = await organisedNetwork(event);
    const form = await event.request.formData();
    const message = textField(form, 'message');
    const pairs = pairsFrom(form);
    const { data, errors } = await graphql(event, ConfirmMatchingRoundDocument, {
      networkId: network.id,
      pairs,
      message: message.trim() || null,
    });
    if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
    if (!data || errors.length > 0) {
      const problem: FormProblem<Field> = problemFromErrors(errors, FIELDS, { message });
      // The page loads the round afresh after this, so say what happened and what is shown now.
      if (errorCode(errors) === 'CONFLICT') {
        problem.message =
          'The round changed since you previewed it: a need was taken or a mentor filled up, so nothing was sent. ' +
          'Below is the round as it stands now. Check the pairs, then send the requests again.';
      }
      return fail(failureStatus(errors), problem);
    }
    redirect(303, `/networks/${network.slug}/matching?confirmed=${data.confirmMatchingRound.pairCount}`);
  },
} satisfies Actions;
