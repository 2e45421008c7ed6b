import type { LibraryItemPageQuery } from '#lib/graphql/generated.ts';

/** The item as its page loads it: a case study, a template or a tip. */
export type PageItem = NonNullable<LibraryItemPageQuery['libraryItem']>;
export type PageCaseStudy = Extract<PageItem, { __typename: 'CaseStudy' }>;

/** Sections a case study's facts panel shows at a glance, so the body leaves them out. */
export const FACT_SECTIONS = ['What it cost', 'How long it took'];
