// The library's writing pages: an author writes a quick tip, a case study and a template (with a
// file), previews Markdown, meets a field error, sends a draft for review and changes an item;
// then builds a brief for management from published items, which reads without an account,
// prints on at most two sides of A4, and stops working once revoked. JavaScript off on a phone,
// on at a desktop's width; axe on every page state where it can run.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  axeScan,
  graphqlAs,
  javaScriptModeAt,
  launchBrowser,
  newContext,
  newPerson,
  signUp,
  visit,
  type SignedIn,
} from '../support/browser.ts';
import { networkFields, startNetwork, uniqueWord } from '../support/networks.ts';
import { startServer } from '../support/server.ts';

// Whole journeys across several pages and people: on a busy two-core machine one can run past
// the default 60 s without anything being wrong.
vi.setConfig({ testTimeout: 150_000 });

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const WIDTHS = [390, 1280] as const;

async function personIn(label: string, javaScriptEnabled: boolean, width: number): Promise<SignedIn> {
  const context = await newContext(browser, { javaScriptEnabled, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const person = { ...newPerson(label), name: `${uniqueWord(label)} Tester` };
  await signUp(page, server.url, person);
  const { me } = await graphqlAs<{ me: { id: string } }>(page, server.url, 'query { me { id } }');
  return { context, page, person, id: me.id };
}

/** axe finds nothing serious (where it can run: it needs JavaScript), and nothing scrolls sideways. */
async function expectWellMade(page: Page, javaScriptEnabled: boolean, width: number): Promise<void> {
  if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

async function go(page: Page, target: ReturnType<Page['getByRole']>, arrived: (url: URL) => boolean): Promise<void> {
  await Promise.all([page.waitForURL(arrived), target.click()]);
}

const itemIdOf = (page: Page) => new URL(page.url()).pathname.split('/')[2]!;
const onItemPage = (url: URL) => /^\/library\/[0-9a-f-]{36}$/.test(url.pathname);

/** The smallest PDF a type check accepts: the bytes start with %PDF-. */
/** A PDF of a megabyte: over SvelteKit's default 512 KB form limit, well under the 10 MiB a file may be. */
const PDF_OF_A_MEGABYTE = Buffer.concat([
  Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  ),
  Buffer.alloc(1024 * 1024, 0x20),
]);

const ITEM_STATE =
  'query ($id: ID!) { libraryItem(id: $id) { status version title ... on Template { file { name } } } }';

/** Sends for review and approves through the API: the review pages are another journey's. */
async function publish(author: SignedIn, reviewer: SignedIn, itemId: string): Promise<void> {
  await graphqlAs(author.page, server.url, 'mutation ($id: ID!) { submitForReview(itemId: $id) { id } }', {
    id: itemId,
  });
  await graphqlAs(
    reviewer.page,
    server.url,
    'mutation ($id: ID!) { reviewLibraryItem(itemId: $id, decision: APPROVE, comment: "Clear and useful.") { status } }',
    { id: itemId },
  );
}

describe.each(WIDTHS.flatMap((width) => javaScriptModeAt(width).map((mode) => ({ ...mode, width }))))(
  'writing for the library $mode at $width px',
  ({ javaScriptEnabled, width }) => {
    it('should let an author write, preview, send for review and change items, and share a printable brief', async () => {
      const author = await personIn('lib-author', javaScriptEnabled, width);
      const reviewer = await personIn('lib-reviewer', javaScriptEnabled, width);
      const manager = await newContext(browser, { javaScriptEnabled, viewport: { width, height: 900 } });
      try {
        const network = await startNetwork(author.page, server.url, networkFields(uniqueWord('Quillby')));
        await graphqlAs(
          reviewer.page,
          server.url,
          'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }',
          { id: network.id },
        );
        await graphqlAs(
          author.page,
          server.url,
          'mutation ($n: ID!, $u: ID!) { setMemberRole(networkId: $n, userId: $u, role: ORGANISER) { id } }',
          { n: network.id, u: reviewer.id },
        );
        const { page } = author;
        const word = uniqueWord('shared');

        // A quick tip: the kind first, then a field error, a preview, and a draft.
        await visit(page, `${server.url}/library/new`);
        await expectWellMade(page, javaScriptEnabled, width);
        await page.getByLabel('A quick tip').check();
        await go(page, page.getByRole('button', { name: 'Continue' }), (url) => url.searchParams.get('kind') === 'TIP');
        await page.getByLabel('Summary').fill('One inbox for every enquiry, so nothing waits a week.');
        await page
          .getByLabel('The answer')
          .fill(`Use a **${word} inbox**. See [the guide](https://example.org/guide).`);
        await page.getByLabel('Quick tips').check();
        await page.getByRole('button', { name: 'Save as a draft' }).click();
        await page.locator('#title-error').waitFor();
        expect(await page.locator('#title-error').innerText()).toContain('Give it a title');
        expect(await page.getByLabel('Summary').inputValue()).toBe(
          'One inbox for every enquiry, so nothing waits a week.',
        );
        await expectWellMade(page, javaScriptEnabled, width);

        await page.getByLabel('Title').fill(`A ${word} inbox for enquiries`);
        await page.getByRole('button', { name: 'Preview the answer' }).click();
        await page.locator('#preview-body').waitFor();
        expect(await page.locator('#preview-body strong').innerText()).toBe(`${word} inbox`);
        expect(await page.locator('#preview-body a').getAttribute('href')).toBe('https://example.org/guide');
        expect(await page.getByLabel('Title').inputValue()).toBe(`A ${word} inbox for enquiries`);
        await expectWellMade(page, javaScriptEnabled, width);
        await page.getByLabel('Everyone').check();
        await go(page, page.getByRole('button', { name: 'Save as a draft' }), onItemPage);
        const tipId = itemIdOf(page);
        expect(
          await graphqlAs<{ libraryItem: { status: string } }>(page, server.url, ITEM_STATE, { id: tipId }),
        ).toMatchObject({ libraryItem: { status: 'DRAFT', version: 1 } });

        // A case study, straight to its form, shared with everyone.
        await visit(page, `${server.url}/library/new?kind=CASE_STUDY&network=${network.id}`);
        await expectWellMade(page, javaScriptEnabled, width);
        await page.getByLabel('Title').fill(`How a ${word} inbox halved our reply times`);
        await page.getByLabel('Summary').fill('A food bank moved three email addresses into one shared inbox.');
        await page.getByLabel('Organisation’s name (optional)').fill('Riverside Food Bank');
        await page.getByLabel('The problem').fill('Enquiries went to three addresses and some waited a week.');
        await page.getByLabel('What they tried').fill('One shared inbox, with a rota of two volunteers.');
        await page.getByLabel('What it cost').fill('Nothing in money; **four hours** of set-up.');
        await page.getByLabel('How long it took').fill('Two months');
        await page.getByLabel('What came of it').fill('Replies within two days.');
        await page.getByLabel('The evidence').fill('Median reply time fell from 6 days to 2 days over 300 enquiries.');
        await page.getByLabel('Tools they used').fill('Gmail, Trello');
        await page.getByLabel('Less risk').check();
        await page.getByLabel('Everyone').check();
        await page.getByRole('button', { name: 'Preview the sections' }).click();
        await page.locator('#preview-cost').waitFor();
        expect(await page.locator('#preview-cost strong').innerText()).toBe('four hours');
        await go(page, page.getByRole('button', { name: 'Save as a draft' }), onItemPage);
        const caseStudyId = itemIdOf(page);

        // A template with a file, uploaded through the form.
        await visit(page, `${server.url}/library/new?kind=TEMPLATE&network=${network.id}`);
        await page.getByLabel('Title').fill(`${word} inbox rota`);
        await page.getByLabel('Summary').fill('A one-page rota for a shared inbox.');
        await page.getByLabel('Attach a file (optional)').setInputFiles({
          name: 'rota.pdf',
          mimeType: 'application/pdf',
          buffer: PDF_OF_A_MEGABYTE,
        });
        await page.getByLabel('Quick tips').check();
        await go(page, page.getByRole('button', { name: 'Save as a draft' }), onItemPage);
        const template = await graphqlAs<{ libraryItem: { file: { name: string } | null } }>(
          page,
          server.url,
          ITEM_STATE,
          {
            id: itemIdOf(page),
          },
        );
        expect(template.libraryItem.file?.name).toBe('rota.pdf');

        // My items: three drafts; the tip sent for review from there.
        await visit(page, `${server.url}/library/mine`);
        expect(await page.getByRole('heading', { name: 'Drafts (3)' }).count()).toBe(1);
        await expectWellMade(page, javaScriptEnabled, width);
        await go(page, page.getByRole('button', { name: `Send for review: A ${word} inbox for enquiries` }), (url) =>
          url.searchParams.has('submitted'),
        );
        expect(await page.getByRole('status').first().innerText()).toContain('Sent for review');
        expect(await page.getByRole('heading', { name: 'In review (1)' }).count()).toBe(1);

        // Changed while in review: version 2, back to a draft, as the page warns.
        await visit(page, `${server.url}/library/${tipId}/edit`);
        expect(await page.getByText('saving takes it back to a draft').count()).toBe(1);
        expect(await page.getByLabel('Title').inputValue()).toBe(`A ${word} inbox for enquiries`);
        await expectWellMade(page, javaScriptEnabled, width);
        await page.getByLabel('Title').fill(`One ${word} inbox for every enquiry`);
        await go(page, page.getByRole('button', { name: 'Save changes' }), onItemPage);
        expect(await graphqlAs(page, server.url, ITEM_STATE, { id: tipId })).toMatchObject({
          libraryItem: { status: 'DRAFT', version: 2, title: `One ${word} inbox for every enquiry` },
        });

        // Published, then gathered into a brief: one item from the address, one found by search.
        await publish(author, reviewer, tipId);
        await publish(author, reviewer, caseStudyId);
        await visit(page, `${server.url}/briefs/new?item=${caseStudyId}`);
        expect(await page.getByLabel(`How a ${word} inbox halved our reply times`).isChecked()).toBe(true);
        await page.getByLabel('Title').fill('Trying a shared inbox');
        await page
          .getByLabel('Your ask')
          .fill('We want to try one shared inbox for enquiries. Riverside did it for four hours of set-up.');
        await page.getByLabel('Find items by words').fill(`${word} inbox every enquiry`);
        await go(page, page.getByRole('button', { name: 'Search' }), (url) => url.searchParams.has('q'));
        expect(await page.getByLabel('Your ask').inputValue()).toContain('We want to try');
        await expectWellMade(page, javaScriptEnabled, width);
        await page.getByLabel(`One ${word} inbox for every enquiry`).check();
        await go(page, page.getByRole('button', { name: 'Make the brief' }), (url) => url.searchParams.has('brief'));
        const shareLink = await page.getByLabel('Share link for Trying a shared inbox').inputValue();
        expect(shareLink).toMatch(new RegExp(`^${server.url}/briefs/[A-Za-z0-9_-]{20,}$`));
        await expectWellMade(page, javaScriptEnabled, width);

        // The brief, read without an account, printed on at most two sides of A4.
        const reader = await manager.newPage();
        await visit(reader, shareLink);
        expect(await reader.getByRole('heading', { level: 1 }).innerText()).toBe('Trying a shared inbox');
        const text = await reader.locator('article').innerText();
        for (const words of [
          'We want to try one shared inbox',
          'Riverside Food Bank',
          `Written by ${author.person.name}.`,
          `Reviewed and approved by ${reviewer.person.name}`,
          'Median reply time fell from 6 days to 2 days',
          `/library/${tipId}`,
        ]) {
          expect(text).toContain(words);
        }
        expect(await reader.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
        await expectWellMade(reader, javaScriptEnabled, width);
        if (javaScriptEnabled) {
          await reader.emulateMedia({ media: 'print' });
          expect(await reader.locator('.site-header').isVisible()).toBe(false);
          const pdf = await reader.pdf({ format: 'A4' });
          const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
          expect(pages.length).toBeGreaterThan(0);
          expect(pages.length).toBeLessThanOrEqual(2);
          await reader.emulateMedia({ media: 'screen' });
        }

        // Revoked with a confirm step: the link then says plainly it no longer works.
        await go(page, page.getByRole('link', { name: 'Stop the link working: Trying a shared inbox' }), (url) =>
          url.searchParams.has('revoke'),
        );
        await go(page, page.getByRole('button', { name: 'Yes, stop the link' }), (url) =>
          url.searchParams.has('revoked'),
        );
        expect(await page.getByText('link stopped').count()).toBe(1);
        const gone = await visit(reader, shareLink);
        expect(gone?.status()).toBe(404);
        expect(await reader.getByRole('heading', { level: 1 }).innerText()).toBe('This link no longer works');
        await expectWellMade(reader, javaScriptEnabled, width);
      } finally {
        await author.context.close();
        await reviewer.context.close();
        await manager.close();
      }
    });
  },
);
