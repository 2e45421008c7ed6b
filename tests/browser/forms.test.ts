import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeScan, graphqlAs, launchBrowser, newContext, newPerson, signUp, visit } from '../support/browser.ts';
import { uniqueWord } from '../support/networks.ts';
import { startServer } from '../support/server.ts';

// Forms name every problem at once, as the GOV.UK error summary does: "There is a problem" at the
// top, each problem a link to its field, the same words next to the field. And a network is put
// on the map by its town's name.

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

/** Set HEARTH_SCREENSHOTS to a folder to keep a full-page screenshot of each state. */
async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.HEARTH_SCREENSHOTS;
  if (!folder) return;
  await mkdir(folder, { recursive: true });
  await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
}

/** The error summary's links, as [target, text], in the order shown. */
async function summaryLinks(page: Page): Promise<Array<[string | null, string]>> {
  const links = page.locator('#error-summary').getByRole('link');
  return Promise.all(
    (await links.all()).map(async (link) => [await link.getAttribute('href'), (await link.innerText()).trim()]),
  );
}

/** The message shown next to a field, without the "Error:" read out before it. */
async function fieldError(page: Page, field: string): Promise<string> {
  return (await page.locator(`#${field}-error`).innerText()).replace(/^Error:\s*/, '').trim();
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);

/** What the focused element says, so a test can tell a success message from <body>. */
const focusedText = (page: Page) =>
  page.evaluate(() =>
    document.activeElement === document.body ? '<body>' : document.activeElement?.textContent?.trim(),
  );

/** Sends a form and waits for the answer to show: a new page without JavaScript, the summary with it. */
async function submit(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await page.locator('#error-summary').waitFor();
}

const SIGN_UP_PROBLEMS: Array<[string, string]> = [
  ['#name', 'Enter the name you want to be shown by.'],
  ['#email', 'Enter your email address.'],
  ['#password', 'Use at least 8 characters.'],
];

const runs = [390, 1280].flatMap((width) => [
  { width, mode: 'JavaScript on', javaScriptEnabled: true },
  { width, mode: 'JavaScript off', javaScriptEnabled: false },
]);

