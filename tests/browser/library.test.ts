// The library's reading pages: a reader finds an item with a misspelt word and a filter, reads it
// and records that they used it; a reviewer asks for changes, then approves, and the author archives;
// a visitor sees only what is shared with all networks. JavaScript off on a phone, on at desktop width,
// every page state checked with axe (where JavaScript runs) and for sideways scrolling.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { axeScan, javaScriptModeAt, launchBrowser, newContext, signIn, visit } from '../support/browser.ts';
import { graphql, signUp } from '../support/graphql.ts';
import { networkFields, uniqueWord } from '../support/networks.ts';
import { startServer } from '../support/server.ts';

// Whole journeys across several pages and people: on a busy two-core machine one can run past
// the default 60 s without anything being wrong.
vi.setConfig({ testTimeout: 150_000 });

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

const WIDTHS = [390, 1280] as const;

type Account = Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs an operation as `who` through the API; any error fails the set-up loudly. */
async function as<T>(who: Account, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await graphql<T>(server.url, query, { token: who.token, variables });
  if (!result.data || result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

/** A network with a steward (who reviews), an author and a reader who are members. */
async function networkWithPeople(label: string) {
  const word = uniqueWord(label);
  const [steward, author, reader] = await Promise.all([
    signUp(server.url, `${label}-steward`),
    signUp(server.url, `${label}-author`),
    signUp(server.url, `${label}-reader`),
  ]);
  const { createNetwork } = await as<{ createNetwork: { id: string; slug: string; name: string } }>(
    steward,
    'mutation ($input: CreateNetworkInput!) { createNetwork(input: $input) { id slug name } }',
    { input: networkFields(word) },
  );
  for (const member of [author, reader]) {
    await as(member, 'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }', {
      id: createNetwork.id,
    });
  }
  return { word, network: createNetwork, steward, author, reader };
}

const TAGS = { categories: ['SHORT_TERM_SKILLS'], tools: ['Mailchimp'], orgSize: 'SMALL', sector: 'COMMUNITY' };

async function caseStudy(author: Account, networkId: string, title: string, audience: string): Promise<string> {
  const { createCaseStudy } = await as<{ createCaseStudy: { id: string } }>(
    author,
    'mutation ($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { id } }',
    {
      input: {
        ...TAGS,
        networkId,
        audience,
        title,
        summary: 'How a volunteer centre cut the time its newsletter takes from a day to an hour.',
        problem: 'Our newsletter went out as a Word file from **Outlook**.',
        approach: 'We moved the list to Mailchimp and made one template.',
        cost: 'Nothing in money; 10 hours of staff time.',
        duration: 'Six weeks',
        outcome: 'The newsletter takes an hour.',
        evidence: 'Opens rose from 22% to 41%.',
        differently: 'Clean the list first.',
        orgName: null,
        happyToTalk: true,
      },
    },
  );
  return createCaseStudy.id;
}

async function tip(author: Account, networkId: string, title: string, audience: string): Promise<string> {
  const { createTip } = await as<{ createTip: { id: string } }>(
    author,
    'mutation ($input: CreateTipInput!) { createTip(input: $input) { id } }',
    {
      input: {
        ...TAGS,
        networkId,
        audience,
        title,
        summary: 'The one setting that stops most account takeovers.',
        body: 'Use an authenticator app. See [the NCSC guide](https://www.ncsc.gov.uk/collection/small-business-guide).',
      },
    },
  );
  return createTip.id;
}

async function submit(author: Account, itemId: string): Promise<void> {
  await as(author, 'mutation ($id: ID!) { submitForReview(itemId: $id) { id } }', { id: itemId });
}

async function publish(author: Account, reviewer: Account, itemId: string): Promise<void> {
  await submit(author, itemId);
  await as(reviewer, 'mutation ($id: ID!) { reviewLibraryItem(itemId: $id, decision: APPROVE) { id } }', {
    id: itemId,
  });
}

/** A browser at this width and mode, signed in as `who` (or signed out). */
async function browsing(width: number, javaScriptEnabled: boolean, who?: Account): Promise<Page> {
  const context = await newContext(browser, { javaScriptEnabled, viewport: { width, height: 900 } });
  const page = await context.newPage();
  if (who) await signIn(page, server.url, who);
  return page;
}

/** axe finds nothing serious (where it can run: it needs JavaScript), and nothing scrolls sideways. */
async function expectWellMade(page: Page, javaScriptEnabled: boolean, width: number): Promise<void> {
  if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

async function press(page: Page, target: ReturnType<Page['getByRole']>, arrived: (url: URL) => boolean) {
  await Promise.all([page.waitForURL(arrived), target.click()]);
}

const notice = (page: Page) => page.getByRole('status').innerText();

describe.each(WIDTHS)('the library, %i pixels wide', (width) => {
  describe.each(javaScriptModeAt(width))('$mode', ({ javaScriptEnabled }) => {
    it('should let a reader find an item with a misspelt word and a filter, read it and record using it', async () => {
      const { word, network, steward, author, reader } = await networkWithPeople('reading');
      const title = `Moving the ${word} newsletter to Mailchimp`;
      const studyId = await caseStudy(author, network.id, title, 'ALL_NETWORKS');
      await publish(author, steward, studyId);
      await publish(author, steward, await tip(author, network.id, `${word} two-step login`, 'NETWORK'));
      const page = await browsing(width, javaScriptEnabled, reader);
      try {
        // From the network's page to its part of the library.
        await visit(page, `${server.url}/networks/${network.slug}`);
        await press(
          page,
          page.getByRole('link', { name: 'Case studies, templates and tips from this network' }),
          (url) => url.pathname === '/library',
        );
        expect(new URL(page.url()).searchParams.get('network')).toBe(network.id);
        expect(await page.getByRole('heading', { name: '2 items, with 1 filter' }).count()).toBe(1);
        expect(
          await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).count(),
        ).toBe(1);
        await expectWellMade(page, javaScriptEnabled, width);

        // A misspelt word is mended; the match is highlighted; the network filter rides along.
        await page.getByLabel('Search words').fill('newsleter');
        await press(
          page,
          page.getByRole('button', { name: 'Search', exact: true }),
          (url) => url.searchParams.get('q') === 'newsleter',
        );
        expect(new URL(page.url()).searchParams.get('network')).toBe(network.id);
        expect(await page.getByText('Showing results for newsletter.').count()).toBe(1);
        expect(await page.getByRole('heading', { name: '1 item, with 1 filter' }).count()).toBe(1);
        const card = page.locator('article', { has: page.getByRole('heading', { name: title }) });
        expect((await card.locator('mark').allInnerTexts()).map((text) => text.toLowerCase())).toContain('newsletter');
        expect(await card.innerText()).toContain('Not marked used yet');
        await expectWellMade(page, javaScriptEnabled, width);

        // A filter by kind, with counts beside the values: a quick tip has no newsletter in it.
        expect(await page.getByLabel('Case study (1)').count()).toBe(1);
        await page.getByLabel('Case study (1)').check();
        if (!javaScriptEnabled) await page.getByRole('button', { name: 'Apply filters' }).click();
        await page.waitForURL((url) => url.searchParams.get('kinds') === 'CASE_STUDY');
        await page.getByRole('heading', { name: '1 item, with 2 filters' }).waitFor();
        await visit(page, `${server.url}/library?q=newsletter&kinds=TIP&network=${network.id}`);
        expect(await page.getByText('No items match: try fewer filters or other words.').count()).toBe(1);
        await expectWellMade(page, javaScriptEnabled, width);

        // The item, as a manager would read it; then "I used this", with a note.
        await page.goBack();
        await press(page, page.getByRole('link', { name: title }), (url) => url.pathname === `/library/${studyId}`);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(title);
        const glance = await page.getByRole('region', { name: 'At a glance' }).innerText();
        for (const words of ['Anonymous organisation', 'Small: £10,000', 'Six weeks', '10 hours of staff time']) {
          expect(glance).toContain(words);
        }
        expect(await page.getByRole('heading', { name: 'The problem' }).count()).toBe(1);
        expect(await page.locator('strong', { hasText: 'Outlook' }).count()).toBe(1);
        expect(await page.getByText('Used by 0 people').count()).toBe(1);
        await expectWellMade(page, javaScriptEnabled, width);
        await page.getByLabel('What changed for you (optional)').fill('Our newsletter now takes an afternoon.');
        await press(page, page.getByRole('button', { name: 'I used this' }), (url) => url.searchParams.has('used'));
        expect(await notice(page)).toContain('your use is recorded');
        expect(await page.getByText('Used by 1 person').count()).toBe(1);
        expect(await page.getByText(/^Your note:/).innerText()).toContain('Our newsletter now takes an afternoon.');
        expect(await page.getByLabel('Change your note (optional)').inputValue()).toBe(
          'Our newsletter now takes an afternoon.',
        );
        expect(await page.getByRole('button', { name: 'Save my note' }).count()).toBe(1);
        await expectWellMade(page, javaScriptEnabled, width);
      } finally {
        await page.context().close();
      }
    });

    it('should let a reviewer ask for changes and then approve, and the author archive', async () => {
      const { word, network, steward, author } = await networkWithPeople('reviewing');
      const title = `${word} turn on two-step login`;
      const tipId = await tip(author, network.id, title, 'ALL_NETWORKS');
      await submit(author, tipId);
      const reviewer = await browsing(width, javaScriptEnabled, steward);
      const writer = await browsing(width, javaScriptEnabled, author);
      try {
        await visit(reviewer, `${server.url}/library/reviews`);
        expect(await reviewer.getByRole('heading', { name: title }).count()).toBe(1);
        await expectWellMade(reviewer, javaScriptEnabled, width);
        await press(
          reviewer,
          reviewer.getByRole('link', { name: title }),
          (url) => url.pathname === `/library/${tipId}`,
        );
        expect(await reviewer.getByText('In review', { exact: true }).count()).toBe(1);
        expect(await reviewer.getByRole('link', { name: 'the NCSC guide' }).getAttribute('href')).toBe(
          'https://www.ncsc.gov.uk/collection/small-business-guide',
        );
        await expectWellMade(reviewer, javaScriptEnabled, width);

        // Asking for changes needs a comment: the problem named beside the field.
        await reviewer.getByRole('button', { name: 'Ask for changes' }).click();
        await reviewer.locator('#comment-error').waitFor();
        expect(await reviewer.locator('#comment-error').innerText()).toContain('Say what should change');
        expect(await reviewer.getByRole('heading', { name: 'There is a problem' }).count()).toBe(1);
        await expectWellMade(reviewer, javaScriptEnabled, width);
        await reviewer.getByLabel('Comment for the author').fill('Say which app to use.');
        await press(reviewer, reviewer.getByRole('button', { name: 'Ask for changes' }), (url) =>
          url.searchParams.has('changes-asked'),
        );
        expect(await notice(reviewer)).toContain('Sent back to its author');
        expect(await reviewer.getByText('Draft', { exact: true }).count()).toBe(1);

        // The author reads the comment, changes the tip, and sends it again from the page.
        await as(
          author,
          'mutation ($id: ID!, $input: UpdateLibraryItemInput!) { updateLibraryItem(itemId: $id, input: $input) { id } }',
          {
            id: tipId,
            input: { body: 'Use an authenticator app such as Microsoft Authenticator.' },
          },
        );
        await visit(writer, `${server.url}/library/${tipId}`);
        expect(await writer.getByText('Say which app to use.').count()).toBe(1);
        expect(await writer.getByText('Asked for changes', { exact: true }).count()).toBe(1);
        await expectWellMade(writer, javaScriptEnabled, width);
        await press(writer, writer.getByRole('button', { name: 'Send for review' }), (url) =>
          url.searchParams.has('submitted'),
        );
        expect(await notice(writer)).toContain('Sent for review');

        // Approved: published, the reviewer named, the queue empty.
        await visit(reviewer, `${server.url}/library/${tipId}`);
        await press(reviewer, reviewer.getByRole('button', { name: 'Approve' }), (url) =>
          url.searchParams.has('approved'),
        );
        expect(await notice(reviewer)).toContain('Approved: it is published.');
        expect(await reviewer.getByText('In review', { exact: true }).count()).toBe(0);
        expect(await reviewer.getByText(/Reviewed by/).innerText()).toContain(steward.name);
        await expectWellMade(reviewer, javaScriptEnabled, width);
        await visit(reviewer, `${server.url}/library/reviews`);
        expect(await reviewer.getByText('Nothing is waiting for your review.').count()).toBe(1);

        // The first version stays readable.
        await visit(writer, `${server.url}/library/${tipId}`);
        await press(
          writer,
          writer.getByRole('link', { name: 'Version 1' }),
          (url) => url.pathname === `/library/${tipId}/versions/1`,
        );
        expect(await writer.getByText('You are reading version 1 of 2').count()).toBe(1);
        expect(await writer.getByText('Use an authenticator app. See').count()).toBe(1);
        await expectWellMade(writer, javaScriptEnabled, width);

        // Archived, after a second step that works without JavaScript.
        await visit(writer, `${server.url}/library/${tipId}`);
        await writer.getByText('Archive this item').click();
        await press(writer, writer.getByRole('button', { name: 'Yes, archive it' }), (url) =>
          url.searchParams.has('archived'),
        );
        expect(await notice(writer)).toContain('Archived');
        expect(await writer.getByText('Archived', { exact: true }).count()).toBe(1);
      } finally {
        await reviewer.context().close();
        await writer.context().close();
      }
    });
  });
});

describe('the library for a visitor', () => {
  it('should show only what is shared with all networks', async () => {
    const { word, network, steward, author } = await networkWithPeople('visiting');
    const shared = `${word} shared newsletter story`;
    const membersOnly = `${word} members-only newsletter story`;
    const sharedId = await caseStudy(author, network.id, shared, 'ALL_NETWORKS');
    const membersOnlyId = await caseStudy(author, network.id, membersOnly, 'NETWORK');
    await publish(author, steward, sharedId);
    await publish(author, steward, membersOnlyId);
    const draftId = await caseStudy(author, network.id, `${word} draft story`, 'ALL_NETWORKS');
    const page = await browsing(1280, true);
    try {
      await visit(page, `${server.url}/library?q=${word}`);
      expect(await page.getByText('You are seeing what is shared with all networks.').count()).toBe(1);
      expect(await page.getByRole('link', { name: shared }).count()).toBe(1);
      expect(await page.getByRole('link', { name: membersOnly }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Add a case study, template or tip' }).count()).toBe(0);
      await expectWellMade(page, true, 1280);
      await press(page, page.getByRole('link', { name: shared }), (url) => url.pathname === `/library/${sharedId}`);
      expect(await page.getByRole('link', { name: 'Sign in' }).last().getAttribute('href')).toContain('/signin?next=');
      await expectWellMade(page, true, 1280);
      for (const hidden of [membersOnlyId, draftId]) {
        expect((await visit(page, `${server.url}/library/${hidden}`))?.status()).toBe(404);
      }
      expect((await visit(page, `${server.url}/library/reviews`))?.url()).toContain('/signin');
    } finally {
      await page.context().close();
    }
  });
});
