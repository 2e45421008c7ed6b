import type { PrintedBriefQuery } from '#lib/graphql/generated.ts';
import { formatDate } from '#lib/format.ts';

export type BriefItem = NonNullable<PrintedBriefQuery['briefByToken']>['items'][number];

/** The case study's sections a manager weighs most, in this order (headings from the API). */
export const BRIEF_SECTIONS = ['What it cost', 'How long it took', 'What came of it', 'The evidence'];

/** "Ana Silva and Tom Reed": names joined as a sentence says them. */
export function namesList(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "Written by Ana Silva." or, once every author has left, who they were not. */
export function writtenBy(item: BriefItem): string {
  return item.authors.length > 0
    ? `Written by ${namesList(item.authors.map((author) => author.name))}.`
    : 'Its author has since left Hearth.';
}

/**
 * "Reviewed and approved by Tom Reed on 3 March 2026." Each approval with its date, newest last,
 * so a manager sees who vouched for it and when.
 */
export function approvedBy(item: BriefItem): string {
  const approvals = item.reviews.filter((review) => review.decision === 'APPROVE');
  if (approvals.length === 0) return 'Published after peer review.';
  const parts = approvals.map(
    (review) => `${review.reviewer?.name ?? 'a reviewer who has since left'} on ${formatDate(review.createdAt)}`,
  );
  return `Reviewed and approved by ${namesList(parts)}.`;
}

/** The sections of a case study a brief shows, in the brief's order. */
export function briefSections(item: BriefItem) {
  if (item.__typename !== 'CaseStudy') return [];
  return BRIEF_SECTIONS.flatMap((heading) => item.sections.filter((section) => section.heading === heading));
}
