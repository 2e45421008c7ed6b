import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import {
  CreateCaseStudyFromEditorDocument,
  CreateTemplateFromEditorDocument,
  CreateTipFromEditorDocument,
  LibraryEditorEventDocument,
  LibraryEditorNetworksDocument,
  type LibraryItemKind,
} from '#lib/graphql/generated.ts';
import { parseOption } from '#lib/options.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import { LIBRARY_KINDS } from '../labels.ts';
import { caseStudyInput, sharedInput, type ItemValues } from './editor.ts';
import { readEditor, saveFailed } from './editor.server.ts';
import type { Actions, PageServerLoad } from './$types';

const NO_EVENT = 'That event was not found, or you are not one of its organisers.';

async function myNetworks(event: RequestEvent) {
  const { data, errors } = await graphql(event, LibraryEditorNetworksDocument);
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (!data) error(500, errors[0]?.message ?? 'Your networks could not be loaded.');
  return data.myMemberships.map((membership) => membership.network);
}

/** The past event a case study grows from (`?event=`), for one of its organisers; null when none is asked for. */
async function eventToStartFrom(event: RequestEvent) {
  const id = event.url.searchParams.get('event');
  if (!id) return null;
  const { data } = await graphql(event, LibraryEditorEventDocument, { id });
  const found = data?.event;
  if (!found?.canManage) error(404, NO_EVENT);
  return { id: found.id, title: found.title, networkId: found.network.id };
}

/** What the page is for: the kind chosen, the networks to choose from, the network and event asked for. */
async function editorContext(event: RequestEvent) {
  requireUser(event);
  const networks = await myNetworks(event);
  const kind = parseOption(LIBRARY_KINDS, event.url.searchParams.get('kind'));
  const fromEvent = kind === 'CASE_STUDY' ? await eventToStartFrom(event) : null;
  const asked = fromEvent?.networkId ?? event.url.searchParams.get('network');
  const networkId =
    networks.find((network) => network.id === asked)?.id ?? (networks.length === 1 ? networks[0]!.id : '');
  return { kind, networks, networkId, fromEvent };
}

export const load = (async (event) => editorContext(event)) satisfies PageServerLoad;

function chosenNetwork(values: ItemValues, networks: { id: string }[]): string | null {
  return networks.find((network) => network.id === values.networkId)?.id ?? null;
}

/** Sends the new item to the API as its kind asks. */
function create(
  event: RequestEvent,
  kind: LibraryItemKind,
  networkId: string,
  values: ItemValues,
  eventId: string | null,
) {
  const shared = { ...sharedInput(values), networkId };
  switch (kind) {
    case 'CASE_STUDY':
      return graphql(event, CreateCaseStudyFromEditorDocument, {
        input: { ...shared, ...caseStudyInput(values), eventId },
      }).then(({ data, errors }) => ({ id: data?.createCaseStudy.id, errors }));
    case 'TEMPLATE':
      return graphql(event, CreateTemplateFromEditorDocument, {
        input: { ...shared, body: values.body ?? '', fileId: values.fileId ?? null },
      }).then(({ data, errors }) => ({ id: data?.createTemplate.id, errors }));
    case 'TIP':
      return graphql(event, CreateTipFromEditorDocument, { input: { ...shared, body: values.body ?? '' } }).then(
        ({ data, errors }) => ({ id: data?.createTip.id, errors }),
      );
  }
}

export const actions = {
  default: async (event) => {
    const { kind, networks, fromEvent } = await editorContext(event);
    if (!kind) error(404, 'Choose what you are writing first.');
    const read = await readEditor(event, kind);
    if ('answer' in read) return read.answer;
    const { values } = read;
    const networkId = chosenNetwork(values, networks);
    if (!networkId) return fail(400, { values, errors: { networkId: 'Choose the network it belongs to.' } });
    const { id, errors } = await create(event, kind, networkId, values, fromEvent?.id ?? null);
    if (!id || errors.length > 0) return saveFailed(event, errors, values);
    redirect(303, `/library/${id}`);
  },
} satisfies Actions;
