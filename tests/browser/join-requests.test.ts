// Who gets in: a newcomer asks to join a network that asks, a steward approves them from the
// requests page, and the newcomer then sees the member list. Each width runs in its JavaScript
// mode (off on a phone), with axe on every page state.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

const WIDTHS = [390, 1280] as const;

async function personIn(label: string, options: { javaScriptEnabled: boolean; width: number }) {
  const context = await newContext(browser, {
    javaScriptEnabled: options.javaScriptEnabled,
    viewport: { width: options.width, height: 900 },
  });
  const page = await context.newPage();
  const person = newPerson(label);
  await signUp(page, server.url, person);
  const { me } = await graphqlAs<{ me: { id: string } }>(page, server.url, 'query { me { id } }');
  return { context, page, person, id: me.id } satisfies SignedIn;
}

/** Follows a link or sends a form, and waits for the address it leads to. */
async function goTo(page: Page, action: () => Promise<void>, arrived: (url: URL) => boolean): Promise<void> {
  await Promise.all([page.waitForURL(arrived), action()]);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(WIDTHS)('asking to join, %i pixels wide', (width) => {
  it.each(javaScriptModeAt(width))(
    'should let a newcomer ask, a steward approve them, and the newcomer then see the members, $mode',
    async ({ javaScriptEnabled }) => {
      const steward = await personIn('gatekeeper', { javaScriptEnabled, width });
      const newcomer = await personIn('asker', { javaScriptEnabled, width });
      try {
        const fields = networkFields(uniqueWord('Askby'));
        const network = await startNetwork(steward.page, server.url, fields);
        await graphqlAs(
          steward.page,
          server.url,
          'mutation ($id: ID!) { updateNetwork(networkId: $id, input: { joinPolicy: ASK_TO_JOIN }) { id } }',
          { id: network.id },
        );

        // The newcomer sees a request form, not a Join button.
        const { page } = newcomer;
        await visit(page, `${server.url}${network.path}`);
        expect(await page.getByRole('heading', { name: 'Ask to join this network' }).count()).toBe(1);
        expect(await page.getByRole('button', { name: `Join ${fields.name}`, exact: true }).count()).toBe(0);
        if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);

        // Sent without the code of conduct accepted: refused, with what was typed kept.
        await page.getByLabel('A line about yourself').fill('I run the website at a small food bank.');
        await page.getByRole('button', { name: `Ask to join ${fields.name}` }).click();
        await page.getByText("Read and accept the network's code of conduct to ask to join.").first().waitFor();
        expect(await page.getByLabel('A line about yourself').inputValue()).toBe(
          'I run the website at a small food bank.',
        );
        if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);

        await page.getByLabel('I accept the code of conduct').check();
        await goTo(
          page,
          () => page.getByRole('button', { name: `Ask to join ${fields.name}` }).click(),
          (url) => url.searchParams.has('asked'),
        );
        expect(await page.getByRole('status').innerText()).toBe(
          `Your request to join ${fields.name} is sent. Its stewards will answer, and you will be told.`,
        );
        expect(await page.getByText('Your request is waiting for the stewards.').count()).toBe(1);
        expect(await page.getByRole('button', { name: 'Withdraw your request' }).count()).toBe(1);
        if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);

        // Waiting grants nothing: the member list is still closed to them.
        await visit(page, `${server.url}${network.path}/members`);
        expect(await page.getByRole('link', { name: steward.person.name }).count()).toBe(0);

        // The steward follows the count on the network page to the requests, and approves.
        const stewardPage = steward.page;
        await visit(stewardPage, `${server.url}${network.path}`);
        await goTo(
          stewardPage,
          () => stewardPage.getByRole('link', { name: '1 request to join' }).click(),
          (url) => url.pathname === `${network.path}/join-requests`,
        );
        const request = stewardPage.getByRole('listitem').filter({ hasText: newcomer.person.name });
        expect(await request.getByText('I run the website at a small food bank.').count()).toBe(1);
        if (javaScriptEnabled) expect(await axeScan(stewardPage)).toEqual([]);
        await request.getByLabel(`A note to ${newcomer.person.name} (optional)`).fill('Welcome aboard!');
        await goTo(
          stewardPage,
          () => request.getByRole('button', { name: `Approve ${newcomer.person.name}` }).click(),
          (url) => url.searchParams.has('approved'),
        );
        expect(await stewardPage.getByRole('status').innerText()).toBe(
          'Approved: they are now a member, and they have been told.',
        );
        expect(await stewardPage.getByText('There are no requests waiting.').count()).toBe(1);
        if (javaScriptEnabled) expect(await axeScan(stewardPage)).toEqual([]);

        // Now a member, the newcomer sees who is here.
        await visit(page, `${server.url}${network.path}/members`);
        expect(await page.getByRole('link', { name: steward.person.name }).count()).toBe(1);
        expect(await page.getByRole('link', { name: newcomer.person.name }).count()).toBe(1);
      } finally {
        await newcomer.context.close();
        await steward.context.close();
      }
    },
  );
});
