// Client-side navigation under Hearth's Content-Security-Policy (style-src 'self', no inline
// styles): moving between pages logs nothing to the console and breaks no rule of the policy,
// and SvelteKit's route announcer stays out of sight while it tells screen readers the new title.
// And where navigation lands on a phone, a network's heading fits however long its name.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeScan, launchBrowser, newContext, visit } from '../support/browser.ts';
import { graphql, signUp } from '../support/graphql.ts';
import { networkFields, uniqueWord } from '../support/networks.ts';
import { startServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let networkName: string;
/** One word wider than a phone: a real Welsh village, with no space to wrap at. */
const LONG_NAME = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch Digital';
let longNamePath: string;

const WIDTHS = [390, 1280] as const;

interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
}

declare global {
  interface Window {
    hearthViolations?: Violation[];
  }
}

/** Opens a page that records every console message and every CSP violation from its first script on. */
async function watchedPage(width: number): Promise<{ page: Page; messages: string[] }> {
  const context = await newContext(browser, { viewport: { width, height: 900 } });
  // Registered before any page script runs, so a violation during start-up is caught too.
  await context.addInitScript(() => {
    window.hearthViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.hearthViolations!.push({
        directive: event.violatedDirective,
        blockedURI: event.blockedURI,
        sample: event.sample,
      });
    });
  });
  const page = await context.newPage();
  const messages: string[] = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  return { page, messages };
}

const violations = (page: Page) => page.evaluate(() => window.hearthViolations ?? []);

/** Clicks a link and waits until the client-side router has landed on its page. */
async function follow(page: Page, click: () => Promise<void>, pathname: string): Promise<void> {
  await Promise.all([page.waitForURL((url) => url.pathname === pathname), click()]);
}

/**
 * Checks the announcer says the page's new title, once the router has set it (a moment after the
 * address changes).
 */
async function expectAnnounced(page: Page, title: string): Promise<void> {
  await page.waitForFunction((expected) => document.title === expected, title);
  const announcement = async () => (await page.locator('#svelte-announcer').textContent())?.trim();
  await expect.poll(announcement, { timeout: 5_000 }).toBe(title);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const steward = await signUp(server.url, 'navigation');
  const fields = networkFields(uniqueWord('Navtest'));
  networkName = fields.name;
  const created = await graphql(
    server.url,
    'mutation ($input: CreateNetworkInput!) { createNetwork(input: $input) { id } }',
    { token: steward.token, variables: { input: fields } },
  );
  expect(created.errors).toBeUndefined();
  const long = await graphql<{ createNetwork: { slug: string } }>(
    server.url,
    'mutation ($input: CreateNetworkInput!) { createNetwork(input: $input) { slug } }',
    { token: steward.token, variables: { input: { ...networkFields(uniqueWord('Long')), name: LONG_NAME } } },
  );
  expect(long.errors).toBeUndefined();
  longNamePath = `/networks/${long.data!.createNetwork.slug}`;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(WIDTHS)('client-side navigation at %i px', (width) => {
  it('should log nothing and break no rule of the policy from Home to Networks to a network and back', async () => {
    const { page, messages } = await watchedPage(width);
    await visit(page, `${server.url}/`);
    const start = await page.evaluate(() => location.href);

    await follow(
      page,
      () => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Networks' }).click(),
      '/networks',
    );
    await expectAnnounced(page, 'Networks – Hearth');

    const link = page.getByRole('link', { name: networkName });
    await follow(page, () => link.click(), (await link.getAttribute('href'))!);
    await expectAnnounced(page, `${networkName} – Hearth`);

    await follow(page, () => page.goBack().then(() => undefined), '/networks');
    await expectAnnounced(page, 'Networks – Hearth');

    await follow(
      page,
      () => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click(),
      '/',
    );
    await expectAnnounced(page, 'Hearth – support for the digital people in small charities');

    // Every step was the client-side router's: the document loaded once.
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    expect(await page.evaluate(() => location.href)).toBe(start);
    expect(await violations(page)).toEqual([]);
    expect(messages).toEqual([]);
    await page.context().close();
  });

  it('should keep the route announcer visually hidden but announced, with no inline style', async () => {
    const { page, messages } = await watchedPage(width);
    await visit(page, `${server.url}/networks`);
    const link = page.getByRole('link', { name: networkName });
    await follow(page, () => link.click(), (await link.getAttribute('href'))!);
    const announcer = page.locator('#svelte-announcer');
    expect(await announcer.getAttribute('aria-live')).toBe('assertive');
    expect(await announcer.getAttribute('aria-atomic')).toBe('true');
    expect(await announcer.getAttribute('style')).toBeNull();
    await expectAnnounced(page, `${networkName} – Hearth`);

    const box = await announcer.boundingBox();
    expect(box).not.toBeNull();
    expect({ width: box!.width, height: box!.height }).toEqual({ width: 1, height: 1 });
    const hidden = await announcer.evaluate((element) => {
      const style = getComputedStyle(element);
      return { position: style.position, clipPath: style.clipPath, overflow: style.overflow };
    });
    expect(hidden).toEqual({ position: 'absolute', clipPath: 'inset(50%)', overflow: 'hidden' });
    // Clipped, not display: none, so it stays in the accessibility tree and screen readers hear it.
    expect(await page.locator('body').ariaSnapshot()).toContain(`${networkName} – Hearth`);
    expect(await axeScan(page)).toEqual([]);
    expect(await violations(page)).toEqual([]);
    expect(messages).toEqual([]);
    await page.context().close();
  });
});

describe.each([
  { mode: 'with JavaScript on', javaScriptEnabled: true },
  { mode: 'with JavaScript off', javaScriptEnabled: false },
])('a network with a very long name, $mode', ({ javaScriptEnabled }) => {
  it('should wrap its headings within a 390 px screen instead of running off it', async () => {
    const context = await newContext(browser, { javaScriptEnabled, viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    await visit(page, `${server.url}${longNamePath}`);
    const heading = page.getByRole('heading', { level: 1, name: LONG_NAME });
    const fit = await heading.evaluate((element) => ({
      overflowing: element.scrollWidth > element.clientWidth,
      pageWidth: document.documentElement.scrollWidth,
    }));
    expect(fit).toEqual({ overflowing: false, pageWidth: 390 });
    expect((await heading.boundingBox())!.height).toBeGreaterThan(60);

    // Its card in the list of networks, a grid, fits too.
    await visit(page, `${server.url}/networks?q=${encodeURIComponent(LONG_NAME)}`);
    await expect(page.getByRole('heading', { level: 3, name: LONG_NAME }).isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await context.close();
  });
});
