// A network's venue directory: an organiser adds, changes and archives a venue from the forms,
// a member reads the directory without ways to change it. With JavaScript on and off, at a
// phone's width and a desktop's, and every page state checked with axe.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  axeScan,
  graphqlAs,
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

const MODES = [
  { mode: 'with JavaScript on, on a desktop', javaScriptEnabled: true, width: 1280 },
  { mode: 'with JavaScript off, on a phone', javaScriptEnabled: false, width: 390 },
] as const;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function personIn(label: string, javaScriptEnabled: boolean, width: number): Promise<SignedIn> {
  const context = await newContext(browser, { javaScriptEnabled, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const person = { ...newPerson(label), name: `${uniqueWord(label)} Tester` };
  await signUp(page, server.url, person);
  const { me } = await graphqlAs<{ me: { id: string } }>(page, server.url, 'query { me { id } }');
  return { context, page, person, id: me.id };
}

/** axe finds nothing (where it can run: it needs JavaScript), and nothing scrolls sideways. */
async function expectWellMade(page: Page, javaScriptEnabled: boolean, width: number): Promise<void> {
  if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

/** Follows a link or sends a form by its button, and waits for the page it leads to. */
async function go(page: Page, target: ReturnType<Page['getByRole']>, arrived: (url: URL) => boolean): Promise<void> {
  await Promise.all([page.waitForURL(arrived), target.click()]);
}

const venueCard = (page: Page, name: string) => page.locator('li.venue', { has: page.getByRole('heading', { name }) });

describe.each(MODES)('the venue directory $mode', ({ javaScriptEnabled, width }) => {
  it('should let an organiser add, change and archive a venue, and a member read the directory', async () => {
    const steward = await personIn('venue-steward', javaScriptEnabled, width);
    const organiser = await personIn('venue-organiser', javaScriptEnabled, width);
    const member = await personIn('venue-member', javaScriptEnabled, width);
    try {
      const network = await startNetwork(steward.page, server.url, networkFields(uniqueWord('Venton')));
      for (const who of [organiser, member]) {
        await graphqlAs(
          who.page,
          server.url,
          'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }',
          { id: network.id },
        );
      }
      await graphqlAs(
        steward.page,
        server.url,
        'mutation ($n: ID!, $u: ID!) { setMemberRole(networkId: $n, userId: $u, role: ORGANISER) { id } }',
        { n: network.id, u: organiser.id },
      );
      const venuesPath = `${network.path}/venues`;
      const { page } = organiser;

      // From the network's page to an empty directory, then the form.
      await visit(page, `${server.url}${network.path}`);
      await go(page, page.getByRole('link', { name: 'Venues', exact: true }), (url) => url.pathname === venuesPath);
      expect(await page.getByText('No venues are listed yet.').count()).toBe(1);
      await expectWellMade(page, javaScriptEnabled, width);
      await go(page, page.getByRole('link', { name: 'Add a venue' }), (url) => url.pathname === `${venuesPath}/new`);
      await expectWellMade(page, javaScriptEnabled, width);

      // Sent half-filled: the problem named, what was typed kept; then the API's problem, by its field.
      await page.getByLabel('Address').fill('12 High Street\nVenton VT1 2AB');
      await page.getByLabel('How many people it holds').fill('lots');
      await page.getByRole('button', { name: 'Add the venue' }).click();
      await page.locator('#capacity-error').waitFor();
      expect(await page.locator('#capacity-error').innerText()).toContain('whole number');
      expect(await page.getByLabel('Address').inputValue()).toBe('12 High Street\nVenton VT1 2AB');
      await expectWellMade(page, javaScriptEnabled, width);
      await page.getByLabel('How many people it holds').fill('40');
      await page.getByRole('button', { name: 'Add the venue' }).click();
      await page.locator('#name-error').waitFor();
      expect(await page.locator('#name-error').innerText()).toContain('Give the venue a name');
      expect(await page.getByRole('heading', { name: 'There is a problem' }).count()).toBe(1);
      expect(await page.locator('#capacity-error').count()).toBe(0);
      await expectWellMade(page, javaScriptEnabled, width);

      await page.getByLabel('Venue name').fill('The Old Library');
      await page.getByLabel('Step-free access').check();
      await page.getByLabel('Quiet room').check();
      await page.getByLabel('Free', { exact: true }).check();
      await page.getByLabel('Who holds the relationship').selectOption({ label: member.person.name });
      await page.getByLabel('Notes for members').fill('Side door after 6pm.');
      await go(page, page.getByRole('button', { name: 'Add the venue' }), (url) => url.pathname === venuesPath);
      expect(await page.getByRole('status').innerText()).toContain('The Old Library is added to the directory.');
      const card = venueCard(page, 'The Old Library');
      const cardText = await card.innerText();
      for (const words of [
        'Venton VT1 2AB',
        'Holds up to 40 people',
        'Has step-free access and a quiet room.',
        'No accessible toilet or hearing loop.',
        `Held by ${member.person.name}`,
        'Side door after 6pm.',
      ]) {
        expect(cardText).toContain(words);
      }
      expect(await page.getByRole('heading', { name: 'Free venues (1)' }).count()).toBe(1);
      await expectWellMade(page, javaScriptEnabled, width);

      // Changed: now asking a donation, for more people.
      await go(page, card.getByRole('link', { name: 'Change or archive The Old Library' }), (url) =>
        url.pathname.endsWith('/edit'),
      );
      expect(await page.getByLabel('Venue name').inputValue()).toBe('The Old Library');
      expect(await page.getByLabel('Quiet room').isChecked()).toBe(true);
      await expectWellMade(page, javaScriptEnabled, width);
      await page.getByLabel('How many people it holds').fill('80');
      await page.getByLabel('Donation', { exact: true }).check();
      await page.getByLabel('Hearing loop').check();
      await go(page, page.getByRole('button', { name: 'Save changes' }), (url) => url.pathname === venuesPath);
      expect(await page.getByRole('status').innerText()).toContain('The Old Library is saved in the directory.');
      expect(await page.getByRole('heading', { name: 'Venues asking a donation (1)' }).count()).toBe(1);
      expect(await venueCard(page, 'The Old Library').innerText()).toContain('Holds up to 80 people');
      expect(await venueCard(page, 'The Old Library').innerText()).toContain(
        'Has step-free access, a hearing loop and a quiet room.',
      );

      // A member reads the directory, and has no way to change it.
      await visit(member.page, `${server.url}${network.path}`);
      await go(
        member.page,
        member.page.getByRole('link', { name: 'Venues', exact: true }),
        (url) => url.pathname === venuesPath,
      );
      expect(await venueCard(member.page, 'The Old Library').innerText()).toContain('Side door after 6pm.');
      expect(await member.page.getByRole('link', { name: 'Add a venue' }).count()).toBe(0);
      expect(await member.page.getByRole('link', { name: /Change or archive/ }).count()).toBe(0);
      await expectWellMade(member.page, javaScriptEnabled, width);
      expect((await visit(member.page, `${server.url}${venuesPath}/new`))?.status()).toBe(403);

      // Archived: out of the directory.
      await visit(page, `${server.url}${venuesPath}`);
      await go(
        page,
        venueCard(page, 'The Old Library').getByRole('link', { name: 'Change or archive The Old Library' }),
        (url) => url.pathname.endsWith('/edit'),
      );
      await go(
        page,
        page.getByRole('button', { name: 'Archive The Old Library' }),
        (url) => url.pathname === venuesPath,
      );
      expect(await page.getByRole('status').innerText()).toContain('The Old Library is archived.');
      expect(await venueCard(page, 'The Old Library').count()).toBe(0);
      expect(await page.getByText('No venues are listed yet.').count()).toBe(1);
      await expectWellMade(page, javaScriptEnabled, width);
    } finally {
      for (const who of [steward, organiser, member]) await who.context.close();
    }
  });
});

describe('the venue directory for others', () => {
  it('should tell someone outside the network to join, and send the signed-out to sign in', async () => {
    const steward = await personIn('venue-owner', true, 1280);
    const outsider = await personIn('venue-outsider', true, 1280);
    try {
      const network = await startNetwork(steward.page, server.url, networkFields(uniqueWord('Venwick')));
      await visit(outsider.page, `${server.url}${network.path}/venues`);
      expect(await outsider.page.getByText("Only this network's members can see its venues.").count()).toBe(1);
      expect(await axeScan(outsider.page)).toEqual([]);
      const anonymous = await newContext(browser);
      try {
        const page = await anonymous.newPage();
        await visit(page, `${server.url}${network.path}/venues`);
        expect(new URL(page.url()).pathname).toBe('/signin');
      } finally {
        await anonymous.close();
      }
    } finally {
      await steward.context.close();
      await outsider.context.close();
    }
  });
});
