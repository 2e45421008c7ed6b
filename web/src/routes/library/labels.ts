import type {
  LibraryItemKind,
  LibraryItemStatus,
  OrganisationSize,
  ReviewDecision,
  Sector,
  SupportCategory,
} from '#lib/graphql/generated.ts';
import { optionList } from '#lib/options.ts';
import { ORGANISATION_SIZES, organisationSizeLabel, SUPPORT_CATEGORIES, supportLabel } from '../people/labels.ts';

/** The three kinds of item, as a reader names them. */
const KIND_WORDS = {
  CASE_STUDY: { label: 'Case study' },
  TEMPLATE: { label: 'Template' },
  TIP: { label: 'Quick tip' },
} satisfies Record<LibraryItemKind, { label: string }>;

/** Where an item is in review, as its badge says it. */
const STATUS_WORDS = {
  DRAFT: { label: 'Draft' },
  IN_REVIEW: { label: 'In review' },
  PUBLISHED: { label: 'Published' },
  ARCHIVED: { label: 'Archived' },
} satisfies Record<LibraryItemStatus, { label: string }>;

const SECTOR_WORDS = {
  ARTS_AND_CULTURE: { label: 'Arts, culture and heritage' },
  HEALTH_AND_CARE: { label: 'Health, disability and social care' },
  HOUSING: { label: 'Housing and homelessness' },
  EDUCATION_AND_YOUTH: { label: 'Children, young people and education' },
  ENVIRONMENT: { label: 'Environment and animals' },
  COMMUNITY: { label: 'Community groups and local action' },
  ADVICE_AND_ADVOCACY: { label: 'Advice, advocacy and rights' },
  FOOD_AND_POVERTY: { label: 'Food, poverty and crisis support' },
  SPORT_AND_WELLBEING: { label: 'Sport, leisure and wellbeing' },
  FAITH: { label: 'Faith-based organisations' },
  OTHER: { label: 'Other' },
} satisfies Record<Sector, { label: string }>;

const DECISION_WORDS = {
  APPROVE: { label: 'Approved' },
  REQUEST_CHANGES: { label: 'Asked for changes' },
} satisfies Record<ReviewDecision, { label: string }>;

export const LIBRARY_KINDS = optionList(KIND_WORDS);
export const SECTORS = optionList(SECTOR_WORDS);
export { ORGANISATION_SIZES, SUPPORT_CATEGORIES };

export function kindLabel(kind: LibraryItemKind): string {
  return KIND_WORDS[kind].label;
}

export function statusLabel(status: LibraryItemStatus): string {
  return STATUS_WORDS[status].label;
}

export function sectorLabel(sector: Sector): string {
  return SECTOR_WORDS[sector].label;
}

export function decisionLabel(decision: ReviewDecision): string {
  return DECISION_WORDS[decision].label;
}

export { organisationSizeLabel, supportLabel };

/** The facet fields the search page shows, in the order it shows them, with their query names. */
export const FACET_FIELDS = [
  { field: 'KIND', param: 'kinds', legend: 'Kind' },
  { field: 'CATEGORY', param: 'categories', legend: 'Kind of support' },
  { field: 'SECTOR', param: 'sectors', legend: 'Sector' },
  { field: 'ORG_SIZE', param: 'orgSizes', legend: 'Organisation size' },
  { field: 'TOOL', param: 'tools', legend: 'Tools' },
  { field: 'NETWORK', param: 'network', legend: 'Network' },
] as const;

/** A facet value in words: the API gives enum names for enums, and its own label otherwise. */
export function facetValueLabel(field: string, value: string, label: string): string {
  switch (field) {
    case 'KIND':
      return value in KIND_WORDS ? kindLabel(value as LibraryItemKind) : label;
    case 'CATEGORY':
      return SUPPORT_CATEGORIES.some((option) => option.value === value)
        ? supportLabel(value as SupportCategory)
        : label;
    case 'SECTOR':
      return value in SECTOR_WORDS ? sectorLabel(value as Sector) : label;
    case 'ORG_SIZE':
      return ORGANISATION_SIZES.some((option) => option.value === value)
        ? organisationSizeLabel(value as OrganisationSize)
        : label;
    default:
      return label;
  }
}

/** "2.4 MB", "310 KB": a file's size as a download link gives it. */
export function fileSizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "PDF", "Word document": a file's type in words, from its content type. */
export function fileTypeLabel(contentType: string): string {
  const words: Record<string, string> = {
    'application/pdf': 'PDF',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
    'application/vnd.oasis.opendocument.text': 'OpenDocument text',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel spreadsheet',
    'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument spreadsheet',
    'image/png': 'PNG image',
    'image/jpeg': 'JPEG image',
  };
  return words[contentType] ?? contentType;
}
