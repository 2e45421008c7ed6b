import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeScan, launchBrowser, newContext, visit } from '../support/browser.ts';
import { graphql, signUp } from '../support/graphql.ts';
import { startServer } from '../support/server.ts';

// A newcomer looking for a network near them, from the landing page to the directory. This file's
// server holds only the three networks below, so the order of the list can be checked whole.
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

/** Named so that alphabetical order (Ashby, Moorland, Zennor) is not the order by distance from Manchester. */
const NETWORKS = [
  { name: 'Ashby Tech Hub', placeName: 'Bristol', region: 'South West England', latitude: 51.4545, longitude: -2.5879 },
  { name: 'Moorland Digital', placeName: 'Leeds', region: 'Yorkshire', latitude: 53.7965, longitude: -1.5478 },
  {
    name: 'Zennor Digital Circle',
    placeName: 'Manchester',
    region: 'North West',
    latitude: 53.481,
    longitude: -2.2374,
  },
];
const ALPHABETICAL = ['Ashby Tech Hub', 'Moorland Digital', 'Zennor Digital Circle'];
const FROM_MANCHESTER = ['Zennor Digital Circle', 'Moorland Digital', 'Ashby Tech Hub'];

const MODES = [
  { mode: 'on a phone', width: 390, javaScriptEnabled: true },
  { mode: 'on a laptop', width: 1280, javaScriptEnabled: true },
  { mode: 'on a phone without JavaScript', width: 390, javaScriptEnabled: false },
];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const { token } = await signUp(server.url, 'finding');
  for (const network of NETWORKS) {
    const created = await graphql(
      server.url,
      'mutation ($input: CreateNetworkInput!) { createNetwork(input: $input) { id } }',
      {
        token,
        variables: {
          input: {
            ...network,
            purpose: 'Peers for the people who look after websites and data in small charities.',
            values: '',
            codeOfConduct: 'Be kind.',
          },
        },
      },
    );
    expect(created.errors).toBeUndefined();
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Set HEARTH_SCREENSHOTS to a folder to keep full-page screenshots of what the tests see. */
async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.HEARTH_SCREENSHOTS;
  if (!folder) return;
  await mkdir(folder, { recursive: true });
  await page.screenshot({ path: `${folder}/${name}-${page.viewportSize()?.width}.png`, fullPage: true });
}

async function browse({ width, javaScriptEnabled }: (typeof MODES)[number]): Promise<{
  context: BrowserContext;
  page: Page;
}> {
  const context = await newContext(browser, { javaScriptEnabled, viewport: { width, height: 800 } });
  const page = await context.newPage();
  if (!javaScriptEnabled) scriptless.add(page);
  return { context, page };
}

/** The network names on the directory page, top to bottom. */
async function listed(page: Page): Promise<string[]> {
  return page.locator('.network-card h3').allInnerTexts();
}

/** Sends the search form the field `label` is in, typing `town` into it, and waits for the directory. */
async function searchNear(page: Page, label: string, town: string, button: string): Promise<void> {
  await page.getByLabel(label).fill(town);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/networks' && url.searchParams.get('near') === town),
    page.getByRole('button', { name: button }).click(),
  ]);
}

/** Whether `first` comes before `second` in the document. */
async function precedes(first: Locator, second: Locator): Promise<boolean> {
  const handle = await second.elementHandle();
  return first.evaluate(
    (element, other) => Boolean(element.compareDocumentPosition(other!) & Node.DOCUMENT_POSITION_FOLLOWING),
    handle,
  );
}

/** axe scripts the page, so it runs only where JavaScript does; the markup is the same without it. */
async function expectAxeClean(page: Page): Promise<void> {
  if (scriptless.has(page)) return;
  expect(await axeScan(page)).toEqual([]);
}

const scriptless = new WeakSet<Page>();

async function top(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('The element is not shown.');
  return box.y;
}

describe('the landing page', () => {
  it.each(MODES)('should take a newcomer from the town search to the nearest networks, $mode', async (mode) => {
    const { context, page } = await browse(mode);
    try {
      await visit(page, `${server.url}/`);
      const search = page.getByRole('search', { name: 'Find a network near you' });
      const town = search.getByLabel('Your town or city');
      const createAccount = page.getByRole('link', { name: 'Create an account' });
      // The first control after the heading, above the invitation to create an account.
      const firstControl = page.locator('h1 ~ * :is(a, input, button, select, textarea)').first();
      expect(await firstControl.getAttribute('id')).toBe('near');
      expect(await precedes(town, createAccount)).toBe(true);
      expect(await top(town)).toBeLessThan(await top(createAccount));
      expect(await search.getAttribute('method')).toBe('GET');
      expect(await search.getAttribute('action')).toBe('/networks');
      await expectAxeClean(page);
      await screenshot(page, 'landing');

      await searchNear(page, 'Your town or city', 'Manchester', 'Find networks');
      expect(await page.getByText(/^Sorted by distance from /).innerText()).toBe(
        'Sorted by distance from Manchester, England.',
      );
      expect(await listed(page)).toEqual(FROM_MANCHESTER);
      expect(await page.getByLabel('Near (town or city)').inputValue()).toBe('Manchester');
      await expectAxeClean(page);
      await screenshot(page, 'landing-to-directory');
    } finally {
      await context.close();
    }
  });

  it('should describe only what Hearth does today', async () => {
    const { context, page } = await browse(MODES[1]!);
    try {
      await visit(page, `${server.url}/`);
      const cards = page.getByRole('region', { name: 'What you can do here' }).getByRole('heading', { level: 3 });
      expect(await cards.allInnerTexts()).toEqual([
        'Find your local network',
        'Join in a minute',
        'See who is here',
        'Find a mentor',
        'Learn from what peers did',
        'A profile you control',
        'Start a network',
        'Know where your network stands',
      ]);
      const text = await page.locator('main').innerText();
      // Mentoring and the library work; community health is still to come.
      expect(text).not.toMatch(/event|key-person|key person|peer answers|answers from peers/i);
    } finally {
      await context.close();
    }
  });
});

