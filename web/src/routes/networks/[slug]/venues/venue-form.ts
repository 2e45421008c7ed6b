// The venue form, read on the server: what the add and edit pages share.
import { error, type RequestEvent } from '@sveltejs/kit';
import {
  NetworkVenuesDocument,
  VenueHolderChoicesDocument,
  type NetworkVenuesQuery,
  type VenueHolderChoicesQuery,
  type VenueInput,
} from '#lib/graphql/generated.ts';
import { parseOption } from '#lib/options.ts';
import { errorCode, graphql, type GraphqlResult } from '#lib/server/api.ts';
import { textField, type FormProblem } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import { ACCESS_FACTS, VENUE_COSTS } from './labels.ts';

/** In the order they appear on the page, so the error summary reads top to bottom. */
export const VENUE_FIELDS = ['name', 'address', 'access', 'capacity', 'cost', 'relationshipHolderId', 'notes'] as const;
export type VenueField = (typeof VENUE_FIELDS)[number];
export type VenueValues = Record<VenueField, string>;

export type NetworkWithVenues = NonNullable<NetworkVenuesQuery['network']> & {
  venues: NonNullable<NonNullable<NetworkVenuesQuery['network']>['venues']>;
};

/** The network and its venues, for its organisers and stewards; the right error page for anyone else. */
export async function venuesToKeep(event: RequestEvent): Promise<NetworkWithVenues> {
  requireUser(event);
  const { data, errors } = await graphql(event, NetworkVenuesDocument, { slug: event.params.slug! });
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (!data) error(500, errors[0]?.message ?? 'This network could not be loaded.');
  if (!data.network) error(404, 'There is no network at this address.');
  const { network } = data;
  if (network.myRole !== 'ORGANISER' && network.myRole !== 'STEWARD') {
    error(403, "Only this network's organisers and stewards can change its venues.");
  }
  if (!network.venues) error(500, errors[0]?.message ?? 'The venues could not be loaded.');
  return { ...network, venues: network.venues };
}

const HOLDER_PAGES_MAX = 10;

/** The members who may hold a venue's relationship, by name: up to 500, which covers any network Hearth hosts today. */
export async function holderChoices(event: RequestEvent): Promise<Array<{ value: string; label: string }>> {
  const people: Array<{ value: string; label: string }> = [];
  let after: string | null = null;
  for (let page = 0; page < HOLDER_PAGES_MAX; page += 1) {
    const result: GraphqlResult<VenueHolderChoicesQuery> = await graphql(event, VenueHolderChoicesDocument, {
      slug: event.params.slug!,
      after,
    });
    const members = result.data?.network?.members;
    if (!members) break;
    for (const edge of members.edges) people.push({ value: edge.node.person.id, label: edge.node.person.name });
    if (!members.pageInfo.hasNextPage) break;
    after = members.pageInfo.endCursor ?? null;
  }
  return people.sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
}

/** A whole number typed in the form, or null when the text is not one. */
function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
}

/** The values as the form shows them, from a stored venue. */
export function valuesOf(venue: NetworkWithVenues['venues'][number]): VenueValues {
  return {
    name: venue.name,
    address: venue.address,
    access: ACCESS_FACTS.filter((fact) => venue[fact.value])
      .map((fact) => fact.value)
      .join(','),
    capacity: venue.capacity === null ? '' : String(venue.capacity),
    cost: venue.cost,
    relationshipHolderId: venue.relationshipHolder?.id ?? '',
    notes: venue.notes ?? '',
  };
}

/** The submitted form as the API's input, or the problems the page can name before asking it. */
export function readVenueForm(
  form: FormData,
): { input: VenueInput; values: VenueValues } | { problem: FormProblem<VenueField> } {
  const ticked = form.getAll('access').filter((value): value is string => typeof value === 'string');
  const values: VenueValues = {
    name: textField(form, 'name'),
    address: textField(form, 'address'),
    access: ticked.join(','),
    capacity: textField(form, 'capacity'),
    cost: textField(form, 'cost'),
    relationshipHolderId: textField(form, 'relationshipHolderId'),
    notes: textField(form, 'notes'),
  };
  const errors: Partial<Record<VenueField, string>> = {};
  const capacity = values.capacity.trim() === '' ? null : wholeNumber(values.capacity);
  if (values.capacity.trim() !== '' && capacity === null) {
    errors.capacity = 'Enter how many people the venue holds as a whole number, such as 40, or leave it blank.';
  }
  const cost = parseOption(VENUE_COSTS, values.cost);
  if (!cost) errors.cost = 'Choose what the venue costs: free, a donation, or paid.';
  if (!cost || Object.keys(errors).length > 0) return { problem: { values, errors } };
  const has = (fact: string) => ticked.includes(fact);
  return {
    values,
    input: {
      name: values.name,
      address: values.address,
      stepFreeAccess: has('stepFreeAccess'),
      accessibleToilet: has('accessibleToilet'),
      hearingLoop: has('hearingLoop'),
      quietRoom: has('quietRoom'),
      capacity,
      cost,
      relationshipHolderId: values.relationshipHolderId || null,
      notes: values.notes,
    },
  };
}
