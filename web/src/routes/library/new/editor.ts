// The library editor's form, as the new and edit pages share it: its fields, the values it shows
// and what it sends the API. Everything is text until it is read, so a failed save refills the
// form exactly as it was sent.
import type {
  LibraryAudience,
  LibraryEditorItemFragment,
  LibraryItemKind,
  OrganisationSize,
  Sector,
  SupportCategory,
} from '#lib/graphql/generated.ts';
import { optionList, parseOption } from '#lib/options.ts';
import { ORGANISATION_SIZES, SECTORS, SUPPORT_CATEGORIES } from '../labels.ts';

/** Every field of the editor, in the order the page shows them, so the error summary reads top to bottom. */
export const ITEM_FIELDS = [
  'networkId',
  'eventId',
  'title',
  'summary',
  'orgName',
  'orgSize',
  'sector',
  'problem',
  'approach',
  'cost',
  'duration',
  'outcome',
  'evidence',
  'differently',
  'happyToTalk',
  'body',
  'file',
  'tools',
  'categories',
  'audience',
] as const;

export type ItemField = (typeof ITEM_FIELDS)[number];
export type ItemValues = Partial<Record<ItemField | 'fileId' | 'fileName' | 'removeFile', string>>;

/** The case study's parts written in Markdown, with the headings readers see (server: library/text.ts). */
export const CASE_STUDY_SECTIONS = [
  { name: 'problem', label: 'The problem', hint: 'What was not working, and for whom.' },
  { name: 'approach', label: 'What they tried', hint: 'The steps, in the order they took them.' },
  { name: 'cost', label: 'What it cost', hint: 'Money and staff or volunteer time, with rough numbers.' },
  { name: 'outcome', label: 'What came of it', hint: 'What changed, for the organisation and the people it serves.' },
  {
    name: 'evidence',
    label: 'The evidence',
    hint: 'Numbers where you have them: before and after, how many, how often.',
  },
  { name: 'differently', label: 'What they would do differently', hint: 'Optional, and often the most useful part.' },
] as const satisfies readonly { name: ItemField; label: string; hint: string }[];

/** The fields written in Markdown, which have a preview. */
export const MARKDOWN_FIELDS = [...CASE_STUDY_SECTIONS.map((section) => section.name), 'body'] as const;
export type MarkdownField = (typeof MARKDOWN_FIELDS)[number];

export function isMarkdownField(name: string): name is MarkdownField {
  return (MARKDOWN_FIELDS as readonly string[]).includes(name);
}

const KIND_CHOICE_WORDS = {
  CASE_STUDY: {
    label: 'A case study',
    description: 'What an organisation tried, what it cost and what came of it, so a manager can trust it.',
  },
  TEMPLATE: {
    label: 'A template',
    description: 'A document others can reuse: a policy, a strategy on a page, a role description.',
  },
  TIP: { label: 'A quick tip', description: 'A short answer to a common question, with links.' },
} satisfies Record<LibraryItemKind, { label: string; description: string }>;

export const KIND_CHOICES = optionList(KIND_CHOICE_WORDS);

/** Who may read the item once published, in plain words for the network it belongs to. */
export function audienceChoices(networkName: string | null) {
  const words = {
    NETWORK: {
      label: networkName ? `Members of ${networkName} only` : 'Members of the network only',
      description: 'Only people who belong to the network can find and read it.',
    },
    ALL_NETWORKS: {
      label: 'Everyone',
      description:
        'Members of every network, and people who are not signed in. Only items shared with everyone can go in a brief for management.',
    },
  } satisfies Record<LibraryAudience, { label: string; description: string }>;
  return optionList(words);
}

/** "Canva, Mailchimp" or one a line, as the person wrote them, without blanks. */
export function toolsFrom(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((tool) => tool.trim())
    .filter((tool) => tool !== '');
}

/** The form's values for an item as it is saved, for the edit page. */
export function valuesOfItem(item: LibraryEditorItemFragment): ItemValues {
  const values: ItemValues = {
    networkId: item.network.id,
    title: item.title,
    summary: item.summary,
    orgSize: item.orgSize ?? '',
    sector: item.sector ?? '',
    tools: item.tools.join('\n'),
    categories: item.categories.join(','),
    audience: item.audience,
  };
  if (item.__typename === 'CaseStudy') {
    Object.assign(values, {
      orgName: item.orgName ?? '',
      problem: item.problem,
      approach: item.approach,
      cost: item.cost,
      duration: item.duration,
      outcome: item.outcome,
      evidence: item.evidence,
      differently: item.differently,
      happyToTalk: item.happyToTalk ? 'on' : '',
    });
  } else {
    values.body = item.body;
  }
  return values;
}

/** The form as sent, every field kept as text, and the chosen categories. */
export function readValues(form: FormData): ItemValues {
  const values: ItemValues = {};
  for (const field of ITEM_FIELDS) {
    if (field === 'file' || field === 'categories') continue;
    const value = form.get(field);
    if (typeof value === 'string') values[field] = value;
  }
  for (const extra of ['fileId', 'fileName', 'removeFile'] as const) {
    const value = form.get(extra);
    if (typeof value === 'string' && value !== '') values[extra] = value;
  }
  values.categories = form
    .getAll('categories')
    .filter((value): value is string => typeof value === 'string')
    .join(',');
  return values;
}

/** What every kind sends: the tags, the audience, the title and summary. */
export function sharedInput(values: ItemValues) {
  const categories = (values.categories ?? '')
    .split(',')
    .map((raw) => parseOption(SUPPORT_CATEGORIES, raw))
    .filter((category): category is SupportCategory => category !== null);
  return {
    title: values.title ?? '',
    summary: values.summary ?? '',
    categories,
    sector: parseOption(SECTORS, values.sector) satisfies Sector | null,
    orgSize: parseOption(ORGANISATION_SIZES, values.orgSize) satisfies OrganisationSize | null,
    tools: toolsFrom(values.tools ?? ''),
    audience: parseOption(audienceChoices(null), values.audience) ?? 'NETWORK',
  };
}

/** A case study's own fields; a blank organisation name keeps it anonymous. */
export function caseStudyInput(values: ItemValues) {
  return {
    orgName: values.orgName?.trim() ? values.orgName : null,
    problem: values.problem ?? '',
    approach: values.approach ?? '',
    cost: values.cost ?? '',
    duration: values.duration ?? '',
    outcome: values.outcome ?? '',
    evidence: values.evidence ?? '',
    differently: values.differently ?? '',
    happyToTalk: values.happyToTalk === 'on',
  };
}
