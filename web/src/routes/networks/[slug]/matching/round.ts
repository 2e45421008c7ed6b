// What the matching-round page reads from its address and its forms, and what it lists. Pure, so
// the page's rules about which needs and mentors take part sit in one place.
import type { MatchingPreviewPartsFragment } from '#lib/graphql/generated.ts';

export type Preview = MatchingPreviewPartsFragment;
export type RoundNeed = Preview['unmatched'][number]['need'];
export type RoundMentor = Preview['mentors'][number];

/**
 * The adjust form marks its query with `adjusted`: without it, everyone takes part; with it,
 * only the ticked needs and mentors do, so unticking them all means none rather than all.
 */
export const ADJUSTED = 'adjusted';
export const NEED_FIELD = 'needIds';
export const MENTOR_FIELD = 'mentorIds';

/** The needs and mentors the organiser ticked; null for "all of them" (the page as first opened). */
export interface RoundChoice {
  needIds: ReadonlySet<string> | null;
  mentorIds: ReadonlySet<string> | null;
}

export function choiceFrom(params: URLSearchParams): RoundChoice {
  if (!params.has(ADJUSTED)) return { needIds: null, mentorIds: null };
  return { needIds: new Set(params.getAll(NEED_FIELD)), mentorIds: new Set(params.getAll(MENTOR_FIELD)) };
}

/** Every need of the whole round, paired or not, by title: the adjust form's list. */
export function needsOf(preview: Preview): RoundNeed[] {
  const needs = [...preview.pairs.map((pair) => pair.need), ...preview.unmatched.map((left) => left.need)];
  return needs.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

/** Every mentor with a place free in the whole round, paired or not, by name: the adjust form's list. */
export function mentorsOf(preview: Preview): RoundMentor[] {
  return [...preview.mentors].sort(
    (a, b) => a.mentor.name.localeCompare(b.mentor.name) || a.mentor.id.localeCompare(b.mentor.id),
  );
}

/** How many pairs the round shown gives each of its mentors; those left out of it are absent. */
export function pairCounts(shown: Preview): Map<string, number> {
  return new Map(shown.mentors.map((one) => [one.mentor.id, one.pairCount]));
}

/**
 * A mentor's line in the adjust form: "2 places free, paired with 1". The pairs are those of the
 * round shown, which may be adjusted, so the line agrees with the pairs above it.
 */
export function mentorLine(mentor: RoundMentor, counts: ReadonlyMap<string, number>): string {
  const places = `${mentor.freePlaces} ${mentor.freePlaces === 1 ? 'place' : 'places'} free`;
  const paired = counts.get(mentor.mentor.id);
  if (paired === undefined) return `${places}, left out of this round`;
  return `${places}, paired with ${paired === 0 ? 'none' : paired}`;
}

/**
 * The ids to preview the round with: null (all of them) while every listed one is ticked, so that
 * a need posted or a mentor freed since still takes part; otherwise the ticked ones of those listed.
 */
export function roundIds(listed: ReadonlyArray<{ id: string }>, ticked: ReadonlySet<string> | null): string[] | null {
  if (ticked === null || listed.every((item) => ticked.has(item.id))) return null;
  return listed.filter((item) => ticked.has(item.id)).map((item) => item.id);
}

/** Whether this one is ticked in the adjust form: all are, until the organiser adjusts. */
export function isTicked(choice: ReadonlySet<string> | null, id: string): boolean {
  return choice === null || choice.has(id);
}

/** How a pair travels in the confirm form: one hidden input per pair. */
export const PAIR_FIELD = 'pair';

export function pairValue(pair: { need: { id: string }; mentor: { id: string } }): string {
  return `${pair.need.id}:${pair.mentor.id}`;
}

/** The pairs a confirm form carries; a malformed one is dropped (the API checks the rest). */
export function pairsFrom(form: FormData): Array<{ needId: string; mentorId: string }> {
  return form.getAll(PAIR_FIELD).flatMap((value) => {
    if (typeof value !== 'string') return [];
    const [needId, mentorId, ...rest] = value.split(':');
    return needId && mentorId && rest.length === 0 ? [{ needId, mentorId }] : [];
  });
}

/** "Sent 5 requests. Each mentor has 7 days to answer." */
export function sentNotice(count: number): string {
  return `Sent ${count} ${count === 1 ? 'request' : 'requests'}. Each mentor has 7 days to answer.`;
}

/** The count in `?confirmed=`, or null when absent or not a count. */
export function confirmedCount(params: URLSearchParams): number | null {
  const raw = params.get('confirmed');
  if (raw === null || !/^\d{1,4}$/.test(raw)) return null;
  return Number(raw);
}

/**
 * The confirm form's action: this page's address with its adjustments kept (so a refusal shows
 * the same round, looked at again), without a notice from before, and `/confirm` for the action.
 */
export function confirmActionFor(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('confirmed');
  for (const key of [...params.keys()]) if (key.startsWith('/')) params.delete(key);
  const query = params.toString();
  return query ? `?${query}&/confirm` : '?/confirm';
}
