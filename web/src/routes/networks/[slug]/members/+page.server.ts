import { error, fail, redirect } from '@sveltejs/kit';
import {
  MemberDirectoryDocument,
  NetworkIdentityDocument,
  SetMemberRoleDocument,
  type MemberFilter,
  type NetworkRole,
  type SupportCategory,
} from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import type { HearthGraphqlError } from '#lib/server/contract.ts';
import { failureStatus, textField } from '#lib/server/forms.ts';
import { pageAddress, redirectToSignIn, requireUser } from '#lib/server/session.ts';
import { parseOption } from '#lib/options.ts';
import { MEMBER_ROLES, SUPPORT_CATEGORIES } from '../../../people/labels.ts';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 20;

/** The filters as the GET form sends them; unknown choices are dropped, text is cut to size. */
function filtersFrom(params: URLSearchParams): {
  role: NetworkRole | '';
  mentor: 'yes' | 'no' | '';
  digitalLead: 'yes' | 'no' | '';
  skill: string;
  support: SupportCategory | '';
  q: string;
} {
  const yesNo = (value: string | null) => (value === 'yes' || value === 'no' ? value : '');
  return {
    role: parseOption(MEMBER_ROLES, params.get('role')) ?? '',
    mentor: yesNo(params.get('mentor')),
    digitalLead: yesNo(params.get('digitalLead')),
    skill: (params.get('skill') ?? '').trim().slice(0, 40),
    support: parseOption(SUPPORT_CATEGORIES, params.get('support')) ?? '',
    q: (params.get('q') ?? '').trim().slice(0, 100),
  };
}

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
  const filters = filtersFrom(event.url.searchParams);
  const after = event.url.searchParams.get('after') || null;

  const filter: MemberFilter = {};
  if (filters.role) filter.role = filters.role;
  if (filters.mentor) filter.isMentor = filters.mentor === 'yes';
  if (filters.digitalLead) filter.isDigitalLead = filters.digitalLead === 'yes';
  if (filters.skill) filter.skill = filters.skill;
  if (filters.support) filter.supportCategory = filters.support;
  if (filters.q) filter.search = filters.q;

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

export const actions = {
  setRole: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const userId = textField(form, 'userId');
    const rawRole = textField(form, 'role');
    const role = parseOption(MEMBER_ROLES, rawRole);
    if (!role) return fail(400, { userId, role: rawRole, message: 'Choose a role.' });

    // The network's id, read from its address so a crafted form cannot point the action at another network.
    const identity = await graphql(event, NetworkIdentityDocument, { slug: event.params.slug });
    if (!identity.data?.network) error(404, 'There is no network at this address.');
    const { data, errors } = await graphql(event, SetMemberRoleDocument, {
      networkId: identity.data.network.id,
      userId,
      role,
    });
    if (!data || errors.length > 0) {
      return fail(failureStatus(errors), {
        userId,
        role: rawRole,
        message: errors[0]?.message ?? 'Something went wrong on our side. Please try again.',
      });
    }
    // Back to the same list, filters kept, without the action in the address.
    const back = new URL(pageAddress(event.url), event.url);
    back.searchParams.set('changed', userId);
    redirect(303, back.pathname + back.search);
  },
} satisfies Actions;
