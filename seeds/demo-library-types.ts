// The shape of the demo library's words (demo-library-words.ts): each item as its author wrote it,
// where it stands in review, and who used it. Networks are named by slug and people by their demo
// email; demo-library.ts turns them into rows and fails if someone named does not fit their part.

export type LibraryCategory =
  | 'QUICK_TIP'
  | 'SHORT_TERM_SKILLS'
  | 'EXPANDING_POSSIBILITY'
  | 'LONG_TERM_SKILLS'
  | 'HANDS_ON_SUPPORT'
  | 'PERSONAL_VALIDATION'
  | 'RISK_MITIGATION'
  | 'UNIQUE_PERSPECTIVES';

export type LibrarySector =
  | 'ARTS_AND_CULTURE'
  | 'HEALTH_AND_CARE'
  | 'HOUSING'
  | 'EDUCATION_AND_YOUTH'
  | 'ENVIRONMENT'
  | 'COMMUNITY'
  | 'ADVICE_AND_ADVOCACY'
  | 'FOOD_AND_POVERTY'
  | 'SPORT_AND_WELLBEING'
  | 'FAITH'
  | 'OTHER';

/** By yearly income: MICRO under £10k, SMALL to £100k, MEDIUM to £1m, LARGE above. */
export type LibraryOrgSize = 'MICRO' | 'SMALL' | 'MEDIUM' | 'LARGE';

export type LibraryStatus = 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'ARCHIVED';

interface ItemBase {
  /** A demo network's slug. */
  network: string;
  /** The author's demo email: a member of `network`. */
  author: string;
  /** NETWORK: members only; ALL_NETWORKS: anyone. */
  audience: 'NETWORK' | 'ALL_NETWORKS';
  status: LibraryStatus;
  /**
   * PUBLISHED and ARCHIVED: the organiser or steward of `network` (never the author) who approved it;
   * IN_REVIEW and DRAFT: absent, or (DRAFT) one who asked for changes, with `changesAsked`.
   */
  reviewer?: string;
  /** What the reviewer said: their approval note, or for a DRAFT the changes they asked for. */
  reviewComment?: string;
  /** Days before the demo loads that it was written (and, when published, published a few days later). */
  daysAgo: number;
  title: string;
  summary: string;
  categories: readonly LibraryCategory[];
  sector?: LibrarySector;
  orgSize?: LibraryOrgSize;
  tools: readonly string[];
  /** Members of any network (PUBLISHED items) who used it, and what changed for them (may be ''). */
  uses?: ReadonlyArray<{ person: string; note: string }>;
}

export interface CaseStudySeed extends ItemBase {
  kind: 'CASE_STUDY';
  /** Null: the organisation asked to stay anonymous. */
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

export interface TemplateSeed extends ItemBase {
  kind: 'TEMPLATE';
  /** The template itself, in Markdown. */
  body: string;
  /** Earlier versions' bodies, oldest first, when it was edited after it was first written. */
  earlierBodies?: readonly string[];
}

export interface TipSeed extends ItemBase {
  kind: 'TIP';
  /** The answer in Markdown, with links. */
  body: string;
}

export type LibrarySeed = CaseStudySeed | TemplateSeed | TipSeed;
