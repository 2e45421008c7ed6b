// What an organiser plans the night by: how many to feed, the dietary needs among them, and who
// has told them of an access need. Only people holding a seat (or who came) count: those waiting
// may never come, and a count that includes them buys food for nobody.
import type { OrganiserRegistrationFragment, RegistrationStatus } from '#lib/graphql/generated.ts';

const EXPECTED: ReadonlySet<RegistrationStatus> = new Set(['CONFIRMED', 'OFFERED', 'ATTENDED']);

type Registration = Pick<OrganiserRegistrationFragment, 'name' | 'status' | 'accessNeeds' | 'dietaryNeeds'>;

export interface DietaryCount {
  /** As the first person to give it wrote it. */
  need: string;
  count: number;
}

export interface NeedsSummary {
  /** People holding a seat or who came: the food count. */
  expected: number;
  /** Of them, those who gave no dietary need. */
  noDietaryNeed: number;
  /** Alike needs together (case, spacing and a closing full stop ignored), most common first. */
  dietary: DietaryCount[];
  /** Each expected person who gave an access need, by name. */
  access: Array<{ name: string; need: string }>;
}

const alike = (need: string) => need.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();

export function needsSummary(registrations: readonly Registration[]): NeedsSummary {
  const expected = registrations.filter((registration) => EXPECTED.has(registration.status));
  const dietary = new Map<string, DietaryCount>();
  for (const { dietaryNeeds } of expected) {
    const need = dietaryNeeds?.trim();
    if (!need) continue;
    const counted = dietary.get(alike(need));
    if (counted) counted.count += 1;
    else dietary.set(alike(need), { need, count: 1 });
  }
  const dietaryCounts = [...dietary.values()].sort((a, b) => b.count - a.count || a.need.localeCompare(b.need));
  return {
    expected: expected.length,
    noDietaryNeed: expected.length - dietaryCounts.reduce((sum, { count }) => sum + count, 0),
    dietary: dietaryCounts,
    access: expected
      .filter((registration) => registration.accessNeeds?.trim())
      .map((registration) => ({ name: registration.name, need: registration.accessNeeds!.trim() }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
