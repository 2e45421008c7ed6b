// A person's profile input, checked and normalised: pure, so it is tested without a database.
import { badInput, InputProblems } from '../../core/errors.ts';
import { hasControlCharacters, optionalText, textLength, type TextRule } from '../../core/text.ts';
import type { OrganisationSize, ProfileChanges, ProfileVisibility, SkillList, SupportCategory } from './repository.ts';

export interface ProfileInput {
  name?: string | null;
  pronouns?: string | null;
  bio?: string | null;
  organisation?: string | null;
  organisationSize?: OrganisationSize | null;
  sector?: string | null;
  roleTitle?: string | null;
  isDigitalLead?: boolean | null;
  skills?: readonly string[] | null;
  supportNeeds?: readonly SupportCategory[] | null;
  visibility?: ProfileVisibility | null;
}

const TEXT_RULES = {
  pronouns: { label: 'pronouns', max: 40 },
  bio: { label: 'bio', max: 2000, multiline: true },
  organisation: { label: 'organisation', max: 120 },
  sector: { label: 'sector', max: 80 },
  roleTitle: { label: 'role title', max: 120 },
} satisfies Record<string, TextRule>;

type TextField = keyof typeof TEXT_RULES;

export const SKILLS_MAX = 20;
export const SKILL_MAX_LENGTH = 40;

/** A skill as compared, stored and searched for: trimmed, single-spaced, lower case. */
export function normaliseSkill(raw: string): string {
  return skillAsTyped(raw).toLowerCase();
}

/** A skill as the person typed it, for display: trimmed and single-spaced, its letter case kept. */
export function skillAsTyped(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

/**
 * Skills checked, blanks and duplicates dropped (compared without regard to case, the first
 * spelling kept), first-given order kept: each as typed, and its key for matching.
 */
export function checkedSkills(raw: readonly string[]): SkillList {
  const skills: SkillList = { asTyped: [], keys: [] };
  for (const item of raw) {
    const skill = skillAsTyped(item);
    const key = normaliseSkill(skill);
    if (skill === '' || skills.keys.includes(key)) continue;
    if (textLength(skill) > SKILL_MAX_LENGTH) {
      throw badInput(
        'skills',
        `Keep each skill to ${SKILL_MAX_LENGTH} characters or fewer ("${[...skill].slice(0, 20).join('')}…" is longer).`,
      );
    }
    if (hasControlCharacters(skill)) throw badInput('skills', 'Use letters, numbers and punctuation only in skills.');
    skills.asTyped.push(skill);
    skills.keys.push(key);
  }
  if (skills.keys.length > SKILLS_MAX) throw badInput('skills', `List at most ${SKILLS_MAX} skills.`);
  return skills;
}

/** Skills as stored for matching: checked, lower case, duplicates dropped. */
export function normaliseSkills(raw: readonly string[]): string[] {
  return checkedSkills(raw).keys;
}

/**
 * The profile changes the input asks for, validated and normalised; fields left out are left
 * out. The name is the accounts module's to check and store. Choices (size, support, visibility)
 * arrive as enum values GraphQL has already checked against the schema. Whether the person
 * mentors is not here: publishing a mentoring offer sets it (mentoring's offers.ts).
 */
export function validProfileChanges(input: ProfileInput): ProfileChanges {
  const changes: ProfileChanges = {};
  // Every field is checked before any is refused, so a form can show all its problems at once.
  const problems = new InputProblems();
  for (const field of Object.keys(TEXT_RULES) as TextField[]) {
    const value = problems.check(() => optionalText(field, input[field], TEXT_RULES[field]));
    if (value !== undefined) changes[field] = value;
  }
  if (input.organisationSize !== undefined) changes.organisationSize = input.organisationSize;
  if (input.isDigitalLead !== undefined && input.isDigitalLead !== null) changes.isDigitalLead = input.isDigitalLead;
  if (input.skills !== undefined && input.skills !== null) {
    const skills = input.skills;
    const valid = problems.check(() => checkedSkills(skills));
    if (valid !== undefined) changes.skills = valid;
  }
  problems.throwIfAny();
  if (input.supportNeeds !== undefined && input.supportNeeds !== null)
    changes.supportNeeds = [...new Set(input.supportNeeds)];
  if (input.visibility !== undefined && input.visibility !== null) changes.visibility = input.visibility;
  return changes;
}
