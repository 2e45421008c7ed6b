import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeScan, launchBrowser, newContext, newPerson, signUp, visit } from '../support/browser.ts';
import { networkFields, startNetwork, uniqueWord, type StartedNetwork } from '../support/networks.ts';
import { startServer } from '../support/server.ts';

// No one types a control character, but a link can carry one: the page says what is wrong, next
// to the field, as it does for any refused search.
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let signedOut: BrowserContext;
let memberContext: BrowserContext;
let member: Page;
let network: StartedNetwork;

const REFUSED = (field: string) =>
  `The ${field} holds a control character (U+0000). Use letters, numbers and punctuation only.`;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  signedOut = await newContext(browser);
  memberContext = await newContext(browser);
  member = await memberContext.newPage();
  await signUp(member, server.url, newPerson('input'));
  network = await startNetwork(member, server.url, networkFields(uniqueWord('Nulbury')));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What a screen reader reads out for the element: its text, hidden parts included, single-spaced. */
async function spoken(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await visit(page, `${server.url}${path}`);
  return page;
}

describe('a search holding a control character', () => {
  it('should show the directory with the problem described on the search field', async () => {
    const page = await open(signedOut, '/networks?q=a%00b');
    try {
      const field = page.getByRole('textbox', { name: 'Words to look for' });
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.getAttribute('aria-describedby')).toBe('q-hint q-error');
      expect(await spoken(page, '#q-error')).toBe(`Error: ${REFUSED('search')}`);
      expect(await axeScan(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("should show a network's members page with the problem on the skill filter", async () => {
    const page = await open(memberContext, `${network.path}/members?skill=a%00b`);
    try {
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Members of Nulbury/);
      const field = page.getByRole('textbox', { name: 'Skill' });
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await spoken(page, '#skill-error')).toBe(`Error: ${REFUSED('skill')}`);
      expect(await axeScan(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
