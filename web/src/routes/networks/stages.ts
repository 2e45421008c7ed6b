import type { LifecycleStage } from '#lib/graphql/generated.ts';
import { optionList, parseOption } from '#lib/options.ts';

/**
 * The lifecycle stages in order, with the words the pages use for them: each explained in a
 * sentence a visitor can follow (DOMAIN.md, "Lifecycle of a network").
 */
const STAGE_WORDS = {
  POTENTIAL: {
    label: 'Potential',
    description: 'People who share a problem have found each other, but nothing happens regularly yet.',
  },
  COALESCING: {
    label: 'Coalescing',
    description: 'The first events have been held, and a core group is forming and naming its purpose.',
  },
  MATURING: {
    label: 'Maturing',
    description:
      'It meets at a regular rhythm and is growing, with more people taking on roles and sharing what they know.',
  },
  STEWARDSHIP: {
    label: 'Stewardship',
    description: 'It is well established, and the work now is keeping it relevant and sustainable.',
  },
  TRANSFORMATION: {
    label: 'Transformation',
    description: 'It is changing form: merging with another group, handing over, or winding down.',
  },
} satisfies Record<LifecycleStage, { label: string; description: string }>;

export const STAGES = optionList(STAGE_WORDS);

export function stageLabel(stage: LifecycleStage): string {
  return STAGE_WORDS[stage].label;
}

/** What the stage means, in one sentence. */
export function stageDescription(stage: LifecycleStage): string {
  return STAGE_WORDS[stage].description;
}

/** A stage from a query string or form, or null when it names none. */
export function parseStage(value: string | null | undefined): LifecycleStage | null {
  return parseOption(STAGES, value);
}

// Moved to #lib/format.ts so other sections share them; re-exported for the network pages.
export { countLabel, formatDate, wholeNumber } from '#lib/format.ts';

/** The first sentence or so of a long text, cut at a word. */
export function excerpt(text: string, max = 180): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).replace(/[\s,.;:]+$/, '')}…`;
}

/** The directory's address for a search, from a point in the list (`after`, a cursor) or from the start. */
export function directoryHref(search: { q: string; stage: LifecycleStage | null; after: string | null }): string {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.stage) params.set('stage', search.stage);
  if (search.after) params.set('after', search.after);
  const query = params.toString();
  return query ? `/networks?${query}` : '/networks';
}
