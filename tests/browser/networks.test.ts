import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeScan,
  launchBrowser,
  markSurvived,
  markWindow,
  newContext,
  newPerson,
  signUp,
  visit,
  type Person,
} from '../support/browser.ts';
import {
  networkFields,
  setStage,
  startNetwork,
  uniqueWord,
  type NetworkFields,
  type StartedNetwork,
} from '../support/networks.ts';
import { startServer } from '../support/server.ts';

// Every test starts the networks it looks at, so each passes alone and in any order. The browser,
// the server and one signed-in steward are shared: none of them carries a test's state.
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let stewardContext: BrowserContext;
let steward: Page;

/** Set HEARTH_SCREENSHOTS to a folder to keep full-page screenshots at 1280 and 375 wide. */
async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.HEARTH_SCREENSHOTS;
  if (!folder) return;
  await mkdir(folder, { recursive: true });
  const viewport = page.viewportSize();
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${folder}/${name}-${width}.png`, fullPage: true });
  }
  if (viewport) await page.setViewportSize(viewport);
}

/** The text of the `<dd>` that follows the `<dt>` with this label. */
async function fact(page: Page, label: string): Promise<string> {
  return (await page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]').innerText()).trim();
}

async function personIn(javaScriptEnabled: boolean, label: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, { javaScriptEnabled });
  const page = await context.newPage();
  const person: Person = newPerson(label);
  await signUp(page, server.url, person);
  return { context, page };
}

/** A network of the shared steward's, under a word of its own. */
async function stewardsNetwork(prefix: string): Promise<NetworkFields & StartedNetwork & { word: string }> {
  const word = uniqueWord(prefix);
  const fields = networkFields(word);
  return { word, ...fields, ...(await startNetwork(steward, server.url, fields)) };
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context: stewardContext, page: steward } = await personIn(true, 'steward'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('networks', () => {
  it('should show an empty directory that invites people to start a network', async () => {
    // A server of its own: any network another test started would be listed on the shared one.
    const empty = await startServer();
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await visit(page, `${empty.url}/networks`);
      expect(await page.getByRole('heading', { level: 2, name: /networks/ }).innerText()).toBe('0 networks');
      expect(await page.getByText('There are no networks on Hearth yet.').count()).toBe(1);
      await screenshot(page, 'directory-empty');
    } finally {
      await context.close();
      await empty.close();
    }
  });

  it('should send a signed-out visitor to sign in before starting a network', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `${server.url}/networks/new`);
    const landed = new URL(page.url());
    expect(landed.pathname).toBe('/signin');
    expect(landed.searchParams.get('next')).toBe('/networks/new');
    await context.close();
  });

  it('should show field errors and keep the input when the new network form is incomplete', async () => {
    const network = networkFields(uniqueWord('Incomplete'));
    await visit(steward, `${server.url}/networks/new`);
    await steward.getByLabel('Name').fill(network.name);
    await steward.getByText('Set the map position yourself').click();
    await steward.getByLabel('Latitude').fill('200');
    await steward.getByRole('button', { name: 'Start the network' }).click();
    await steward.locator('#longitude-error').waitFor();
    expect(await steward.locator('#longitude-error').innerText()).toMatch(/longitude/);
    expect(await steward.locator('#name').inputValue()).toBe(network.name);
    expect(await steward.locator('#latitude').inputValue()).toBe('200');
    expect(await steward.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    expect(await axeScan(steward)).toEqual([]);
    await screenshot(steward, 'new-errors');
  });

  it('should create a network and make its creator the steward', async () => {
    const network = networkFields(uniqueWord('Quillmoor'));
    const networkPath = `/networks/${network.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    await visit(steward, `${server.url}/networks/new`);
    expect(await axeScan(steward)).toEqual([]);
    await screenshot(steward, 'new');
    await steward.getByLabel('Name').fill(network.name);
    await steward.getByLabel('Purpose').fill(network.purpose);
    await steward.getByLabel('Values (optional)').fill(network.values);
    await steward.getByLabel('Code of conduct').fill(network.codeOfConduct);
    await steward.getByLabel('Town, city or area').fill(network.placeName);
    await steward.getByLabel('Region').fill(network.region);
    // A made-up place: its position is set by hand.
    await steward.getByText('Set the map position yourself').click();
    await steward.getByLabel('Latitude').fill(String(network.latitude));
    await steward.getByLabel('Longitude').fill(String(network.longitude));
    await markWindow(steward);
    await Promise.all([
      steward.waitForURL((url) => url.pathname === networkPath),
      steward.getByRole('button', { name: 'Start the network' }).click(),
    ]);
    expect(await markSurvived(steward)).toBe(true);
    expect(await steward.getByRole('heading', { level: 1 }).innerText()).toBe(network.name);
    expect(await steward.getByRole('status').innerText()).toMatch(/first steward/);
    expect(await fact(steward, 'Your role')).toBe('Steward');
    expect(await fact(steward, 'Members')).toBe('1 member');
    expect(await fact(steward, 'Stage')).toMatch(/^Potential, since /);
    expect(await steward.getByText(network.purpose).count()).toBe(1);
    expect(await steward.getByText(/^Hearth suggests /).count()).toBe(1);
    expect(await axeScan(steward)).toEqual([]);
    await screenshot(steward, 'network-steward');
  });

  it('should find the network in the directory by a word and by stage', async () => {
    const network = await stewardsNetwork('Findley');
    const { word } = network;
    await visit(steward, `${server.url}/networks`);
    await steward.getByLabel('Words to look for').fill(word);
    await Promise.all([
      steward.waitForURL((url) => url.searchParams.get('q') === word),
      steward.getByRole('button', { name: 'Search' }).click(),
    ]);
    expect(await steward.getByRole('heading', { level: 2, name: /found/ }).innerText()).toBe('1 network found');
    const result = steward.getByRole('link', { name: network.name });
    expect(await result.getAttribute('href')).toBe(network.path);
    expect(await steward.getByText('1 member').count()).toBe(1);
    expect(await axeScan(steward)).toEqual([]);
    await screenshot(steward, 'directory');

    await visit(steward, `${server.url}/networks?q=${word}&stage=MATURING`);
    expect(await steward.getByRole('heading', { level: 2, name: /found/ }).innerText()).toBe('0 networks found');
    expect(await steward.getByText('No network matches that search.', { exact: false }).count()).toBe(1);
  });

  it('should sort the directory by distance from a typed town, with the distance on each card', async () => {
    const network = await stewardsNetwork('Farley');
    const { word } = network;
    const context = await newContext(browser);
    const page = await context.newPage();
    await visit(page, `${server.url}/networks`);
    await page.getByLabel('Words to look for').fill(word);
    await page.getByLabel('Near (town or city)').fill('bath');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('near') === 'bath'),
      page.getByRole('button', { name: 'Search' }).click(),
    ]);
    expect(await page.getByText(/^Sorted by /).innerText()).toBe(
      'Sorted by how well they match your words, then by distance from Bath, England.',
    );
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: network.name }) });
    // The network is in Bristol, about 18 km from Bath.
    expect(await card.getByText(/ km away$/).innerText()).toMatch(/^(1[5-9]|2[0-2]) km away$/);
    expect(await page.getByText('GeoNames').count()).toBe(1);
    expect(await axeScan(page)).toEqual([]);
    await screenshot(page, 'directory-near');

    // A town the gazetteer does not know: the API's message next to the field, the search still listed.
    await page.getByLabel('Near (town or city)').fill('Bathh');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('near') === 'Bathh'),
      page.getByRole('button', { name: 'Search' }).click(),
    ]);
    expect(await page.locator('#near-error').innerText()).toMatch(
      /We could not find a town or city called "Bathh"\. Did you mean Bath\b/,
    );
    expect(await page.locator('#near').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#near').inputValue()).toBe('Bathh');
    expect(await page.getByRole('link', { name: network.name }).count()).toBe(1);
    expect(await page.getByText(/ km away$/).count()).toBe(0);
    expect(await axeScan(page)).toEqual([]);
    await context.close();
  });

  it('should let a steward set the stage with a note and see it in the history', async () => {
    const network = await stewardsNetwork('Stagely');
    await visit(steward, `${server.url}${network.path}`);
    await steward.getByRole('radio', { name: 'Coalescing', exact: true }).check();
    // A note is required: the API's message shows next to the field.
    await steward.getByRole('button', { name: 'Set stage' }).click();
    await steward.locator('#note-error').waitFor();
    expect(await steward.locator('#note-error').innerText()).toMatch(/note/);

    const note = 'Our first two meetups had twenty people and a core group is forming.';
    await steward.getByLabel('Note').fill(note);
    await Promise.all([
      steward.waitForURL((url) => url.searchParams.has('stage-set')),
      steward.getByRole('button', { name: 'Set stage' }).click(),
    ]);
    await steward.getByRole('status').waitFor();
    expect(await steward.getByRole('status').innerText()).toBe('The stage is now Coalescing.');
    expect(await fact(steward, 'Stage')).toMatch(/^Coalescing, since /);
    const history = steward.getByRole('list', { name: 'History' });
    expect(await history.getByRole('listitem').first().innerText()).toContain(note);
    expect(await history.getByRole('listitem').first().innerText()).toMatch(/^Coalescing/);
    expect(await axeScan(steward)).toEqual([]);
    // The note is cleared for the next change.
    if (await steward.evaluate(() => document.documentElement.classList.contains('js'))) {
      expect(await steward.getByLabel('Note').inputValue()).toBe('');
    }
    await screenshot(steward, 'network-history');
  });

  it.each([
    { mode: 'with JavaScript on', javaScriptEnabled: true },
    { mode: 'with JavaScript off', javaScriptEnabled: false },
  ])("should let the steward change the network's details, $mode", async ({ javaScriptEnabled }) => {
    const network = await stewardsNetwork('Detailby');
    const networkPath = network.path;
    const context = await newContext(browser, {
      javaScriptEnabled,
      storageState: await stewardContext.storageState(),
    });
    const page = await context.newPage();
    try {
      await visit(page, `${server.url}${networkPath}`);
      const storedPurpose = await page.locator('#purpose-title + p').innerText();
      await Promise.all([
        page.waitForURL((url) => url.pathname === `${networkPath}/edit`),
        page.getByRole('link', { name: 'Change the network’s details' }).click(),
      ]);
      // The form starts with what is stored; the position stays unless set by hand or the town changes.
      expect(await page.getByLabel('Purpose').inputValue()).toBe(storedPurpose);
      expect(await page.getByText('The network is on the map at 51.4545, -2.5879.').count()).toBe(1);
      if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);

      // A bad value: the error sits next to the field, and what was typed stays.
      const purpose = `${network.purpose} We meet on the first Tuesday of the month${javaScriptEnabled ? '' : ', online too'}.`;
      await page.getByLabel('Purpose').fill(purpose);
      await page.getByText('Set the map position yourself').click();
      await page.getByLabel('Latitude').fill('200');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.locator('#latitude-error').waitFor();
      expect(await page.locator('#latitude-error').innerText()).toMatch(/between -90 and 90/);
      expect(await page.getByLabel('Purpose').inputValue()).toBe(purpose);
      if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);
      if (!javaScriptEnabled) await screenshot(page, 'network-edit-error');

      await page.getByLabel('Latitude').fill('');
      await Promise.all([
        page.waitForURL((url) => url.pathname === networkPath && url.searchParams.has('updated')),
        page.getByRole('button', { name: 'Save changes' }).click(),
      ]);
      expect(await page.getByRole('status').innerText()).toBe('The network’s details are saved.');
      expect(await page.locator('#purpose-title + p').innerText()).toBe(purpose);
      // Saved again unchanged, the code of conduct keeps its version.
      expect(await page.getByText('Read the code of conduct (version 1)').count()).toBe(1);
      if (!javaScriptEnabled) await screenshot(page, 'network-updated');
    } finally {
      await context.close();
    }
  });

  it.each([
    { mode: 'with JavaScript on', javaScriptEnabled: true },
    { mode: 'with JavaScript off', javaScriptEnabled: false },
  ])(
    'should not let one steward silently overwrite details another saved meanwhile, $mode',
    async ({ javaScriptEnabled }) => {
      const network = await stewardsNetwork('Overby');
      const networkPath = network.path;
      const context = await newContext(browser, {
        javaScriptEnabled,
        storageState: await stewardContext.storageState(),
      });
      const page = await context.newPage();
      const other = await context.newPage();
      try {
        await visit(page, `${server.url}${networkPath}/edit`);
        await page.getByLabel('Values (optional)').fill('Open, kind and practical. Mine.');

        // Meanwhile the same form, opened elsewhere, is saved first.
        await visit(other, `${server.url}${networkPath}/edit`);
        await other.getByLabel('Values (optional)').fill('Open, kind and practical. Theirs.');
        await Promise.all([
          other.waitForURL((url) => url.searchParams.has('updated')),
          other.getByRole('button', { name: 'Save changes' }).click(),
        ]);

        await page.getByRole('button', { name: 'Save changes' }).click();
        await page.getByText(/Another steward saved changes/).waitFor();
        expect(await page.getByLabel('Values (optional)').inputValue()).toBe('Open, kind and practical. Mine.');
        if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);
        await visit(other, `${server.url}${networkPath}`);
        expect(await other.locator('#values-title + p').innerText()).toBe('Open, kind and practical. Theirs.');

        // Told, the steward saves again on purpose, and theirs replaces the other.
        await Promise.all([
          page.waitForURL((url) => url.searchParams.has('updated')),
          page.getByRole('button', { name: 'Save changes' }).click(),
        ]);
        expect(await page.locator('#values-title + p').innerText()).toBe('Open, kind and practical. Mine.');
      } finally {
        await context.close();
      }
    },
  );

  it("should tell a member that only stewards can change the network's details", async () => {
    const network = await stewardsNetwork('Memberton');
    const networkPath = network.path;
    const { context, page } = await personIn(false, 'edit-member');
    try {
      await visit(page, `${server.url}${networkPath}`);
      await page.getByLabel('I accept the code of conduct').check();
      await Promise.all([
        page.waitForURL((url) => url.searchParams.has('joined')),
        page.getByRole('button', { name: `Join ${network.name}` }).click(),
      ]);
      expect(await page.getByRole('link', { name: 'Change the network’s details' }).count()).toBe(0);
      const response = await visit(page, `${server.url}${networkPath}/edit`);
      expect(response?.status()).toBe(403);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Only stewards can do this');
      await Promise.all([
        page.waitForURL((url) => url.pathname === networkPath),
        page.getByRole('link', { name: 'Back to the network' }).click(),
      ]);
      await page.getByRole('link', { name: 'Leave this network' }).click();
      await page.getByRole('button', { name: `Leave ${network.name}` }).click();
      await page.waitForURL((url) => url.searchParams.has('left'));
    } finally {
      await context.close();
    }
  });

  it.each([
    { mode: 'with JavaScript on', javaScriptEnabled: true },
    { mode: 'with JavaScript off', javaScriptEnabled: false },
  ])('should join only after accepting the code of conduct, $mode', async ({ javaScriptEnabled }) => {
    const network = await stewardsNetwork('Joinery');
    const { context, page } = await personIn(javaScriptEnabled, javaScriptEnabled ? 'join-js' : 'join-nojs');
    try {
      await visit(page, `${server.url}${network.path}`);
      expect(await fact(page, 'Your role')).toBe('Not a member');
      // axe runs as a script, so only where JavaScript does.
      if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);

      await page.getByRole('button', { name: `Join ${network.name}` }).click();
      await page.locator('#acceptCodeOfConduct-error').waitFor();
      expect(await page.locator('#acceptCodeOfConduct-error').innerText()).toMatch(/accept the network's code/);
      expect(await page.locator('#acceptCodeOfConduct').getAttribute('aria-invalid')).toBe('true');
      if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);
      if (!javaScriptEnabled) await screenshot(page, 'network-join-error');

      await page.getByLabel('I accept the code of conduct').check();
      await Promise.all([
        page.waitForURL((url) => url.searchParams.has('joined')),
        page.getByRole('button', { name: `Join ${network.name}` }).click(),
      ]);
      await page.getByRole('status').waitFor();
      expect(await page.getByRole('status').innerText()).toMatch(/You have joined/);
      expect(await fact(page, 'Your role')).toBe('Member');
      // Members do not see the stewards' tools.
      expect(await page.getByRole('button', { name: 'Set stage' }).count()).toBe(0);

      await Promise.all([
        page.waitForURL((url) => url.pathname === `${network.path}/leave`),
        page.getByRole('link', { name: 'Leave this network' }).click(),
      ]);
      await Promise.all([
        page.waitForURL((url) => url.searchParams.has('left')),
        page.getByRole('button', { name: `Leave ${network.name}` }).click(),
      ]);
      await page.getByRole('status').waitFor();
      expect(await page.getByRole('status').innerText()).toMatch(/You have left/);
      expect(await fact(page, 'Your role')).toBe('Not a member');
    } finally {
      await context.close();
    }
  });

  it('should show a signed-out visitor the network and how to join', async () => {
    const { path: networkPath } = await stewardsNetwork('Visitby');
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await visit(page, `${server.url}${networkPath}`);
      expect(await fact(page, 'Your role')).toBe('Not signed in');
      expect(await page.getByRole('link', { name: 'Sign in to join' }).getAttribute('href')).toBe(
        `/signin?next=${encodeURIComponent(networkPath)}`,
      );
      expect(await page.getByRole('button', { name: 'Set stage' }).count()).toBe(0);
      expect(await axeScan(page)).toEqual([]);
      await screenshot(page, 'network-visitor');
    } finally {
      await context.close();
    }
  });

  it('should list every network in the overview table', async () => {
    const network = await stewardsNetwork('Overview');
    await setStage(steward, server.url, network.id, 'COALESCING', 'A core group is forming.');
    const page = await stewardContext.newPage();
    try {
      await visit(page, `${server.url}/networks/overview`);
      const row = page.getByRole('row', { name: new RegExp(network.name) });
      expect(await row.getByRole('cell').allInnerTexts()).toEqual([
        network.placeName,
        network.region,
        'Coalescing',
        '1',
      ]);
      expect(await axeScan(page)).toEqual([]);
      await screenshot(page, 'overview');
    } finally {
      await page.close();
    }
  });

  it.each([
    { name: 'the directory', page: () => '/networks' },
    { name: 'the new network form', page: () => '/networks/new' },
    { name: "a network's page", page: (network: StartedNetwork) => network.path },
    { name: "the network's details form", page: (network: StartedNetwork) => `${network.path}/edit` },
    { name: 'the overview', page: () => '/networks/overview' },
  ])('should fit $name into 320 CSS pixels without sideways scrolling', async ({ page: pathOf }) => {
    // With a network of the steward's listed, so every page has something in it.
    const path = pathOf(await stewardsNetwork('Narrowby'));
    const page = await stewardContext.newPage();
    try {
      await page.setViewportSize({ width: 320, height: 640 });
      await visit(page, `${server.url}${path}`);
      expect(new URL(page.url()).pathname).toBe(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    } finally {
      await page.close();
    }
  });

  it('should lay the search fields side by side on a wide screen', async () => {
    const page = await stewardContext.newPage();
    try {
      await page.setViewportSize({ width: 1280, height: 900 });
      await visit(page, `${server.url}/networks`);
      const bottoms = await page
        .getByRole('search', { name: 'Search networks' })
        .locator('input, select')
        .evaluateAll((controls) => controls.map((control) => Math.round(control.getBoundingClientRect().bottom)));
      expect(bottoms).toHaveLength(3);
      // Side by side and aligned at the bottom (a select is shorter than a text box).
      expect(Math.max(...bottoms) - Math.min(...bottoms)).toBeLessThan(8);
    } finally {
      await page.close();
    }
  });

  it('should answer an unknown network with a 404 page', async () => {
    const page = await stewardContext.newPage();
    try {
      const response = await visit(page, `${server.url}/networks/no-such-network`);
      expect(response?.status()).toBe(404);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Network not found');
      expect(await axeScan(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
