import { error, fail, redirect } from '@sveltejs/kit';
import {
  AskToJoinDocument,
  JoinNetworkDocument,
  NetworkIdentityDocument,
  NetworkNextStepsDocument,
  NetworkPageDocument,
  SetEventAlertsDocument,
  SetLifecycleStageDocument,
  UpcomingEventsDocument,
  WithdrawJoinRequestDocument,
} from '#lib/graphql/generated.ts';
import { graphql } from '#lib/server/api.ts';
import type { HearthGraphqlError } from '#lib/server/contract.ts';
import { failureStatus, problemFromErrors, textField, type FormProblem } from '#lib/server/forms.ts';
import { requireUser } from '#lib/server/session.ts';
import { parseStage } from '../stages.ts';
import { hasProfileBasics, type NextSteps } from './next-steps.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Every field of the page's forms; each failure says which form it belongs to. */
type Field = 'about' | 'acceptCodeOfConduct' | 'stage' | 'note';
type NetworkAction = 'join' | 'ask' | 'withdraw' | 'stage' | 'alerts';
type ActionProblem = FormProblem<Field> & { action: NetworkAction };

/** How many of the next events the network page lists; the rest are a link away. */
const NEXT_EVENTS = 3;

export const load = (async (event) => {
  const { slug } = event.params;
  const { data, errors } = await graphql(event, NetworkPageDocument, { slug });
  if (!data) error(500, errors[0]?.message ?? 'This network could not be loaded.');
  if (!data.network) error(404, 'There is no network at this address.');
  const { myRole } = data.network;
  // Stewards run the network; the checklist is for the people who joined it.
  const [nextSteps, upcoming] = await Promise.all([
    myRole && myRole !== 'STEWARD' && event.locals.user ? memberNextSteps(event) : null,
    graphql(event, UpcomingEventsDocument, { filter: { networkId: data.network.id }, first: NEXT_EVENTS }),
  ]);
  // Whether the member asked to hear of new events here; null for anyone else.
  const eventAlerts = data.network.myMembership?.eventAlerts ?? null;
  // Stewards see how many reports wait; null for anyone else.
  const openReports = data.network.openReportCount ?? null;
  return { network: data.network, nextSteps, events: upcoming.data?.upcomingEvents ?? null, eventAlerts, openReports };
}) satisfies PageServerLoad;

/** What a member's checklist shows; null when it cannot be read (they left meanwhile, say). */
async function memberNextSteps(event: RequestEvent): Promise<NextSteps | null> {
  const { data } = await graphql(event, NetworkNextStepsDocument, {
    slug: event.params.slug,
    personId: event.locals.user!.id,
  });
  const stewards = data?.network?.stewards;
  if (!data?.person || !stewards) return null;
  return {
    profileComplete: hasProfileBasics(data.person),
    stewards: stewards.edges.map((edge) => edge.node.person),
    moreStewards: stewards.pageInfo.hasNextPage,
  };
}

/** The network's id, read from its address so a crafted form cannot point the action at another network. */
async function networkId(event: RequestEvent): Promise<string> {
  const { data } = await graphql(event, NetworkIdentityDocument, { slug: event.params.slug });
  if (!data?.network) error(404, 'There is no network at this address.');
  return data.network.id;
}

function failed(
  action: NetworkAction,
  errors: HearthGraphqlError[],
  fields: readonly Field[],
  values: Partial<Record<Field, string>>,
) {
  const problem: ActionProblem = { action, ...problemFromErrors(errors, fields, values) };
  return fail(failureStatus(errors), problem);
}

export const actions = {
  join: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const accepted = textField(form, 'acceptCodeOfConduct') === 'yes';
    const id = await networkId(event);
    const { data, errors } = await graphql(event, JoinNetworkDocument, {
      networkId: id,
      acceptCodeOfConduct: accepted,
    });
    if (!data || errors.length > 0) return failed('join', errors, ['acceptCodeOfConduct'], {});
    redirect(303, `/networks/${event.params.slug}?joined`);
  },

  ask: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const about = textField(form, 'about');
    const accepted = textField(form, 'acceptCodeOfConduct') === 'yes';
    const id = await networkId(event);
    const { data, errors } = await graphql(event, AskToJoinDocument, {
      networkId: id,
      about,
      acceptCodeOfConduct: accepted,
    });
    if (!data || errors.length > 0) return failed('ask', errors, ['about', 'acceptCodeOfConduct'], { about });
    redirect(303, `/networks/${event.params.slug}?asked`);
  },

  withdraw: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const requestId = textField(form, 'requestId');
    const { data, errors } = await graphql(event, WithdrawJoinRequestDocument, { requestId });
    if (!data || errors.length > 0) return failed('withdraw', errors, [], {});
    redirect(303, `/networks/${event.params.slug}?withdrawn`);
  },

  alerts: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const on = textField(form, 'eventAlerts') === 'on';
    const id = await networkId(event);
    const { data, errors } = await graphql(event, SetEventAlertsDocument, { networkId: id, on });
    if (!data || errors.length > 0) return failed('alerts', errors, [], {});
    redirect(303, `/networks/${event.params.slug}?${on ? 'alerts-on' : 'alerts-off'}`);
  },

  stage: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const rawStage = textField(form, 'stage');
    const note = textField(form, 'note');
    const values = { stage: rawStage, note };
    const stage = parseStage(rawStage);
    if (!stage) {
      const problem: ActionProblem = { action: 'stage', values, errors: { stage: 'Choose a stage.' } };
      return fail(400, problem);
    }
    const id = await networkId(event);
    const { data, errors } = await graphql(event, SetLifecycleStageDocument, { networkId: id, stage, note });
    if (!data || errors.length > 0) return failed('stage', errors, ['stage', 'note'], values);
    redirect(303, `/networks/${event.params.slug}?stage-set#lifecycle-title`);
  },
} satisfies Actions;
