import type { LifecycleStage, NetworkRole } from '#lib/graphql/generated.ts';

/** The lifecycle stages in order, with the words the pages use for them. */
export const STAGES: ReadonlyArray<{ value: LifecycleStage; label: string; description: string }> = [
  { value: 'POTENTIAL', label: 'Potential', description: 'Loose people with a shared problem, no regular activity.' },
  { value: 'COALESCING', label: 'Coalescing', description: 'First events; a core group forms; purpose being named.' },
  {
    value: 'MATURING',
    label: 'Maturing',
    description: 'A regular rhythm, growing membership, content and roles multiply.',
  },
  {
    value: 'STEWARDSHIP',
    label: 'Stewardship',
    description: 'Established; the work is keeping it relevant and sustainable.',
  },
  {
    value: 'TRANSFORMATION',
    label: 'Transformation',
    description: 'Changing form, merging, handing over or winding down.',
  },
];

export function stageLabel(stage: LifecycleStage): string {
  return STAGES.find((entry) => entry.value === stage)?.label ?? stage;
}

/** A stage from a query string or form, or null when it names none. */
export function parseStage(value: string | null | undefined): LifecycleStage | null {
  return STAGES.find((entry) => entry.value === value)?.value ?? null;
}

export const ROLE_LABELS: Record<NetworkRole, string> = {
  MEMBER: 'Member',
  ORGANISER: 'Organiser',
  STEWARD: 'Steward',
};

/** "12 networks", "1 network". */
export function countLabel(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** A date as people in the UK write it, the same on server and browser. */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' }).format(new Date(iso));
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
