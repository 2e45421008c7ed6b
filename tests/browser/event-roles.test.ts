// Volunteer roles from two browsers: a member volunteers for the food with JavaScript off, an
// organiser puts them in as host on the roles page, the public event page shows both, and the
// member steps down from one. Axe-checked on the event page and the roles page.
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

async function personIn(label: string, javaScriptEnabled: boolean, width: number): Promise<SignedIn> {
  const context = await newContext(browser, { javaScriptEnabled, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const person = { ...newPerson(label.toLowerCase()), name: `${uniqueWord(label)} Tester` };
  await signUp(page, server.url, person);
  const { me } = await graphqlAs<{ me: { id: string } }>(page, server.url, 'query { me { id } }');
  return { context, page, person, id: me.id };
}

async function newEvent(title: string): Promise<string> {
  const startsAt = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);
  startsAt.setUTCHours(18, 0, 0, 0);
  const { createEvent } = await graphqlAs<{ createEvent: { id: string } }>(
    organiser.page,
    server.url,
    `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
    {
      input: {
        networkId: network.id,
        title,
        format: 'TALKS_AND_NETWORKING',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000).toISOString(),
        timeZone: 'Europe/London',
        onlineUrl: 'https://meet.example.org/helpers',
        capacity: 20,
      },
    },
  );
  return createEvent.id;
}

async function press(page: Page, button: string, arrived: (url: URL) => boolean): Promise<void> {
  await Promise.all([page.waitForURL(arrived), page.getByRole('button', { name: button }).click()]);
}

const helpers = (page: Page) => page.getByRole('region', { name: 'Who’s helping' }).innerText();

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  organiser = await personIn('Organiser', true, 1280);
  network = await startNetwork(organiser.page, server.url, networkFields(uniqueWord('Helpton')));
});

afterAll(async () => {
  await organiser?.context.close();
  await browser?.close();
  await server?.close();
});

describe('volunteer roles', () => {
  it('should let a member volunteer and step down, and an organiser assign, shown to anyone', async () => {
    const member = await personIn('Member', false, 390);
    const visitor = await newContext(browser, { javaScriptEnabled: true, viewport: { width: 1280, height: 900 } });
    try {
      await graphqlAs(
        member.page,
        server.url,
        'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }',
        { id: network.id },
      );
      const eventId = await newEvent(`${uniqueWord('Helpers')} evening`);

      // The member volunteers for the food, with JavaScript off; OTHER without a note is refused.
      await visit(member.page, `${server.url}/events/${eventId}`);
      expect(await helpers(member.page)).toContain('Nobody has offered to help yet.');
      await member.page.getByLabel('How you can help').selectOption('OTHER');
      await Promise.all([
        member.page.waitForLoadState(),
        member.page.getByRole('button', { name: 'Volunteer' }).click(),
      ]);
      expect(await member.page.getByRole('alert').innerText()).toContain('Say in the note what you will do');
      await member.page.getByLabel('How you can help').selectOption('FOOD');
      await member.page.getByLabel('Note (optional; needed for Other)').fill('brings the urn');
      await press(member.page, 'Volunteer', (url) => url.searchParams.has('volunteered'));
      expect(await helpers(member.page)).toContain(`Food: ${member.person.name} – brings the urn`);

      // The organiser puts the member in as host, on the roles page.
      await visit(organiser.page, `${server.url}/events/${eventId}`);
      await Promise.all([
        organiser.page.waitForURL((url) => url.pathname === `/events/${eventId}/roles`),
        organiser.page.getByRole('link', { name: 'Volunteer roles' }).click(),
      ]);
      expect(await axeScan(organiser.page)).toEqual([]);
      await organiser.page.getByLabel('Role', { exact: true }).selectOption('HOST');
      await organiser.page.getByLabel('Member', { exact: true }).selectOption({ label: member.person.name });
      await press(organiser.page, 'Add to the role', (url) => url.searchParams.has('assigned'));
      expect(await organiser.page.getByRole('region', { name: 'Who’s helping' }).innerText()).toContain(
        `Host: ${member.person.name}`,
      );
      expect(await axeScan(organiser.page)).toEqual([]);

      // Anyone sees both, signed out too, with links to the member's profile.
      const page = await visitor.newPage();
      await visit(page, `${server.url}/events/${eventId}`);
      const shown = await helpers(page);
      expect(shown).toContain(`Food: ${member.person.name} – brings the urn`);
      expect(shown).toContain(`Host: ${member.person.name}`);
      expect(await page.getByRole('link', { name: member.person.name }).first().getAttribute('href')).toBe(
        `/people/${member.id}`,
      );
      expect(await page.getByRole('button', { name: 'Volunteer' }).count()).toBe(0);
      expect(await axeScan(page)).toEqual([]);

      // The member steps down from the food.
      await visit(member.page, `${server.url}/events/${eventId}`);
      await press(member.page, 'Step down as Food', (url) => url.searchParams.has('stepped-down'));
      const after = await helpers(member.page);
      expect(after).not.toContain('Food:');
      expect(after).toContain(`Host: ${member.person.name}`);
    } finally {
      await member.context.close();
      await visitor.close();
    }
  });
});
