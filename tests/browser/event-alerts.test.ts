// New-event alerts: a member asks, on the network's page and with JavaScript off, to be told of
// new events; the organiser makes one through the API; the member finds it on their notifications
// page. The network page is axe-checked in both states.
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
let networkName: string;

async function personIn(label: string, javaScriptEnabled: boolean): Promise<SignedIn> {
  const context = await newContext(browser, { javaScriptEnabled, viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  const person = { ...newPerson(label.toLowerCase()), name: `${uniqueWord(label)} Tester` };
  await signUp(page, server.url, person);
  const { me } = await graphqlAs<{ me: { id: string } }>(page, server.url, 'query { me { id } }');
  return { context, page, person, id: me.id };
}

async function press(page: Page, button: string, arrived: (url: URL) => boolean): Promise<void> {
  await Promise.all([page.waitForURL(arrived), page.getByRole('button', { name: button, exact: true }).click()]);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  organiser = await personIn('Organiser', true);
  const fields = networkFields(uniqueWord('Alerton'));
  networkName = fields.name;
  network = await startNetwork(organiser.page, server.url, fields);
});

afterAll(async () => {
  await organiser?.context.close();
  await browser?.close();
  await server?.close();
});

describe('new-event alerts', () => {
  it('should tell a member who asked, with JavaScript off, of an event the organiser makes', async () => {
    const member = await personIn('Member', false);
    try {
      await graphqlAs(
        member.page,
        server.url,
        'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }',
        { id: network.id },
      );
      await visit(member.page, `${server.url}${network.path}`);
      await press(member.page, 'Tell me about new events', (url) => url.searchParams.has('alerts-on'));
      expect(await member.page.getByRole('status').innerText()).toContain(
        `You will be told of each new event of ${networkName}.`,
      );
      expect(await member.page.getByRole('button', { name: 'Stop telling me about new events' }).count()).toBe(1);

      const startsAt = new Date(Date.now() + 14 * 24 * 60 * 60 * 1000);
      startsAt.setUTCHours(18, 0, 0, 0);
      const title = `${uniqueWord('Winter')} social`;
      const { createEvent } = await graphqlAs<{ createEvent: { id: string } }>(
        organiser.page,
        server.url,
        `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
        {
          input: {
            networkId: network.id,
            title,
            format: 'SOCIAL',
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000).toISOString(),
            timeZone: 'Europe/London',
            onlineUrl: 'https://meet.example.org/winter',
            capacity: 20,
          },
        },
      );

      await visit(member.page, `${server.url}/notifications`);
      const told = member.page.getByRole('link', { name: `New event: ${title}` });
      expect(await told.count()).toBe(1);
      expect(await told.getAttribute('href')).toBe(`/events/${createEvent.id}`);
      expect(await member.page.getByText(`${networkName} has a new event, starting`).count()).toBe(1);
      // The organiser who made it is not told of it.
      await visit(organiser.page, `${server.url}/notifications`);
      expect(await organiser.page.getByRole('link', { name: `New event: ${title}` }).count()).toBe(0);

      await visit(member.page, `${server.url}${network.path}`);
      await press(member.page, 'Stop telling me about new events', (url) => url.searchParams.has('alerts-off'));
      expect(await member.page.getByRole('button', { name: 'Tell me about new events' }).count()).toBe(1);
    } finally {
      await member.context.close();
    }
  });

  it('should keep the network page accessible with the alerts form, both ways', async () => {
    const member = await personIn('Checker', true);
    try {
      await graphqlAs(
        member.page,
        server.url,
        'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }',
        { id: network.id },
      );
      await visit(member.page, `${server.url}${network.path}`);
      expect(await axeScan(member.page)).toEqual([]);
      await press(member.page, 'Tell me about new events', (url) => url.searchParams.has('alerts-on'));
      await member.page.getByRole('button', { name: 'Stop telling me about new events' }).waitFor();
      expect(await axeScan(member.page)).toEqual([]);
      // Not offered to someone who is not a member.
      const visitor = await personIn('Visitor', true);
      try {
        await visit(visitor.page, `${server.url}${network.path}`);
        expect(await visitor.page.getByRole('button', { name: 'Tell me about new events' }).count()).toBe(0);
      } finally {
        await visitor.context.close();
      }
    } finally {
      await member.context.close();
    }
  });
});
