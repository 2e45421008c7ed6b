// An attendee's journey through an event from two browsers: register with access needs, see the
// online link only with a seat, wait on a full event with a position, get the seat when it frees
// (at once, or offered to claim), and give a seat up. With JavaScript on and off, axe-checked.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { networkFields, startNetwork, uniqueWord, type StartedNetwork } from '../support/networks.ts';
import { startServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let organiser: SignedIn;
let network: StartedNetwork;

const MODES = [
  { mode: 'with JavaScript on', javaScriptEnabled: true, width: 1280 },
  { mode: 'with JavaScript off', javaScriptEnabled: false, width: 390 },
] as const;

const ONLINE_URL = 'https://meet.example.org/hearth-coffee';

async function personIn(label: string, javaScriptEnabled: boolean, width: number): Promise<SignedIn> {
  const context = await newContext(browser, { javaScriptEnabled, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const person = { ...newPerson(label.toLowerCase()), name: `${uniqueWord(label)} Tester` };
  await signUp(page, server.url, person);
  const { me } = await graphqlAs<{ me: { id: string } }>(page, server.url, 'query { me { id } }');
  return { context, page, person, id: me.id };
}

/** An online event of the organiser's network a week ahead, with one seat. */
async function oneSeatEvent(title: string, promotion: 'AUTO_CONFIRM' | 'CLAIM_WITHIN_HOURS'): Promise<string> {
  const startsAt = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);
  startsAt.setUTCHours(18, 0, 0, 0);
  const endsAt = new Date(startsAt.getTime() + 90 * 60 * 1000);
  const { createEvent } = await graphqlAs<{ createEvent: { id: string } }>(
    organiser.page,
    server.url,
    `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
    {
      input: {
        networkId: network.id,
        title,
        description: 'Half an hour of coffee and questions.',
        format: 'VIRTUAL_COFFEE',
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        timeZone: 'Europe/London',
        onlineUrl: ONLINE_URL,
        capacity: 1,
        promotion,
        claimHours: promotion === 'CLAIM_WITHIN_HOURS' ? 24 : null,
      },
    },
  );
  return createEvent.id;
}

async function press(page: Page, button: string, arrived: (url: URL) => boolean): Promise<void> {
  await Promise.all([page.waitForURL(arrived), page.getByRole('button', { name: button, exact: true }).click()]);
}

const yourPlace = (page: Page) => page.getByRole('region', { name: 'Your place' }).innerText();

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  organiser = await personIn('Organiser', true, 1280);
  network = await startNetwork(organiser.page, server.url, networkFields(uniqueWord('Eventon')));
});

afterAll(async () => {
  await organiser?.context.close();
  await browser?.close();
  await server?.close();
});

describe('an attendee', () => {
  it.each(MODES)(
    'should register, wait, get a freed seat and give it up, $mode',
    async ({ javaScriptEnabled, width }) => {
      const first = await personIn('First', javaScriptEnabled, width);
      const second = await personIn('Second', javaScriptEnabled, width);
      try {
        const title = `${uniqueWord('Coffee')} morning`;
        const eventId = await oneSeatEvent(title, 'AUTO_CONFIRM');

        // Found from the list of events and from the network's page.
        await visit(first.page, `${server.url}/events`);
        await Promise.all([
          first.page.waitForURL((url) => url.pathname === `/events/${eventId}`),
          first.page.getByRole('link', { name: title }).click(),
        ]);
        expect(await first.page.getByRole('heading', { level: 1 }).innerText()).toBe(title);
        expect(await yourPlace(first.page)).toContain('1 place left of 1.');
        // The link is for people with a seat.
        expect(await first.page.getByText(ONLINE_URL).count()).toBe(0);
        if (javaScriptEnabled) expect(await axeScan(first.page)).toEqual([]);

        await first.page.getByLabel('Access needs (optional)').fill('Captions, please.');
        await press(first.page, 'Register', (url) => url.searchParams.has('registered'));
        expect(await yourPlace(first.page)).toContain('You have a place.');
        expect(await first.page.getByRole('link', { name: ONLINE_URL }).count()).toBe(1);

        // The event is full: the second person waits, first in line.
        await visit(second.page, `${server.url}/events/${eventId}`);
        expect(await yourPlace(second.page)).toContain('Full: 0 people waiting.');
        await press(second.page, 'Join the waiting list', (url) => url.searchParams.has('registered'));
        expect(await yourPlace(second.page)).toContain('You are number 1 on the waiting list.');
        expect(await second.page.getByText(ONLINE_URL).count()).toBe(0);
        if (javaScriptEnabled) expect(await axeScan(second.page)).toEqual([]);

        // Access needs are the person's and the organisers': not on anyone else's page.
        expect(await second.page.getByText('Captions, please.').count()).toBe(0);

        // The first gives the seat up; it goes to the second at once.
        await press(first.page, 'Give up my place', (url) => url.searchParams.has('cancelled'));
        expect(await first.page.getByRole('button', { name: 'Register', exact: true }).count()).toBe(0);
        await visit(second.page, `${server.url}/events/${eventId}`);
        expect(await yourPlace(second.page)).toContain('You have a place.');
        expect(await second.page.getByRole('link', { name: ONLINE_URL }).count()).toBe(1);

        // The network's page lists it among what is coming up.
        await visit(second.page, `${server.url}${network.path}`);
        expect(
          await second.page.getByRole('region', { name: 'Coming up' }).getByRole('link', { name: title }).count(),
        ).toBe(1);
      } finally {
        await first.context.close();
        await second.context.close();
      }
    },
  );

  it.each(MODES)(
    'should claim a seat offered from the waiting list, or leave the list, $mode',
    async ({ javaScriptEnabled, width }) => {
      const holder = await personIn('Holder', javaScriptEnabled, width);
      const waiter = await personIn('Waiter', javaScriptEnabled, width);
      const leaver = await personIn('Leaver', javaScriptEnabled, width);
      try {
        const eventId = await oneSeatEvent(`${uniqueWord('Claimable')} workshop`, 'CLAIM_WITHIN_HOURS');
        for (const person of [holder, waiter, leaver]) {
          await visit(person.page, `${server.url}/events/${eventId}`);
          const button = person === holder ? 'Register' : 'Join the waiting list';
          await press(person.page, button, (url) => url.searchParams.has('registered'));
        }
        expect(await yourPlace(leaver.page)).toContain('You are number 2 on the waiting list.');

        // Leaving the list moves nobody past anyone.
        await press(leaver.page, 'Leave the waiting list', (url) => url.searchParams.has('cancelled'));
        await press(holder.page, 'Give up my place', (url) => url.searchParams.has('cancelled'));

        await visit(waiter.page, `${server.url}/events/${eventId}`);
        expect(await yourPlace(waiter.page)).toContain('A place is yours if you claim it by');
        if (javaScriptEnabled) expect(await axeScan(waiter.page)).toEqual([]);
        await press(waiter.page, 'Claim my place', (url) => url.searchParams.has('claimed'));
        expect(await yourPlace(waiter.page)).toContain('You have a place.');
      } finally {
        await holder.context.close();
        await waiter.context.close();
        await leaver.context.close();
      }
    },
  );
});

describe('an open event page', () => {
  it('should show seats taken and freed by others as they change, read out politely', async () => {
    const watcher = await personIn('Watcher', true, 390);
    const other = await personIn('Other', true, 1280);
    try {
      const eventId = await oneSeatEvent(`${uniqueWord('Live')} coffee`, 'AUTO_CONFIRM');
      await visit(watcher.page, `${server.url}/events/${eventId}`);
      const seats = watcher.page.locator('.seats');
      expect(await seats.innerText()).toBe('1 place left of 1.');
      expect(await seats.getAttribute('aria-live')).toBe('polite');
      const register = watcher.page.getByRole('button', { name: 'Register', exact: true });
      expect(await register.count()).toBe(1);

      // Someone else takes the last seat: the page says so without a reload, and offers the list.
      const { registerForEvent } = await graphqlAs<{ registerForEvent: { id: string } }>(
        other.page,
        server.url,
        'mutation ($id: ID!) { registerForEvent(eventId: $id) { id } }',
        { id: eventId },
      );
      await expect.poll(() => seats.innerText()).toBe('Full: 0 people waiting.');
      expect(await watcher.page.getByRole('button', { name: 'Join the waiting list' }).count()).toBe(1);

      // The organiser raises the capacity: a new seat, and the new total.
      await graphqlAs(
        organiser.page,
        server.url,
        'mutation ($id: ID!) { updateEvent(eventId: $id, input: { capacity: 3 }) { id } }',
        { id: eventId },
      );
      await expect.poll(() => seats.innerText()).toBe('2 places left of 3.');

      await graphqlAs(
        other.page,
        server.url,
        'mutation ($id: ID!) { cancelRegistration(registrationId: $id) { id } }',
        {
          id: registerForEvent.id,
        },
      );
      await expect.poll(() => seats.innerText()).toBe('3 places left of 3.');
    } finally {
      await watcher.context.close();
      await other.context.close();
    }
  });
});
