import type { VenueCost } from '#lib/graphql/generated.ts';
import { optionList } from '#lib/options.ts';

const COST_WORDS = {
  FREE: { label: 'Free', heading: 'Free venues' },
  DONATION: { label: 'Donation', heading: 'Venues asking a donation', description: 'Whatever the network can give.' },
  PAID: { label: 'Paid', heading: 'Paid venues', description: 'A hire fee.' },
} satisfies Record<VenueCost, { label: string; heading: string; description?: string }>;

/** In the order the directory lists them: free first, since free rooms are the hardest to find. */
export const VENUE_COSTS = optionList(COST_WORDS);

/** The four facts people ask before they come, as the form's tick boxes name them. */
export const ACCESS_FACTS = [
  { value: 'stepFreeAccess', label: 'Step-free access', words: 'step-free access' },
  { value: 'accessibleToilet', label: 'Accessible toilet', words: 'an accessible toilet' },
  { value: 'hearingLoop', label: 'Hearing loop', words: 'a hearing loop' },
  { value: 'quietRoom', label: 'Quiet room', words: 'a quiet room' },
] as const;

export type AccessFact = (typeof ACCESS_FACTS)[number]['value'];

function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "Has step-free access and a quiet room." and "No accessible toilet or hearing loop.", as they apply. */
export function accessInWords(venue: Record<AccessFact, boolean>): { has: string | null; lacks: string | null } {
  const has = ACCESS_FACTS.filter((fact) => venue[fact.value]).map((fact) => fact.words);
  const lacks = ACCESS_FACTS.filter((fact) => !venue[fact.value]).map((fact) => fact.words.replace(/^(an?|the) /, ''));
  const or = (items: string[]) =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
  return {
    has: has.length ? `Has ${listInWords(has)}.` : null,
    lacks: lacks.length ? `No ${or(lacks)}.` : null,
  };
}

export function capacityInWords(capacity: number | null): string {
  if (capacity === null) return 'Capacity not known';
  return capacity === 1 ? 'Holds 1 person' : `Holds up to ${capacity.toLocaleString('en-GB')} people`;
}
