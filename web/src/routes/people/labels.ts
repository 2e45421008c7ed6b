import type { NetworkRole, OrganisationSize, SupportCategory, Visibility } from '#lib/graphql/generated.ts';

/** The organisation sizes, by yearly income, with the words the pages use for them. */
export const ORGANISATION_SIZES: ReadonlyArray<{ value: OrganisationSize; label: string }> = [
  { value: 'MICRO', label: 'Micro: yearly income under £10,000' },
  { value: 'SMALL', label: 'Small: £10,000 to under £100,000 a year' },
  { value: 'MEDIUM', label: 'Medium: £100,000 to under £1 million a year' },
  { value: 'LARGE', label: 'Large: £1 million or more a year' },
];

/** The eight kinds of support a digital lead needs (see DOMAIN.md), each explained in a line. */
export const SUPPORT_CATEGORIES: ReadonlyArray<{ value: SupportCategory; label: string; description: string }> = [
  {
    value: 'QUICK_TIP',
    label: 'Quick tips',
    description: 'A fast, specific answer: a tool recommendation, a template.',
  },
  { value: 'SHORT_TERM_SKILLS', label: 'Short-term skills', description: 'Getting better at what I already do.' },
  {
    value: 'EXPANDING_POSSIBILITY',
    label: 'Expanding what is possible',
    description: 'What else digital could do, and how to convince management.',
  },
  {
    value: 'LONG_TERM_SKILLS',
    label: 'Long-term skills',
    description: 'Product management, service design, building a team.',
  },
  {
    value: 'HANDS_ON_SUPPORT',
    label: 'Hands-on support',
    description: 'Capacity to do the work: volunteers, tools, agencies, funding.',
  },
  { value: 'PERSONAL_VALIDATION', label: 'Someone to think with', description: 'Someone to test ideas with.' },
  {
    value: 'RISK_MITIGATION',
    label: 'Less risk',
    description: 'Case studies from peers that take the fear out of trying something new.',
  },
  {
    value: 'UNIQUE_PERSPECTIVES',
    label: 'A trusted contact',
    description: 'An honest, tailored, one-to-one answer from someone I trust.',
  },
];

export const VISIBILITIES: ReadonlyArray<{ value: Visibility; label: string; description: string }> = [
  { value: 'PUBLIC', label: 'Public', description: 'Anyone can see your details, signed in or not.' },
  {
    value: 'MEMBERS',
    label: 'Members of my networks',
    description: 'Only people who are members of a network you belong to.',
  },
  { value: 'PRIVATE', label: 'Only me', description: 'Nobody else sees your details; they see your name only.' },
];

export const MEMBER_ROLES: ReadonlyArray<{ value: NetworkRole; label: string }> = [
  { value: 'MEMBER', label: 'Member' },
  { value: 'ORGANISER', label: 'Organiser' },
  { value: 'STEWARD', label: 'Steward' },
];

export function organisationSizeLabel(size: OrganisationSize): string {
  return ORGANISATION_SIZES.find((entry) => entry.value === size)?.label ?? size;
}

export function supportLabel(category: SupportCategory): string {
  return SUPPORT_CATEGORIES.find((entry) => entry.value === category)?.label ?? category;
}

export function visibilityLabel(visibility: Visibility): string {
  return VISIBILITIES.find((entry) => entry.value === visibility)?.label ?? visibility;
}

/** One of `options`' values, or null when the text names none (a crafted form may send anything). */
export function parseOption<Value extends string>(
  options: ReadonlyArray<{ value: Value }>,
  raw: string | null | undefined,
): Value | null {
  return options.find((entry) => entry.value === raw)?.value ?? null;
}
