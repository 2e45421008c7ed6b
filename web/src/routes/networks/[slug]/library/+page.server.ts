import { error, fail, redirect } from '@sveltejs/kit';
import {
  NetworkLibrarySettingsDocument,
  SetLibraryApprovalsNeededFromSettingsDocument,
  SetLibraryReviewerFromSettingsDocument,
} from '#lib/graphql/generated.ts';
import { errorCode, graphql, type GraphqlResult } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField, type FormProblem } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

type Field = 'approvals' | 'personId';
const FIELDS: readonly Field[] = ['approvals', 'personId'];

/** A problem the page finds before asking the API, shaped as the API's problems are. */
function refused(field: Field, value: string, message: string) {
  const problem: FormProblem<Field> = { values: { [field]: value }, errors: { [field]: message } };
  return fail(400, problem);
}

/** The network, for its stewards (who change the settings) and organisers (who read them); 404 or 403 for anyone else. */
async function reviewingNetwork(event: RequestEvent, search: string | null = null) {
  requireUser(event);
  const { data, errors } = await graphql(event, NetworkLibrarySettingsDocument, {
    slug: event.params.slug,
    search: search?.trim() || null,
  });
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (!data) error(500, errors[0]?.message ?? 'This network could not be loaded.');
  if (!data.network) error(404, 'There is no network at this address.');
  const { myRole } = data.network;
  if (myRole !== 'STEWARD' && myRole !== 'ORGANISER') {
    error(403, "Only this network's stewards and organisers can see how its library items are reviewed.");
  }
  return data.network;
}

export const load = (async (event) => {
  const search = event.url.searchParams.get('q') ?? '';
  const network = await reviewingNetwork(event, search);
  const reviewerIds = new Set(network.libraryReviewers.map((person) => person.id));
  const members = (network.members?.edges ?? [])
    .map((edge) => edge.node.person)
    .filter((person) => !reviewerIds.has(person.id));
  return {
    network,
    search,
    members,
    moreMembers: (network.members?.totalCount ?? 0) > (network.members?.edges.length ?? 0),
    isSteward: network.myRole === 'STEWARD',
  };
}) satisfies PageServerLoad;

function settled(
  event: RequestEvent,
  result: GraphqlResult<unknown>,
  values: Partial<Record<Field, string>>,
  done: string,
) {
  if (!result.data || result.errors.length > 0) {
    if (errorCode(result.errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
    return fail(failureStatus(result.errors), problemFromErrors(result.errors, FIELDS, values));
  }
  redirect(303, `/networks/${event.params.slug}/library?${done}`);
}

export const actions = {
  approvals: async (event) => {
    const network = await reviewingNetwork(event);
    const approvals = textField(await event.request.formData(), 'approvals');
    if (approvals !== '1' && approvals !== '2') {
      return refused('approvals', approvals, 'Choose one approval or two.');
    }
    const result = await graphql(event, SetLibraryApprovalsNeededFromSettingsDocument, {
      networkId: network.id,
      approvals: Number(approvals),
    });
    return settled(event, result, { approvals }, 'approvals');
  },
  addReviewer: async (event) => {
    const network = await reviewingNetwork(event);
    const personId = textField(await event.request.formData(), 'personId');
    if (!personId) return refused('personId', personId, 'Choose the member to name.');
    const result = await graphql(event, SetLibraryReviewerFromSettingsDocument, {
      networkId: network.id,
      personId,
      reviewer: true,
    });
    return settled(event, result, { personId }, 'added');
  },
  removeReviewer: async (event) => {
    const network = await reviewingNetwork(event);
    const personId = textField(await event.request.formData(), 'personId');
    const result = await graphql(event, SetLibraryReviewerFromSettingsDocument, {
      networkId: network.id,
      personId,
      reviewer: false,
    });
    return settled(event, result, {}, 'removed');
  },
} satisfies Actions;
