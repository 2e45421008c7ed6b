import type { MemberFilter, NetworkRole, SupportCategory } from '#lib/graphql/generated.ts';
import { parseOption } from '#lib/options.ts';
import { MEMBER_ROLES, SUPPORT_CATEGORIES } from '../../../people/labels.ts';

// Where a steward is in the member list: its filters and the page's cursor. The role page carries
// them in its own address, so that saving or cancelling goes back to the same place in the list.

export interface MemberFilters {
  role: NetworkRole | '';
  mentor: 'yes' | 'no' | '';
  digitalLead: 'yes' | 'no' | '';
  skill: string;
  support: SupportCategory | '';
  q: string;
}

export interface ListPosition {
  filters: MemberFilters;
  /** The cursor the page starts after; null on the first page. */
  after: string | null;
}

/** The filters as the GET form sends them; unknown choices are dropped, text is cut to size. */
export function filtersFrom(params: URLSearchParams): MemberFilters {
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

export function positionFrom(params: URLSearchParams): ListPosition {
  return { filters: filtersFrom(params), after: params.get('after') || null };
}

/** The filters as the API takes them. */
export function memberFilter(filters: MemberFilters): MemberFilter {
  const filter: MemberFilter = {};
  if (filters.role) filter.role = filters.role;
  if (filters.mentor) filter.isMentor = filters.mentor === 'yes';
  if (filters.digitalLead) filter.isDigitalLead = filters.digitalLead === 'yes';
  if (filters.skill) filter.skill = filters.skill;
  if (filters.support) filter.supportCategory = filters.support;
  if (filters.q) filter.search = filters.q;
  return filter;
}

/** The query string for this position (without `?`): the filters in use, then the cursor. */
export function positionQuery({ filters, after }: ListPosition): string {
  const entries = Object.entries(filters).filter(([, value]) => value !== '');
  if (after) entries.push(['after', after]);
  return new URLSearchParams(entries).toString();
}

/** `path` with this position's query string, if it has one. */
export function withPosition(path: string, position: ListPosition): string {
  const query = positionQuery(position);
  return query ? `${path}?${query}` : path;
}

/** The id of a member's card on the list, which the role page comes back to. */
export function memberCardId(personId: string): string {
  return `member-${personId}`;
}

/**
 * The member list at this position, landing on the member's card; with `changed`, the notice
 * that their role has changed.
 */
export function listAddressAt(
  slug: string,
  position: ListPosition,
  personId: string,
  { changed }: { changed: boolean },
): string {
  const params = new URLSearchParams(positionQuery(position));
  if (changed) params.set('changed', personId);
  const query = params.toString();
  return `/networks/${slug}/members${query ? `?${query}` : ''}#${encodeURIComponent(memberCardId(personId))}`;
}
