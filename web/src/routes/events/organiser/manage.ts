// What every organiser page starts with: the signed-in person, the event, and whether they may
// manage it; the right error page for anyone else.
import { error, type RequestEvent } from '@sveltejs/kit';
import {
  EventRegistrationsPageDocument,
  ManagedEventDocument,
  type EventRegistrationsPageQuery,
  type ManagedEventQuery,
  type OrganiserRegistrationFragment,
} from '#lib/graphql/generated.ts';
import { errorCode, graphql, type GraphqlResult } from '#lib/server/api.ts';
import type { HearthGraphqlError } from '#lib/server/contract.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';

export const NOT_ORGANISER = "Only this network's organisers and stewards can manage its events.";

function refuse(event: RequestEvent, errors: HearthGraphqlError[]): never {
  const code = errorCode(errors);
  if (code === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (code === 'NOT_FOUND') error(404, 'There is no event at this address.');
  // No registrations without an error: the API lists them for organisers only.
  if (code === 'FORBIDDEN' || errors.length === 0) error(403, NOT_ORGANISER);
  error(500, errors[0]?.message ?? 'This event could not be loaded.');
}

export type ManagedEvent = ManagedEventQuery['event'] & {
  network: { venues: Array<{ id: string; name: string }> };
};

/** The event, for its organisers and stewards, with the network's venues to choose from. */
export async function eventToManage(event: RequestEvent): Promise<ManagedEvent> {
  requireUser(event);
  const { data, errors } = await graphql(event, ManagedEventDocument, { id: event.params.id! });
  if (!data) refuse(event, errors);
  if (!data.event.canManage) error(403, NOT_ORGANISER);
  return { ...data.event, network: { ...data.event.network, venues: data.event.network.venues ?? [] } };
}

/** Pages of 50, up to 10,000 registrations: twice the most seats an event may have, waitlist and cancellations included. */
const PAGES_MAX = 200;

/** Everyone who registered, in the order they registered; for the event's organisers only. */
export async function allRegistrations(event: RequestEvent): Promise<OrganiserRegistrationFragment[]> {
  const found: OrganiserRegistrationFragment[] = [];
  let after: string | null = null;
  for (let page = 0; page < PAGES_MAX; page += 1) {
    const result: GraphqlResult<EventRegistrationsPageQuery> = await graphql(event, EventRegistrationsPageDocument, {
      id: event.params.id!,
      after,
    });
    const registrations = result.data?.event.registrations;
    if (!registrations) refuse(event, result.errors);
    for (const edge of registrations.edges) found.push(edge.node);
    if (!registrations.pageInfo.hasNextPage) break;
    after = registrations.pageInfo.endCursor ?? null;
  }
  return found;
}
