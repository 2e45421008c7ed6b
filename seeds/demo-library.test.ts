import { sql, type Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../server/src/testing/databases.ts';
import { DEMO_ONE_PERSON_NETWORK_SLUG, DEMO_PEOPLE, loadDemoDataIfEmpty } from './demo.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const AMARA = DEMO_PEOPLE[0].email;
const RHYS = DEMO_PEOPLE[1].email;
const PRIYA = DEMO_PEOPLE[2].email;

/** The user's id, by demo email. */
async function idOf(db: AnyDb, email: string): Promise<string> {
  const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return row.id as string;
}

/** The person's active role in the item's network, or null when they are not a member now. */
async function roleIn(db: AnyDb, networkId: string, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('network_id', '=', networkId)
    .where('user_id', '=', userId)
    .where('left_at', 'is', null)
    .executeTakeFirst();
  return (row?.role as string | undefined) ?? null;
}

describe('the demo library', () => {
  const database = useTestDatabase('pglite');
  beforeAll(async () => {
    expect(await loadDemoDataIfEmpty(database.db, new Date('2027-11-02T09:00:00.000Z'))).toBe(true);
  });

  it('should hold case studies, templates and tips, most published, in every state', async () => {
    const counts = await sql<{ kind: string; status: string; n: number }>`
      select kind::text as kind, status::text as status, count(*)::int as n
      from library_items group by 1, 2 order by 1, 2
    `.execute(database.db);
    expect(counts.rows).toEqual([
      { kind: 'CASE_STUDY', status: 'ARCHIVED', n: 1 },
      { kind: 'CASE_STUDY', status: 'DRAFT', n: 4 },
      { kind: 'CASE_STUDY', status: 'IN_REVIEW', n: 4 },
      { kind: 'CASE_STUDY', status: 'PUBLISHED', n: 31 },
      { kind: 'TEMPLATE', status: 'ARCHIVED', n: 1 },
      { kind: 'TEMPLATE', status: 'DRAFT', n: 1 },
      { kind: 'TEMPLATE', status: 'IN_REVIEW', n: 1 },
      { kind: 'TEMPLATE', status: 'PUBLISHED', n: 13 },
      { kind: 'TIP', status: 'ARCHIVED', n: 1 },
      { kind: 'TIP', status: 'PUBLISHED', n: 29 },
    ]);
    const audiences = await sql<{ audience: string; n: number }>`
      select audience::text as audience, count(*)::int as n from library_items group by 1 order by 1
    `.execute(database.db);
    expect(audiences.rows).toEqual([
      { audience: 'ALL_NETWORKS', n: 17 },
      { audience: 'NETWORK', n: 69 },
    ]);
    const networks = await sql<{ slug: string; n: number }>`
      select n.slug, count(*)::int as n from library_items i join networks n on n.id = i.network_id
      group by 1 order by 1
    `.execute(database.db);
    expect(networks.rows).toEqual([
      { slug: 'belfast-community-tech', n: 12 },
      { slug: 'bristol-tech-for-good', n: 17 },
      { slug: 'cardiff-digital-circle', n: 15 },
      { slug: 'cumbria-rural-digital', n: 2 },
      { slug: 'glasgow-third-sector-digital', n: 13 },
      { slug: 'leeds-charity-digital', n: 18 },
      { slug: 'norwich-digital-for-good', n: 9 },
    ]);
  });

  it('should give the one-person network only its steward’s drafts, as nobody else there can review', async () => {
    const items = await sql<{ status: string; review_round: number; role: string }>`
      select i.status::text as status, i.review_round, m.role::text as role
      from library_items i
        join networks n on n.id = i.network_id
        join memberships m on m.network_id = i.network_id and m.user_id = i.created_by and m.left_at is null
      where n.slug = ${DEMO_ONE_PERSON_NETWORK_SLUG}
    `.execute(database.db);
    expect(items.rows).toEqual([
      { status: 'DRAFT', review_round: 0, role: 'STEWARD' },
      { status: 'DRAFT', review_round: 0, role: 'STEWARD' },
    ]);
  });

  it('should keep every version, with version 1 made with the item and two templates edited', async () => {
    const rows = await sql<{ kind: string; version: number; versions: number; first: Date; created: Date }>`
      select i.kind::text as kind, i.version, count(v.*)::int as versions, min(v.created_at) as first,
             i.created_at as created
      from library_items i join library_item_versions v on v.item_id = i.id
      group by i.id
    `.execute(database.db);
    expect(rows.rows).toHaveLength(86);
    for (const row of rows.rows) {
      expect(row.versions).toBe(row.version);
      expect(row.first.getTime()).toBe(row.created.getTime());
    }
    expect(rows.rows.filter((r) => r.version > 1).map((r) => [r.kind, r.version])).toEqual(
      expect.arrayContaining([
        ['TEMPLATE', 2],
        ['TEMPLATE', 3],
      ]),
    );
    const current = await sql<{ same: boolean }>`
      select bool_and(v.content = i.content) as same
      from library_items i join library_item_versions v on v.item_id = i.id and v.number = i.version
    `.execute(database.db);
    expect(current.rows[0]!.same).toBe(true);
  });

  it('should have every item reviewed by an organiser or steward of its network who is not its author', async () => {
    const reviews = await sql<{
      network_id: string;
      reviewer_id: string;
      created_by: string;
      status: string;
      decision: string;
      round: number;
      review_version: number;
      version: number;
      review_round: number;
      published_at: Date | null;
      reviewed_at: Date;
    }>`
      select i.network_id, r.reviewer_id, i.created_by, i.status::text as status, r.decision::text as decision,
             r.round, r.version as review_version, i.version, i.review_round, i.published_at,
             r.created_at as reviewed_at
      from library_reviews r join library_items i on i.id = r.item_id
    `.execute(database.db);
    expect(reviews.rows).toHaveLength(79);
    for (const review of reviews.rows) {
      expect(review.reviewer_id).not.toBe(review.created_by);
      expect(['ORGANISER', 'STEWARD']).toContain(await roleIn(database.db, review.network_id, review.reviewer_id));
      expect([review.round, review.review_round, review.review_version]).toEqual([1, 1, review.version]);
      if (review.status === 'DRAFT') expect(review.decision).toBe('REQUEST_CHANGES');
      else expect([review.decision, review.published_at]).toEqual(['APPROVE', review.reviewed_at]);
    }
    const unreviewed = await sql<{ status: string; review_round: number; published_at: Date | null }>`
      select status::text as status, review_round, published_at from library_items i
      where not exists (select 1 from library_reviews r where r.item_id = i.id)
      order by status
    `.execute(database.db);
    // The one-person network's drafts were never submitted; the rest wait for a reviewer.
    expect(unreviewed.rows).toEqual([
      { status: 'DRAFT', review_round: 0, published_at: null },
      { status: 'DRAFT', review_round: 0, published_at: null },
      ...Array.from({ length: 5 }, () => ({ status: 'IN_REVIEW', review_round: 1, published_at: null })),
    ]);
  });

  it('should let Rhys review the Cardiff case study waiting for review, which he did not write', async () => {
    const rhys = await idOf(database.db, RHYS);
    const waiting = await database.db
      .selectFrom('library_items')
      .innerJoin('networks', 'networks.id', 'library_items.network_id')
      .where('networks.slug', '=', 'cardiff-digital-circle')
      .where('library_items.status', '=', 'IN_REVIEW')
      .select(['library_items.network_id', 'library_items.created_by', 'library_items.title'])
      .execute();
    expect(waiting.map((item) => item.title)).toEqual([
      'Swapping Eventbrite for a simple booking form at our lunch club',
    ]);
    expect(waiting[0]!.created_by).not.toBe(rhys);
    expect(await roleIn(database.db, waiting[0]!.network_id as string, rhys)).toBe('STEWARD');
    expect(await roleIn(database.db, waiting[0]!.network_id as string, waiting[0]!.created_by as string)).toBe(
      'MEMBER',
    );
  });

  it('should give Amara a published case study and a draft sent back with changes asked for', async () => {
    const amara = await idOf(database.db, AMARA);
    const items = await sql<{ kind: string; status: string; audience: string; decision: string; comment: string }>`
      select i.kind::text as kind, i.status::text as status, i.audience::text as audience,
             r.decision::text as decision, r.comment
      from library_items i join library_reviews r on r.item_id = i.id
      where i.created_by = ${amara} order by i.status
    `.execute(database.db);
    expect(items.rows.map(({ comment: _, ...item }) => item)).toEqual([
      { kind: 'CASE_STUDY', status: 'DRAFT', audience: 'NETWORK', decision: 'REQUEST_CHANGES' },
      { kind: 'CASE_STUDY', status: 'PUBLISHED', audience: 'ALL_NETWORKS', decision: 'APPROVE' },
    ]);
    expect(items.rows[0]!.comment).toContain('numbers');
  });

  it('should record Priya using items she can read, with what changed, and no one using their own', async () => {
    const priya = await idOf(database.db, PRIYA);
    const used = await sql<{ title: string; note: string }>`
      select i.title, u.note from library_uses u join library_items i on i.id = u.item_id
      where u.person_id = ${priya} order by i.title
    `.execute(database.db);
    expect(used.rows.length).toBeGreaterThanOrEqual(2);
    expect(used.rows.every((use) => use.note.length > 0)).toBe(true);
    const wrong = await sql<{ n: number }>`
      select count(*)::int as n from library_uses u join library_items i on i.id = u.item_id
      where u.person_id = i.created_by or i.status <> 'PUBLISHED' or u.created_at < i.published_at
        or (i.audience = 'NETWORK' and not exists (
          select 1 from memberships m where m.network_id = i.network_id and m.user_id = u.person_id))
    `.execute(database.db);
    expect(wrong.rows[0]!.n).toBe(0);
  });

  it('should find several published items for "newsletter", and hold the word for mending misspellings', async () => {
    const found = await sql<{ title: string }>`
      select title from library_items
      where status = 'PUBLISHED' and search_vector @@ plainto_tsquery('english', 'newsletter')
    `.execute(database.db);
    expect(found.rows.length).toBeGreaterThanOrEqual(4);
    expect(found.rows.map((row) => row.title)).toContain(
      'Moving our email newsletter from Word attachments to Mailchimp',
    );
    for (const word of ['newsletter', 'rota', 'password', 'mailchimp']) {
      const held = await database.db.selectFrom('library_words').select('word').where('word', '=', word).execute();
      expect(held, word).toHaveLength(1);
    }
    // Only published words: the draft's and the items in review's own words are not offered.
    const bodyOfDraft = await sql<{ n: number }>`
      select count(*)::int as n from library_words where word = 'grangetown'
    `.execute(database.db);
    expect(bodyOfDraft.rows[0]!.n).toBe(0);
  });
});