describe('the directory', () => {
  it.each(MODES)('should put the search above "Start a network", $mode', async (mode) => {
    const { context, page } = await browse(mode);
    try {
      await visit(page, `${server.url}/networks`);
      const search = page.getByRole('search', { name: 'Search networks' });
      const start = page.getByRole('link', { name: 'Start a network' });
      expect(await precedes(search, start)).toBe(true);
      expect(await top(search)).toBeLessThan(await top(start));
      expect(await listed(page)).toEqual(ALPHABETICAL);
      await expectAxeClean(page);
      await screenshot(page, 'directory');
    } finally {
      await context.close();
    }
  });

  it.each(MODES)('should explain the stage names it shows, on the directory and the overview, $mode', async (mode) => {
    const { context, page } = await browse(mode);
    try {
      for (const path of ['/networks', '/networks/overview']) {
        await visit(page, `${server.url}${path}`);
        const key = page.locator('details', { hasText: 'What the stages mean' });
        expect(await key.locator('dd').first().isVisible()).toBe(false);
        await key.getByText('What the stages mean').click();
        expect(await key.locator('dt').allInnerTexts()).toEqual([
          'Potential',
          'Coalescing',
          'Maturing',
          'Stewardship',
          'Transformation',
        ]);
        expect(await key.locator('dd').first().innerText()).toBe(
          'People who share a problem have found each other, but nothing happens regularly yet.',
        );
        await expectAxeClean(page);
      }
    } finally {
      await context.close();
    }
  });

  it.each(MODES)('should say which country a town is in, and prefer a UK town, $mode', async (mode) => {
    const { context, page } = await browse(mode);
    try {
      await visit(page, `${server.url}/networks`);
      await searchNear(page, 'Near (town or city)', 'Paris', 'Search');
      expect(await page.getByText(/^Sorted by distance from /).innerText()).toBe(
        'Sorted by distance from Paris, France.',
      );
      // Bristol is the nearest to Paris, about 450 km; the other two are over 600 km.
      expect((await listed(page))[0]).toBe('Ashby Tech Hub');
      const ashby = page.locator('.network-card').filter({ hasText: 'Ashby Tech Hub' });
      expect(await ashby.getByText(/ km away$/).innerText()).toMatch(/^4[3-7]\d km away$/);
      await expectAxeClean(page);
      await screenshot(page, 'directory-paris');

      // Perth in Scotland, not the bigger Perth in Australia.
      await searchNear(page, 'Near (town or city)', 'Perth', 'Search');
      expect(await page.getByText(/^Sorted by distance from /).innerText()).toBe(
        'Sorted by distance from Perth, Scotland.',
      );
      expect(await listed(page)).toEqual(['Moorland Digital', 'Zennor Digital Circle', 'Ashby Tech Hub']);
    } finally {
      await context.close();
    }
  });

  it.each(MODES)(
    'should offer the UK town a misspelling is closest to as a link, and say how the list is sorted, $mode',
    async (mode) => {
      const { context, page } = await browse(mode);
      try {
        await visit(page, `${server.url}/networks`);
        await searchNear(page, 'Near (town or city)', 'Manchster', 'Search');
        expect(await page.locator('#near-error').textContent()).toBe(
          'Error: We could not find a town or city called "Manchster". Did you mean Manchester?',
        );
        expect(await page.locator('.results .notice').innerText()).toBe(
          'We couldn’t find that town, so these networks are in alphabetical order, not by distance.',
        );
        expect(await listed(page)).toEqual(ALPHABETICAL);
        expect(await page.getByText(/ km away$/).count()).toBe(0);
        const suggestion = page.getByRole('link', { name: 'Manchester, England' });
        expect(await suggestion.getAttribute('href')).toBe('/networks?near=Manchester');
        expect(await page.getByText('Search near Manchester, England instead.').count()).toBe(1);
        await expectAxeClean(page);
        await screenshot(page, 'directory-manchster');

        await Promise.all([
          page.waitForURL((url) => url.searchParams.get('near') === 'Manchester'),
          suggestion.click(),
        ]);
        expect(await page.getByText(/^Sorted by distance from /).innerText()).toBe(
          'Sorted by distance from Manchester, England.',
        );
        expect(await listed(page)).toEqual(FROM_MANCHESTER);
      } finally {
        await context.close();
      }
    },
  );

  it('should keep the words of the search in the suggested link, and say the list is ranked by them', async () => {
    const { context, page } = await browse(MODES[1]!);
    try {
      await visit(page, `${server.url}/networks?q=digital&near=Leds`);
      expect(await page.locator('.results .notice').innerText()).toBe(
        'We couldn’t find that town, so these networks are in order of how well they match your words, not by distance.',
      );
      const leeds = page.getByRole('link', { name: 'Leeds, England' });
      expect(await leeds.getAttribute('href')).toBe('/networks?q=digital&near=Leeds');
      await Promise.all([page.waitForURL((url) => url.searchParams.get('near') === 'Leeds'), leeds.click()]);
      // Words rank the list first: the distance only orders networks that match them equally well.
      expect(await page.locator('.sorted').innerText()).toBe(
        'Sorted by how well they match your words, then by distance from Leeds, England.',
      );
      expect((await listed(page)).sort()).toEqual(['Moorland Digital', 'Zennor Digital Circle']);
    } finally {
      await context.close();
    }
  });
});
