import { sql, type Kysely } from 'kysely';
import { libraryBodyText, type LibraryItemKind } from '../server/src/modules/library/text.ts';
import { refreshLibraryWords } from '../server/src/modules/library/service.ts';
import {
  COST_MAX,
  DURATION_MAX,
  ORG_NAME_MAX,
  SECTION_MAX,
  SUMMARY_MAX,
  TEMPLATE_BODY_MAX,
  TIP_BODY_MAX,
  TITLE_MAX,
  TOOLS_MAX,
} from '../server/src/modules/library/writing.ts';
import type { LibrarySeed } from './demo-library-types.ts';
import { DEMO_LIBRARY } from './demo-library-words.ts';
import { addDays, type Random } from './random.ts';

// The demo's library: case studies, templates and quick tips (words in demo-library-words.ts) as
// rows, with every version, the review that published or sent back each item, and who used it.
// Dates count back from the demo's reference date, like the rest of the demo but the events. The
// words name people by email; each must hold the role the story gives them in the item's network
// (an author a member, a reviewer an organiser or steward who is not the author), or the build
// fails rather than load a library the app's own rules would refuse.

export const DEMO_LIBRARY_SEED = 20_261_206;

export interface LibraryPeople {
  users: ReadonlyArray<{ id: string; email: string }>;
  networks: ReadonlyArray<{ id: string; slug: string }>;
  memberships: ReadonlyArray<{
    network_id: string;
    user_id: string;
    role: string;
    joined_at: Date;
    left_at: Date | null;
  }>;
}

