import type { NetworkRole, OrganisationSize, SupportCategory, Visibility } from '#lib/graphql/generated.ts';
import { optionList } from '#lib/options.ts';

/** The organisation sizes, by yearly income, with the words the pages use for them. */
const ORGANISATION_SIZE_WORDS = {
  MICRO: { label: 'Micro: yearly income under £10,000' },
  SMALL: { label: 'Small: £10,000 to under £100,000 a year' },
  MEDIUM: { label: 'Medium: £100,000 to under £1 million a year' },
  LARGE: { label: 'Large: £1 million or more a year' },
} satisfies Record<OrganisationSize, { label: string }>;

/** The eight kinds of support a digital lead needs (see DOMAIN.md), each explained in a line. */
const SUPPORT_WORDS = {
  QUICK_TIP: {
    label: 'Quick tips',
    description: 'A fast, specific answer: a tool recommendation, a template.',
  },
  SHORT_TERM_SKILLS: { label: 'Short-term skills', description: 'Getting better at what I already do.' },
  EXPANDING_POSSIBILITY: {
    label: 'Expanding what is possible',
    description: 'What else digital could do, and how to convince management.',
  },
  LONG_TERM_SKILLS: {
    label: 'Long-term skills',
    description: 'Product management, service design, building a team.',
  },
  HANDS_ON_SUPPORT: {
    label: 'Hands-on support',
    description: 'Capacity to do the work: volunteers, tools, agencies, funding.',
  },
  PERSONAL_VALIDATION: { label: 'Someone to think with', description: 'Someone to test ideas with.' },
  RISK_MITIGATION: {
    label: 'Less risk',
    description: 'Case studies from peers that take the fear out of trying something new.',
  },
  UNIQUE_PERSPECTIVES: {
    label: 'A trusted contact',
    description: 'An honest, tailored, one-to-one answer from someone I trust.',
  },
} satisfies Record<SupportCategory, { label: string; description: string }>;

const VISIBILITY_WORDS = {
  PUBLIC: { label: 'Public', description: 'Anyone can see your details, signed in or not.' },
  MEMBERS: {
    label: 'Members of my networks',
    description: 'Only people who are members of a network you belong to.',
  },
  PRIVATE: { label: 'Only me', description: 'Nobody else sees your details; they see your name only.' },
} satisfies Record<Visibility, { label: string; description: string }>;

/**
 * Each role with a line on what it lets a person do, as the API allows today: members may list
 * the members; organisers and stewards may run matching rounds (memberships/service.ts
 * requireOrganiser), and organisers count among those the stage suggestion looks for; stewards
 * alone may change roles, the network's details and its stage (requireSteward). Change these
 * words when a module gives a role more to do.
 */
const ROLE_WORDS = {
  MEMBER: {
    label: 'Member',
    description: 'Can see who the members are and the details they share with members.',
  },
  ORGANISER: {
    label: 'Organiser',
    description:
      "Can do what a member can, and run matching rounds. Counts as one of the network's organisers when Hearth suggests its stage.",
  },
  STEWARD: {
    label: 'Steward',
    description:
      "Can do what an organiser can, and change members' roles, the network's details and its stage. A network always needs at least one.",
  },
} satisfies Record<NetworkRole, { label: string; description: string }>;

export const ORGANISATION_SIZES = optionList(ORGANISATION_SIZE_WORDS);
export const SUPPORT_CATEGORIES = optionList(SUPPORT_WORDS);
export const VISIBILITIES = optionList(VISIBILITY_WORDS);
export const MEMBER_ROLES = optionList(ROLE_WORDS);

export function organisationSizeLabel(size: OrganisationSize): string {
  return ORGANISATION_SIZE_WORDS[size].label;
}

export function supportLabel(category: SupportCategory): string {
  return SUPPORT_WORDS[category].label;
}

export function visibilityLabel(visibility: Visibility): string {
  return VISIBILITY_WORDS[visibility].label;
}

export function roleLabel(role: NetworkRole): string {
  return ROLE_WORDS[role].label;
}
