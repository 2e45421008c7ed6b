// A steward's member list: one "Change role" link per member, the role on a page of its own,
// and back to the same place in the list afterwards, at the member's card.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeScan,
  graphqlAs,
  launchBrowser,
  markSurvived,
  markWindow,
  newContext,
  newPerson,
  signUp,
  uniqueEmail,
  visit,
  type SignedIn,
  JAVASCRIPT_MODES,
} from '../support/browser.ts';
import { graphql, SIGN_UP } from '../support/graphql.ts';
import { networkFields, startNetwork, uniqueWord, type StartedNetwork } from '../support/networks.ts';
import { startServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

const WIDTHS = [390, 1280] as const;

/** The member list's page size (members/+page.server.ts). */
const PAGE_SIZE = 20;
/** Members who join every network here: enough for a second page that needs scrolling. */
const POOL_SIZE = 30;
/** A word in every pool member's name, so `?q=` finds them all and not the steward. */
const POOL_WORD = uniqueWord('Quenby');

interface PoolMember {
  id: string;
  name: string;
  token: string;
}

let pool: PoolMember[] = [];

/** A person signed up through the API, who acts through its token. */
async function apiPerson(name: string): Promise<PoolMember> {
  const result = await graphql<{ signUp: { token: string; user: { id: string } } }>(server.url, SIGN_UP, {
    variables: { input: { name, email: uniqueEmail('pool'), password: 'kettle orchard lantern 42' } },
  });
  if (!result.data) throw new Error(`sign-up failed: ${JSON.stringify(result.errors)}`);
  return { id: result.data.signUp.user.id, name, token: result.data.signUp.token };
}

async function joinAs(person: { token: string }, networkId: string): Promise<void> {
  const result = await graphql(
    server.url,
    'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }',
    { token: person.token, variables: { id: networkId } },
  );
  if (result.errors) throw new Error(`join failed: ${JSON.stringify(result.errors)}`);
}

async function personIn(label: string, options: { javaScriptEnabled?: boolean; width?: number } = {}) {
  const { javaScriptEnabled = true, width = 1280 } = options;
  const context = await newContext(browser, { javaScriptEnabled, viewport: { width, height: 800 } });
  const page = await context.newPage();
  const person = newPerson(label);
  await signUp(page, server.url, person);
  const { me } = await graphqlAs<{ me: { id: string } }>(page, server.url, 'query { me { id } }');
  return { context, page, person, id: me.id } satisfies SignedIn;
}

/** A network started by `steward`, which every pool member joins, in the order of the pool. */
async function crowdedNetwork(steward: SignedIn): Promise<StartedNetwork & { name: string }> {
  const fields = networkFields(uniqueWord('Thornbury'));
  const network = await startNetwork(steward.page, server.url, fields);
  for (const member of pool) await joinAs(member, network.id);
  return { ...network, name: fields.name };
}

/** The second page of the pool, as the list's "Next page" link gives it: its address. */
async function secondPageOfPool(page: Page, network: StartedNetwork): Promise<string> {
  await visit(page, `${server.url}${network.path}/members?q=${POOL_WORD}`);
  const next = await page.getByRole('link', { name: 'Next page' }).getAttribute('href');
  expect(next).toMatch(/[?&]after=/);
  return next!;
}

/** Set HEARTH_SCREENSHOTS to a folder to keep a screenshot of the window as it is. */
async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.HEARTH_SCREENSHOTS;
  if (!folder) return;
  await mkdir(folder, { recursive: true });
  await page.screenshot({ path: `${folder}/${name}-${page.viewportSize()?.width}.png` });
}

/** Follows a link or sends a form, and waits for the address it leads to. */
async function goTo(page: Page, action: () => Promise<void>, arrived: (url: URL) => boolean): Promise<void> {
  await Promise.all([page.waitForURL(arrived), action()]);
}

/**
 * Waits until `check` holds in the page. Polled from here rather than with waitForFunction,
 * which needs the page's own JavaScript, so it works with JavaScript off too.
 */
async function waitUntil(page: Page, check: (arg: string) => boolean, arg = ''): Promise<void> {
  for (let tries = 0; tries < 50; tries += 1) {
    if (await page.evaluate(check, arg)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`Still not true after 5 seconds: ${check.toString()}`);
}

/** Waits until the element is wholly inside the window, once any smooth scrolling has settled. */
async function waitInView(page: Page, selector: string): Promise<void> {
  await waitUntil(
    page,
    (target) => {
      const box = document.querySelector(target)?.getBoundingClientRect();
      return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
    },
    selector,
  );
}

/** How many presses of Tab take focus from the focused element to the one matching `selector`. */
async function tabsTo(page: Page, selector: string, limit: number): Promise<number> {
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((target) => document.activeElement?.matches(target) ?? false, selector)) return presses;
  }
  throw new Error(`${selector} not reached in ${limit} presses of Tab`);
}

