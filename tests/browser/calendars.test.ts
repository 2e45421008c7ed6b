// Calendar files from the pages: the event page's "Add to calendar" downloads a file a real
// parser reads, the network page offers its feed, and the account page's private feed resets
// with JavaScript off, the old link stopping at once. axe-checked.
import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';
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

async function personIn(label: string, javaScriptEnabled: boolean): Promise<SignedIn> {
  const context = await newContext(browser, { javaScriptEnabled, viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  const person = { ...newPerson(label.toLowerCase()), name: `${uniqueWord(label)} Tester` };
  await signUp(page, server.url, person);
  const { me } = await graphqlAs<{ me: { id: string } }>(page, server.url, 'query { me { id } }');
  return { context, page, person, id: me.id };
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  organiser = await personIn('Organiser', true);
  network = await startNetwork(organiser.page, server.url, networkFields(uniqueWord('Calendon')));
});

afterAll(async () => {
  await organiser?.context.close();
  await browser?.close();
  await server?.close();
});

describe('calendar files', () => {
  it('should download the event’s file from its page, in the event’s zone', async () => {
    // A summer evening in London a year on: 18:30 BST is 17:30 UTC.
    const startsAt = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 6, 1, 17, 30));
    const title = `${uniqueWord('Calendar')} evening`;
    const { createEvent } = await graphqlAs<{ createEvent: { id: string } }>(
      organiser.page,
      server.url,
      `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      {
        input: {
          networkId: network.id,
          title,
          description: 'Talks, then tea.',
          format: 'TALKS_AND_NETWORKING',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000).toISOString(),
          timeZone: 'Europe/London',
          onlineUrl: 'https://meet.example.org/calendar-evening',
          capacity: 10,
        },
      },
    );
    const page = organiser.page;
    await visit(page, `${server.url}/events/${createEvent.id}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Add to calendar' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`hearth-event-${createEvent.id}.ics`);
    const body = await readFile(await download.path(), 'utf8');
    const vevent = new ICAL.Component(ICAL.parse(body)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('summary')).toBe(title);
    expect(vevent.getFirstPropertyValue('uid')).toBe(`${createEvent.id}@hearth`);
    const dtstart = vevent.getFirstProperty('dtstart')!;
    expect(dtstart.getParameter('tzid')).toBe('Europe/London');
    expect((dtstart.getFirstValue() as ICAL.Time).toString()).toBe(`${startsAt.getUTCFullYear()}-07-01T18:30:00`);
    expect(body).not.toContain('calendar-evening');

    // The network's page offers its feed, which answers.
    await visit(page, `${server.url}${network.path}`);
    const feed = page.getByRole('region', { name: 'Coming up' }).getByRole('link', { name: 'Add to calendar' });
    const href = await feed.getAttribute('href');
    expect(href).toMatch(/^\/calendar\/networks\/.+\.ics$/);
    const served = await page.request.get(`${server.url}${href}`);
    expect(served.status()).toBe(200);
    expect(await served.text()).toContain(`UID:${createEvent.id}@hearth`);
  });

  it('should reset the private feed with JavaScript off, the old link stopping at once', async () => {
    const person = await personIn('Subscriber', false);
    try {
      const { page } = person;
      await visit(page, `${server.url}/account`);
      const field = page.getByLabel('Calendar feed link');
      const before = await field.inputValue();
      expect(before).toMatch(/\/calendar\/people\/[A-Za-z0-9_-]{43}\.ics$/);
      expect(await page.getByText('This link is private').count()).toBe(1);
      expect((await page.request.get(before)).status()).toBe(200);

      await Promise.all([
        page.waitForURL((url) => url.searchParams.has('calendar-reset')),
        page.getByRole('button', { name: 'Reset link' }).click(),
      ]);
      expect(await page.getByRole('status').innerText()).toContain('The old link stopped working');
      const after = await page.getByLabel('Calendar feed link').inputValue();
      expect(after).not.toBe(before);
      expect((await page.request.get(before)).status()).toBe(404);
      expect((await page.request.get(after)).status()).toBe(200);
    } finally {
      await person.context.close();
    }
  });

  it('should pass axe on the account page just after a reset', async () => {
    const person = await personIn('Axe', true);
    try {
      const { page } = person;
      await visit(page, `${server.url}/account`);
      await Promise.all([
        page.waitForURL((url) => url.searchParams.has('calendar-reset')),
        page.getByRole('button', { name: 'Reset link' }).click(),
      ]);
      await page.getByRole('status').waitFor();
      expect(await axeScan(page)).toEqual([]);
    } finally {
      await person.context.close();
    }
  });
});