// axe needs to run script in the page: it scans with JavaScript on, where the page holds the same markup.
describe.each(runs)('forms at $width px, $mode', ({ width, javaScriptEnabled }) => {
  let context: BrowserContext;
  let page: Page;
  const label = `${width}-${javaScriptEnabled ? 'js' : 'nojs'}`;

  beforeAll(async () => {
    context = await newContext(browser, { javaScriptEnabled, viewport: { width, height: 900 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
  });

  it('should name every problem of an empty sign-up at once, each linked to its field', async () => {
    await context.clearCookies();
    await visit(page, `${server.url}/signup`);
    await submit(page, 'Create account');

    expect(new URL(page.url()).pathname).toBe('/signup');
    expect(await page.title()).toBe('Error: Create an account – Hearth');
    const summary = page.locator('#error-summary');
    expect(await summary.getByRole('heading', { level: 2 }).innerText()).toBe('There is a problem');
    expect(await summaryLinks(page)).toEqual(SIGN_UP_PROBLEMS);
    for (const [target, message] of SIGN_UP_PROBLEMS) {
      const field = target.slice(1);
      expect(await fieldError(page, field)).toBe(message);
      expect(await page.locator(target).getAttribute('aria-invalid')).toBe('true');
    }
    if (javaScriptEnabled) expect(await focusedId(page)).toBe('error-summary');
    if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);
    await screenshot(page, `signup-empty-${label}`);

    // A link in the summary takes the person to its field.
    await summary.getByRole('link', { name: 'Enter your email address.' }).click();
    if (javaScriptEnabled) expect(await focusedId(page)).toBe('email');
    else expect(new URL(page.url()).hash).toBe('#email');
    expect(await page.getByLabel('Email address').isVisible()).toBe(true);
  });

  it('should start a network in "Sheffield" from the town name alone', async () => {
    await context.clearCookies();
    const person = newPerson(`sheffield-${label}`);
    await signUp(page, server.url, person);
    const name = `${uniqueWord('Steel')} Digital`;

    await visit(page, `${server.url}/networks/new`);
    // The map position is an advanced choice, folded away until asked for.
    expect(await page.getByText('Set the map position yourself').isVisible()).toBe(true);
    expect(await page.getByLabel('Latitude').isVisible()).toBe(false);
    if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);
    await screenshot(page, `network-new-${label}`);

    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Purpose').fill('Peers for the one digital person in each small Sheffield charity.');
    await page.getByLabel('Code of conduct').fill('Be kind. Assume good intent.');
    await page.getByLabel('Town, city or area').fill('Sheffield');
    await Promise.all([
      page.waitForURL((url) => url.pathname.startsWith('/networks/') && url.searchParams.has('created')),
      page.getByRole('button', { name: 'Start the network' }).click(),
    ]);

    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(name);
    // With JavaScript, focus follows the person to what happened, not back to the top of <body>.
    if (javaScriptEnabled) expect(await focusedText(page)).toBe((await page.getByRole('status').innerText()).trim());
    const place = page.locator('dt', { hasText: 'Place' }).locator('xpath=following-sibling::dd[1]');
    expect((await place.innerText()).trim()).toBe('Sheffield, England');
    const slug = new URL(page.url()).pathname.split('/')[2];
    const { network } = await graphqlAs<{ network: { latitude: number; longitude: number } }>(
      page,
      server.url,
      'query ($slug: String!) { network(slug: $slug) { latitude longitude } }',
      { slug },
    );
    expect(network).toEqual({ latitude: 53.38297, longitude: -1.4659 });
  });

  it('should name a town it does not know alongside the other problems, and open the map position', async () => {
    await context.clearCookies();
    const person = newPerson(`unknown-town-${label}`);
    await signUp(page, server.url, person);
    await visit(page, `${server.url}/networks/new`);
    await page.getByLabel('Purpose').fill('Peers for small charities.');
    await page.getByLabel('Code of conduct').fill('Be kind.');
    await page.getByLabel('Town, city or area').fill('Qwxzzyton');
    await submit(page, 'Start the network');

    const townProblem =
      'We could not find a town or city called "Qwxzzyton". Check the spelling, or try the nearest larger town. Or give its latitude and longitude yourself.';
    expect(await summaryLinks(page)).toEqual([
      ['#name', "Enter the network's name."],
      ['#placeName', townProblem],
    ]);
    expect(await fieldError(page, 'name')).toBe("Enter the network's name.");
    expect(await fieldError(page, 'placeName')).toBe(townProblem);
    expect(await page.getByLabel('Town, city or area').inputValue()).toBe('Qwxzzyton');
    // The message points to the map position, so it is open.
    expect(await page.getByLabel('Latitude').isVisible()).toBe(true);
    if (javaScriptEnabled) expect(await focusedId(page)).toBe('error-summary');
    if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);
    await screenshot(page, `network-unknown-town-${label}`);
  });

  it('should leave focus on the outcome after saving a profile and after signing out', async () => {
    await context.clearCookies();
    await signUp(page, server.url, newPerson(`focus-${label}`));
    await visit(page, `${server.url}/account/profile`);
    await page.getByLabel('Role title (optional)').fill('Digital officer');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').waitFor();
    if (javaScriptEnabled) expect(await focusedText(page)).toMatch(/^Your profile is saved\./);

    await visit(page, `${server.url}/signout`);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/'),
      page.getByRole('main').getByRole('button', { name: 'Sign out' }).click(),
    ]);
    expect((await page.getByRole('status').innerText()).trim()).toBe('You have signed out.');
    if (javaScriptEnabled) expect(await focusedText(page)).toBe('You have signed out.');
  });
});
