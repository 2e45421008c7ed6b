// A person's profile input, checked and normalised: pure, so it is tested without a database.
import { badInput } from '../../core/errors.ts';
import type { OrganisationSize, ProfileChanges, ProfileVisibility, SupportCategory } from './repository.ts';

/** The eight kinds of support, in DOMAIN.md's order. */
export const SUPPORT_CATEGORIES: readonly SupportCategory[] = [
  'QUICK_TIP',
  'SHORT_TERM_SKILLS',
  'EXPANDING_POSSIBILITY',
  'LONG_TERM_SKILLS',
  'HANDS_ON_SUPPORT',
  'PERSONAL_VALIDATION',
  'RISK_MITIGATION',
  'UNIQUE_PERSPECTIVES',
];
const ORGANISATION_SIZES: readonly OrganisationSize[] = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'];
const VISIBILITIES: readonly ProfileVisibility[] = ['PUBLIC', 'MEMBERS', 'PRIVATE'];

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const LINE_BREAKS_OR_CONTROL = /[\u0000-\u001f\u007f]/;

export const textLength = (text: string) => [...text].length;

export interface ProfileInput {
  name?: string | null;
  pronouns?: string | null;
  bio?: string | null;
  organisation?: string | null;
  organisationSize?: OrganisationSize | null;
  sector?: string | null;
  roleTitle?: string | null;
  isDigitalLead?: boolean | null;
  isMentor?: boolean | null;
  skills?: readonly string[] | null;
  supportNeeds?: readonly SupportCategory[] | null;
  visibility?: ProfileVisibility | null;
}

const TEXT_LIMITS = {
  pronouns: { max: 40, label: 'pronouns', multiline: false },
  bio: { max: 2000, label: 'bio', multiline: true },
  organisation: { max: 120, label: 'organisation', multiline: false },
  sector: { max: 80, label: 'sector', multiline: false },
  roleTitle: { max: 120, label: 'role title', multiline: false },
} as const;

type TextField = keyof typeof TEXT_LIMITS;

/** An optional text: undefined stays unchanged, null or blank clears it. */
function optionalText(field: TextField, raw: string | null | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null) return null;
  const { max, label, multiline } = TEXT_LIMITS[field];
  const value = multiline ? raw.trim().replace(/\r\n?/g, '\n') : raw.trim().replace(/\s+/g, ' ');
  if (value === '') return null;
  if (textLength(value) > max)
    throw badInput(field, `Keep the ${label} to ${max.toLocaleString('en-GB')} characters or fewer.`);
  if ((multiline ? CONTROL_CHARACTERS : LINE_BREAKS_OR_CONTROL).test(value)) {
    throw badInput(field, `Use letters, numbers and punctuation only in the ${label}.`);
  }
  return value;
}

export const SKILLS_MAX = 20;
export const SKILL_MAX_LENGTH = 40;

/** A skill tag as stored: trimmed, single-spaced, lower case. */
export function normaliseSkill(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Skills normalised, blanks and duplicates dropped, first-given order kept. */
export function normaliseSkills(raw: readonly string[]): string[] {
  const skills: string[] = [];
  for (const item of raw) {
    const skill = normaliseSkill(item);
    if (skill === '' || skills.includes(skill)) continue;
    if (textLength(skill) > SKILL_MAX_LENGTH) {
      throw badInput(
        'skills',
        `Keep each skill to ${SKILL_MAX_LENGTH} characters or fewer ("${[...skill].slice(0, 20).join('')}…" is longer).`,
      );
    }
    if (LINE_BREAKS_OR_CONTROL.test(skill))
      throw badInput('skills', 'Use letters, numbers and punctuation only in skills.');
    skills.push(skill);
  }
  if (skills.length > SKILLS_MAX) throw badInput('skills', `List at most ${SKILLS_MAX} skills.`);
  return skills;
}

/**
 * The profile changes the input asks for, validated and normalised; fields left out are left
 * out. The name is the accounts module's to check and store.
 */
export function validProfileChanges(input: ProfileInput): ProfileChanges {
  const changes: ProfileChanges = {};
  for (const field of Object.keys(TEXT_LIMITS) as TextField[]) {
    const value = optionalText(field, input[field]);
    if (value !== undefined) changes[field] = value;
  }
  if (input.organisationSize !== undefined) {
    if (input.organisationSize !== null && !ORGANISATION_SIZES.includes(input.organisationSize)) {
      throw badInput('organisationSize', 'Choose MICRO, SMALL, MEDIUM or LARGE.');
    }
    changes.organisationSize = input.organisationSize;
  }
  if (input.isDigitalLead !== undefined && input.isDigitalLead !== null) changes.isDigitalLead = input.isDigitalLead;
  if (input.isMentor !== undefined && input.isMentor !== null) changes.isMentor = input.isMentor;
  if (input.skills !== undefined && input.skills !== null) changes.skills = normaliseSkills(input.skills);
  if (input.supportNeeds !== undefined && input.supportNeeds !== null) {
    const needs = [...new Set(input.supportNeeds)];
    if (needs.some((need) => !SUPPORT_CATEGORIES.includes(need))) {
      throw badInput('supportNeeds', 'Choose support needs from the eight support categories.');
    }
    changes.supportNeeds = needs;
  }
  if (input.visibility !== undefined && input.visibility !== null) {
    if (!VISIBILITIES.includes(input.visibility)) throw badInput('visibility', 'Choose PUBLIC, MEMBERS or PRIVATE.');
    changes.visibility = input.visibility;
  }
  return changes;
}
