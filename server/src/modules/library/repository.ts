import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { arrayLiteral } from '../../core/query.ts';
import type {
  Database,
  LibraryAudience,
  LibraryItemKind,
  LibraryItemStatus,
  LibrarySector,
  OrganisationSize,
  ReviewDecision,
  SupportCategory,
} from '../../db/schema.ts';

type Executor = Kysely<Database>;
type RawSql = RawBuilder<unknown>;

export type { LibraryAudience, LibraryItemKind, LibraryItemStatus, LibrarySector, ReviewDecision };

/** An item as the service reads it: its current version. */
export interface LibraryItemRecord {
  id: string;
  kind: LibraryItemKind;
  networkId: string;
  audience: LibraryAudience;
  status: LibraryItemStatus;
  createdBy: string | null;
  eventId: string | null;
  title: string;
  summary: string;
  categories: SupportCategory[];
  sector: LibrarySector | null;
  orgSize: OrganisationSize | null;
  tools: string[];
  content: Record<string, unknown>;
  fileId: string | null;
  version: number;
  reviewRound: number;
  publishedAt: Date | null;
  /** When the network's stewards hid it after a report; null while it is shown. */
  hiddenAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a writer sets on an item, checked: the tags, the text and the attachment. */
export interface LibraryItemFields {
  audience: LibraryAudience;
  title: string;
  summary: string;
  categories: SupportCategory[];
  sector: LibrarySector | null;
  orgSize: OrganisationSize | null;
  tools: string[];
  content: Record<string, unknown>;
  fileId: string | null;
  bodyText: string;
}

export interface LibraryVersionRecord {
  itemId: string;
  number: number;
  authorId: string | null;
  title: string;
  summary: string;
  content: Record<string, unknown>;
  fileId: string | null;
  createdAt: Date;
}

export interface LibraryReviewRecord {
  id: string;
  itemId: string;
  round: number;
  version: number;
  reviewerId: string | null;
  decision: ReviewDecision;
  comment: string;
  createdAt: Date;
}

export interface LibraryUseRecord {
  itemId: string;
  personId: string;
  note: string;
  createdAt: Date;
}

export interface BriefRecord {
  id: string;
  ownerId: string;
  token: string;
  title: string;
  ask: string;
  itemIds: string[];
  revokedAt: Date | null;
  createdAt: Date;
}

const ITEM_COLUMNS = [
  'id',
  'kind',
  'network_id as networkId',
  'audience',
  'status',
  'created_by as createdBy',
  'event_id as eventId',
  'title',
  'summary',
  sql<SupportCategory[]>`categories::text[]`.as('categories'),
  'sector',
  'org_size as orgSize',
  'tools',
  'content',
  'file_id as fileId',
  'version',
  'review_round as reviewRound',
  'published_at as publishedAt',
  'hidden_at as hiddenAt',
  'created_at as createdAt',
  'updated_at as updatedAt',
] as const;

/**
 * Whether an item is shown in lists: not hidden by the network's stewards. Search, its counts and
 * the review queue compose this one condition (`table` is the name or alias the statement reads
 * library_items by); a hidden item is opened only by its author and the network's stewards.
 */
export function visibleItem(table: 'library_items' | 'i' = 'library_items'): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(`${table}.hidden_at`)} is null`;
}

const toItem = (row: Omit<LibraryItemRecord, 'content'> & { content: unknown }): LibraryItemRecord => ({
  ...row,
  content: row.content as Record<string, unknown>,
});

const columnsOf = (fields: LibraryItemFields) => ({
  audience: fields.audience,
  title: fields.title,
  summary: fields.summary,
  categories: sql<SupportCategory[]>`${arrayLiteral(fields.categories)}::support_category[]`,
  sector: fields.sector,
  org_size: fields.orgSize,
  tools: sql<string[]>`${arrayLiteral(fields.tools)}::text[]`,
  // As text, then cast: both drivers then store the object, never a JSON string of it.
  content: sql<string>`${JSON.stringify(fields.content)}::text::jsonb`,
  file_id: fields.fileId,
  body_text: fields.bodyText,
});

// Items.

export async function insertItem(
  db: Executor,
  item: { kind: LibraryItemKind; networkId: string; createdBy: string; eventId: string | null },
  fields: LibraryItemFields,
  now: Date,
): Promise<LibraryItemRecord> {
  const row = await db
    .insertInto('library_items')
    .values({
      kind: item.kind,
      network_id: item.networkId,
      created_by: item.createdBy,
      event_id: item.eventId,
      ...columnsOf(fields),
      created_at: now,
      updated_at: now,
    })
    .returning(ITEM_COLUMNS)
    .executeTakeFirstOrThrow();
  return toItem(row);
}

export async function getItemsByIds(db: Executor, ids: readonly string[]): Promise<LibraryItemRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('library_items').select(ITEM_COLUMNS).where('id', 'in', ids).execute();
  return rows.map(toItem);
}

/** The item, its row locked until the transaction ends: reviews and edits of one item queue up. */
export async function lockItem(db: Executor, id: string): Promise<LibraryItemRecord | null> {
  const row = await db
    .selectFrom('library_items')
    .select(ITEM_COLUMNS)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ? toItem(row) : null;
}

/** Writes a new current version of the item; an item in review goes back to draft. */
export async function updateItemText(
  db: Executor,
  id: string,
  fields: LibraryItemFields,
  now: Date,
): Promise<LibraryItemRecord> {
  const row = await db
    .updateTable('library_items')
    .set({
      ...columnsOf(fields),
      version: sql`version + 1`,
      status: sql`case when status = 'IN_REVIEW' then 'DRAFT'::library_item_status else status end`,
      updated_at: now,
    })
    .where('id', '=', id)
    .returning(ITEM_COLUMNS)
    .executeTakeFirstOrThrow();
  return toItem(row);
}

export async function setItemStatus(
  db: Executor,
  id: string,
  change: { status: LibraryItemStatus; newRound?: boolean; publishedAt?: Date },
  now: Date,
): Promise<LibraryItemRecord> {
  const row = await db
    .updateTable('library_items')
    .set({
      status: change.status,
      ...(change.newRound ? { review_round: sql`review_round + 1` } : {}),
      ...(change.publishedAt ? { published_at: change.publishedAt } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .returning(ITEM_COLUMNS)
    .executeTakeFirstOrThrow();
  return toItem(row);
}

/** Hides an item after a report: kept, but out of every list. Null when there is no such item. */
export async function hideItem(db: Executor, id: string, now: Date): Promise<LibraryItemRecord | null> {
  const row = await db
    .updateTable('library_items')
    .set({ hidden_at: now, updated_at: now })
    .where('id', '=', id)
    .returning(ITEM_COLUMNS)
    .executeTakeFirst();
  return row ? toItem(row) : null;
}

/** Every item the person started, most recently changed first. */
export async function getItemsCreatedBy(db: Executor, userId: string): Promise<LibraryItemRecord[]> {
  const rows = await db
    .selectFrom('library_items')
    .select(ITEM_COLUMNS)
    .where('created_by', '=', userId)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toItem);
}

/** Items waiting for review in these networks, oldest first. */
export async function getItemsInReview(db: Executor, networkIds: readonly string[]): Promise<LibraryItemRecord[]> {
  if (networkIds.length === 0) return [];
  const rows = await db
    .selectFrom('library_items')
    .select(ITEM_COLUMNS)
    .where('network_id', 'in', networkIds)
    .where('status', '=', 'IN_REVIEW')
    .where(visibleItem())
    .orderBy('updated_at')
    .orderBy('id')
    .execute();
  return rows.map(toItem);
}

/** Deletes the items the person started that were never published: their drafts are theirs alone. */
export async function deleteNeverPublishedItemsOf(db: Executor, userId: string): Promise<number> {
  const result = await db
    .deleteFrom('library_items')
    .where('created_by', '=', userId)
    .where('published_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

// Versions.

export async function insertVersion(
  db: Executor,
  item: LibraryItemRecord,
  authorId: string | null,
  now: Date,
): Promise<void> {
  await db
    .insertInto('library_item_versions')
    .values({
      item_id: item.id,
      number: item.version,
      author_id: authorId,
      title: item.title,
      summary: item.summary,
      content: sql<string>`${JSON.stringify(item.content)}::text::jsonb`,
      file_id: item.fileId,
      created_at: now,
    })
    .execute();
}

export async function getVersionsOf(db: Executor, itemIds: readonly string[]): Promise<LibraryVersionRecord[]> {
  if (itemIds.length === 0) return [];
  const rows = await db
    .selectFrom('library_item_versions')
    .select([
      'item_id as itemId',
      'number',
      'author_id as authorId',
      'title',
      'summary',
      'content',
      'file_id as fileId',
      'created_at as createdAt',
    ])
    .where('item_id', 'in', itemIds)
    .orderBy('item_id')
    .orderBy('number', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, content: row.content as Record<string, unknown> }));
}

/** Of these files, those some version of some item holds (the current one is a version too). */
export async function getAttachedFileIds(db: Executor, fileIds: readonly string[]): Promise<string[]> {
  if (fileIds.length === 0) return [];
  const rows = await db
    .selectFrom('library_item_versions')
    .select('file_id as fileId')
    .distinct()
    .where('file_id', 'in', fileIds)
    .execute();
  return rows.flatMap((row) => row.fileId ?? []);
}

/** Whether the file is attached to any version of a readable item is decided by the service; this finds the items. */
export async function getItemIdsWithFile(db: Executor, fileId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('library_item_versions')
    .select('item_id as itemId')
    .distinct()
    .where('file_id', '=', fileId)
    .execute();
  return rows.map((row) => row.itemId);
}

// Reviews.

export async function insertReview(
  db: Executor,
  review: Omit<LibraryReviewRecord, 'id' | 'createdAt'>,
  now: Date,
): Promise<void> {
  await db
    .insertInto('library_reviews')
    .values({
      item_id: review.itemId,
      round: review.round,
      version: review.version,
      reviewer_id: review.reviewerId,
      decision: review.decision,
      comment: review.comment,
      created_at: now,
    })
    .execute();
}

export async function getReviewsOf(db: Executor, itemIds: readonly string[]): Promise<LibraryReviewRecord[]> {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('library_reviews')
    .select([
      'id',
      'item_id as itemId',
      'round',
      'version',
      'reviewer_id as reviewerId',
      'decision',
      'comment',
      'created_at as createdAt',
    ])
    .where('item_id', 'in', itemIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countApprovals(db: Executor, itemId: string, round: number): Promise<number> {
  const row = await db
    .selectFrom('library_reviews')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('item_id', '=', itemId)
    .where('round', '=', round)
    .where('decision', '=', 'APPROVE')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The reviews the person wrote, with the titles of the items, oldest first. */
export async function getReviewsBy(db: Executor, reviewerId: string) {
  return db
    .selectFrom('library_reviews')
    .innerJoin('library_items', 'library_items.id', 'library_reviews.item_id')
    .select([
      'library_items.id as itemId',
      'library_items.title as itemTitle',
      'library_reviews.decision',
      'library_reviews.comment',
      'library_reviews.version',
      'library_reviews.created_at as createdAt',
    ])
    .where('library_reviews.reviewer_id', '=', reviewerId)
    .orderBy('library_reviews.created_at')
    .execute();
}

/** What the person recorded using, with the titles of the items, oldest first. */
export async function getAllUsesBy(db: Executor, personId: string) {
  return db
    .selectFrom('library_uses')
    .innerJoin('library_items', 'library_items.id', 'library_uses.item_id')
    .select([
      'library_items.id as itemId',
      'library_items.title as itemTitle',
      'library_uses.note',
      'library_uses.created_at as createdAt',
      'library_uses.updated_at as updatedAt',
    ])
    .where('library_uses.person_id', '=', personId)
    .orderBy('library_uses.created_at')
    .execute();
}

// Uses.

/** Records a use, or replaces the note of an earlier one. */
export async function upsertUse(
  db: Executor,
  itemId: string,
  personId: string,
  note: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('library_uses')
    .values({ item_id: itemId, person_id: personId, note, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['item_id', 'person_id']).doUpdateSet({ note, updated_at: now }))
    .execute();
}

export async function countUses(db: Executor, itemIds: readonly string[]): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('library_uses')
    .select(['item_id as itemId', (eb) => eb.fn.countAll<string>().as('count')])
    .where('item_id', 'in', itemIds)
    .groupBy('item_id')
    .execute();
  return new Map(rows.map((row) => [row.itemId, Number(row.count)]));
}

export async function getUsesBy(
  db: Executor,
  personId: string,
  itemIds: readonly string[],
): Promise<LibraryUseRecord[]> {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('library_uses')
    .select(['item_id as itemId', 'person_id as personId', 'note', 'created_at as createdAt'])
    .where('person_id', '=', personId)
    .where('item_id', 'in', itemIds)
    .execute();
}

// Reviewers and settings.

export async function getNamedReviewers(
  db: Executor,
  networkIds: readonly string[],
): Promise<Array<{ networkId: string; personId: string }>> {
  if (networkIds.length === 0) return [];
  return db
    .selectFrom('library_reviewers')
    .select(['network_id as networkId', 'person_id as personId'])
    .where('network_id', 'in', networkIds)
    .orderBy('created_at')
    .execute();
}

/** The networks, of these, where the person is a named reviewer. */
export async function getNetworksReviewedBy(
  db: Executor,
  personId: string,
  networkIds?: readonly string[],
): Promise<string[]> {
  let query = db.selectFrom('library_reviewers').select('network_id as networkId').where('person_id', '=', personId);
  if (networkIds !== undefined) {
    if (networkIds.length === 0) return [];
    query = query.where('network_id', 'in', networkIds);
  }
  return (await query.execute()).map((row) => row.networkId);
}

export async function addNamedReviewer(
  db: Executor,
  networkId: string,
  personId: string,
  namedBy: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('library_reviewers')
    .values({ network_id: networkId, person_id: personId, named_by: namedBy, created_at: now })
    .onConflict((oc) => oc.columns(['network_id', 'person_id']).doNothing())
    .execute();
}

export async function removeNamedReviewer(db: Executor, networkId: string, personId: string): Promise<void> {
  await db
    .deleteFrom('library_reviewers')
    .where('network_id', '=', networkId)
    .where('person_id', '=', personId)
    .execute();
}

export async function getApprovalsNeeded(db: Executor, networkIds: readonly string[]): Promise<Map<string, number>> {
  if (networkIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('library_settings')
    .select(['network_id as networkId', 'approvals_needed as approvalsNeeded'])
    .where('network_id', 'in', networkIds)
    .execute();
  return new Map(rows.map((row) => [row.networkId, row.approvalsNeeded]));
}

export async function setApprovalsNeeded(db: Executor, networkId: string, approvals: number, now: Date): Promise<void> {
  await db
    .insertInto('library_settings')
    .values({ network_id: networkId, approvals_needed: approvals, updated_at: now })
    .onConflict((oc) => oc.column('network_id').doUpdateSet({ approvals_needed: approvals, updated_at: now }))
    .execute();
}

// Briefs.

const BRIEF_COLUMNS = [
  'id',
  'owner_id as ownerId',
  'token',
  'title',
  'ask',
  sql<string[]>`item_ids::text[]`.as('itemIds'),
  'revoked_at as revokedAt',
  'created_at as createdAt',
] as const;

export async function insertBrief(
  db: Executor,
  brief: { ownerId: string; token: string; title: string; ask: string; itemIds: readonly string[] },
  now: Date,
): Promise<BriefRecord> {
  return db
    .insertInto('library_briefs')
    .values({
      owner_id: brief.ownerId,
      token: brief.token,
      title: brief.title,
      ask: brief.ask,
      item_ids: sql<string[]>`${arrayLiteral(brief.itemIds)}::uuid[]`,
      created_at: now,
    })
    .returning(BRIEF_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function getBriefsOwnedBy(db: Executor, ownerId: string): Promise<BriefRecord[]> {
  return db
    .selectFrom('library_briefs')
    .select(BRIEF_COLUMNS)
    .where('owner_id', '=', ownerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function getBriefById(db: Executor, id: string): Promise<BriefRecord | null> {
  return (await db.selectFrom('library_briefs').select(BRIEF_COLUMNS).where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function getBriefByToken(db: Executor, token: string): Promise<BriefRecord | null> {
  return (
    (await db.selectFrom('library_briefs').select(BRIEF_COLUMNS).where('token', '=', token).executeTakeFirst()) ?? null
  );
}

export async function revokeBrief(db: Executor, id: string, now: Date): Promise<BriefRecord> {
  return db
    .updateTable('library_briefs')
    .set({ revoked_at: sql`coalesce(revoked_at, ${now})` })
    .where('id', '=', id)
    .returning(BRIEF_COLUMNS)
    .executeTakeFirstOrThrow();
}

// Search.

// library_words: every word the published library holds, each once, with a trigram index. A search
// word that is not among them is mended to the nearest one that is ("newsleter" → "newsletter")
// before the full-text match. Only published text is read, so a draft's words never surface.
/** Words shorter than this are too short to mend safely, and longer ones are not words. */
export const MIN_WORD_LENGTH = 3;
export const MAX_WORD_LENGTH = 40;

/** Adds the words of the given items (or of every published item) to library_words. */
export async function refreshLibraryWords(db: Executor, itemIds?: readonly string[]): Promise<void> {
  const only = itemIds === undefined ? sql`true` : sql`id = any(${arrayLiteral(itemIds)}::uuid[])`;
  await sql`
    insert into library_words (word)
    select distinct word
    from library_items,
      regexp_split_to_table(lower(title || ' ' || summary || ' ' || body_text), '[^[:alnum:]]+') as word
    where status = 'PUBLISHED' and ${only}
      and char_length(word) between ${MIN_WORD_LENGTH} and ${MAX_WORD_LENGTH}
      and word !~ '^[0-9]+$'
    on conflict (word) do nothing
  `.execute(db);
}

/** Of these words, the ones the library holds, or the nearest it holds by trigram similarity. */
export async function nearestWords(db: Executor, words: readonly string[]): Promise<Map<string, string>> {
  if (words.length === 0) return new Map();
  const result = await sql<{ word: string; nearest: string | null }>`
    select asked.word, coalesce(exact.word, near.word) as nearest
    from unnest(${arrayLiteral(words)}::text[]) as asked(word)
    left join library_words exact on exact.word = asked.word
    left join lateral (
      select candidate.word from library_words candidate
      where exact.word is null and candidate.word % asked.word
      order by similarity(candidate.word, asked.word) desc, candidate.word
      limit 1
    ) near on true
  `.execute(db);
  return new Map(result.rows.flatMap((row) => (row.nearest === null ? [] : [[row.word, row.nearest] as const])));
}

/** What narrows a search, each field optional; within a field any value matches. */
export interface SearchFilter {
  kinds: LibraryItemKind[];
  categories: SupportCategory[];
  sectors: LibrarySector[];
  orgSizes: OrganisationSize[];
  tools: string[];
  networkIds: string[];
}

export interface SearchQuery {
  /** Words for plainto_tsquery, already mended; empty: no words to match. */
  text: string;
  filter: SearchFilter;
  /** Network-only items of these networks are readable too. */
  memberOf: readonly string[];
  sort: 'RELEVANCE' | 'NEWEST';
  /** The last row of the page before: [rank, id] or [publishedAt ISO, id]. */
  after: readonly [number, string] | readonly [string, string] | null;
  limit: number;
  highlight: { start: string; stop: string };
}

export interface SearchRow {
  id: string;
  rank: number;
  publishedAt: Date;
  headline: string;
}

export type FacetField = 'KIND' | 'CATEGORY' | 'SECTOR' | 'ORG_SIZE' | 'TOOL' | 'NETWORK';

export interface FacetRow {
  field: FacetField;
  value: string;
  count: number;
}

const TSQUERY = (text: string) => sql`plainto_tsquery('english'::regconfig, ${text})`;

/** Published items the reader may read. */
function readable(memberOf: readonly string[]): Expression<SqlBool> {
  return sql<SqlBool>`i.status = 'PUBLISHED' and ${visibleItem('i')} and (i.audience = 'ALL_NETWORKS' or i.network_id = any(${arrayLiteral(memberOf)}::uuid[]))`;
}

function matching(text: string): Expression<SqlBool> {
  return text === '' ? sql<SqlBool>`true` : sql<SqlBool>`i.search_vector @@ ${TSQUERY(text)}`;
}

/** One condition per filter field, true where the field is not filtered. */
function filterConditions(filter: SearchFilter): Record<FacetField, Expression<SqlBool>> {
  const any = <T extends string>(values: readonly T[], condition: Expression<SqlBool>) =>
    values.length === 0 ? sql<SqlBool>`true` : condition;
  return {
    KIND: any(filter.kinds, sql<SqlBool>`i.kind = any(${arrayLiteral(filter.kinds)}::library_item_kind[])`),
    CATEGORY: any(
      filter.categories,
      sql<SqlBool>`i.categories && ${arrayLiteral(filter.categories)}::support_category[]`,
    ),
    SECTOR: any(filter.sectors, sql<SqlBool>`i.sector = any(${arrayLiteral(filter.sectors)}::library_sector[])`),
    ORG_SIZE: any(
      filter.orgSizes,
      sql<SqlBool>`i.org_size = any(${arrayLiteral(filter.orgSizes)}::organisation_size[])`,
    ),
    TOOL: any(filter.tools, sql<SqlBool>`lower(i.tools::text)::text[] && ${arrayLiteral(filter.tools)}::text[]`),
    NETWORK: any(filter.networkIds, sql<SqlBool>`i.network_id = any(${arrayLiteral(filter.networkIds)}::uuid[])`),
  };
}

const allOf = (conditions: readonly Expression<SqlBool>[]) =>
  sql<SqlBool>`(${sql.join(
    conditions.map((condition) => sql`(${condition})`),
    sql` and `,
  )})`;

/** One page of matches, best first (or newest first), each with its rank and a highlighted passage. */
export async function searchItems(db: Executor, query: SearchQuery): Promise<SearchRow[]> {
  const conditions = filterConditions(query.filter);
  const rank = query.text === '' ? sql`0::real` : sql`ts_rank_cd(i.search_vector, ${TSQUERY(query.text)})`;
  const where = allOf([readable(query.memberOf), matching(query.text), ...Object.values(conditions)]);
  const byRank = query.sort === 'RELEVANCE' && query.text !== '';
  const after =
    query.after === null
      ? sql`true`
      : byRank
        ? sql`(m.rank < ${query.after[0]}::real or (m.rank = ${query.after[0]}::real and m.id < ${query.after[1]}::uuid))`
        : sql`(m.published_at < ${query.after[0]}::timestamptz or (m.published_at = ${query.after[0]}::timestamptz and m.id < ${query.after[1]}::uuid))`;
  const order = byRank ? sql`m.rank desc, m.id desc` : sql`m.published_at desc, m.id desc`;
  const headline =
    query.text === ''
      ? sql`m.summary`
      : sql`ts_headline('english'::regconfig, m.summary || ${'\n'} || m.body_text, ${TSQUERY(query.text)}, ${`StartSel=${query.highlight.start}, StopSel=${query.highlight.stop}, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`})`;
  const result = await sql<SearchRow>`
    with m as (
      select i.id, i.summary, i.body_text, i.published_at, ${rank}::real as rank
      from library_items i
      where ${where}
    ),
    page as (
      select m.* from m where ${after} order by ${order} limit ${query.limit}
    )
    select m.id, m.rank, m.published_at as "publishedAt", ${headline} as headline
    from page m
    order by ${order}
  `.execute(db);
  return result.rows.map((row) => ({ ...row, rank: Number(row.rank) }));
}

/**
 * How many readable items match, and for each filter field how many each value would give with
 * the other fields' filters as they are (so choosing a second kind shows what it would add).
 * One statement over the matches.
 */
export async function searchFacets(
  db: Executor,
  query: Pick<SearchQuery, 'text' | 'filter' | 'memberOf'>,
): Promise<{ total: number; facets: FacetRow[] }> {
  const conditions = filterConditions(query.filter);
  const fields = Object.keys(conditions) as FacetField[];
  const flag = (field: FacetField) => sql.ref(`f_${field.toLowerCase()}`);
  const othersHold = (field: FacetField) => sql.join(fields.filter((other) => other !== field).map(flag), sql` and `);
  // Tools are told apart without regard to letter case ("canva" and "Canva" are one tool).
  const grouped = (field: FacetField, value: RawSql, from: RawSql, key: RawSql = sql`2`) =>
    sql`select ${field}::text as field, ${value} as value, count(*)::int as count from ${from} where ${othersHold(field)} group by ${key}`;
  const result = await sql<FacetRow>`
    with m as (
      select i.kind, i.categories, i.sector, i.org_size, i.tools, i.network_id,
        ${sql.join(
          fields.map((field) => sql`(${conditions[field]}) as ${flag(field)}`),
          sql`, `,
        )}
      from library_items i
      where ${allOf([readable(query.memberOf), matching(query.text)])}
    )
    select 'TOTAL' as field, '' as value, count(*)::int as count from m where ${sql.join(fields.map(flag), sql` and `)}
    union all ${grouped('KIND', sql`m.kind::text`, sql`m`)}
    union all ${grouped('CATEGORY', sql`c::text`, sql`m, unnest(m.categories) as c`)}
    union all ${grouped('SECTOR', sql`m.sector::text`, sql`m`)}
    union all ${grouped('ORG_SIZE', sql`m.org_size::text`, sql`m`)}
    union all ${grouped('TOOL', sql`min(t)`, sql`m, unnest(m.tools) as t`, sql`lower(t)`)}
    union all ${grouped('NETWORK', sql`m.network_id::text`, sql`m`)}
  `.execute(db);
  const total = result.rows.find((row) => (row.field as string) === 'TOTAL')?.count ?? 0;
  const facets = result.rows.filter((row) => (row.field as string) !== 'TOTAL' && row.value !== null && row.count > 0);
  return { total, facets };
}
