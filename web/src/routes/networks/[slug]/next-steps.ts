import type { SupportCategory } from '#lib/graphql/generated.ts';

/** A member's checklist on the network's page. */
export interface NextSteps {
  /** Whether their profile has the basics (see hasProfileBasics). */
  profileComplete: boolean;
  /** The network's stewards, oldest members first; the first page only. */
  stewards: Array<{ id: string; name: string }>;
  /** More stewards than listed: the member list shows them all. */
  moreStewards: boolean;
}

/**
 * Whether a profile says enough for fellow members to see how the person fits: what they do
 * (a role or an organisation) and what they bring or look for (a skill or a kind of support).
 */
export function hasProfileBasics(person: {
  roleTitle: string | null;
  organisation: string | null;
  skills: readonly string[];
  supportNeeds: readonly SupportCategory[];
}): boolean {
  const saysWhatTheyDo = Boolean(person.roleTitle || person.organisation);
  const saysWhatTheyBringOrNeed = person.skills.length > 0 || person.supportNeeds.length > 0;
  return saysWhatTheyDo && saysWhatTheyBringOrNeed;
}
