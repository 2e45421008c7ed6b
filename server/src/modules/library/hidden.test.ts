import { describe, expect, it } from 'vitest';
import { RequestMemo } from '../../core/context.ts';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import {
  caught,
  serviceContext,
  signedUpPerson,
  startedNetwork,
  TestClock,
  type TestPerson,
} from '../../testing/factories.ts';
import * as files from '../files/service.ts';
import * as memberships from '../memberships/service.ts';
import * as library from './service.ts';

/** The person's next request: a new memo, as each request has. */
const anew = (person: TestPerson): TestPerson => ({ ...person, memo: new RequestMemo() });

const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'));
const DAY_MS = 24 * 60 * 60 * 1000;
const NO_SUCH_ITEM = 'There is no such library item.';

describe.each(DATABASE_KINDS)('safety in the library on %s', (kind) => {
  const database = useTestDatabase(kind);

  /** A network with a steward, an author and a reader, all members, on one clock. */
  async function cast() {
    const clock = new TestClock(new Date('2026-12-04T09:00:00Z'));
    const person = (name: string) => signedUpPerson(database.db, { name, clock });
    const steward = await person('Sue Steward');
    const author = await person('Ade Author');
    const reader = await person('Rea Reader');
    const outsider = await person('Oz Outsider');
    const network = await startedNetwork(steward);
    for (const who of [author, reader]) await memberships.joinNetwork(who, network.id, true);
    return { clock, steward, author, reader, outsider, networkId: network.id };
  }

  /** A published template by the author, shared with all networks, with a file. */
  async function published(c: Awaited<ReturnType<typeof cast>>, title = 'Volunteer rota') {
    const file = await files.storeUpload(anew(c.author), { name: 'rota.pdf', bytes: PDF });
    const item = await library.createTemplate(anew(c.author), {
      networkId: c.networkId,
      title,
      summary: 'A rota that fills itself.',
      body: 'Share it on the first of the month.',
      categories: ['QUICK_TIP'],
      tools: ['Sheets'],
      audience: 'ALL_NETWORKS',
      fileId: file.id,
    });
    await library.submitForReview(anew(c.author), item.id);
    await library.reviewItem(anew(c.steward), item.id, 'APPROVE', null);
    return { item, fileId: file.id };
  }

  describe('reportableLibraryItem', () => {
    it('should give the item’s network, its author and all its words as a reader sees them', async () => {
      const c = await cast();
      const { item } = await published(c);
      expect(await library.reportableLibraryItem(anew(c.outsider), item.id)).toEqual({
        networkId: c.networkId,
        personId: c.author.user.id,
        snapshot: {
          title: 'Volunteer rota',
          text: 'A rota that fills itself.\n\nShare it on the first of the month.',
          path: `/library/${item.id}`,
        },
      });
    });

    it('should give nothing of an item the viewer may not read, or of none', async () => {
      const c = await cast();
      const draft = await library.createTip(anew(c.author), {
        networkId: c.networkId,
        title: 'A draft',
        summary: 'Not yet.',
        body: 'Soon.',
        categories: ['QUICK_TIP'],
        tools: [],
      });
      expect(await library.reportableLibraryItem(anew(c.reader), draft.id)).toBeNull();
      expect(await library.reportableLibraryItem(anew(c.reader), '0193a5b0-0000-7000-8000-000000000000')).toBeNull();
      expect((await library.reportableLibraryItem(anew(c.author), draft.id))?.snapshot.title).toBe('A draft');
    });
  });

  describe('hideLibraryItem', () => {
    it('should refuse an item that does not exist', async () => {
      const refused = await caught(
        library.hideLibraryItem(serviceContext(database.db), '0193a5b0-0000-7000-8000-000000000000'),
      );
      expect([refused.code, refused.message]).toEqual(['NOT_FOUND', NO_SUCH_ITEM]);
    });

    it('should take the item out of search, counts, briefs and downloads for others, and keep it for its author and stewards', async () => {
      const c = await cast();
      const { item, fileId } = await published(c);
      const other = (await published(c, 'Kept rota')).item;
      const brief = await library.createBrief(anew(c.reader), {
        title: 'For the board',
        ask: 'Try the rota.',
        itemIds: [item.id, other.id],
      });
      await library.hideLibraryItem(serviceContext(database.db, { clock: c.clock }), item.id);

      const search = await library.searchLibrary(anew(c.reader), { filter: { networkId: c.networkId } });
      expect(search.edges.map((edge) => edge.node.id)).toEqual([other.id]);
      expect(await search.totalCount()).toBe(1);
      expect((await search.facets()).find((facet) => facet.field === 'KIND')?.count).toBe(1);
      expect((await library.itemsOfBriefs(anew(c.reader), [brief])).get(brief.id)!.map((i) => i.id)).toEqual([
        other.id,
      ]);
      const refusedBrief = await caught(
        library.createBrief(anew(c.reader), { title: 'Again', ask: 'Try it.', itemIds: [item.id] }),
      );
      expect(refusedBrief.field).toBe('itemIds');

      for (const other of [c.reader, c.outsider]) {
        expect(await library.libraryItem(anew(other), item.id)).toBeNull();
        expect(await library.canReadLibraryFile(anew(other), fileId)).toBe(false);
        expect((await caught(library.markUsed(anew(other), item.id, null))).code).toBe('NOT_FOUND');
      }
      for (const allowed of [c.author, c.steward]) {
        expect((await library.libraryItem(anew(allowed), item.id))?.hiddenAt).toEqual(c.clock.now());
        expect(await library.canReadLibraryFile(anew(allowed), fileId)).toBe(true);
      }
      expect((await library.myLibraryItems(anew(c.author))).map((i) => i.id)).toContain(item.id);
    });

    it('should take an item in review out of the review queue, and let nobody review it', async () => {
      const c = await cast();
      const item = await library.createTip(anew(c.author), {
        networkId: c.networkId,
        title: 'Passwords',
        summary: 'Use a manager.',
        body: 'Bitwarden is free.',
        categories: ['QUICK_TIP'],
        tools: [],
      });
      await library.submitForReview(anew(c.author), item.id);
      expect((await library.reviewQueues(anew(c.steward), [c.networkId])).get(c.networkId)!.map((i) => i.id)).toEqual([
        item.id,
      ]);
      await library.hideLibraryItem(serviceContext(database.db, { clock: c.clock }), item.id);
      expect((await library.reviewQueues(anew(c.steward), [c.networkId])).get(c.networkId)).toEqual([]);
      const refused = await caught(library.reviewItem(anew(c.steward), item.id, 'APPROVE', null));
      expect(refused.code).toBe('CONFLICT');
      expect(
        await library.reviewableByViewer(anew(c.steward), [(await library.libraryItem(anew(c.steward), item.id))!]),
      ).toEqual(new Set());
    });
  });

  describe('suspension', () => {
    it('should refuse a suspended member writing, submitting and reviewing, until the date passes', async () => {
      const c = await cast();
      const reviewer = c.reader;
      await memberships.setMemberRole(c.steward, c.networkId, reviewer.user.id, 'ORGANISER');
      const draft = await library.createTip(anew(c.author), {
        networkId: c.networkId,
        title: 'Backups',
        summary: 'Three copies.',
        body: 'Two places.',
        categories: ['QUICK_TIP'],
        tools: [],
      });
      const inReview = await library.createTip(anew(c.steward), {
        networkId: c.networkId,
        title: 'Phishing',
        summary: 'Check the sender.',
        body: 'Then check again.',
        categories: ['QUICK_TIP'],
        tools: [],
      });
      await library.submitForReview(anew(c.steward), inReview.id);
      const until = new Date(c.clock.now().getTime() + DAY_MS);
      for (const who of [c.author, reviewer]) {
        await memberships.suspendMember(c.steward, {
          networkId: c.networkId,
          userId: who.user.id,
          until,
          note: 'Cooling off.',
        });
      }
      const message = 'You are suspended from this network until 5 December 2026: Cooling off.';
      const tip = {
        networkId: c.networkId,
        title: 'More',
        summary: 'More.',
        body: 'More.',
        categories: ['QUICK_TIP'],
        tools: [],
      } satisfies library.TipInput;
      const refusals = await Promise.all(
        [
          library.createTip(anew(c.author), tip),
          library.updateItem(anew(c.author), draft.id, { title: 'Backups, again' }),
          library.submitForReview(anew(c.author), draft.id),
          library.reviewItem(anew(reviewer), inReview.id, 'APPROVE', null),
        ].map(caught),
      );
      for (const refused of refusals) expect([refused.code, refused.message]).toEqual(['FORBIDDEN', message]);

      c.clock.advance(DAY_MS + 1000);
      expect((await library.createTip(anew(c.author), tip)).title).toBe('More');
      expect((await library.submitForReview(anew(c.author), draft.id)).status).toBe('IN_REVIEW');
      expect((await library.reviewItem(anew(reviewer), inReview.id, 'APPROVE', null)).status).toBe('PUBLISHED');
    });
  });
});