const rolePage = (network: StartedNetwork, personId: string) => `${network.path}/members/${personId}/role`;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  pool = [];
  for (let i = 1; i <= POOL_SIZE; i += 1)
    pool.push(await apiPerson(`${POOL_WORD} Member ${String(i).padStart(2, '0')}`));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(WIDTHS)('the member list for stewards, %i pixels wide', (width) => {
  it.each(JAVASCRIPT_MODES)(
    "should change a member's role on its own page and land back on their card, $mode",
    async ({ javaScriptEnabled }) => {
      const steward = await personIn('role-steward', { javaScriptEnabled, width });
      const { page } = steward;
      try {
        const network = await crowdedNetwork(steward);
        // The 28th of the pool: the 8th card of the second page, well below the fold.
        const target = pool[27]!;
        const listAddress = await secondPageOfPool(page, network);
        const listUrl = new URL(listAddress, server.url);
        await visit(page, listUrl.href);
        if (javaScriptEnabled) await markWindow(page);

        await goTo(
          page,
          () => page.getByRole('link', { name: `Change role for ${target.name}` }).click(),
          (url) => url.pathname === rolePage(network, target.id),
        );
        // The role page keeps the list's place in its own address.
        expect(new URL(page.url()).search).toBe(listUrl.search);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
          `Change the role of ${target.name} in ${network.name}`,
        );
        expect(await page.locator('.current').innerText()).toBe('Their role now: Member');
        expect(await page.getByRole('radio', { name: 'Member' }).isChecked()).toBe(true);
        expect(await page.getByRole('radio', { name: 'Steward' }).getAttribute('aria-describedby')).toBe(
          'role-STEWARD-description',
        );
        expect(await page.locator('#role-STEWARD-description').innerText()).toBe(
          "Can do what an organiser can, and change members' roles, the network's details and its stage. A network always needs at least one.",
        );
        expect(await page.getByRole('link', { name: 'Cancel' }).getAttribute('href')).toBe(
          `${listUrl.pathname}${listUrl.search}#member-${target.id}`,
        );
        if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);
        await screenshot(page, `role-page-${javaScriptEnabled ? 'js' : 'nojs'}`);

        await page.getByRole('radio', { name: 'Organiser' }).check();
        await goTo(
          page,
          () => page.getByRole('button', { name: 'Change role' }).click(),
          (url) => url.pathname === listUrl.pathname,
        );

        // Back on the same page of the same search, at the member's card, with the notice.
        const landed = new URL(page.url());
        expect(landed.searchParams.get('q')).toBe(POOL_WORD);
        expect(landed.searchParams.get('after')).toBe(listUrl.searchParams.get('after'));
        expect(landed.searchParams.get('changed')).toBe(target.id);
        expect(landed.hash).toBe(`#member-${target.id}`);
        const status = page.getByRole('status');
        expect(await status.innerText()).toBe(`${target.name} is now an organiser.`);
        const card = page.locator(`#member-${target.id}`);
        expect(await card.locator('.role').innerText()).toBe('Organiser');
        await waitInView(page, `#member-${target.id}`);
        expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
        if (javaScriptEnabled) {
          // Through the enhanced form, without a full reload, and focus on the card, not <body>.
          expect(await markSurvived(page)).toBe(true);
          await waitUntil(page, (id) => document.activeElement?.id === id, `member-${target.id}`);
          expect(await card.getAttribute('aria-describedby')).toBe('changed-notice');
          expect(await axeScan(page)).toEqual([]);
        }
        await screenshot(page, `role-changed-${javaScriptEnabled ? 'js' : 'nojs'}`);
      } finally {
        await steward.context.close();
      }
    },
  );

  it.each(JAVASCRIPT_MODES)(
    'should refuse to demote the last steward, on the role page, $mode',
    async ({ javaScriptEnabled }) => {
      const steward = await personIn('last-steward', { javaScriptEnabled, width });
      const { page } = steward;
      try {
        const fields = networkFields(uniqueWord('Lastby'));
        const network = { ...(await startNetwork(page, server.url, fields)), name: fields.name };
        await visit(page, `${server.url}${rolePage(network, steward.id)}`);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Change your role in ${network.name}`);
        expect(await page.locator('.current').innerText()).toBe('Your role now: Steward');
        expect(await page.getByRole('radio', { name: 'Steward' }).isChecked()).toBe(true);
        await page.getByRole('radio', { name: 'Member' }).check();
        const [response] = await Promise.all([
          page.waitForResponse((answer) => answer.request().method() === 'POST'),
          page.getByRole('button', { name: 'Change role' }).click(),
        ]);
        // The page without JavaScript, or the action's result with it: 409, as the API's CONFLICT.
        expect(response.status()).toBe(409);
        const summary = page.locator('#error-summary');
        await summary.waitFor();
        expect(await summary.getByRole('heading').innerText()).toBe('There is a problem');
        expect(await summary.locator('p').innerText()).toBe(
          'A network needs at least one steward. Make another member a steward first, then try again.',
        );
        expect(await page.title()).toMatch(/^Error: /);
        // The choice is kept, and nothing changed.
        expect(await page.getByRole('radio', { name: 'Member' }).isChecked()).toBe(true);
        expect(new URL(page.url()).pathname).toBe(rolePage(network, steward.id));
        if (javaScriptEnabled) {
          await waitUntil(page, () => document.activeElement?.id === 'error-summary');
          expect(await axeScan(page)).toEqual([]);
        }
        await screenshot(page, `role-last-steward-${javaScriptEnabled ? 'js' : 'nojs'}`);
        await visit(page, `${server.url}${rolePage(network, steward.id)}`);
        expect(await page.locator('.current').innerText()).toBe('Your role now: Steward');
      } finally {
        await steward.context.close();
      }
    },
  );

  it.each(JAVASCRIPT_MODES)(
    'should reach "Next page" from the filter button in a few presses of Tab per member, $mode',
    async ({ javaScriptEnabled }) => {
      const steward = await personIn('tab-steward', { javaScriptEnabled, width });
      const { page } = steward;
      try {
        const network = await crowdedNetwork(steward);
        await visit(page, `${server.url}${network.path}/members`);
        const cards = await page.locator('.member').count();
        expect(cards).toBe(PAGE_SIZE);
        await page.getByRole('button', { name: 'Filter' }).focus();
        const presses = await tabsTo(page, 'a.next', 200);
        // Each card holds two stops (the name and "Change role"); then "Next page".
        expect(presses).toBe(2 * cards + 1);
        expect(presses).toBeLessThanOrEqual(3 * cards);
        expect(await page.getByRole('link', { name: /Change role/ }).count()).toBe(cards);
        expect(await page.getByRole('combobox', { name: /Role for/ }).count()).toBe(0);
        if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);
      } finally {
        await steward.context.close();
      }
    },
  );
});

describe('who may reach a role page', () => {
  it('should refuse members and outsiders as the API does, and show them nothing of the person', async () => {
    const steward = await personIn('gate-steward');
    const member = await personIn('gate-member');
    const outsider = await personIn('gate-outsider');
    try {
      const network = await startNetwork(steward.page, server.url, networkFields(uniqueWord('Gateley')));
      await joinAs({ token: pool[0]!.token }, network.id);
      await graphqlAs(
        member.page,
        server.url,
        'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }',
        { id: network.id },
      );
      const address = `${server.url}${rolePage(network, pool[0]!.id)}`;

      for (const someone of [member, outsider]) {
        const response = await visit(someone.page, address);
        expect(response?.status()).toBe(403);
        expect(await someone.page.getByRole('heading', { level: 1 }).innerText()).toBe('Only stewards can do this');
        expect(await someone.page.getByText("Only this network's stewards can change members' roles.").count()).toBe(1);
        expect(await someone.page.content()).not.toContain(pool[0]!.name);
        expect(await someone.page.getByRole('radio').count()).toBe(0);
        expect(await axeScan(someone.page)).toEqual([]);
      }

      // The member's own list has no role links; a crafted post is refused by the API.
      await visit(member.page, `${server.url}${network.path}/members`);
      expect(await member.page.getByRole('link', { name: pool[0]!.name }).count()).toBe(1);
      expect(await member.page.getByRole('link', { name: /Change role/ }).count()).toBe(0);
      const post = await member.page.request.post(address, {
        headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
        data: 'role=STEWARD',
      });
      expect(post.status()).toBe(403);

      // A steward asking after someone who is not a member, or no one at all: not found.
      for (const id of [outsider.id, 'not-an-id']) {
        const response = await visit(steward.page, `${server.url}${rolePage(network, id)}`);
        expect(response?.status()).toBe(404);
        expect(await steward.page.getByText('That person is not a member of this network.').count()).toBe(1);
        expect(await axeScan(steward.page)).toEqual([]);
      }
      const missing = await visit(
        steward.page,
        `${server.url}/networks/${uniqueWord('nowhere')}/members/${pool[0]!.id}/role`,
      );
      expect(missing?.status()).toBe(404);

      // Signed out: off to sign in, and back here after.
      const anonymous = await newContext(browser);
      try {
        const page = await anonymous.newPage();
        await visit(page, address);
        const url = new URL(page.url());
        expect(url.pathname).toBe('/signin');
        expect(url.searchParams.get('next')).toBe(rolePage(network, pool[0]!.id));
      } finally {
        await anonymous.close();
      }
    } finally {
      await steward.context.close();
      await member.context.close();
      await outsider.context.close();
    }
  });
});
