// What each kind of item holds beyond the tags, and the words of it: the text search ranks and
// snippets quote, and the Markdown a version shows. A case study is a set of headed sections.
import { markdownToText } from './markdown.ts';
import { withoutControlCharacters } from './search.ts';

export type LibraryItemKind = 'CASE_STUDY' | 'TEMPLATE' | 'TIP';

export interface CaseStudyContent {
  orgName: string | null;
  problem: string;
  approach: string;
  cost: string;
  duration: string;
  outcome: string;
  evidence: string;
  differently: string;
  happyToTalk: boolean;
}

export interface BodyContent {
  body: string;
}

export type LibraryContent = CaseStudyContent | BodyContent;

/** A case study's sections in reading order, with the headings a reader sees. */
export const CASE_STUDY_SECTIONS = [
  { key: 'problem', heading: 'The problem' },
  { key: 'approach', heading: 'What they tried' },
  { key: 'cost', heading: 'What it cost' },
  { key: 'duration', heading: 'How long it took' },
  { key: 'outcome', heading: 'What came of it' },
  { key: 'evidence', heading: 'The evidence' },
  { key: 'differently', heading: 'What they would do differently' },
] as const satisfies readonly { key: keyof CaseStudyContent; heading: string }[];

export type CaseStudySectionKey = (typeof CASE_STUDY_SECTIONS)[number]['key'];

function isCaseStudy(kind: LibraryItemKind, _content: unknown): _content is CaseStudyContent {
  return kind === 'CASE_STUDY';
}

/** The item's text as one Markdown document: a case study's sections under their headings. */
export function libraryMarkdown(kind: LibraryItemKind, content: Record<string, unknown>): string {
  if (!isCaseStudy(kind, content)) return String((content as Partial<BodyContent>).body ?? '');
  return CASE_STUDY_SECTIONS.filter(({ key }) => String(content[key] ?? '').trim() !== '')
    .map(({ key, heading }) => `## ${heading}\n\n${String(content[key]).trim()}`)
    .join('\n\n');
}

/**
 * Every word of the item beyond its title and summary, without markup: the organisation, the
 * sections or body, and the tools. Search weighs it below the title and summary.
 */
export function libraryBodyText(
  kind: LibraryItemKind,
  content: Record<string, unknown>,
  tools: readonly string[],
): string {
  const parts: string[] = [];
  if (isCaseStudy(kind, content) && content.orgName) parts.push(content.orgName);
  // A case study's sections without their headings: a snippet quotes what was written, and
  // "What it cost" in every item would only add noise to the ranking.
  if (isCaseStudy(kind, content)) {
    for (const { key } of CASE_STUDY_SECTIONS) parts.push(markdownToText(String(content[key] ?? '')));
  } else parts.push(markdownToText(libraryMarkdown(kind, content)));
  if (tools.length > 0) parts.push(tools.join(', '));
  // Control characters are the snippet's highlight markers: no stored text may hold them.
  return withoutControlCharacters(parts.filter((part) => part !== '').join('\n'));
}
