// Safety in the browser: a member reports a person from their page, a steward warns them from
// the network's queue, the reporter hears it was acted on and the warned person reads the note,
// never who reported. Blocking and unblocking from a person's page and the block list. An
// operator's queue and audit trail, and the 403 pages for everyone else. Each journey runs with
// JavaScript on and off, with axe on every page state where it runs.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantOperator } from '../../server/src/modules/safety/service.ts';
import { serviceContext } from '../../server/src/testing/factories.ts';
import {
  axeScan,
  graphqlAs,
  JAVASCRIPT_MODES,
  launchBrowser,
  newContext,
  newPerson,
  signUp,
  visit,
  type SignedIn,
} from '../support/browser.ts';
import { networkFields, startNetwork, uniqueWord, type StartedNetwork } from '../support/networks.ts';
import { startServer } from '../support/server.ts';

/** These journeys visit a dozen pages with three people, axe on most: longer than one page's test. */
const JOURNEY_TIMEOUT_MS = 180_000;

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

async function personIn(label: string, javaScriptEnabled = true): Promise<SignedIn> {
  const context = await newContext(browser, { javaScriptEnabled, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const person = newPerson(label);
  await signUp(page, server.url, person);
  const { me } = await graphqlAs<{ me: { id: string } }>(page, server.url, 'query { me { id } }');
  return { context, page, person, id: me.id };
}

async function join(member: SignedIn, network: StartedNetwork): Promise<void> {
  await graphqlAs(
    member.page,
    server.url,
    'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }',
    { id: network.id },
  );
}

/** Follows a link or sends a form, and waits for the address it leads to. */
async function goTo(page: Page, action: () => Promise<void>, arrived: (url: URL) => boolean): Promise<void> {
  await Promise.all([page.waitForURL(arrived), action()]);
}

/** axe, where JavaScript runs (axe needs to script the page). */
async function expectAccessible(page: Page, javaScriptEnabled: boolean): Promise<void> {
  if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);
}

describe('reporting a concern', () => {
  it.each(JAVASCRIPT_MODES)(
    'should take a report from a member to a steward’s warning, the reporter’s notice and the warned person’s note, $mode',
    async ({ javaScriptEnabled }) => {
      const steward = await personIn('keeper', javaScriptEnabled);
      const reporter = await personIn('witness', javaScriptEnabled);
      const subject = await personIn('rude', javaScriptEnabled);
      try {
        const fields = networkFields(uniqueWord('Safeby'));
        const network = await startNetwork(steward.page, server.url, fields);
        await join(reporter, network);
        await join(subject, network);

        // The reporter starts from the person's page.
        const page = reporter.page;
        await visit(page, `${server.url}/people/${subject.id}`);
        await goTo(
          page,
          () => page.getByRole('link', { name: 'Report a concern' }).click(),
          (url) => url.pathname === '/report',
        );
        expect(await page.getByText(`You are reporting a concern about ${subject.person.name}.`).count()).toBe(1);
        expect(
          await page
            .getByText(
              'The stewards always see who reported. The person you report is never told who did, whether or not you tick this.',
            )
            .count(),
        ).toBe(1);
        await expectAccessible(page, javaScriptEnabled);

        // No reason chosen: refused, beside the field and in the summary, with the words kept.
        await page.getByLabel('What happened').fill('Sent me three rude messages after the meetup.');
        await page.getByRole('button', { name: 'Send the report' }).click();
        await page.locator('#reason-error').waitFor();
        expect(await page.locator('#error-summary').innerText()).toContain('Choose why you are reporting this.');
        expect(await page.getByLabel('What happened').inputValue()).toBe(
          'Sent me three rude messages after the meetup.',
        );
        await expectAccessible(page, javaScriptEnabled);

        await page.getByLabel('Harassment').check();
        await page.getByLabel('Keep my name from the person I am reporting').check();
        await goTo(
          page,
          () => page.getByRole('button', { name: 'Send the report' }).click(),
          (url) => url.pathname === '/account/reports',
        );
        expect(await page.getByRole('status').innerText()).toContain('Thank you. Your report went to the stewards');
        const mine = page.getByRole('listitem').filter({ hasText: subject.person.name });
        expect(await mine.getByText('Waiting for the stewards').count()).toBe(1);
        expect(await mine.getByText('Harassment').count()).toBe(1);
        await expectAccessible(page, javaScriptEnabled);

        // The steward follows the count on the network page to the queue.
        const desk = steward.page;
        await visit(desk, `${server.url}${network.path}`);
        await goTo(
          desk,
          () => desk.getByRole('link', { name: 'Reports (1 open)' }).click(),
          (url) => url.pathname === `${network.path}/reports`,
        );
        expect(await desk.getByRole('link', { name: 'Open (1)' }).count()).toBe(1);
        const card = desk.getByRole('article').filter({ hasText: subject.person.name });
        expect(await card.getByText('Sent me three rude messages after the meetup.').count()).toBe(1);
        expect(await card.getByRole('link', { name: reporter.person.name }).count()).toBe(1);
        expect(await card.getByText('(asked not to be named to the person)').count()).toBe(1);
        // A person is no content: nothing to hide.
        expect(await card.getByLabel('Hide the content').count()).toBe(0);
        await expectAccessible(desk, javaScriptEnabled);

        // A warning without a note: refused on that card.
        await card.getByLabel('Warn').check();
        await card.getByRole('button', { name: /^Resolve/ }).click();
        await desk.locator('[id^="note-"][id$="-error"]').waitFor();
        expect(await desk.locator('#error-summary').innerText()).toContain(
          'Add a note saying why: it is kept in the audit trail.',
        );
        await expectAccessible(desk, javaScriptEnabled);

        const note = 'Please keep your messages to members kind and to the point.';
        const again = desk.getByRole('article').filter({ hasText: subject.person.name });
        await again.getByLabel('Warn').check();
        await again.getByLabel('Why').fill(note);
        await goTo(
          desk,
          () => again.getByRole('button', { name: /^Resolve/ }).click(),
          (url) => url.searchParams.get('resolved') === 'WARN',
        );
        expect(await desk.getByRole('status').innerText()).toBe(
          'Resolved: warned the person. The reporter has been thanked.',
        );
        expect(await desk.getByText('There are no open reports. Nothing waits for you.').count()).toBe(1);
        await expectAccessible(desk, javaScriptEnabled);

        // The resolved tab keeps what was done, by whom.
        await goTo(
          desk,
          () => desk.getByRole('link', { name: 'Resolved' }).click(),
          (url) => url.searchParams.get('status') === 'resolved',
        );
        const done = desk.getByRole('article').filter({ hasText: subject.person.name });
        expect(await done.getByText('warned the person').count()).toBe(1);
        expect(await done.getByText(note).count()).toBe(1);
        expect(await done.getByText(steward.person.name, { exact: false }).count()).toBeGreaterThan(0);
        expect(await done.getByRole('button', { name: /^Resolve/ }).count()).toBe(0);
        await expectAccessible(desk, javaScriptEnabled);

        // And the audit trail, with the note as the reason.
        await visit(desk, `${server.url}${network.path}/audit`);
        const entry = desk.getByRole('listitem').filter({ hasText: 'Report resolved' });
        expect(await entry.getByText(note).count()).toBe(1);
        expect(await entry.getByRole('link', { name: steward.person.name }).count()).toBe(1);
        expect(await entry.getByRole('link', { name: subject.person.name }).count()).toBe(1);
        await expectAccessible(desk, javaScriptEnabled);

        // The reporter is thanked in general words, and their report reads "Looked at".
        await visit(page, `${server.url}/notifications`);
        expect(
          await page.getByText(`Thank you for your report: the stewards of ${fields.name} acted on it`).count(),
        ).toBe(1);
        expect(await page.getByText(note).count()).toBe(0);
        await visit(page, `${server.url}/account/reports`);
        expect(
          await page.getByRole('listitem').filter({ hasText: subject.person.name }).getByText('Looked at').count(),
        ).toBe(1);

        // The warned person reads the note, and nothing names who reported.
        const warned = subject.page;
        await visit(warned, `${server.url}/notifications`);
        expect(await warned.getByText(`A warning from the stewards of ${fields.name}`).count()).toBe(1);
        expect(await warned.getByText(note).count()).toBe(1);
        expect(await warned.locator('main').innerText()).not.toContain(reporter.person.name);
        await expectAccessible(warned, javaScriptEnabled);
      } finally {
        await subject.context.close();
        await reporter.context.close();
        await steward.context.close();
      }
    },
    JOURNEY_TIMEOUT_MS,
  );
});

describe('blocking', () => {
  it.each(JAVASCRIPT_MODES)(
    'should block a person from their page, list them, and unblock them, $mode',
    async ({ javaScriptEnabled }) => {
      const blocker = await personIn('blocker', javaScriptEnabled);
      const other = await personIn('pest', javaScriptEnabled);
      try {
        const network = await startNetwork(blocker.page, server.url, networkFields(uniqueWord('Blockby')));
        await join(other, network);
        const page = blocker.page;

        // Nobody blocked yet; the page says what blocking does.
        await visit(page, `${server.url}/account/blocks`);
        expect(await page.getByText('You have not blocked anyone.').count()).toBe(1);
        expect(await page.getByText('Neither of you can send the other a mentoring request.').count()).toBe(1);
        await expectAccessible(page, javaScriptEnabled);

        // One's own page offers neither reporting nor blocking.
        await visit(page, `${server.url}/people/${blocker.id}`);
        expect(await page.getByRole('button', { name: /^Block/ }).count()).toBe(0);
        expect(await page.getByRole('link', { name: 'Report a concern' }).count()).toBe(0);

        await visit(page, `${server.url}/people/${other.id}`);
        await expectAccessible(page, javaScriptEnabled);
        await goTo(
          page,
          () => page.getByRole('button', { name: `Block ${other.person.name}` }).click(),
          (url) => url.pathname === '/account/blocks' && url.searchParams.has('blocked'),
        );
        expect(await page.getByRole('status').innerText()).toBe('Blocked. They are not told.');
        expect(await page.getByRole('link', { name: other.person.name }).count()).toBe(1);
        await expectAccessible(page, javaScriptEnabled);

        await goTo(
          page,
          () => page.getByRole('button', { name: `Unblock ${other.person.name}` }).click(),
          (url) => url.searchParams.has('unblocked'),
        );
        expect(await page.getByRole('status').innerText()).toBe('Unblocked. They are not told.');
        expect(await page.getByText('You have not blocked anyone.').count()).toBe(1);
        await expectAccessible(page, javaScriptEnabled);
      } finally {
        await other.context.close();
        await blocker.context.close();
      }
    },
    JOURNEY_TIMEOUT_MS,
  );

  it('should send a signed-out visitor of the block list to sign in and back', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await visit(page, `${server.url}/account/blocks`);
      const url = new URL(page.url());
      expect(url.pathname).toBe('/signin');
      expect(url.searchParams.get('next')).toBe('/account/blocks');
    } finally {
      await context.close();
    }
  });
});

