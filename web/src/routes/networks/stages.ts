import type { LifecycleStage } from '#lib/graphql/generated.ts';
import { optionList, parseOption } from '#lib/options.ts';

/** The lifecycle stages in order, with the words the pages use for them. */
const STAGE_WORDS = {
  POTENTIAL: { label: 'Potential', description: 'Loose people with a shared problem, no regular activity.' },
  COALESCING: { label: 'Coalescing', description: 'First events; a core group forms; purpose being named.' },
  MATURING: {
    label: 'Maturing',
    description: 'A regular rhythm, growing membership, content and roles multiply.',
  },
  STEWARDSHIP: {
    label: 'Stewardship',
    description: 'Established; the work is keeping it relevant and sustainable.',
  },
  TRANSFORMATION: {
    label: 'Transformation',
    description: 'Changing form, merging, handing over or winding down.',
  },
} satisfies Record<LifecycleStage, { label: string; description: string }>;

export const STAGES = optionList(STAGE_WORDS);

export function stageLabel(stage: LifecycleStage): string {
  return STAGE_WORDS[stage].label;
}

/** A stage from a query string or form, or null when it names none. */
export function parseStage(value: string | null | undefined): LifecycleStage | null {
  return parseOption(STAGES, value);
}

// Made once: building a formatter costs far more than formatting (it was a tenth of a page's rendering).
const NUMBER = new Intl.NumberFormat('en-GB');
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });

/** "1,234": a count as people in the UK write it. */
export function wholeNumber(value: number): string {
  return NUMBER.format(value);
}

/** "12 networks", "1 network". */
export function countLabel(count: number, one: string, many: string): string {
  return `${wholeNumber(count)} ${count === 1 ? one : many}`;
}

/** A date as people in the UK write it, the same on server and browser. */
export function formatDate(iso: string): string {
  return LONG_DATE.format(new Date(iso));
}

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
