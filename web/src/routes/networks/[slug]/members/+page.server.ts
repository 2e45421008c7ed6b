import { error } from '@sveltejs/kit';
import { MemberDirectoryDocument, type MemberFilter } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import type { HearthGraphqlError } from '#lib/server/contract.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import { memberFilter, positionFrom } from './list-position.ts';
import type { PageServerLoad } from './$types';

// Stewards change a member's role on a page of its own ([personId]/role), reached by one link
// per member: a form on every card made the list a long walk for keyboard users.

const PAGE_SIZE = 20;

/** The filters typed as text, by the name the API gives them in errors, and their fields on the page. */
const TEXT_FILTERS = { skill: 'skill', search: 'q' } as const satisfies Partial<Record<keyof MemberFilter, string>>;
type TextFilter = keyof typeof TEXT_FILTERS;
type FilterErrors = Partial<Record<(typeof TEXT_FILTERS)[TextFilter], string>>;

/** The text filter the API refused, if that is what it refused. */
function refusedTextFilter(errors: HearthGraphqlError[]): TextFilter | null {
  const field = errors[0]?.extensions?.field;
  if (errorCode(errors) !== 'BAD_USER_INPUT' || field === undefined || !Object.hasOwn(TEXT_FILTERS, field)) return null;
  return field as TextFilter;
}

export const load = (async (event) => {
  requireUser(event);
  const slug = event.params.slug;
  const { filters, after } = positionFrom(event.url.searchParams);
  const filter: MemberFilter = memberFilter(filters);

  // One operation for the network and its members: the members may be refused while the network shows.
  let { data, errors } = await graphql(event, MemberDirectoryDocument, { slug, filter, first: PAGE_SIZE, after });
  // Text the API refuses before running anything (a control character, say): the network again
  // without that filter, the refusal next to its field, and no list.
  const filterErrors: FilterErrors = {};
  for (let refused = refusedTextFilter(errors); !data && refused; refused = refusedTextFilter(errors)) {
    filterErrors[TEXT_FILTERS[refused]] = errors[0]!.message;
    delete filter[refused];
    ({ data, errors } = await graphql(event, MemberDirectoryDocument, { slug, filter, first: PAGE_SIZE, after }));
  }
  const code = errorCode(errors);
  if (code === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (!data) error(500, errors[0]?.message ?? 'This network could not be loaded.');
  if (!data.network) error(404, 'There is no network at this address.');
  const { members, ...network } = data.network;
  // Not a member: the API's reason, shown kindly with a way to join.
  if (code === 'FORBIDDEN')
    return { network, filters, filterErrors, after, members: null, forbidden: errors[0]!.message, problem: null };
  if (Object.keys(filterErrors).length > 0) {
    return { network, filters, filterErrors, after, members: null, forbidden: null, problem: null };
  }
  // A stale or hand-made cursor, or a filter the API refuses: say so rather than fail the page.
  if (code === 'BAD_USER_INPUT') {
    return { network, filters, filterErrors, after, members: null, forbidden: null, problem: errors[0]!.message };
  }
  if (!members) error(500, errors[0]?.message ?? 'The members could not be loaded.');
  return { network, filters, filterErrors, after, members, forbidden: null, problem: null };
}) satisfies PageServerLoad;