export interface DemoLibraryItem {
  id: string;
  kind: LibraryItemKind;
  network_id: string;
  audience: LibrarySeed['audience'];
  status: LibrarySeed['status'];
  created_by: string;
  title: string;
  summary: string;
  categories: string[];
  sector: string | null;
  org_size: string | null;
  tools: string[];
  content: Record<string, unknown>;
  version: number;
  review_round: number;
  body_text: string;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface DemoLibraryVersion {
  item_id: string;
  number: number;
  author_id: string;
  title: string;
  summary: string;
  content: Record<string, unknown>;
  created_at: Date;
}

export interface DemoLibraryReview {
  id: string;
  item_id: string;
  round: number;
  version: number;
  reviewer_id: string;
  decision: 'APPROVE' | 'REQUEST_CHANGES';
  comment: string;
  created_at: Date;
}

export interface DemoLibraryUse {
  item_id: string;
  person_id: string;
  note: string;
  created_at: Date;
  updated_at: Date;
}

export interface DemoLibrary {
  items: DemoLibraryItem[];
  versions: DemoLibraryVersion[];
  reviews: DemoLibraryReview[];
  uses: DemoLibraryUse[];
}

/** Each version's content, oldest first: a case study has one; a template may have earlier bodies. */
function contentsOf(seed: LibrarySeed): Record<string, unknown>[] {
  if (seed.kind === 'CASE_STUDY') {
    const { orgName, happyToTalk, problem, approach, cost, duration, outcome, evidence, differently } = seed;
    return [{ orgName, happyToTalk, problem, approach, cost, duration, outcome, evidence, differently }];
  }
  const earlier = seed.kind === 'TEMPLATE' ? (seed.earlierBodies ?? []) : [];
  return [...earlier, seed.body].map((body) => ({ body }));
}

/** The limits the app holds a writer to (writing.ts), so the demo shows nothing a writer could not write. */
function checkWords(seed: LibrarySeed, contents: readonly Record<string, unknown>[]): void {
  const fail = (what: string) => {
    throw new Error(`Library item "${seed.title}": ${what}`);
  };
  const fits = (field: string, text: string, max: number) => {
    if (text.trim() !== text || text === '') fail(`${field} is blank or not trimmed`);
    if ([...text].length > max) fail(`${field} is longer than ${max} characters`);
  };
  fits('title', seed.title, TITLE_MAX);
  fits('summary', seed.summary, SUMMARY_MAX);
  if (seed.tools.length > TOOLS_MAX) fail('names too many tools');
  const limits: Record<string, number> =
    seed.kind === 'CASE_STUDY'
      ? {
          problem: SECTION_MAX,
          approach: SECTION_MAX,
          cost: COST_MAX,
          duration: DURATION_MAX,
          outcome: SECTION_MAX,
          evidence: SECTION_MAX,
          differently: SECTION_MAX,
        }
      : { body: seed.kind === 'TIP' ? TIP_BODY_MAX : TEMPLATE_BODY_MAX };
  for (const content of contents) {
    for (const [field, max] of Object.entries(limits)) fits(field, String(content[field]), max);
  }
  if (seed.kind === 'CASE_STUDY' && seed.orgName !== null) fits('orgName', seed.orgName, ORG_NAME_MAX);
  if (seed.kind === 'CASE_STUDY' && /\n/.test(seed.duration)) fail('duration is one line');
}

/** Where the item stands in review follows from its status: say so, or fail. */
function checkReviewStory(seed: LibrarySeed): void {
  const fail = (what: string) => {
    throw new Error(`Library item "${seed.title}" (${seed.status}): ${what}`);
  };
  const decided = seed.status === 'PUBLISHED' || seed.status === 'ARCHIVED';
  if (decided && !seed.reviewer) fail('needs the reviewer who approved it');
  if (seed.status === 'IN_REVIEW' && seed.reviewer) fail('has no decision yet, so no reviewer');
  if (seed.status === 'DRAFT' && seed.reviewer && !seed.reviewComment) fail('was sent back, so say what was asked');
  if (seed.status !== 'PUBLISHED' && seed.uses?.length) fail('only a published item is used');
}

/** The demo library as rows; the same on every call with the same generator. */
export function buildDemoLibrary(people: LibraryPeople, random: Random, reference: Date): DemoLibrary {
  const ids = new Map(people.users.map((user) => [user.email, user.id]));
  const networks = new Map(people.networks.map((network) => [network.slug, network.id]));
  const library: DemoLibrary = { items: [], versions: [], reviews: [], uses: [] };

  /** The person's membership of the network now, as of `at`; fails when the story does not fit. */
  const member = (email: string, networkId: string, at: Date, what: string, roles?: readonly string[]) => {
    const userId = ids.get(email);
    const membership = people.memberships.find(
      (m) => m.user_id === userId && m.network_id === networkId && m.left_at === null,
    );
    if (!userId || !membership) throw new Error(`${email} is not a member of the network they ${what}`);
    if (membership.joined_at > at) throw new Error(`${email} joined after the item they ${what}`);
    if (roles && !roles.includes(membership.role)) {
      throw new Error(`${email} is a ${membership.role}, not an organiser or steward, of the network they ${what}`);
    }
    return userId;
  };

  for (const seed of DEMO_LIBRARY) {
    const networkId = networks.get(seed.network);
    if (!networkId) throw new Error(`No demo network ${seed.network}`);
    const contents = contentsOf(seed);
    checkWords(seed, contents);
    checkReviewStory(seed);

    const created = addDays(reference, -seed.daysAgo - random.next());
    const authorId = member(seed.author, networkId, created, `wrote "${seed.title}" in`);
    const id = random.uuidV7(created);
    // Each later version a day or three after the one before.
    const versionTimes = [created];
    for (let n = 1; n < contents.length; n += 1) {
      versionTimes.push(addDays(versionTimes[n - 1]!, 1 + random.next() * 2));
    }
    for (const [n, content] of contents.entries()) {
      library.versions.push({
        item_id: id,
        number: n + 1,
        author_id: authorId,
        title: seed.title,
        summary: seed.summary,
        content,
        created_at: versionTimes[n]!,
      });
    }
    const version = contents.length;
    const lastEdit = versionTimes[version - 1]!;
    const submitted = seed.status === 'DRAFT' && !seed.reviewer ? null : addDays(lastEdit, 0.2 + random.next() / 2);
    let decidedAt: Date | null = null;
    if (seed.reviewer && submitted) {
      decidedAt = addDays(submitted, 1 + random.next() * 3);
      if (decidedAt >= reference) throw new Error(`Library item "${seed.title}" is reviewed after the demo's date`);
      const reviewerId = member(seed.reviewer, networkId, decidedAt, `reviewed "${seed.title}" in`, [
        'ORGANISER',
        'STEWARD',
      ]);
      if (reviewerId === authorId) throw new Error(`${seed.reviewer} cannot review "${seed.title}": they wrote it`);
      library.reviews.push({
        id: random.uuidV7(decidedAt),
        item_id: id,
        round: 1,
        version,
        reviewer_id: reviewerId,
        decision: seed.status === 'DRAFT' ? 'REQUEST_CHANGES' : 'APPROVE',
        comment: seed.reviewComment ?? '',
        created_at: decidedAt,
      });
    }
    const publishedAt = seed.status === 'PUBLISHED' || seed.status === 'ARCHIVED' ? decidedAt : null;
    const archivedAt = seed.status === 'ARCHIVED' ? addDays(reference, -random.int(20, 40) - random.next()) : null;
    const last = content(contents);
    library.items.push({
      id,
      kind: seed.kind,
      network_id: networkId,
      audience: seed.audience,
      status: seed.status,
      created_by: authorId,
      title: seed.title,
      summary: seed.summary,
      categories: [...seed.categories],
      sector: seed.sector ?? null,
      org_size: seed.orgSize ?? null,
      tools: [...seed.tools],
      content: last,
      version,
      review_round: submitted ? 1 : 0,
      body_text: libraryBodyText(seed.kind, last, seed.tools),
      published_at: publishedAt,
      created_at: created,
      updated_at: archivedAt ?? decidedAt ?? submitted ?? lastEdit,
    });

    for (const use of seed.uses ?? []) {
      const personId = ids.get(use.person);
      if (!personId) throw new Error(`No demo person ${use.person}`);
      if (personId === authorId) throw new Error(`${use.person} wrote "${seed.title}", so does not mark it used`);
      // A network-only item is read, and so used, by members of its network only.
      if (seed.audience === 'NETWORK') member(use.person, networkId, publishedAt!, `used "${seed.title}" from`);
      const at = addDays(
        publishedAt!,
        2 + random.next() * Math.max(1, (reference.getTime() - publishedAt!.getTime()) / 86_400_000 - 3),
      );
      library.uses.push({ item_id: id, person_id: personId, note: use.note, created_at: at, updated_at: at });
    }
  }
  return library;
}

const content = (contents: readonly Record<string, unknown>[]) => contents[contents.length - 1]!;

// Any Kysely: seeds, like migrations, should not depend on the app's generated types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Writes the library from JSON, one statement per table, so that both drivers send the enum and
 * text arrays and the content the same way; then fills library_words from the published items.
 */
export async function insertDemoLibrary(db: AnyDb, library: DemoLibrary): Promise<void> {
  if (library.items.length === 0) return;
  await sql`
    insert into library_items (id, kind, network_id, audience, status, created_by, title, summary, categories, sector,
                               org_size, tools, content, version, review_round, body_text, published_at, created_at,
                               updated_at)
    select id, kind, network_id, audience, status, created_by, title, summary, categories, sector, org_size, tools,
           content, version, review_round, body_text, published_at, created_at, updated_at
    from jsonb_to_recordset(${JSON.stringify(library.items)}::text::jsonb) as i(
      id uuid, kind library_item_kind, network_id uuid, audience library_audience, status library_item_status,
      created_by uuid, title text, summary text, categories support_category[], sector library_sector,
      org_size organisation_size, tools text[], content jsonb, version integer, review_round integer, body_text text,
      published_at timestamptz, created_at timestamptz, updated_at timestamptz)
  `.execute(db);
  await sql`
    insert into library_item_versions (item_id, number, author_id, title, summary, content, created_at)
    select item_id, number, author_id, title, summary, content, created_at
    from jsonb_to_recordset(${JSON.stringify(library.versions)}::text::jsonb) as v(
      item_id uuid, number integer, author_id uuid, title text, summary text, content jsonb, created_at timestamptz)
  `.execute(db);
  if (library.reviews.length > 0) {
    await sql`
      insert into library_reviews (id, item_id, round, version, reviewer_id, decision, comment, created_at)
      select id, item_id, round, version, reviewer_id, decision, comment, created_at
      from jsonb_to_recordset(${JSON.stringify(library.reviews)}::text::jsonb) as r(
        id uuid, item_id uuid, round integer, version integer, reviewer_id uuid, decision review_decision,
        comment text, created_at timestamptz)
    `.execute(db);
  }
  if (library.uses.length > 0) {
    await sql`
      insert into library_uses (item_id, person_id, note, created_at, updated_at)
      select item_id, person_id, note, created_at, updated_at
      from jsonb_to_recordset(${JSON.stringify(library.uses)}::text::jsonb) as u(
        item_id uuid, person_id uuid, note text, created_at timestamptz, updated_at timestamptz)
    `.execute(db);
  }
  await refreshLibraryWords(db);
}