describe('operators', () => {
  it(
    'should show an operator every report and the whole audit trail, and a 403 page to anyone else',
    async () => {
      const steward = await personIn('owner');
      const reporter = await personIn('critic');
      const operator = await personIn('operator');
      try {
        const fields = networkFields(uniqueWord('Opsby'));
        const network = await startNetwork(steward.page, server.url, fields);
        await join(reporter, network);
        // Operators are made on the command line; the test calls what the command calls.
        await grantOperator(serviceContext(server.database.db), operator.person.email);

        // A member may not read the network's queue or its trail, nor the operators' pages.
        const page = reporter.page;
        for (const path of [
          `${network.path}/reports`,
          `${network.path}/audit`,
          '/operator/reports',
          '/operator/audit',
        ]) {
          const response = await visit(page, `${server.url}${path}`);
          expect(response?.status()).toBe(403);
          await expectAccessible(page, true);
        }
        expect(await page.getByText('Only the site’s operators can read the whole audit trail.').count()).toBe(1);

        // A concern about the network itself goes to the operators.
        await visit(page, `${server.url}${network.path}`);
        await goTo(
          page,
          () => page.getByRole('link', { name: 'Report a concern about this network' }).click(),
          (url) => url.pathname === '/report',
        );
        expect(await page.getByText('You are reporting a concern about a network.').count()).toBe(1);
        await page.getByLabel('Something else').check();
        await page.getByRole('button', { name: 'Send the report' }).click();
        await page.locator('#details-error').waitFor();
        await expectAccessible(page, true);
        await page.getByLabel('What happened').fill('The stewards charge for meetups, against the network’s promise.');
        await goTo(
          page,
          () => page.getByRole('button', { name: 'Send the report' }).click(),
          (url) => url.pathname === '/account/reports',
        );

        // The operator finds it from their account page, with its network named.
        const desk = operator.page;
        await visit(desk, `${server.url}/account`);
        await goTo(
          desk,
          () => desk.getByRole('link', { name: 'Operator: every report' }).click(),
          (url) => url.pathname === '/operator/reports',
        );
        const card = desk.getByRole('article').filter({ hasText: 'The stewards charge for meetups' });
        expect(await card.getByRole('link', { name: fields.name }).count()).toBeGreaterThan(0);
        expect(await card.getByText('(for the operators)').count()).toBe(1);
        // About no person: only dismissing fits.
        expect(await card.getByLabel('Warn').count()).toBe(0);
        await expectAccessible(desk, true);
        await card.getByLabel('Dismiss').check();
        await card.getByLabel('Why').fill('Meetups are free; the fee was for a paid venue, agreed by members.');
        await goTo(
          desk,
          () => card.getByRole('button', { name: /^Resolve/ }).click(),
          (url) => url.searchParams.get('resolved') === 'DISMISS',
        );
        expect(await desk.getByRole('status').innerText()).toBe('Resolved: dismissed. The reporter has been thanked.');
        await expectAccessible(desk, true);

        // The whole trail: the grant from the command line and the dismissal.
        await visit(desk, `${server.url}/operator/audit`);
        const granted = desk
          .getByRole('listitem')
          .filter({ hasText: 'Operator added' })
          .filter({ hasText: operator.person.name });
        expect(await granted.getByText('The command line', { exact: true }).count()).toBe(1);
        const dismissed = desk.getByRole('listitem').filter({ hasText: 'Meetups are free' });
        expect(await dismissed.getByRole('link', { name: fields.name }).count()).toBe(1);
        await expectAccessible(desk, true);

        // The steward's network page counts only what waits for the stewards.
        await visit(steward.page, `${server.url}${network.path}`);
        expect(await steward.page.getByRole('link', { name: 'Reports (0 open)' }).count()).toBe(1);
        expect(await steward.page.getByRole('link', { name: 'Audit trail' }).count()).toBe(1);
      } finally {
        await operator.context.close();
        await reporter.context.close();
        await steward.context.close();
      }
    },
    JOURNEY_TIMEOUT_MS,
  );
});
